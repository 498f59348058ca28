package se.trygghetsnav.est.week;

/** How serious the reporter judged what they saw. */
public enum Seriousness {
    LOW(1),
    MEDIUM(2),
    HIGH(3);

    private final int weight;

    Seriousness(int weight) {
        this.weight = weight;
    }

    /** 1 to 3, for ranking hot spots: a serious entry weighs more than a mild one. */
    public int weight() {
        return weight;
    }
}

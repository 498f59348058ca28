package se.trygghetsnav.est.week;

import java.util.List;

/**
 * What a published week says publicly: how many entries, per category and per area. No descriptions, no
 * places, no days or times.
 */
public record PublishedSummary(int entryCount, List<CategoryCount> byCategory, List<AreaCount> byArea, int decisionCount,
        int followUpCount) {

    public record CategoryCount(String code, String label, int count) {
    }

    public record AreaCount(String area, int count) {
    }
}

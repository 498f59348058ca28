package se.trygghetsnav.plandocument.xlsx;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.ColumnField;

/**
 * What a column of a focus area's table holds: the plan's own columns ({@link ColumnField}), and the columns the
 * export adds for what a plan has and its columns lack (a problem's place, a responsibility note …). Each has the
 * heading the export gives it and the headings plans use for it, compared folded (without case, diacritics and
 * punctuation) and with a little OCR damage allowed.
 */
enum SheetColumn {

    PROBLEM(ColumnField.PROBLEM, "Problemområde", 24, "problemomrade", "problemomraden", "problem",
            "prioriterat samverkansomrade", "prioriterade samverkansomraden", "samverkansomrade", "insatsomrade",
            "prioriterat omrade", "omrade", "plats"),
    PLACE(null, "Platsens namn", 18, "platsens namn", "platsnamn"),
    PROBLEM_DESCRIPTION(null, "Problembeskrivning", 40, "problembeskrivning", "beskrivning av problemet"),
    CAUSE(ColumnField.CAUSE, "Orsak", 45, "orsak", "orsaker", "bakomliggande orsak", "bakomliggande orsaker",
            "orsaksanalys"),
    GOAL(ColumnField.GOAL, "Operativt mål", 40, "operativt mal", "operativa mal", "mal", "delmal", "operativa malen"),
    MEASURE(ColumnField.MEASURE, "Åtgärd", 40, "atgard", "atgarder", "aktivitet", "aktiviteter", "insats", "insatser"),
    DESCRIPTION(ColumnField.MEASURE_DESCRIPTION, "Beskrivning av åtgärden", 50, "beskrivning av atgarden",
            "beskrivning", "hur", "ataganden", "hur ataganden", "genomforande"),
    PURPOSE(ColumnField.PURPOSE, "Syfte", 35, "syfte", "syftet"),
    EXPECTED_RESULT(ColumnField.EXPECTED_RESULT, "Förväntat resultat", 35, "forvantat resultat", "forvantade resultat",
            "malsattning", "forvantad effekt"),
    KIND(ColumnField.KIND, "Typ av åtgärd", 16, "typ av atgard", "atgardstyp", "typ"),
    SCHEDULE(ColumnField.SCHEDULE, "När", 24, "nar", "tidplan", "tidsplan", "tidpunkt", "tid", "nar genomfors"),
    RESPONSIBLE(ColumnField.RESPONSIBLE, "Ansvariga", 28, "ansvarig", "ansvariga", "vem", "ansvar",
            "ansvarig for atgard", "ansvarig for atgarden", "ansvariga for atgarden", "vem ansvarar", "ansvarig enhet",
            "ansvariga enheter", "ansvarig forvaltning"),
    RESPONSIBILITY_NOTE(null, "Ansvarsbeskrivning", 35, "ansvarsbeskrivning", "ansvarsfordelning"),
    PARTNERS(ColumnField.PARTNERS, "Samverkanspartner", 25, "samverkanspartner", "samverkanspartners",
            "samverkansparter", "i samverkan med", "samverkan med"),
    FOLLOW_UP_CRITERIA(ColumnField.FOLLOW_UP_CRITERIA, "Uppföljningskriterier", 35, "uppfoljningskriterier",
            "uppfoljningskriterium", "hur foljs atgarden upp"),
    /** A column of the plan's own that the model has no field for, kept on each measure under its heading. */
    EXTRA(ColumnField.EXTRA, "Egen kolumn", 40);

    /** Headings of columns plans keep beside the model's fields: expected, so read without doubt. */
    private static final Set<String> USUAL_EXTRA_HEADINGS = Set.of("uppfoljning", "kommentar", "kommentarer", "status",
            "anteckningar", "resultat");

    private final @Nullable ColumnField field;
    private final String heading;
    private final int width;
    private final List<String> headings;

    SheetColumn(@Nullable ColumnField field, String heading, int width, String... headings) {
        this.field = field;
        this.heading = heading;
        this.width = width;
        this.headings = List.of(headings);
    }

    /** The plan column field this column is, or null for the columns only the export adds. */
    @Nullable ColumnField field() {
        return field;
    }

    /** The heading the export gives the column when the plan's columns lack it; also names the field in "Om planen". */
    String heading() {
        return heading;
    }

    /** Its width in characters. */
    int width() {
        return width;
    }

    /** Whether its cells belong to the problem of the row rather than to the row's measures. */
    boolean describesProblem() {
        return this == PROBLEM || this == PLACE || this == PROBLEM_DESCRIPTION;
    }

    static SheetColumn of(ColumnField field) {
        for (SheetColumn column : values()) {
            if (column.field == field) {
                return column;
            }
        }
        throw new IllegalArgumentException("No sheet column for " + field);
    }

    /**
     * The column a heading names, or null when it names none of the known ones (then it is an extra column).
     * The closest known heading wins; "Atgérd" and "Ansvarig f6r atgard" are read despite the damage.
     */
    static @Nullable Match match(String heading) {
        String key = Texts.key(heading);
        if (key.isEmpty()) {
            return null;
        }
        Match best = null;
        for (SheetColumn column : values()) {
            for (String known : column.headings) {
                int distance = Texts.editDistance(key, known);
                if (distance <= Texts.tolerance(known) && (best == null || distance < best.distance)) {
                    best = new Match(column, distance);
                }
            }
        }
        return best;
    }

    /** Whether a heading the columns do not know is one plans often add ("Uppföljning", "Kommentar"). */
    static boolean isUsualExtra(String heading) {
        String key = Texts.key(heading);
        return USUAL_EXTRA_HEADINGS.stream().anyMatch(usual -> Texts.nearlyEqual(key, usual));
    }

    /** @param distance how many letters the heading differs from the closest known one: 0 is an exact match */
    record Match(SheetColumn column, int distance) {
    }
}

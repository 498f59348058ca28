package se.trygghetsnav.plandocument.xlsx;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.MeasureKind;
import se.trygghetsnav.plandocument.PlanDocument.Goal;
import se.trygghetsnav.plandocument.PlanDocument.Schedule;
import se.trygghetsnav.plandocument.ScheduleType;

/**
 * How the values of a plan that are more than plain text look in a cell, written by the export and read by the
 * import: a schedule with what it means, a measure's kind, a goal with its SMART parts, an indicator's direction.
 */
final class CellFormats {

    /** Starts the line under a schedule's own words that says what they mean, when the words alone say less. */
    private static final String INTERPRETATION = "Tolkning: ";

    static final String POINT_EFFORT = "Punktinsats";
    static final String ORDINARY_WORK = "Ordinarie arbete";

    private static final String HIGHER_IS_BETTER = "Högre är bättre";
    private static final String LOWER_IS_BETTER = "Lägre är bättre";

    private static final String INDICATOR = "Indikator";
    private static final String BASELINE = "Utgångsvärde";
    private static final String TARGET_VALUE = "Målvärde";
    private static final String TARGET_DATE = "Måldatum";
    private static final Set<String> SMART_LABELS = Set.of(Texts.key(INDICATOR), Texts.key(BASELINE),
            Texts.key(TARGET_VALUE), Texts.key(TARGET_DATE));
    private static final Pattern GOAL_PART = Pattern.compile("^\\s*(\\p{L}+)\\s*:\\s*(.*)$");
    private static final Pattern INTERPRETATION_LINE = Pattern.compile("(?:^|\\n)\\s*tolkning\\s*:\\s*([^\\n]*)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private CellFormats() {
    }

    /**
     * The schedule's own words, and under them what it means when the words would be read otherwise ("Löpande",
     * meant as once a term): "Löpande\nTolkning: 1 gång per termin".
     */
    static String scheduleCell(@Nullable Schedule schedule) {
        if (schedule == null) {
            return "";
        }
        String text = schedule.text();
        if (text != null && ScheduleText.sameMeaning(ScheduleText.parse(text), schedule)
                && !INTERPRETATION_LINE.matcher(text).find()) {
            return text;
        }
        String interpretation = INTERPRETATION + ScheduleText.describe(schedule);
        return text == null ? interpretation : text + "\n" + interpretation;
    }

    /**
     * The schedule a cell says, or null for a blank cell.
     *
     * @return the schedule and whether its words were understood; words that were not are kept on a CONTINUOUS
     *         schedule for a person to check
     */
    static @Nullable ReadSchedule readSchedule(@Nullable String cell) {
        if (Texts.isBlank(cell)) {
            return null;
        }
        String stripped = cell.strip();
        Matcher interpretation = INTERPRETATION_LINE.matcher(stripped);
        String text = stripped;
        Schedule meaning;
        if (interpretation.find()) {
            text = Texts.orNull(stripped.substring(0, interpretation.start()));
            meaning = ScheduleText.parse(stripped.substring(interpretation.start(1)));
        }
        else {
            meaning = ScheduleText.parse(stripped);
        }
        if (meaning == null) {
            return new ReadSchedule(new Schedule(ScheduleType.CONTINUOUS, text, null, null, null, null), false);
        }
        return new ReadSchedule(new Schedule(meaning.type(), text, meaning.dueDate(), meaning.startDate(),
                meaning.endDate(), meaning.recurrence()), true);
    }

    record ReadSchedule(Schedule schedule, boolean understood) {
    }

    static String kindCell(@Nullable MeasureKind kind) {
        if (kind == null) {
            return "";
        }
        return kind == MeasureKind.POINT_EFFORT ? POINT_EFFORT : ORDINARY_WORK;
    }

    /** Punktinsats, or ordinarie arbete (also "linjearbete", "linjeverksamhet"); null for anything else. */
    static @Nullable MeasureKind readKind(@Nullable String cell) {
        if (Texts.isBlank(cell)) {
            return null;
        }
        String words = Texts.folded(cell);
        if (words.contains("punkt")) {
            return MeasureKind.POINT_EFFORT;
        }
        return words.contains("ordinarie") || words.contains("linje") ? MeasureKind.ORDINARY_WORK : null;
    }

    /** A goal as an item of the goal cell: its text, then a line for each SMART part it has. */
    static String goalItem(Goal goal) {
        StringBuilder item = new StringBuilder(goal.text());
        appendPart(item, INDICATOR, goal.indicator());
        appendPart(item, BASELINE, goal.baseline());
        appendPart(item, TARGET_VALUE, goal.targetValue());
        appendPart(item, TARGET_DATE, goal.targetDate() == null ? null : goal.targetDate().toString());
        return item.toString();
    }

    /**
     * The goals of a goal cell. A line naming a SMART part belongs to the goal above it, also where the cell has
     * one goal a line without bullets ("Ökad trygghet\nIndikator: NTU").
     */
    static List<GoalParts> readGoals(@Nullable String cell) {
        List<String> items = new ArrayList<>();
        for (String item : CellItems.split(cell)) {
            if (!items.isEmpty() && isGoalPart(item)) {
                items.add(items.removeLast() + "\n" + item);
            }
            else {
                items.add(item);
            }
        }
        return items.stream().map(CellFormats::readGoal).toList();
    }

    /**
     * A goal item read back: its last lines that name a SMART part ("Indikator: …", "Utgångsvärde: …",
     * "Målvärde: …", "Måldatum: 2026-12-31") are those parts, the lines above are its text.
     */
    private static GoalParts readGoal(String item) {
        List<String> lines = new ArrayList<>(List.of(item.split("\n", -1)));
        String indicator = null;
        String baseline = null;
        String targetValue = null;
        String targetDate = null;
        while (lines.size() > 1) {
            Matcher part = GOAL_PART.matcher(lines.getLast());
            if (!part.matches()) {
                break;
            }
            String value = part.group(2).strip();
            String label = Texts.key(part.group(1));
            if (label.equals(Texts.key(INDICATOR))) {
                indicator = value;
            }
            else if (label.equals(Texts.key(BASELINE))) {
                baseline = value;
            }
            else if (label.equals(Texts.key(TARGET_VALUE))) {
                targetValue = value;
            }
            else if (label.equals(Texts.key(TARGET_DATE))) {
                targetDate = value;
            }
            else {
                break;
            }
            lines.removeLast();
        }
        return new GoalParts(String.join("\n", lines).strip(), indicator, baseline, targetValue, targetDate);
    }

    private static boolean isGoalPart(String line) {
        Matcher part = GOAL_PART.matcher(line);
        return !line.contains("\n") && part.matches() && SMART_LABELS.contains(Texts.key(part.group(1)));
    }

    /** @param targetDate as written; {@link #targetDate()} reads it */
    record GoalParts(String text, @Nullable String indicator, @Nullable String baseline, @Nullable String targetValue,
            @Nullable String targetDate) {

        /** The target date, or null when there is none or it is not a date (yyyy-mm-dd). */
        @Nullable LocalDate parsedTargetDate() {
            try {
                return targetDate == null ? null : LocalDate.parse(targetDate);
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    static String directionCell(@Nullable Boolean higherIsBetter) {
        if (higherIsBetter == null) {
            return "";
        }
        return higherIsBetter ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }

    static @Nullable Boolean readDirection(@Nullable String cell) {
        if (Texts.isBlank(cell)) {
            return null;
        }
        String words = Texts.folded(cell);
        if (words.contains("hogre")) {
            return true;
        }
        return words.contains("lagre") ? false : null;
    }

    private static void appendPart(StringBuilder item, String label, @Nullable String value) {
        if (value != null) {
            item.append('\n').append(label).append(": ").append(value);
        }
    }
}

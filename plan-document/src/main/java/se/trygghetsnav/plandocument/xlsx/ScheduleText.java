package se.trygghetsnav.plandocument.xlsx;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.PlanDocument.Recurrence;
import se.trygghetsnav.plandocument.PlanDocument.Schedule;
import se.trygghetsnav.plandocument.RecurrenceUnit;
import se.trygghetsnav.plandocument.ScheduleType;

/**
 * The "När" of a measure in a plan's own words, and what they mean: "2 ggr/veckan" is 2 per WEEK, "1 gång/månaden,
 * uppehåll juli" 1 per MONTH except JULY, "löpande" or "linjearbete" CONTINUOUS, "juni 2024", "vt 2024" or
 * "Q2 2024" a DUE_DATE at the end of that time, "2024–2025", "under 2024" or "från och med 15/1 2024" a PERIOD.
 * The words are read without regard to case or lost diacritics ("lopande", "gang per manad").
 *
 * <p>{@link #describe} writes a structured schedule in words that {@link #parse} reads back to the same
 * structure, so a workbook can show what a schedule means when its own words say less ("Löpande", meant as
 * once a term).
 */
public final class ScheduleText {

    private static final String[] MONTH_WORDS = { "januari", "februari", "mars", "april", "maj", "juni", "juli",
        "augusti", "september", "oktober", "november", "december" };
    private static final String MONTH_NAMES = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec";

    private static final Pattern TIMES_PER_UNIT = Pattern.compile("\\b(\\d{1,3}|en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio)"
            + "\\s*(?:ggr|gg|ganger|gang|g)\\.?\\s*(?:/|per|i|om|varje|pa)\\s*"
            + "(dag(?:en|ar)?|veck(?:an|a|or)|v|manad(?:en|er)?|man|termin(?:en|er)?|ar(?:et)?)\\b");
    private static final Pattern EVERY_UNIT = Pattern.compile("\\b(?:varje|var)\\s+(dag|vecka|manad|termin|ar)\\b"
            + "|\\b(dagligen|veckovis|manadsvis|manatligen|terminsvis|arligen)\\b");
    private static final Pattern EXCEPT_MONTHS = Pattern.compile("\\b(?:uppehall|utom|forutom|ej|inte)\\s+(?:under\\s+|i\\s+)?"
            + "((?:" + MONTH_NAMES + ")\\b(?:\\s*(?:,|och|&|samt)\\s*(?:" + MONTH_NAMES + ")\\b)*)");
    private static final Pattern MONTH = Pattern.compile("\\b(" + MONTH_NAMES + ")\\b");
    private static final Pattern CONTINUOUS = Pattern.compile("\\b(?:lopande|fortlopande|kontinuerlig|kontinuerligt|linjearbete"
            + "|linjeverksamhet|ordinarie verksamhet|ordinarie arbete|pagaende|standigt|stadigvarande|tills vidare"
            + "|tillsvidare|hela aret)\\b");

    /** The kinds of time expression, most specific first: a shorter one inside a longer one is not read. */
    private static final List<TimePattern> TIME_PATTERNS = List.of(
            new TimePattern(Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b"),
                    m -> day(m.group(1), m.group(2), m.group(3))),
            new TimePattern(Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:\\s*[-/]\\s*|\\s+)(\\d{4})\\b"),
                    m -> day(m.group(3), m.group(2), m.group(1))),
            new TimePattern(Pattern.compile("\\b(\\d{1,2})\\s+(" + MONTH_NAMES + ")\\.?\\s+(\\d{4})\\b"),
                    m -> day(m.group(3), String.valueOf(month(m.group(2)).getValue()), m.group(1))),
            new TimePattern(Pattern.compile("\\b(" + MONTH_NAMES + ")\\.?\\s+(\\d{4})\\b"), m -> {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(2)), month(m.group(1)));
                return new Time(month.atDay(1), month.atEndOfMonth(), false);
            }),
            new TimePattern(Pattern.compile("\\b(vt|ht|varterminen|hostterminen|varen|hosten)\\s*(\\d{4}|\\d{2})\\b"), m -> {
                int year = fullYear(m.group(2));
                boolean spring = m.group(1).startsWith("v");
                return spring ? new Time(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30), false)
                        : new Time(LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31), false);
            }),
            new TimePattern(Pattern.compile("\\b(?:q|kv|kvartal)\\s*([1-4])\\s*,?\\s*(\\d{4})\\b"),
                    m -> quarter(m.group(2), m.group(1))),
            new TimePattern(Pattern.compile("\\b(\\d{4})\\s*(?:q|kv)\\s*([1-4])\\b"), m -> quarter(m.group(1), m.group(2))),
            new TimePattern(Pattern.compile("\\b((?:19|20)\\d{2})\\b"), m -> {
                int year = Integer.parseInt(m.group(1));
                return new Time(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), true);
            }));

    /** The words just before a time that make it a period's start, its end, a deadline, or the whole period. */
    private static final Pattern FROM = Pattern.compile(
            "\\b(?:fran och med|fr\\.?\\s?o\\.?\\s?m\\.?|fom|fran|med start|start)\\s*(?:den\\s+)?$");
    private static final Pattern UNTIL = Pattern.compile(
            "\\b(?:till och med|t\\.?\\s?o\\.?\\s?m\\.?|tom|fram till|till)\\s*(?:den\\s+)?$");
    private static final Pattern BY = Pattern.compile("\\b(?:senast|klart|klar|fore|innan)\\s*(?:den\\s+|i\\s+|under\\s+)?$");
    private static final Pattern DURING = Pattern.compile("\\b(?:under|inom|hela)(?:\\s+(?:aret|ar|hela))?\\s*$");
    /** What stands between two times that make a period of them: "2024–2025", "vt 2024 till ht 2025". */
    private static final Pattern RANGE = Pattern.compile(
            "^\\s*(?:-|–|—|till och med|t\\.?\\s?o\\.?\\s?m\\.?|tom|till)\\s*$");

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("en", 1), Map.entry("ett", 1),
            Map.entry("tva", 2), Map.entry("tre", 3), Map.entry("fyra", 4), Map.entry("fem", 5), Map.entry("sex", 6),
            Map.entry("sju", 7), Map.entry("atta", 8), Map.entry("nio", 9), Map.entry("tio", 10));

    private ScheduleText() {
    }

    /**
     * What the words mean, with the words kept as the schedule's text; null when they name no time, rhythm or
     * continuity this class knows ("Vid behov").
     */
    public static @Nullable Schedule parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String words = Texts.folded(text.strip());
        Recurrence recurrence = recurrence(words);
        When when = when(words);
        boolean continuous = CONTINUOUS.matcher(words).find();
        String source = text.strip();
        if (recurrence != null) {
            LocalDate end = when == null ? null : when.end != null ? when.end : when.due;
            return new Schedule(ScheduleType.RECURRENCE, source, null, when == null ? null : when.start, end, recurrence);
        }
        if (when != null) {
            if (when.due != null) {
                return new Schedule(ScheduleType.DUE_DATE, source, when.due, null, null, null);
            }
            if (continuous && when.end == null) {
                return new Schedule(ScheduleType.CONTINUOUS, source, null, when.start, null, null);
            }
            return new Schedule(ScheduleType.PERIOD, source, null, when.start, when.end, null);
        }
        return continuous ? new Schedule(ScheduleType.CONTINUOUS, source, null, null, null, null) : null;
    }

    /** Words for the schedule's meaning ("2 gånger per vecka utom juli, från och med 2024-01-15"), not its text. */
    public static String describe(Schedule schedule) {
        return switch (schedule.type()) {
            case DUE_DATE -> "senast " + schedule.dueDate();
            case PERIOD -> period(schedule.startDate(), schedule.endDate());
            case CONTINUOUS -> "löpande" + (schedule.startDate() == null ? "" : ", " + period(schedule.startDate(), null));
            case RECURRENCE -> {
                Recurrence recurrence = Objects.requireNonNull(schedule.recurrence(), "a recurrence");
                StringBuilder words = new StringBuilder().append(recurrence.times())
                        .append(recurrence.times() == 1 ? " gång per " : " gånger per ").append(unitWord(recurrence.per()));
                if (!recurrence.exceptMonths().isEmpty()) {
                    words.append(" utom ").append(monthList(recurrence.exceptMonths()));
                }
                if (schedule.startDate() != null || schedule.endDate() != null) {
                    words.append(", ").append(period(schedule.startDate(), schedule.endDate()));
                }
                yield words.toString();
            }
        };
    }

    /** Whether two schedules mean the same, whatever their words. */
    public static boolean sameMeaning(@Nullable Schedule a, @Nullable Schedule b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.type() == b.type() && Objects.equals(a.dueDate(), b.dueDate())
                && Objects.equals(a.startDate(), b.startDate()) && Objects.equals(a.endDate(), b.endDate())
                && Objects.equals(a.recurrence(), b.recurrence());
    }

    private static @Nullable Recurrence recurrence(String words) {
        int times;
        RecurrenceUnit unit;
        Matcher counted = TIMES_PER_UNIT.matcher(words);
        Matcher every = EVERY_UNIT.matcher(words);
        if (counted.find()) {
            String number = counted.group(1);
            times = Character.isDigit(number.charAt(0)) ? Integer.parseInt(number) : NUMBER_WORDS.get(number);
            unit = unit(counted.group(2));
        }
        else if (every.find()) {
            times = 1;
            unit = unit(every.group(1) != null ? every.group(1) : every.group(2));
        }
        else {
            return null;
        }
        if (times < 1) {
            return null; // "0 ggr" names no rhythm
        }
        List<Month> except = new ArrayList<>();
        Matcher exceptMonths = EXCEPT_MONTHS.matcher(words);
        while (exceptMonths.find()) {
            Matcher month = MONTH.matcher(exceptMonths.group(1));
            while (month.find()) {
                except.add(month(month.group(1)));
            }
        }
        return new Recurrence(times, unit, except);
    }

    private static RecurrenceUnit unit(String word) {
        if (word.startsWith("dag")) {
            return RecurrenceUnit.DAY;
        }
        if (word.startsWith("v")) {
            return RecurrenceUnit.WEEK;
        }
        if (word.startsWith("man")) {
            return RecurrenceUnit.MONTH;
        }
        if (word.startsWith("termin")) {
            return RecurrenceUnit.TERM;
        }
        return RecurrenceUnit.YEAR;
    }

    /** The dates the words name: a due date, or a period's start and/or end; null when they name none. */
    private static @Nullable When when(String words) {
        List<TimeAt> times = times(words);
        if (times.isEmpty()) {
            return null;
        }
        for (int i = 0; i + 1 < times.size(); i++) {
            TimeAt first = times.get(i);
            TimeAt second = times.get(i + 1);
            if (RANGE.matcher(words.substring(first.end, second.start)).matches()) {
                return new When(null, first.time.first, second.time.last);
            }
        }
        LocalDate start = null;
        LocalDate end = null;
        for (TimeAt time : times) {
            String before = words.substring(0, time.start);
            if (FROM.matcher(before).find() && start == null) {
                start = time.time.first;
            }
            else if (UNTIL.matcher(before).find() && end == null) {
                end = time.time.last;
            }
        }
        if (start != null || end != null) {
            return new When(null, start, end);
        }
        TimeAt only = times.getFirst();
        String before = words.substring(0, only.start);
        if (BY.matcher(before).find()) {
            return new When(only.time.last, null, null);
        }
        if (DURING.matcher(before).find() || only.time.wholeYear) {
            return new When(null, only.time.first, only.time.last);
        }
        return new When(only.time.last, null, null);
    }

    /** Every time expression of the words in order, a longer one winning over those inside it. */
    private static List<TimeAt> times(String words) {
        List<TimeAt> found = new ArrayList<>();
        for (TimePattern pattern : TIME_PATTERNS) {
            Matcher matcher = pattern.pattern.matcher(words);
            while (matcher.find()) {
                int start = matcher.start();
                int end = matcher.end();
                if (found.stream().noneMatch(other -> start < other.end && other.start < end)) {
                    Time time = pattern.reader.read(matcher);
                    if (time != null) {
                        found.add(new TimeAt(start, end, time));
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(TimeAt::start));
        return found;
    }

    private static @Nullable Time day(String year, String month, String day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            return new Time(date, date, false);
        }
        catch (DateTimeException notADate) {
            return null;
        }
    }

    private static Time quarter(String year, String quarter) {
        YearMonth last = YearMonth.of(Integer.parseInt(year), Integer.parseInt(quarter) * 3);
        return new Time(last.minusMonths(2).atDay(1), last.atEndOfMonth(), false);
    }

    private static int fullYear(String digits) {
        return digits.length() == 2 ? 2000 + Integer.parseInt(digits) : Integer.parseInt(digits);
    }

    private static Month month(String name) {
        for (Month month : Month.values()) {
            if (MONTH_WORDS[month.ordinal()].startsWith(name.substring(0, 3))) {
                return month;
            }
        }
        throw new IllegalArgumentException("Not a month: " + name);
    }

    private static String monthList(List<Month> months) {
        List<String> names = months.stream().map(month -> MONTH_WORDS[month.ordinal()]).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " och " + names.getLast();
    }

    private static String unitWord(RecurrenceUnit unit) {
        return switch (unit) {
            case DAY -> "dag";
            case WEEK -> "vecka";
            case MONTH -> "månad";
            case TERM -> "termin";
            case YEAR -> "år";
        };
    }

    private static String period(@Nullable LocalDate start, @Nullable LocalDate end) {
        if (start != null && end != null) {
            return start + " – " + end;
        }
        return start != null ? "från och med " + start : "till och med " + end;
    }

    /** A span of days some words name: "juni 2024" is 1–30 June; a whole year alone reads as a period. */
    private record Time(LocalDate first, LocalDate last, boolean wholeYear) {
    }

    private record TimeAt(int start, int end, Time time) {
    }

    private record TimePattern(Pattern pattern, TimeReader reader) {
    }

    @FunctionalInterface
    private interface TimeReader {

        @Nullable Time read(Matcher matcher);
    }

    private record When(@Nullable LocalDate due, @Nullable LocalDate start, @Nullable LocalDate end) {
    }
}

package se.trygghetsnav.plandocument.xlsx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.ColumnField;
import se.trygghetsnav.plandocument.MeasureKind;
import se.trygghetsnav.plandocument.PlanDocument.Column;
import se.trygghetsnav.plandocument.PlanDocument.ExtraColumn;
import se.trygghetsnav.plandocument.PlanDocument.FocusArea;
import se.trygghetsnav.plandocument.PlanDocument.Indicator;
import se.trygghetsnav.plandocument.PlanDocument.Measure;
import se.trygghetsnav.plandocument.PlanDocument.Problem;
import se.trygghetsnav.plandocument.PlanDocument.Responsible;
import se.trygghetsnav.plandocument.PlanDocument.Schedule;
import se.trygghetsnav.plandocument.xlsx.CellFormats.GoalParts;
import se.trygghetsnav.plandocument.xlsx.CellFormats.ReadSchedule;
import se.trygghetsnav.plandocument.xlsx.SheetHeader.Heading;

/**
 * Reads a focus area from a sheet in the seeds' table shapes or the export's. Above the table: the area's name,
 * rationale and indicators, labelled as the export writes them, or a first line naming the area. The table: a
 * row per measure, or a cell of several measures (bullets, lines), with the causes and goals its row names.
 *
 * <p>What a person sees as "the same as above" is read so: a merged cell's value holds for every row it covers,
 * and in a row that continues the one above (its problem cell is blank) blank causes, goals, schedule and
 * responsible units are those above. Repeated header rows and the template's guidance rows are skipped; a lone
 * line above a repeated header titles the next problem when the table has no problem column.
 */
final class AreaSheetReader {

    /** How the seeds' templates start the guidance they put under a header ("Beskriv orsaken …"). */
    private static final Pattern GUIDANCE = Pattern.compile("^(?:beskriv|ange|koppla|fyll i|skriv|denna kolumn)\\b");
    /** The columns whose blank cells in a continuing row mean "as above". */
    private static final Set<SheetColumn> CONTINUED = Set.of(SheetColumn.CAUSE, SheetColumn.GOAL, SheetColumn.SCHEDULE,
            SheetColumn.RESPONSIBLE, SheetColumn.RESPONSIBILITY_NOTE, SheetColumn.KIND);
    /** The columns that say something about a measure, so a row with them and no measure loses something. */
    private static final Set<SheetColumn> ABOUT_A_MEASURE = Set.of(SheetColumn.DESCRIPTION, SheetColumn.PURPOSE,
            SheetColumn.EXPECTED_RESULT, SheetColumn.KIND, SheetColumn.SCHEDULE, SheetColumn.RESPONSIBLE,
            SheetColumn.RESPONSIBILITY_NOTE, SheetColumn.PARTNERS, SheetColumn.FOLLOW_UP_CRITERIA);
    private static final int LONGEST_TITLE = 2_000;
    private static final int LONGEST_UNIT_NAME = 60;
    private static final Pattern OCR_DAMAGE = Pattern.compile("\\d|[|\\[\\]{}<>_=~^#@$%\\\\]|(?<!\\p{L})l\\p{Ll}*\\p{Lu}");

    private final Map<String, ColumnField> listedColumns = new LinkedHashMap<>();
    private final Collection<String> knownUnits;
    private final boolean kindsAreExplicit;
    private final List<ImportNote> notes;
    private final List<Column> columnsSeen = new ArrayList<>();
    private final Map<String, ImportNote> unitsSeen = new LinkedHashMap<>();

    /**
     * @param listedColumns the plan's columns as "Om planen" lists them (empty when there is none)
     * @param knownUnits names and abbreviations of the plan's units, kept whole in responsible cells
     * @param kindsAreExplicit whether the workbook says a measure's kind wherever it has one (the export's do), so
     *        it is not guessed from a "linjearbete" schedule
     */
    AreaSheetReader(List<Column> listedColumns, Collection<String> knownUnits, boolean kindsAreExplicit,
            List<ImportNote> notes) {
        listedColumns.forEach(column -> this.listedColumns.putIfAbsent(Texts.key(column.heading()), column.field()));
        this.knownUnits = knownUnits;
        this.kindsAreExplicit = kindsAreExplicit;
        this.notes = notes;
    }

    /** The first header row of the sheet, or null when it has none. */
    @Nullable SheetHeader findHeader(SheetCells sheet) {
        for (int row = 0; row <= sheet.lastRow(); row++) {
            SheetHeader header = SheetHeader.at(sheet, row, listedColumns);
            if (header != null) {
                return header;
            }
        }
        return null;
    }

    /** The plan's columns as the tables read so far name them, in the order they were first met. */
    List<Column> columnsSeen() {
        return List.copyOf(columnsSeen);
    }

    /** Notes on unit names that look damaged or are not names at all, once per name. */
    List<ImportNote> unitNotes() {
        return unitsSeen.values().stream().filter(Objects::nonNull).toList();
    }

    FocusArea read(SheetCells sheet, SheetHeader header, String areaId) {
        return new SheetReading(sheet, header, areaId).read();
    }

    /** The reading of one sheet: where it is in the table, and what it has read. */
    private final class SheetReading {

        private final SheetCells sheet;
        private final String areaId;
        private final Map<String, ProblemDraft> problems = new LinkedHashMap<>();
        private final Map<SheetColumn, String> above = new EnumMap<>(SheetColumn.class);
        private SheetHeader header;
        private @Nullable String name;
        private @Nullable String guidanceName;
        private @Nullable ProblemDraft current;
        private int rowsOfCurrent;

        SheetReading(SheetCells sheet, SheetHeader first, String areaId) {
            this.sheet = sheet;
            this.header = first;
            this.areaId = areaId;
        }

        FocusArea read() {
            SheetHeader first = header;
            accept(first, null);
            AreaHead head = readHead(first);
            name = head.name;
            if (head.firstProblemTitle != null) {
                startProblem(head.firstProblemTitle);
            }
            for (int row = first.row() + 1; row <= sheet.lastRow(); row++) {
                if (sheet.isBlankRow(row)) {
                    continue;
                }
                SheetHeader repeated = SheetHeader.at(sheet, row, listedColumns);
                if (repeated != null) {
                    accept(repeated, header);
                }
                else if (isGuidance(row)) {
                    note(false, row, null, "Raden är mallens vägledning och lästes inte.");
                }
                else if (isTitleOfNextTable(row)) {
                    startProblem(sheet.texts(row).getFirst());
                }
                else {
                    readRow(row);
                }
            }
            String areaName = name != null ? name : guidanceName != null ? guidanceName : sheet.name();
            checkProblems();
            FocusArea area = new FocusArea(areaId, areaName, head.rationale, head.indicators,
                    problems.values().stream().map(ProblemDraft::toDocument).toList());
            note(false, null, null, "Fokusområdet " + areaName + " lästes: " + area.problems().size()
                    + " problemområden, " + count(area, problem -> problem.causes().size()) + " orsaker, "
                    + count(area, problem -> problem.goals().size()) + " mål och "
                    + count(area, problem -> problem.measures().size()) + " åtgärder.");
            return area;
        }

        /** Takes a header row as the table's, noting how its headings were read unless they repeat the last. */
        private void accept(SheetHeader next, @Nullable SheetHeader previous) {
            header = next;
            for (Heading heading : next.headings()) {
                ColumnField field = heading.kind().field();
                if (field != null && columnsSeen.stream().noneMatch(seen -> seen.field() == field
                        && (field != ColumnField.EXTRA || seen.heading().equals(heading.text())))) {
                    columnsSeen.add(new Column(field, heading.text()));
                }
            }
            if (next.sameColumnsAs(previous)) {
                return;
            }
            for (Heading heading : next.headings()) {
                if (heading.listed()) {
                    continue;
                }
                if (heading.duplicate()) {
                    note(true, next.row(), heading.text(), "Kolumnen " + heading.text()
                            + " finns redan i tabellen: den sparas som egen kolumn på åtgärderna.");
                }
                else if (heading.kind() == SheetColumn.EXTRA && SheetColumn.isUsualExtra(heading.text())) {
                    note(false, next.row(), heading.text(), "Kolumnen " + heading.text()
                            + " sparas som egen kolumn på varje åtgärd.");
                }
                else if (heading.kind() == SheetColumn.EXTRA) {
                    note(true, next.row(), heading.text(), "Kolumnen " + heading.text()
                            + " är okänd: den sparas som egen kolumn på åtgärderna. Kontrollera att den inte är en av "
                            + "planens kända kolumner med en ovanlig rubrik.");
                }
                else if (heading.distance() > 0) {
                    note(false, next.row(), heading.text(), "Rubriken " + heading.text() + " lästes som "
                            + heading.kind().heading() + ".");
                }
            }
        }

        /** The rows above the table: labelled as the export writes them, or lines as a plan's text has them. */
        private AreaHead readHead(SheetHeader first) {
            String labelledName = null;
            List<String> rationale = new ArrayList<>();
            List<Indicator> indicators = new ArrayList<>();
            List<String> unlabelled = new ArrayList<>();
            String firstProblemTitle = null;
            int lastRow = first.row() - 1;
            while (lastRow >= 0 && sheet.isBlankRow(lastRow)) {
                lastRow--;
            }
            if (!first.has(SheetColumn.PROBLEM) && lastRow >= 0 && sheet.texts(lastRow).size() == 1) {
                firstProblemTitle = sheet.texts(lastRow).getFirst();
                lastRow--;
            }
            boolean inIndicators = false;
            for (int row = 0; row <= lastRow; row++) {
                if (sheet.isBlankRow(row)) {
                    inIndicators = false;
                    continue;
                }
                List<String> texts = sheet.texts(row);
                String label = Texts.key(texts.getFirst());
                if (label.equals(Texts.key(AreaSheetLayout.FOCUS_AREA)) && texts.size() > 1) {
                    labelledName = texts.get(1);
                    inIndicators = false;
                }
                else if (label.equals(Texts.key(AreaSheetLayout.RATIONALE)) && texts.size() > 1) {
                    rationale.add(sheet.text(row, 1).strip());
                    inIndicators = false;
                }
                else if (label.startsWith("indikator")) {
                    inIndicators = true;
                }
                else if (inIndicators) {
                    indicators.addAll(indicators(row));
                }
                else {
                    unlabelled.add(String.join(" ", texts));
                }
            }
            String areaName = labelledName;
            if (areaName == null && !unlabelled.isEmpty()) {
                areaName = unlabelled.removeFirst().replaceFirst("\\.$", "").strip();
            }
            rationale.addAll(unlabelled);
            return new AreaHead(areaName, rationale.isEmpty() ? null : String.join("\n\n", rationale), indicators,
                    firstProblemTitle);
        }

        /** An indicator row: text, data source, direction; or a cell listing several, with neither. */
        private List<Indicator> indicators(int row) {
            List<String> items = CellItems.split(sheet.text(row, 0));
            if (items.size() != 1) {
                return items.stream().map(item -> new Indicator(item, null, null)).toList();
            }
            return List.of(new Indicator(items.getFirst(), Texts.orNull(sheet.text(row, 1)),
                    CellFormats.readDirection(sheet.text(row, 2))));
        }

        private boolean isGuidance(int row) {
            int cells = 0;
            int guiding = 0;
            String problemCell = null;
            for (Heading heading : header.headings()) {
                String text = sheet.text(row, heading.column()).strip();
                if (text.isEmpty()) {
                    continue;
                }
                cells++;
                if (GUIDANCE.matcher(Texts.folded(text)).find()) {
                    guiding++;
                }
                else if (heading.kind() == SheetColumn.PROBLEM) {
                    problemCell = text;
                }
            }
            boolean guidance = guiding >= 2 && guiding * 2 >= cells;
            if (guidance && problemCell != null && guidanceName == null) {
                guidanceName = problemCell; // the seeds' templates name the area above their guidance
            }
            return guidance;
        }

        /** A lone line followed by a header row: the title of the next problem's table (no problem column). */
        private boolean isTitleOfNextTable(int row) {
            if (header.has(SheetColumn.PROBLEM) || sheet.texts(row).size() != 1) {
                return false;
            }
            int next = row + 1;
            while (next <= sheet.lastRow() && sheet.isBlankRow(next)) {
                next++;
            }
            return next <= sheet.lastRow() && SheetHeader.at(sheet, next, listedColumns) != null;
        }

        private void startProblem(String title) {
            current = problems.computeIfAbsent(title, t -> new ProblemDraft(areaId + "-p" + (problems.size() + 1), t));
            rowsOfCurrent = 0;
            above.clear();
        }

        private void readRow(int row) {
            ProblemDraft problem = problemOf(row);
            boolean continues = header.has(SheetColumn.PROBLEM) ? cell(row, SheetColumn.PROBLEM).isBlank() : rowsOfCurrent > 0;
            rowsOfCurrent++;
            Map<SheetColumn, String> cells = new EnumMap<>(SheetColumn.class);
            for (SheetColumn column : CONTINUED) {
                String value = cell(row, column);
                cells.put(column, value.isBlank() && continues ? above.getOrDefault(column, "") : value);
            }
            above.putAll(cells);

            List<String> causeIds = new ArrayList<>();
            for (String text : CellItems.split(cells.get(SheetColumn.CAUSE))) {
                ProblemDraft.CauseLookup cause = problem.cause(text);
                causeIds.add(cause.id());
                if (cause.similarTo() != null) {
                    note(true, row, headingOf(SheetColumn.CAUSE), "Orsaken \"" + shortened(text)
                            + "\" är nästan likadan som en annan orsak i problemområdet " + problem.title()
                            + " men lästes som en egen orsak: kontrollera om det är samma orsak.");
                }
            }
            List<String> goalIds = new ArrayList<>();
            for (GoalParts parts : CellFormats.readGoals(cells.get(SheetColumn.GOAL))) {
                ProblemDraft.GoalLookup goal = problem.goal(parts);
                goalIds.add(goal.id());
                if (goal.differentParts()) {
                    note(true, row, headingOf(SheetColumn.GOAL), "Målet \"" + shortened(parts.text())
                            + "\" står med andra SMART-delar längre upp; de första behölls.");
                }
            }
            List<String> measures = CellItems.split(cell(row, SheetColumn.MEASURE));
            if (measures.isEmpty()) {
                if (ABOUT_A_MEASURE.stream().anyMatch(column -> header.has(column) && !cell(row, column).isBlank())
                        || header.extras().stream().anyMatch(extra -> !sheet.text(row, extra.column()).isBlank())) {
                    note(true, row, headingOf(SheetColumn.MEASURE), "Raden har uppgifter om en åtgärd men ingen åtgärd: "
                            + "uppgifterna lästes inte.");
                }
                return;
            }
            List<String> responsibleCells = paired(cells.get(SheetColumn.RESPONSIBLE), measures.size());
            List<String> scheduleCells = paired(cells.get(SheetColumn.SCHEDULE), measures.size());
            if (measures.size() > 1 && responsibleCells.stream().distinct().count() > 1) {
                note(false, row, headingOf(SheetColumn.RESPONSIBLE),
                        "Cellen har en åtgärd per rad och lika många ansvariga: de parades ihop i ordning.");
            }
            for (int i = 0; i < measures.size(); i++) {
                problem.add(measure(row, problem, measures.get(i), causeIds, goalIds, responsibleCells.get(i),
                        scheduleCells.get(i), cells));
            }
        }

        private Measure measure(int row, ProblemDraft problem, String item, List<String> causeIds, List<String> goalIds,
                String responsibleCell, String scheduleCell, Map<SheetColumn, String> cells) {
            String title = item;
            String description = Texts.orNull(cell(row, SheetColumn.DESCRIPTION));
            if (item.length() > LONGEST_TITLE) {
                title = firstSentence(item);
                description = description == null ? item : description;
                note(false, row, headingOf(SheetColumn.MEASURE), "Åtgärden \"" + shortened(item)
                        + "\" är för lång för en titel: titeln är dess första mening, hela texten står i beskrivningen.");
            }
            Schedule schedule = null;
            ReadSchedule read = CellFormats.readSchedule(scheduleCell);
            if (read != null) {
                schedule = read.schedule();
                if (!read.understood()) {
                    note(true, row, headingOf(SheetColumn.SCHEDULE), "När-texten \"" + scheduleCell.strip()
                            + "\" kunde inte tolkas som datum, period eller återkommande tid: den sparades som löpande. "
                            + "Kontrollera och ange t.ex. 2025-06-30, vt 2025, 2025–2026 eller 1 gång per månad.");
                }
            }
            ResponsibleText.Parsed responsible = ResponsibleText.parse(responsibleCell, knownUnits);
            responsible.units().forEach(unit -> seeUnit(unit, row));
            if (header.has(SheetColumn.RESPONSIBLE) && responsible.units().isEmpty()) {
                note(true, row, headingOf(SheetColumn.RESPONSIBLE),
                        "Åtgärden \"" + shortened(title) + "\" har ingen ansvarig.");
            }
            if (causeIds.isEmpty() && header.has(SheetColumn.CAUSE)) {
                note(true, row, headingOf(SheetColumn.CAUSE), "Åtgärden \"" + shortened(title) + "\" har ingen orsak.");
            }
            String responsibilityNote = header.has(SheetColumn.RESPONSIBILITY_NOTE)
                    ? Texts.orNull(cells.get(SheetColumn.RESPONSIBILITY_NOTE))
                    : responsible.plainList() ? null : Texts.orNull(responsibleCell);
            List<ExtraColumn> extras = new ArrayList<>();
            for (Heading extra : header.extras()) {
                String value = Texts.orNull(sheet.text(row, extra.column()));
                if (value != null) {
                    extras.add(new ExtraColumn(extra.text(), value));
                }
            }
            return new Measure(problem.nextMeasureId(), title, description,
                    Texts.orNull(cell(row, SheetColumn.PURPOSE)), Texts.orNull(cell(row, SheetColumn.EXPECTED_RESULT)),
                    kind(row, cells.get(SheetColumn.KIND), scheduleCell), schedule, responsible.units(),
                    responsibilityNote, CellItems.split(cell(row, SheetColumn.PARTNERS)), causeIds, goalIds,
                    CellItems.split(cell(row, SheetColumn.FOLLOW_UP_CRITERIA)), extras);
        }

        private @Nullable MeasureKind kind(int row, String kindCell, String scheduleCell) {
            if (header.has(SheetColumn.KIND)) {
                MeasureKind kind = CellFormats.readKind(kindCell);
                if (kind == null && !kindCell.isBlank()) {
                    note(true, row, headingOf(SheetColumn.KIND), "Typen \"" + kindCell.strip() + "\" är varken "
                            + CellFormats.POINT_EFFORT + " eller " + CellFormats.ORDINARY_WORK + ": den lästes inte.");
                }
                return kind;
            }
            return kindsAreExplicit ? null : CellFormats.readKind(scheduleCell);
        }

        /** The row's problem: named in its problem cell, else the one above (or the table's title). */
        private ProblemDraft problemOf(int row) {
            String title = header.has(SheetColumn.PROBLEM) ? Texts.orNull(cell(row, SheetColumn.PROBLEM)) : null;
            if (title != null && (current == null || !current.title().equals(title))) {
                startProblem(title);
            }
            if (current == null) {
                String untitled = name != null ? name : sheet.name();
                note(true, row, null, "Raden har inget problemområde: den lästes till problemområdet " + untitled + ".");
                startProblem(untitled);
            }
            current.describe(Texts.orNull(cell(row, SheetColumn.PLACE)),
                    Texts.orNull(cell(row, SheetColumn.PROBLEM_DESCRIPTION)));
            return current;
        }

        private void checkProblems() {
            for (ProblemDraft problem : problems.values()) {
                if (problem.isEmpty()) {
                    note(true, null, null, "Problemområdet " + problem.title() + " har varken orsak, mål eller åtgärd.");
                }
                for (String text : problem.unlinked()) {
                    note(true, null, null, "\"" + shortened(text) + "\" i problemområdet " + problem.title()
                            + " hör inte till någon åtgärd.");
                }
            }
        }

        private void seeUnit(Responsible responsible, int row) {
            String unit = responsible.unit();
            if (unitsSeen.containsKey(unit)) {
                return;
            }
            String doubt = null;
            if (unit.length() > LONGEST_UNIT_NAME || unit.split("\\s+").length > 6) {
                doubt = "Den ansvariga \"" + shortened(unit) + "\" ser ut som en mening snarare än en enhet: "
                        + "skriv enheterna åtskilda med kommatecken och en roll inom parentes, t.ex. \"KSK, BoU (samordnar)\".";
            }
            else if (OCR_DAMAGE.matcher(unit).find()) {
                doubt = "Enhetsnamnet \"" + unit + "\" ser ut att vara skadat av textigenkänning: kontrollera stavningen.";
            }
            else {
                String similar = unitsSeen.keySet().stream().filter(other -> !Texts.folded(other).equals(Texts.folded(unit))
                        && Texts.nearlyEqual(Texts.folded(unit), Texts.folded(other))).findFirst().orElse(null);
                if (similar != null) {
                    doubt = "Enhetsnamnen \"" + unit + "\" och \"" + similar + "\" är nästan lika: är de samma enhet?";
                }
            }
            unitsSeen.put(unit, doubt == null ? null : ImportNote.doubtful(sheet.name(), row + 1,
                    headingOf(SheetColumn.RESPONSIBLE), doubt));
        }

        private String cell(int row, SheetColumn column) {
            Heading heading = header.find(column);
            return heading == null ? "" : sheet.text(row, heading.column());
        }

        private @Nullable String headingOf(SheetColumn column) {
            Heading heading = header.find(column);
            return heading == null ? null : heading.text();
        }

        private void note(boolean doubtful, @Nullable Integer row, @Nullable String column, String message) {
            Integer excelRow = row == null ? null : row + 1;
            notes.add(doubtful ? ImportNote.doubtful(sheet.name(), excelRow, column, message)
                    : ImportNote.info(sheet.name(), excelRow, column, message));
        }
    }

    /** What stands above a table: the area's name, its rationale and indicators, and maybe the first table's title. */
    private record AreaHead(@Nullable String name, @Nullable String rationale, List<Indicator> indicators,
            @Nullable String firstProblemTitle) {
    }

    private static int count(FocusArea area, ToIntFunction<Problem> elements) {
        return area.problems().stream().mapToInt(elements).sum();
    }

    /** The cell's lines one per measure when it has exactly one per measure, else the whole cell for each. */
    private static List<String> paired(String cell, int measures) {
        List<String> lines = CellItems.split(cell);
        return measures > 1 && lines.size() == measures ? lines : Collections.nCopies(measures, cell);
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return (end > 0 && end < LONGEST_TITLE ? text.substring(0, end + 1) : text.substring(0, LONGEST_TITLE)).strip();
    }

    private static String shortened(String text) {
        String oneLine = text.replace('\n', ' ').strip();
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "…";
    }
}

package se.trygghetsnav.plandocument.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import se.trygghetsnav.plandocument.ColumnField;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocument.Column;
import se.trygghetsnav.plandocument.PlanDocument.ExtraColumn;
import se.trygghetsnav.plandocument.PlanDocument.Measure;
import se.trygghetsnav.plandocument.PlanDocument.Problem;

/**
 * The layout of a focus area's sheet: labelled rows on the area above its table (name, rationale, indicators),
 * then the table with the plan's own columns in its order and headings, and the columns the export adds so that
 * nothing the plan holds is lost.
 */
final class AreaSheetLayout {

    static final String FOCUS_AREA = "Fokusområde";
    static final String RATIONALE = "Motivering";
    static final String[] INDICATORS = { "Indikatorer", "Datakälla", "Riktning" };

    private AreaSheetLayout() {
    }

    /** A column of the written table: what it holds and its heading. */
    record WrittenColumn(SheetColumn column, String heading) {
    }

    /**
     * The table's columns for a plan: its own columns in its order, with what its data uses and its columns lack
     * added: the problem's columns next to the problem column (first when the plan has none), the measure's at
     * the end. Every area sheet of a plan has the same columns.
     */
    static List<WrittenColumn> columns(PlanDocument plan) {
        List<WrittenColumn> own = plan.columns().stream()
                .map(column -> new WrittenColumn(SheetColumn.of(column.field()), column.heading())).toList();
        Set<SheetColumn> present = new LinkedHashSet<>();
        own.forEach(column -> present.add(column.column()));
        List<Problem> problems = plan.focusAreas().stream().flatMap(area -> area.problems().stream()).toList();
        List<Measure> measures = problems.stream().flatMap(problem -> problem.measures().stream()).toList();

        List<WrittenColumn> problemColumns = new ArrayList<>();
        addIfMissing(problemColumns, present, SheetColumn.PROBLEM, true);
        addIfMissing(problemColumns, present, SheetColumn.PLACE, problems.stream().anyMatch(p -> p.placeName() != null));
        addIfMissing(problemColumns, present, SheetColumn.PROBLEM_DESCRIPTION,
                problems.stream().anyMatch(p -> p.description() != null));

        List<WrittenColumn> measureColumns = new ArrayList<>();
        addIfMissing(measureColumns, present, SheetColumn.CAUSE, problems.stream().anyMatch(p -> !p.causes().isEmpty()));
        addIfMissing(measureColumns, present, SheetColumn.GOAL, problems.stream().anyMatch(p -> !p.goals().isEmpty()));
        addIfMissing(measureColumns, present, SheetColumn.MEASURE, true);
        addIfUsed(measureColumns, present, SheetColumn.DESCRIPTION, measures, m -> m.description() != null);
        addIfUsed(measureColumns, present, SheetColumn.PURPOSE, measures, m -> m.purpose() != null);
        addIfUsed(measureColumns, present, SheetColumn.EXPECTED_RESULT, measures, m -> m.expectedResult() != null);
        addIfUsed(measureColumns, present, SheetColumn.KIND, measures, m -> m.kind() != null);
        addIfUsed(measureColumns, present, SheetColumn.SCHEDULE, measures, m -> m.schedule() != null);
        addIfUsed(measureColumns, present, SheetColumn.RESPONSIBLE, measures, m -> !m.responsible().isEmpty());
        addIfUsed(measureColumns, present, SheetColumn.RESPONSIBILITY_NOTE, measures, m -> m.responsibilityNote() != null);
        addIfUsed(measureColumns, present, SheetColumn.PARTNERS, measures, m -> !m.partners().isEmpty());
        addIfUsed(measureColumns, present, SheetColumn.FOLLOW_UP_CRITERIA, measures, m -> !m.followUpCriteria().isEmpty());
        Set<String> ownExtras = new LinkedHashSet<>(plan.columns().stream()
                .filter(column -> column.field() == ColumnField.EXTRA).map(Column::heading).toList());
        measures.stream().flatMap(m -> m.extraColumns().stream()).map(ExtraColumn::name).distinct()
                .filter(name -> !ownExtras.contains(name))
                .forEach(name -> measureColumns.add(new WrittenColumn(SheetColumn.EXTRA, name)));

        List<WrittenColumn> columns = new ArrayList<>(own);
        int problemColumn = indexOf(columns, SheetColumn.PROBLEM);
        columns.addAll(problemColumn + 1, problemColumns);
        columns.addAll(measureColumns);
        return columns;
    }

    private static void addIfUsed(List<WrittenColumn> added, Set<SheetColumn> present, SheetColumn column,
            List<Measure> measures, Predicate<Measure> uses) {
        addIfMissing(added, present, column, measures.stream().anyMatch(uses));
    }

    private static void addIfMissing(List<WrittenColumn> added, Set<SheetColumn> present, SheetColumn column, boolean used) {
        if (used && present.add(column)) {
            added.add(new WrittenColumn(column, column.heading()));
        }
    }

    private static int indexOf(List<WrittenColumn> columns, SheetColumn column) {
        return Stream.iterate(0, i -> i < columns.size(), i -> i + 1)
                .filter(i -> columns.get(i).column() == column).findFirst().orElse(-1);
    }
}

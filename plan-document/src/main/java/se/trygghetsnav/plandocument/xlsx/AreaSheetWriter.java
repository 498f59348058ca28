package se.trygghetsnav.plandocument.xlsx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.PlanDocument.Cause;
import se.trygghetsnav.plandocument.PlanDocument.ExtraColumn;
import se.trygghetsnav.plandocument.PlanDocument.FocusArea;
import se.trygghetsnav.plandocument.PlanDocument.Goal;
import se.trygghetsnav.plandocument.PlanDocument.Indicator;
import se.trygghetsnav.plandocument.PlanDocument.Measure;
import se.trygghetsnav.plandocument.PlanDocument.Problem;
import se.trygghetsnav.plandocument.xlsx.AreaSheetLayout.WrittenColumn;

/**
 * Writes a focus area's sheet: the area above, then a row per measure under a bold, frozen header, and a row for
 * the causes and goals no measure addresses. A problem's cells are merged over its rows, and so are the causes
 * or goals of consecutive rows that have the same.
 */
final class AreaSheetWriter {

    private final SheetWriter writer;
    private final List<WrittenColumn> columns;

    AreaSheetWriter(SheetWriter writer, List<WrittenColumn> columns) {
        this.writer = writer;
        this.columns = columns;
    }

    void write(Workbook workbook, String sheetName, FocusArea area) {
        Sheet sheet = workbook.createSheet(sheetName);
        SheetWriter.widths(sheet, columns.stream().mapToInt(column -> column.column().width()).toArray());
        int lastColumn = Math.max(1, columns.size() - 1);
        int row = 0;
        writer.labelled(sheet, row++, AreaSheetLayout.FOCUS_AREA, area.name(), lastColumn);
        if (area.rationale() != null) {
            writer.labelled(sheet, row++, AreaSheetLayout.RATIONALE, area.rationale(), lastColumn);
        }
        if (!area.indicators().isEmpty()) {
            writer.header(sheet, row++, AreaSheetLayout.INDICATORS);
            for (Indicator indicator : area.indicators()) {
                writer.textRow(sheet, row++, CellItems.format(List.of(indicator.text())), Texts.orEmpty(indicator.dataSource()),
                        CellFormats.directionCell(indicator.higherIsBetter()));
            }
        }
        int headerRow = row + 1;
        writer.header(sheet, headerRow, columns.stream().map(WrittenColumn::heading).toArray(String[]::new));
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);

        List<CellRangeAddress> merged = new ArrayList<>();
        row = headerRow + 1;
        for (Problem problem : area.problems()) {
            List<String[]> rows = rowsOf(problem);
            for (String[] values : rows) {
                writer.tableRow(sheet, row++, values);
            }
            merged.addAll(mergedRegions(rows, row - rows.size()));
        }
        SheetWriter.merge(sheet, merged);
    }

    /** A row per measure; then one for the causes and goals no measure addresses; a lone row for an empty problem. */
    private List<String[]> rowsOf(Problem problem) {
        Map<String, Cause> causes = problem.causes().stream().collect(Collectors.toMap(Cause::id, Function.identity()));
        Map<String, Goal> goals = problem.goals().stream().collect(Collectors.toMap(Goal::id, Function.identity()));
        List<String[]> rows = new ArrayList<>();
        for (Measure measure : problem.measures()) {
            List<String> causeTexts = measure.causeIds().stream().map(causes::get).filter(Objects::nonNull)
                    .map(Cause::text).toList();
            List<String> goalItems = measure.goalIds().stream().map(goals::get).filter(Objects::nonNull)
                    .map(CellFormats::goalItem).toList();
            rows.add(row(problem, causeTexts, goalItems, measure));
        }
        Set<String> linked = new HashSet<>();
        problem.measures().forEach(measure -> {
            linked.addAll(measure.causeIds());
            linked.addAll(measure.goalIds());
        });
        List<String> unlinkedCauses = problem.causes().stream().filter(cause -> !linked.contains(cause.id()))
                .map(Cause::text).toList();
        List<String> unlinkedGoals = problem.goals().stream().filter(goal -> !linked.contains(goal.id()))
                .map(CellFormats::goalItem).toList();
        if (!unlinkedCauses.isEmpty() || !unlinkedGoals.isEmpty() || rows.isEmpty()) {
            rows.add(row(problem, unlinkedCauses, unlinkedGoals, null));
        }
        return rows;
    }

    private String[] row(Problem problem, List<String> causes, List<String> goals, @Nullable Measure measure) {
        String[] values = new String[columns.size()];
        for (int i = 0; i < values.length; i++) {
            WrittenColumn column = columns.get(i);
            values[i] = switch (column.column()) {
                case PROBLEM -> problem.title();
                case PLACE -> Texts.orEmpty(problem.placeName());
                case PROBLEM_DESCRIPTION -> Texts.orEmpty(problem.description());
                case CAUSE -> CellItems.format(causes);
                case GOAL -> CellItems.format(goals);
                default -> measure == null ? "" : measureValue(column, measure);
            };
        }
        return values;
    }

    private static String measureValue(WrittenColumn column, Measure measure) {
        return switch (column.column()) {
            case MEASURE -> CellItems.format(List.of(measure.title()));
            case DESCRIPTION -> Texts.orEmpty(measure.description());
            case PURPOSE -> Texts.orEmpty(measure.purpose());
            case EXPECTED_RESULT -> Texts.orEmpty(measure.expectedResult());
            case KIND -> CellFormats.kindCell(measure.kind());
            case SCHEDULE -> CellFormats.scheduleCell(measure.schedule());
            case RESPONSIBLE -> ResponsibleText.format(measure.responsible());
            case RESPONSIBILITY_NOTE -> Texts.orEmpty(measure.responsibilityNote());
            case PARTNERS -> CellItems.format(measure.partners());
            case FOLLOW_UP_CRITERIA -> CellItems.format(measure.followUpCriteria());
            case EXTRA -> measure.extraColumns().stream().filter(extra -> extra.name().equals(column.heading()))
                    .map(ExtraColumn::value).findFirst().orElse("");
            case PROBLEM, PLACE, PROBLEM_DESCRIPTION, CAUSE, GOAL ->
                    throw new IllegalArgumentException(column.column() + " is not a measure's column");
        };
    }

    /**
     * The problem's columns over all its rows; causes and goals over consecutive rows that have the same. A reader
     * takes a merged cell's value for every row it covers, so merging never changes what the rows say.
     */
    private List<CellRangeAddress> mergedRegions(List<String[]> rows, int firstRow) {
        List<CellRangeAddress> regions = new ArrayList<>();
        for (int column = 0; column < columns.size(); column++) {
            SheetColumn kind = columns.get(column).column();
            if (kind.describesProblem()) {
                regions.add(new CellRangeAddress(firstRow, firstRow + rows.size() - 1, column, column));
            }
            else if (kind == SheetColumn.CAUSE || kind == SheetColumn.GOAL) {
                int start = 0;
                for (int i = 1; i <= rows.size(); i++) {
                    if (i == rows.size() || !rows.get(i)[column].equals(rows.get(start)[column])) {
                        if (i - start > 1 && !rows.get(start)[column].isEmpty()) {
                            regions.add(new CellRangeAddress(firstRow + start, firstRow + i - 1, column, column));
                        }
                        start = i;
                    }
                }
            }
        }
        return regions.stream().filter(region -> region.getLastRow() > region.getFirstRow()).toList();
    }
}

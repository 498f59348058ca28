package se.trygghetsnav.followup.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Sheet;
import org.jspecify.annotations.Nullable;

import se.trygghetsnav.followup.indicator.IndicatorComparison;
import se.trygghetsnav.followup.indicator.IndicatorTarget;
import se.trygghetsnav.followup.indicator.IndicatorValue;
import se.trygghetsnav.plandocument.xlsx.ExtraSheet;
import se.trygghetsnav.plandocument.xlsx.SheetWriter;
import se.trygghetsnav.plandocument.xlsx.XlsxPlanExport;

/**
 * A {@link RoundReport} as a workbook: the plan's own sheets as plan-service exports them, with the round's texts in
 * the "Uppföljning" column, then "Indikatorer" (every indicator against its baseline and target) and
 * "Rapportstatus" (each unit's reporting). The extra sheets' headers name no plan column (no "Åtgärd"), so
 * importing the workbook as a plan reads the plan's tables only.
 */
public final class ReportWorkbook {

    static final String INDICATORS = "Indikatorer";
    static final String REPORTING = "Rapportstatus";

    private ReportWorkbook() {
    }

    public static void write(RoundReport report, OutputStream out) throws IOException {
        XlsxPlanExport.write(report.plan(), out, List.of(new ExtraSheet(INDICATORS, (sheet, writer) -> indicators(sheet,
                writer, report)), new ExtraSheet(REPORTING, (sheet, writer) -> reporting(sheet, writer, report))));
    }

    private static void indicators(Sheet sheet, SheetWriter writer, RoundReport report) {
        SheetWriter.widths(sheet, 28, 40, 16, 18, 16, 16, 12, 40, 16, 16, 14, 14, 10);
        writer.headingRow(sheet, 0, "Indikatorer – " + report.roundName());
        writer.header(sheet, 2, "Fokusområde", "Indikator", "Slag", "Källa", "Utgångsläge", "Målvärde", "Måldatum",
                "Uppmätta värden", "Senaste värde", "Jämfört med", "Förändring", "Andel av vägen", "Nått");
        int row = 3;
        for (IndicatorComparison indicator : report.indicators()) {
            IndicatorComparison.Comparison comparison = indicator.comparison();
            writer.tableRow(sheet, row++, indicator.focusAreaName(), indicator.text(),
                    indicator.kind() == IndicatorTarget.Kind.GOAL ? "Operativt mål" : "Fokusområdets indikator",
                    orEmpty(indicator.dataSource()), orEmpty(indicator.baseline()), orEmpty(indicator.target()),
                    indicator.targetDate() == null ? "" : indicator.targetDate().toString(),
                    indicator.values().stream().map(ReportWorkbook::value).collect(Collectors.joining("\n")),
                    indicator.latest() == null ? "" : value(indicator.latest()),
                    comparison == null ? "" : ("BASELINE".equals(comparison.reference()) ? "Utgångsläget " : "Första värdet ")
                            + FollowUpTexts.number(comparison.referenceValue()),
                    comparison == null ? "" : signed(comparison),
                    comparison == null || comparison.progressPercent() == null ? ""
                            : FollowUpTexts.number(comparison.progressPercent()) + " %",
                    comparison == null || comparison.targetMet() == null ? "" : comparison.targetMet() ? "Ja" : "Nej");
        }
        if (report.indicators().isEmpty()) {
            writer.textRow(sheet, row, "Planen har inga indikatorer.");
        }
    }

    private static void reporting(Sheet sheet, SheetWriter writer, RoundReport report) {
        SheetWriter.widths(sheet, 36, 14, 14, 14, 60);
        writer.headingRow(sheet, 0, "Rapportstatus – " + report.roundName());
        writer.labelled(sheet, 1, "Period", report.periodStart() + " – " + report.periodEnd(), 4);
        writer.labelled(sheet, 2, "Sista dag", report.dueDate().toString(), 4);
        writer.labelled(sheet, 3, "Omgången", report.status() == se.trygghetsnav.followup.round.FollowupRound.RoundStatus.OPEN
                ? "Öppen" : "Stängd", 4);
        writer.header(sheet, 5, "Enhet", "I omgången", "Rapporterade", "Saknas", "Saknade rapporter");
        int row = 6;
        for (RoundReport.UnitReporting unit : report.units()) {
            writer.tableRow(sheet, row++, unit.name(), Integer.toString(unit.measures()), Integer.toString(unit.reported()),
                    Integer.toString(unit.missing().size()), String.join("\n", unit.missing()));
        }
    }

    /** "71,5 % 2025-03-01 (NTU)" or "62 2024-01-01–2024-12-31 (Stockholmsenkäten)". */
    private static String value(IndicatorValue value) {
        String when = value.date() != null ? value.date().toString() : period(value.periodStart(), value.periodEnd());
        return FollowUpTexts.number(value.value()) + (value.unit() == null ? "" : " " + value.unit()) + " " + when
                + " (" + value.source() + ")";
    }

    private static String period(@Nullable LocalDate start, @Nullable LocalDate end) {
        return (start == null ? "" : start.toString()) + "–" + (end == null ? "" : end.toString());
    }

    private static String signed(IndicatorComparison.Comparison comparison) {
        String change = (comparison.change().signum() > 0 ? "+" : "") + FollowUpTexts.number(comparison.change());
        return comparison.improving() == null ? change : change + (comparison.improving() ? " (bättre)" : " (sämre)");
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}

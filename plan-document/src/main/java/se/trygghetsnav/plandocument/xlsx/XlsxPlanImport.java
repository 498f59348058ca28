package se.trygghetsnav.plandocument.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocument.FocusArea;
import se.trygghetsnav.plandocument.PlanDocument.Period;
import se.trygghetsnav.plandocument.PlanDocument.Unit;
import se.trygghetsnav.plandocument.xlsx.AboutSheet.About;
import se.trygghetsnav.plandocument.xlsx.UnreadableWorkbookException.Reason;

/**
 * Reads a whole plan from a workbook: one in the seeds' table shapes (a sheet per focus area, its table's header
 * row found by its column names), or one {@link XlsxPlanExport} wrote, which reads back to the same plan. The
 * result carries notes on what was read and on what a person should check.
 */
public final class XlsxPlanImport {

    private static final String DEFAULT_TITLE = "Importerad åtgärdsplan";
    private static final Pattern YEARS = Pattern.compile("\\b((?:19|20)\\d{2})(?:\\s*[–—-]\\s*((?:19|20)\\d{2}))?\\b");

    private XlsxPlanImport() {
    }

    /**
     * @param fallbackTitle, startYear, endYear the plan's title and period when the workbook does not say them
     *        (the export's "Om planen" does); without them the title is searched for years
     * @throws UnreadableWorkbookException when the input is not a workbook, or no sheet has a table header row
     */
    public static XlsxImportResult read(InputStream in, @Nullable String fallbackTitle, @Nullable Integer startYear,
            @Nullable Integer endYear) {
        try (Workbook workbook = open(in)) {
            return read(workbook, fallbackTitle, startYear, endYear);
        }
        catch (IOException closing) {
            throw new UncheckedIOException(closing);
        }
    }

    private static XlsxImportResult read(Workbook workbook, @Nullable String fallbackTitle, @Nullable Integer startYear,
            @Nullable Integer endYear) {
        List<ImportNote> notes = new ArrayList<>();
        About about = null;
        for (Sheet sheet : workbook) {
            if (about == null && AboutSheet.isAboutSheet(sheet.getSheetName())) {
                about = AboutSheet.read(new SheetCells(sheet), notes);
            }
        }
        AreaSheetReader reader = new AreaSheetReader(about == null ? List.of() : about.columns(), unitNames(about),
                about != null, notes);
        List<FocusArea> areas = new ArrayList<>();
        List<String> sheetNames = new ArrayList<>();
        for (Sheet sheet : workbook) {
            String name = sheet.getSheetName();
            sheetNames.add(name);
            if (AboutSheet.isAboutSheet(name)) {
                continue;
            }
            if (SummarySheet.isSummarySheet(name)) {
                notes.add(ImportNote.info(name, null, null, "Bladet " + name + " är en sammanfattning och lästes inte."));
                continue;
            }
            SheetCells cells = new SheetCells(sheet);
            SheetHeader header = reader.findHeader(cells);
            if (header == null) {
                notes.add(cells.isEmpty() ? ImportNote.info(name, null, null, "Bladet " + name + " är tomt.")
                        : ImportNote.doubtful(name, null, null, "Bladet " + name + " har ingen tabell med rubriker som "
                                + "Orsak, Åtgärd och Ansvarig och lästes inte."));
                continue;
            }
            areas.add(reader.read(cells, header, "fa" + (areas.size() + 1)));
        }
        if (areas.isEmpty()) {
            throw new UnreadableWorkbookException(Reason.NO_PLAN_TABLE, null, String.join(", ", sheetNames));
        }
        notes.addAll(reader.unitNotes());

        String title = about != null && about.title() != null ? about.title() : Texts.orNull(fallbackTitle);
        if (title == null) {
            title = DEFAULT_TITLE;
            notes.add(ImportNote.doubtful(null, null, null, "Arbetsboken säger inte planens titel: den heter "
                    + DEFAULT_TITLE + " tills du ändrar den."));
        }
        Period period = about != null && about.period() != null ? about.period() : period(title, startYear, endYear, notes);
        return new XlsxImportResult(new PlanDocument(PlanDocument.FORMAT, title, period,
                about == null ? null : about.legalBasis(), about == null ? null : about.introduction(),
                about == null ? List.of() : about.partners(), about == null ? null : about.coordinator(),
                about != null && !about.columns().isEmpty() ? about.columns() : reader.columnsSeen(),
                about == null ? List.of() : about.units(), areas), notes);
    }

    private static Workbook open(InputStream in) {
        try {
            return WorkbookFactory.create(in);
        }
        catch (IOException | RuntimeException notAWorkbook) {
            // POI tells a file that is no workbook by several exceptions (empty, not OOXML, corrupt, encrypted).
            throw new UnreadableWorkbookException(Reason.NOT_A_WORKBOOK, notAWorkbook);
        }
    }

    /** The names and abbreviations of the units "Om planen" lists: a responsible cell keeps them whole. */
    private static Set<String> unitNames(@Nullable About about) {
        Set<String> names = new LinkedHashSet<>();
        if (about != null) {
            for (Unit unit : about.units()) {
                names.add(unit.name());
                if (unit.abbreviation() != null) {
                    names.add(unit.abbreviation());
                }
            }
        }
        return names;
    }

    /** The period the caller gave, else the years of the title ("Åtgärdsplan 2024–2026"), else this year. */
    private static Period period(String title, @Nullable Integer startYear, @Nullable Integer endYear,
            List<ImportNote> notes) {
        if (startYear != null || endYear != null) {
            int start = startYear != null ? startYear : endYear;
            return new Period(start, endYear != null ? endYear : start);
        }
        Matcher years = YEARS.matcher(title);
        if (years.find()) {
            int start = Integer.parseInt(years.group(1));
            Period period = new Period(start, years.group(2) == null ? start : Integer.parseInt(years.group(2)));
            notes.add(ImportNote.info(null, null, null, "Planens period " + period.startYear() + "–" + period.endYear()
                    + " är läst ur titeln."));
            return period;
        }
        int thisYear = Year.now().getValue();
        notes.add(ImportNote.doubtful(null, null, null, "Arbetsboken säger inte planens period: den gäller " + thisYear
                + " tills du ändrar den (eller importera med startYear och endYear)."));
        return new Period(thisYear, thisYear);
    }
}

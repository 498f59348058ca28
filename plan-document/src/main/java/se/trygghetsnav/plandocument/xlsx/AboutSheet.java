package se.trygghetsnav.plandocument.xlsx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.ColumnField;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocument.Column;
import se.trygghetsnav.plandocument.PlanDocument.Contact;
import se.trygghetsnav.plandocument.PlanDocument.Partner;
import se.trygghetsnav.plandocument.PlanDocument.Period;
import se.trygghetsnav.plandocument.PlanDocument.Unit;

/**
 * The first sheet, "Om planen": what the plan says about itself, as labelled rows a person reads (title, period,
 * legal basis, introduction, coordinator), then small tables of its partner organisations, its tables' columns
 * and its units with their addresses. Written and read here, so both sides keep one layout.
 */
final class AboutSheet {

    static final String NAME = "Om planen";

    private static final String TITLE = "Titel";
    private static final String PERIOD = "Period";
    private static final String LEGAL_BASIS = "Lagstöd";
    private static final String INTRODUCTION = "Inledning";
    /** A cell holds 32 767 characters and an introduction up to 100 000: it goes on in the rows below. */
    private static final String INTRODUCTION_CONTINUED = "Inledning (forts.)";
    private static final String COORDINATOR = "Samordnare";
    private static final String COORDINATOR_EMAIL = "Samordnarens e-post";
    private static final String COORDINATOR_PHONE = "Samordnarens telefon";
    private static final int INTRODUCTION_CHUNK = 32_000;
    private static final int LAST_COLUMN = 3;
    private static final Pattern YEARS = Pattern.compile("(\\d{4})(?:\\D+(\\d{4}))?");

    private AboutSheet() {
    }

    static boolean isAboutSheet(String sheetName) {
        return Texts.key(sheetName).equals(Texts.key(NAME));
    }

    static void write(Workbook workbook, PlanDocument plan, SheetWriter writer) {
        Sheet sheet = workbook.createSheet(NAME);
        SheetWriter.widths(sheet, 30, 60, 30, 30);
        writer.headingRow(sheet, 0, plan.title());
        int row = 2;
        writer.labelled(sheet, row++, TITLE, plan.title(), LAST_COLUMN);
        writer.labelled(sheet, row++, PERIOD, plan.period().startYear() == plan.period().endYear()
                ? String.valueOf(plan.period().startYear()) : plan.period().startYear() + "–" + plan.period().endYear(),
                LAST_COLUMN);
        writer.labelled(sheet, row++, LEGAL_BASIS, Texts.orEmpty(plan.legalBasis()), LAST_COLUMN);
        List<String> introduction = chunks(Texts.orEmpty(plan.introduction()));
        for (int chunk = 0; chunk < introduction.size(); chunk++) {
            writer.labelled(sheet, row++, chunk == 0 ? INTRODUCTION : INTRODUCTION_CONTINUED, introduction.get(chunk),
                    LAST_COLUMN);
        }
        Contact coordinator = plan.coordinator();
        writer.labelled(sheet, row++, COORDINATOR, coordinator == null ? "" : coordinator.name(), LAST_COLUMN);
        writer.labelled(sheet, row++, COORDINATOR_EMAIL, coordinator == null ? "" : Texts.orEmpty(coordinator.email()),
                LAST_COLUMN);
        writer.labelled(sheet, row++, COORDINATOR_PHONE, coordinator == null ? "" : Texts.orEmpty(coordinator.phone()),
                LAST_COLUMN);
        if (!plan.partnerOrganisations().isEmpty()) {
            writer.header(sheet, ++row, Section.PARTNERS.headings);
            for (Partner partner : plan.partnerOrganisations()) {
                writer.tableRow(sheet, ++row, partner.name(), Texts.orEmpty(partner.organisationId()),
                        Texts.orEmpty(partner.agreement()));
            }
            row++;
        }
        writer.header(sheet, ++row, Section.COLUMNS.headings);
        for (Column column : plan.columns()) {
            writer.tableRow(sheet, ++row, column.heading(), SheetColumn.of(column.field()).heading());
        }
        row++;
        writer.header(sheet, ++row, Section.UNITS.headings);
        for (Unit unit : plan.units()) {
            writer.tableRow(sheet, ++row, unit.name(), Texts.orEmpty(unit.abbreviation()),
                    String.join(", ", unit.contactEmails()), Texts.orEmpty(unit.managerEmail()));
        }
    }

    /** What the sheet says; its fields are null or empty where it says nothing. */
    record About(@Nullable String title, @Nullable Period period, @Nullable String legalBasis,
            @Nullable String introduction, @Nullable Contact coordinator, List<Partner> partners, List<Column> columns,
            List<Unit> units) {
    }

    static About read(SheetCells sheet, List<ImportNote> notes) {
        String title = null;
        Period period = null;
        String legalBasis = null;
        StringBuilder introduction = new StringBuilder();
        String coordinatorName = null;
        String coordinatorEmail = null;
        String coordinatorPhone = null;
        List<Partner> partners = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        Section section = null;
        for (int row = 0; row <= sheet.lastRow(); row++) {
            if (sheet.isBlankRow(row)) {
                section = null;
                continue;
            }
            String first = sheet.text(row, 0).strip();
            String value = sheet.text(row, 1);
            if (section == Section.PARTNERS) {
                partners.add(new Partner(first, Texts.orNull(value), Texts.orNull(sheet.text(row, 2))));
                continue;
            }
            if (section == Section.COLUMNS) {
                columns.add(new Column(field(first, value, sheet, row, notes), first));
                continue;
            }
            if (section == Section.UNITS) {
                units.add(new Unit(first, Texts.orNull(value), emails(sheet.text(row, 2)), Texts.orNull(sheet.text(row, 3))));
                continue;
            }
            String label = Texts.key(first);
            if (label.equals(Texts.key(TITLE))) {
                title = Texts.orNull(value);
            }
            else if (label.equals(Texts.key(PERIOD))) {
                period = period(value, sheet, row, notes);
            }
            else if (label.equals(Texts.key(LEGAL_BASIS))) {
                legalBasis = Texts.orNull(value);
            }
            else if (label.equals(Texts.key(INTRODUCTION))) {
                introduction.append(value);
            }
            else if (label.equals(Texts.key(COORDINATOR))) {
                coordinatorName = Texts.orNull(value);
            }
            else if (label.equals(Texts.key(COORDINATOR_EMAIL))) {
                coordinatorEmail = Texts.orNull(value);
            }
            else if (label.equals(Texts.key(COORDINATOR_PHONE))) {
                coordinatorPhone = Texts.orNull(value);
            }
            else {
                section = Section.labelled(label);
            }
        }
        notes.add(ImportNote.info(sheet.name(), null, null, "Planens uppgifter lästes från bladet " + sheet.name() + "."));
        return new About(title, period, legalBasis, Texts.orNull(introduction.toString()),
                coordinatorName == null ? null : new Contact(coordinatorName, coordinatorEmail, coordinatorPhone),
                partners, columns, units);
    }

    /** The small tables of the sheet: a header row whose first cell names it, then a row per element. */
    private enum Section {
        PARTNERS("Samverkande organisationer", "Organisations-id", "Överenskommelse"),
        COLUMNS("Tabellernas kolumner", "Innehåll"),
        UNITS("Enheter", "Förkortning", "Kontaktadresser", "Chefens e-post");

        private final String[] headings;

        Section(String... headings) {
            this.headings = headings;
        }

        static @Nullable Section labelled(String label) {
            for (Section section : values()) {
                if (label.equals(Texts.key(section.headings[0]))) {
                    return section;
                }
            }
            return null;
        }
    }

    /** The field a listed column holds, named as the export names it ("Operativt mål", "Egen kolumn"). */
    private static ColumnField field(String heading, String fieldName, SheetCells sheet, int row, List<ImportNote> notes) {
        String named = fieldName.isBlank() ? heading : fieldName;
        for (SheetColumn column : SheetColumn.values()) {
            if (column.field() != null && Texts.key(column.heading()).equals(Texts.key(named))) {
                return column.field();
            }
        }
        SheetColumn.Match match = SheetColumn.match(named);
        if (match != null && match.column().field() != null) {
            return match.column().field();
        }
        notes.add(ImportNote.doubtful(sheet.name(), row + 1, Section.COLUMNS.headings[1], "Kolumnen " + heading
                + " har innehållet \"" + fieldName + "\", som inte är känt: den läses som egen kolumn."));
        return ColumnField.EXTRA;
    }

    private static @Nullable Period period(String value, SheetCells sheet, int row, List<ImportNote> notes) {
        Matcher years = YEARS.matcher(value);
        if (!years.find()) {
            notes.add(ImportNote.doubtful(sheet.name(), row + 1, PERIOD, "Perioden \"" + value.strip()
                    + "\" är inte ett år eller två år (t.ex. 2024–2026)."));
            return null;
        }
        int start = Integer.parseInt(years.group(1));
        return new Period(start, years.group(2) == null ? start : Integer.parseInt(years.group(2)));
    }

    private static List<String> emails(String cell) {
        return Arrays.stream(cell.split("[,;\\s]+")).filter(email -> !email.isBlank()).toList();
    }

    /** The text in pieces a cell holds, never splitting a character that takes two chars. */
    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(text.length(), start + INTRODUCTION_CHUNK);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end));
            start = end;
        }
        while (start < text.length());
        return chunks;
    }
}

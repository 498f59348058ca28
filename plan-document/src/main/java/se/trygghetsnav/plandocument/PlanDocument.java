package se.trygghetsnav.plandocument;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A whole åtgärdsplan as a portable JSON document: what JSON export writes and JSON import reads, and the
 * shape the seed plans are transcribed into. It carries content only (no status, no adoption, no owner),
 * so it can be imported into any organisation as a new draft.
 *
 * <p>Elements carry local {@code id}s (any string unique in the document, e.g. {@code "c1"}) that measures
 * use to link to causes and goals; import gives every element a fresh id. Units are named by abbreviation
 * (or name) and listed once in {@link #units()}, so the plan can be imported where they do not exist yet.
 *
 * @param format always {@value #FORMAT}
 * @param columns the plan's table columns in the source's order and with its headings (e.g. {@code Orsak},
 *        {@code Operativt mål}, {@code Åtgärd}, {@code Ansvarig för åtgärd}, {@code Uppföljning}); export
 *        writes the tables in this order
 */
public record PlanDocument(String format, String title, Period period, @Nullable String legalBasis,
        @Nullable String introduction, List<Partner> partnerOrganisations, @Nullable Contact coordinator,
        List<Column> columns, List<Unit> units, List<FocusArea> focusAreas) {

    public static final String FORMAT = "trygghetsnav.plan.v1";

    public PlanDocument {
        partnerOrganisations = orEmpty(partnerOrganisations);
        columns = orEmpty(columns);
        units = orEmpty(units);
        focusAreas = orEmpty(focusAreas);
    }

    /**
     * This plan with a text per measure in the extra column {@code heading}, e.g. a follow-up round's texts as
     * "Uppföljning" for the year-end report: a measure's value of that column is replaced, or added when it has
     * none; measures without a text keep what they had. The plan gets the column (after its own) when it has
     * none, so the export writes the texts where the plan's own column of that name would be.
     *
     * @param textsByMeasureId the texts by the measures' {@link Measure#id() ids}
     */
    public PlanDocument withMeasureTexts(String heading, Map<String, String> textsByMeasureId) {
        List<Column> withColumn = new ArrayList<>(columns);
        if (columns.stream().noneMatch(column -> column.field() == ColumnField.EXTRA && column.heading().equals(heading))) {
            withColumn.add(new Column(ColumnField.EXTRA, heading));
        }
        List<FocusArea> areas = focusAreas.stream().map(area -> new FocusArea(area.id(), area.name(), area.rationale(),
                area.indicators(), area.problems().stream().map(problem -> new Problem(problem.id(), problem.title(),
                        problem.placeName(), problem.description(), problem.causes(), problem.goals(),
                        problem.measures().stream().map(measure -> measure.withExtraColumn(heading,
                                textsByMeasureId.get(measure.id()))).toList())).toList())).toList();
        return new PlanDocument(format, title, period, legalBasis, introduction, partnerOrganisations, coordinator,
                withColumn, units, areas);
    }

    public record Period(int startYear, int endYear) {
    }

    /** A partner organisation, e.g. the local police area under a samverkansöverenskommelse. */
    public record Partner(String name, @Nullable String organisationId, @Nullable String agreement) {
    }

    public record Contact(String name, @Nullable String email, @Nullable String phone) {
    }

    /** A column of the plan's tables: the field it holds and the heading the source gave it. */
    public record Column(ColumnField field, String heading) {
    }

    /** A unit of the directory, as the plan refers to it. */
    public record Unit(String name, @Nullable String abbreviation, List<String> contactEmails,
            @Nullable String managerEmail) {

        public Unit {
            contactEmails = orEmpty(contactEmails);
        }
    }

    public record FocusArea(String id, String name, @Nullable String rationale, List<Indicator> indicators,
            List<Problem> problems) {

        public FocusArea {
            indicators = orEmpty(indicators);
            problems = orEmpty(problems);
        }
    }

    /** How progress in a focus area is read; {@code higherIsBetter} null when the source does not say. */
    public record Indicator(String text, @Nullable String dataSource, @Nullable Boolean higherIsBetter) {
    }

    public record Problem(String id, String title, @Nullable String placeName, @Nullable String description,
            List<Cause> causes, List<Goal> goals, List<Measure> measures) {

        public Problem {
            causes = orEmpty(causes);
            goals = orEmpty(goals);
            measures = orEmpty(measures);
        }
    }

    public record Cause(String id, String text) {
    }

    /** An operativt mål with its optional SMART parts. */
    public record Goal(String id, String text, @Nullable String indicator, @Nullable String baseline,
            @Nullable String targetValue, @Nullable LocalDate targetDate) {
    }

    /**
     * An åtgärd.
     *
     * @param responsibilityNote the source's own words on who is responsible, when they say more than a list
     *        of units (e.g. "Polisen har ett ansvar att motivera …, socialsekreterare har ett ansvar att …")
     * @param extraColumns columns the source table had and the model has no field for, in source order
     */
    public record Measure(String id, String title, @Nullable String description, @Nullable String purpose,
            @Nullable String expectedResult, @Nullable MeasureKind kind, @Nullable Schedule schedule,
            List<Responsible> responsible, @Nullable String responsibilityNote, List<String> partners,
            List<String> causeIds, List<String> goalIds, List<String> followUpCriteria,
            List<ExtraColumn> extraColumns) {

        public Measure {
            responsible = orEmpty(responsible);
            partners = orEmpty(partners);
            causeIds = orEmpty(causeIds);
            goalIds = orEmpty(goalIds);
            followUpCriteria = orEmpty(followUpCriteria);
            extraColumns = orEmpty(extraColumns);
        }

        /** This measure with {@code value} in the extra column {@code name}, replaced or added; itself if null. */
        Measure withExtraColumn(String name, @Nullable String value) {
            if (value == null) {
                return this;
            }
            List<ExtraColumn> extras = new ArrayList<>(extraColumns.stream().filter(extra -> !extra.name().equals(name))
                    .toList());
            int at = extraColumns.stream().map(ExtraColumn::name).toList().indexOf(name);
            extras.add(at < 0 ? extras.size() : at, new ExtraColumn(name, value));
            return new Measure(id, title, description, purpose, expectedResult, kind, schedule, responsible,
                    responsibilityNote, partners, causeIds, goalIds, followUpCriteria, extras);
        }
    }

    /** A responsible unit (by abbreviation, or name when it has none) and its optional role. */
    public record Responsible(String unit, @Nullable String role) {
    }

    /**
     * When a measure happens. {@code text} keeps the source's words ("2 ggr/veckan, löpande"); the other
     * fields are what they mean: DUE_DATE uses dueDate, PERIOD startDate/endDate, RECURRENCE recurrence
     * (and optionally the period), CONTINUOUS nothing.
     */
    public record Schedule(ScheduleType type, @Nullable String text, @Nullable LocalDate dueDate,
            @Nullable LocalDate startDate, @Nullable LocalDate endDate, @Nullable Recurrence recurrence) {
    }

    /** "2 ggr/veckan" is 2 per WEEK; "1 gång/månaden, uppehåll juli" is 1 per MONTH except JULY. */
    public record Recurrence(int times, RecurrenceUnit per, List<Month> exceptMonths) {

        public Recurrence {
            exceptMonths = orEmpty(exceptMonths);
        }
    }

    public record ExtraColumn(String name, String value) {
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

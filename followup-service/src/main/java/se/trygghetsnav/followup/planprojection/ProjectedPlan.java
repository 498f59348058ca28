package se.trygghetsnav.followup.planprojection;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * followup-service's copy of one plan revision, built from {@code plan.events}: its header, lifecycle and
 * whole tree, kept flat (focus areas, problems, causes, goals and measures each in their own list, linked
 * by ids) so an added, changed or removed element replaces one entry. {@code appliedVersion} is the last
 * plan event applied; an event at or below it changes nothing.
 */
@Document(ProjectedPlan.COLLECTION)
// Exactly the keys of the projection's guarded write and a tenant read: the only indexes the embedded server uses.
@CompoundIndex(name = "version_guard", def = "{'_id': 1, 'appliedVersion': 1}", unique = true)
@CompoundIndex(name = "tenant_read", def = "{'_id': 1, 'organisationId': 1}", unique = true)
@TenantOwned
public class ProjectedPlan {

    public static final String COLLECTION = "plan_projection";

    @Id
    private UUID id;

    private String organisationId;

    private long appliedVersion;

    private @Nullable UUID seriesId;

    private int revision;

    private PlanStatus status = PlanStatus.DRAFT;

    private @Nullable UUID copiedFromPlanId;

    private @Nullable UUID previousRevisionId;

    private @Nullable String title;

    private @Nullable Period period;

    /** What the plan says about itself besides title and period; absent in documents projected before it was kept. */
    private @Nullable Header header;

    private @Nullable Adoption adoption;

    private @Nullable UUID supersedesPlanId;

    private @Nullable String archiveReason;

    private @Nullable UUID supersededByPlanId;

    private List<FocusArea> focusAreas = new ArrayList<>();

    private List<Problem> problems = new ArrayList<>();

    private List<Cause> causes = new ArrayList<>();

    private List<Goal> goals = new ArrayList<>();

    private List<Measure> measures = new ArrayList<>();

    /** For the object mapper. */
    ProjectedPlan() {
    }

    /** A plan seen for the first time, possibly before its plan-created (the projection is tolerant). */
    static ProjectedPlan first(UUID id, String organisationId) {
        ProjectedPlan plan = new ProjectedPlan();
        plan.id = id;
        plan.organisationId = organisationId;
        plan.seriesId = id;
        plan.revision = 1;
        return plan;
    }

    // --- lifecycle

    void created(UUID seriesId, int revision, @Nullable UUID copiedFromPlanId, String title, Period period,
            Header header) {
        this.seriesId = seriesId;
        this.revision = revision;
        this.copiedFromPlanId = copiedFromPlanId;
        this.title = title;
        this.period = period;
        this.header = header;
        this.status = PlanStatus.DRAFT;
    }

    void revised(UUID seriesId, int revision, UUID previousRevisionId, String title, Period period, Header header) {
        created(seriesId, revision, null, title, period, header);
        this.previousRevisionId = previousRevisionId;
    }

    void headerUpdated(String title, Period period, Header header) {
        this.title = title;
        this.period = period;
        this.header = header;
    }

    void adopted(UUID seriesId, int revision, Adoption adoption, @Nullable UUID supersedesPlanId) {
        this.seriesId = seriesId;
        this.revision = revision;
        this.adoption = adoption;
        this.supersedesPlanId = supersedesPlanId;
        this.status = PlanStatus.ADOPTED;
    }

    void archived(String reason, @Nullable UUID supersededByPlanId) {
        this.archiveReason = reason;
        this.supersededByPlanId = supersededByPlanId;
        this.status = "SUPERSEDED".equals(reason) ? PlanStatus.SUPERSEDED : PlanStatus.ARCHIVED;
    }

    // --- the tree: an added or changed element replaces its entry in place, or is appended

    void putFocusArea(FocusArea area) {
        put(focusAreas, area, FocusArea::focusAreaId);
    }

    void removeFocusArea(UUID focusAreaId) {
        focusAreas.removeIf(area -> area.focusAreaId().equals(focusAreaId));
    }

    void putProblem(Problem problem) {
        put(problems, problem, Problem::problemId);
    }

    void removeProblem(UUID problemId) {
        problems.removeIf(problem -> problem.problemId().equals(problemId));
        // Its causes and goals go with it without events of their own (the contract says so).
        causes.removeIf(cause -> cause.problemId().equals(problemId));
        goals.removeIf(goal -> goal.problemId().equals(problemId));
    }

    void putCause(Cause cause) {
        put(causes, cause, Cause::causeId);
    }

    void removeCause(UUID causeId) {
        causes.removeIf(cause -> cause.causeId().equals(causeId));
    }

    void putGoal(Goal goal) {
        put(goals, goal, Goal::goalId);
    }

    void removeGoal(UUID goalId) {
        goals.removeIf(goal -> goal.goalId().equals(goalId));
    }

    void putMeasure(Measure measure) {
        put(measures, measure, Measure::measureId);
    }

    void removeMeasure(UUID measureId) {
        measures.removeIf(measure -> measure.measureId().equals(measureId));
    }

    private static <T> void put(List<T> list, T element, Function<T, UUID> id) {
        UUID key = id.apply(element);
        for (int i = 0; i < list.size(); i++) {
            if (id.apply(list.get(i)).equals(key)) {
                list.set(i, element);
                return;
            }
        }
        list.add(element);
    }

    void appliedVersion(long version) {
        this.appliedVersion = version;
    }

    // --- reading

    public UUID getId() {
        return id;
    }

    public String getOrganisationId() {
        return organisationId;
    }

    public long getAppliedVersion() {
        return appliedVersion;
    }

    public UUID getSeriesId() {
        return seriesId == null ? id : seriesId;
    }

    public int getRevision() {
        return revision;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public @Nullable UUID getCopiedFromPlanId() {
        return copiedFromPlanId;
    }

    public @Nullable UUID getPreviousRevisionId() {
        return previousRevisionId;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public @Nullable Period getPeriod() {
        return period;
    }

    /** The header's other parts; empty (no columns, no partners) when the plan's events said nothing of them. */
    public Header getHeader() {
        return header == null ? Header.EMPTY : header;
    }

    public @Nullable Adoption getAdoption() {
        return adoption;
    }

    public @Nullable UUID getSupersedesPlanId() {
        return supersedesPlanId;
    }

    public @Nullable String getArchiveReason() {
        return archiveReason;
    }

    public @Nullable UUID getSupersededByPlanId() {
        return supersededByPlanId;
    }

    public List<FocusArea> getFocusAreas() {
        return List.copyOf(focusAreas);
    }

    public List<Problem> getProblems() {
        return List.copyOf(problems);
    }

    public List<Cause> getCauses() {
        return List.copyOf(causes);
    }

    public List<Goal> getGoals() {
        return List.copyOf(goals);
    }

    public List<Measure> getMeasures() {
        return List.copyOf(measures);
    }

    public Optional<Measure> measure(UUID measureId) {
        return find(measures, measure -> measure.measureId().equals(measureId));
    }

    public Optional<FocusArea> focusArea(UUID focusAreaId) {
        return find(focusAreas, area -> area.focusAreaId().equals(focusAreaId));
    }

    public Optional<Goal> goal(UUID goalId) {
        return find(goals, goal -> goal.goalId().equals(goalId));
    }

    /** Whether the plan is, or was, the one in force: only such plans are followed up. */
    public boolean isOrWasInForce() {
        return status == PlanStatus.ADOPTED || status == PlanStatus.SUPERSEDED;
    }

    private static <T> Optional<T> find(List<T> list, Predicate<T> test) {
        return list.stream().filter(test).findFirst();
    }

    /** Where a plan revision is in its life, as plan-service announces it. */
    public enum PlanStatus {
        DRAFT, ADOPTED, SUPERSEDED, ARCHIVED
    }

    public record Period(int startYear, int endYear) {
    }

    /**
     * What a plan says about itself besides its title and period, as plan-created, -revised and -updated carry it.
     *
     * @param columns the plan's table columns in its order and with its headings (field names as the events give
     *        them: PROBLEM, CAUSE, …, EXTRA); empty when the plan never said
     */
    public record Header(@Nullable String legalBasis, @Nullable String introduction, List<Partner> partnerOrganisations,
            @Nullable Contact coordinator, List<Column> columns) {

        static final Header EMPTY = new Header(null, null, List.of(), null, List.of());

        public Header {
            partnerOrganisations = partnerOrganisations == null ? List.of() : List.copyOf(partnerOrganisations);
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    public record Partner(String name, @Nullable String organisationId, @Nullable String agreement) {
    }

    public record Contact(String name, @Nullable String email, @Nullable String phone) {
    }

    public record Column(String field, String heading) {
    }

    /** A value of one of the plan's EXTRA columns, by the column's heading. */
    public record ExtraColumn(String name, String value) {
    }

    public record Adoption(String decidingBody, LocalDate decisionDate, @Nullable String reference) {
    }

    public record FocusArea(UUID focusAreaId, String name, @Nullable String rationale, List<Indicator> indicators) {

        public FocusArea {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    public record Indicator(String text, @Nullable String dataSource, @Nullable Boolean higherIsBetter) {
    }

    public record Problem(UUID problemId, UUID focusAreaId, String title, @Nullable String placeName,
            @Nullable String description) {
    }

    public record Cause(UUID causeId, UUID problemId, String text) {
    }

    /** An operational goal with its SMART parts as the plan words them ("78 % (2022)"). */
    public record Goal(UUID goalId, UUID problemId, String text, @Nullable String indicator, @Nullable String baseline,
            @Nullable String targetValue, @Nullable LocalDate targetDate) {
    }

    /**
     * A measure as followup-service keeps it: what it says, when it happens and who answers for it (units by
     * id and role; their names and contacts are kept per unit, see {@link ProjectedUnit}).
     *
     * @param dueDate the day it must be done by, as plan-service computes it (absent for continuous work)
     * @param extraColumns values of the plan's EXTRA columns (its own "Uppföljning", "Kostnad", …)
     */
    public record Measure(UUID measureId, UUID focusAreaId, UUID problemId, String title, @Nullable String description,
            @Nullable String kind, @Nullable Schedule schedule, @Nullable LocalDate dueDate,
            List<Responsibility> responsible, List<String> partners, List<UUID> causeIds, List<UUID> goalIds,
            List<String> followUpCriteria, @Nullable String purpose, @Nullable String expectedResult,
            @Nullable String responsibilityNote, List<ExtraColumn> extraColumns) {

        public Measure {
            extraColumns = extraColumns == null ? List.of() : List.copyOf(extraColumns);
            responsible = responsible == null ? List.of() : List.copyOf(responsible);
            partners = partners == null ? List.of() : List.copyOf(partners);
            causeIds = causeIds == null ? List.of() : List.copyOf(causeIds);
            goalIds = goalIds == null ? List.of() : List.copyOf(goalIds);
            followUpCriteria = followUpCriteria == null ? List.of() : List.copyOf(followUpCriteria);
        }

        public List<UUID> responsibleUnitIds() {
            return responsible.stream().map(Responsibility::unitId).distinct().toList();
        }

        public @Nullable Recurrence recurrence() {
            return schedule == null ? null : schedule.recurrence();
        }
    }

    public record Schedule(String type, @Nullable String text, @Nullable LocalDate dueDate, @Nullable LocalDate startDate,
            @Nullable LocalDate endDate, @Nullable Recurrence recurrence) {
    }

    /** "2 ggr/veckan" is 2 per WEEK; "1 gång/månaden, uppehåll juli" is 1 per MONTH except JULY. */
    public record Recurrence(int times, String per, List<Month> exceptMonths) {

        public Recurrence {
            exceptMonths = exceptMonths == null ? List.of() : List.copyOf(exceptMonths);
        }
    }

    public record Responsibility(UUID unitId, @Nullable String role) {
    }
}

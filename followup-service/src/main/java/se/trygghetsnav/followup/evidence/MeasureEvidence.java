package se.trygghetsnav.followup.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * An EST group's decision that names a plan measure, with its latest follow-up: evidence that the measure's
 * work is done ("Sker löpande i EST-gruppen" made visible). One document per decision, owned by the
 * organisation of the measure's plan, which is also the organisation of the EST group that decided.
 *
 * <p>The two parts arrive on different week reports (different partitions), so either may come first; each is
 * guarded by its own stamp: {@code decisionVersion} is the deciding week report's version, {@code followUpStamp}
 * the recording week and that week report's version (see {@link #followUpStamp}), so the latest follow-up wins
 * and duplicates or replays change nothing.
 *
 * @param decision absent while only the follow-up has arrived
 * @param followUp absent until a later meeting followed the decision up
 */
@Document(MeasureEvidence.COLLECTION)
@TenantOwned
public record MeasureEvidence(@Id UUID id, String organisationId, UUID measureId, @Nullable UUID planId, UUID groupId,
        String decidedInWeek, String kind, @Nullable Decision decision, long decisionVersion,
        @Nullable FollowUp followUp, long followUpStamp) {

    public static final String COLLECTION = "measure_evidence";

    /** What was decided, where, when and by whom; no wording (it stays in est-lagesbild-service). */
    public record Decision(@Nullable Instant decidedAt, @Nullable UUID placeId, @Nullable String area,
            LocalDate startDate, @Nullable LocalDate endDate, @Nullable String timeBand, String responsibleName,
            @Nullable String responsibleOrganisationId) {
    }

    /**
     * How it went, as the latest meeting recorded it.
     *
     * @param outcome DONE, PARTLY_DONE or NOT_DONE
     * @param note the meeting's short remark (checked by est for personal identity numbers); never logged
     */
    public record FollowUp(String outcome, String recordedInWeek, @Nullable Instant recordedAt, @Nullable String note) {
    }

    /** Orders follow-ups of one decision: the recording ISO week, then the version within that week's report. */
    static long followUpStamp(String isoWeek, long weekReportVersion) {
        int year = Integer.parseInt(isoWeek.substring(0, 4));
        int week = Integer.parseInt(isoWeek.substring(6));
        return ((long) (year * 100 + week) << 32) | (weekReportVersion & 0xffff_ffffL);
    }
}

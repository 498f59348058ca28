package se.trygghetsnav.followup.planprojection;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * A measure of an adopted plan revision: what follow-up and overdue detection work from. One document per
 * measure id, across the revisions of its series (a revision keeps its measures' ids, and with them their
 * follow-up history). It holds the measure as the latest adopted revision containing it says; when that
 * revision leaves force, or a later adopted revision drops the measure, {@code inForce} turns false.
 *
 * <p>{@code stamp} orders the writes: the revision in the high 32 bits, the plan event's version in the low
 * ones. A write carries the stamp of the plan event behind it and applies only over an equal or older
 * stamp, so events of different revisions (on different partitions) and replays cannot turn it back.
 *
 * @param notInForceReason why it is not in force: WITHDRAWN, SUPERSEDED (its revision was superseded; the
 *        successor's adoption decides) or REMOVED (the successor dropped it)
 */
@Document(TrackedMeasure.COLLECTION)
// Exactly the keys of a stamp-guarded write and a tenant read: the only indexes the embedded server uses.
@CompoundIndex(name = "stamp_guard", def = "{'_id': 1, 'stamp': 1}", unique = true)
@CompoundIndex(name = "tenant_read", def = "{'_id': 1, 'organisationId': 1}", unique = true)
@TenantOwned
public record TrackedMeasure(@Id UUID id, String organisationId, UUID planId, UUID seriesId, int revision, long stamp,
        @Nullable String planTitle, boolean inForce, @Nullable String notInForceReason, ProjectedPlan.Measure measure) {

    public static final String COLLECTION = "tracked_measures";

    public static final String SUPERSEDED = "SUPERSEDED";

    public @Nullable LocalDate deadline() {
        return measure.dueDate();
    }

    static long stamp(int revision, long planVersion) {
        return ((long) revision << 32) | (planVersion & 0xffff_ffffL);
    }
}

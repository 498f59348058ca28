package se.trygghetsnav.est.week;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One incident or observation posted to a week: what (category), where (a place of the group), when (a day
 * and a time band), how serious and how certain, and whether the police know. Entries are about places and
 * events, never about named persons.
 *
 * <p>The description is not held here but in its own document ({@code textId}, see {@link EntryTexts}): the
 * week document stays small enough to be appended to quickly and read whole for the compiled week, and the
 * free text, the part most likely to be confidential, is read only where it is shown.
 *
 * @param submissionId the posting this entry came with (one submission may carry several entries)
 * @param reportingMemberId the group member that reported, when the caller's organisation is one
 * @param late whether it was posted after the week's cut-off
 */
public record Entry(UUID entryId, UUID submissionId, String category, UUID placeId, LocalDate date, TimeBand timeBand,
        Seriousness seriousness, Certainty certainty, boolean reportedToPolice, UUID textId,
        String reportingOrganisationId, @Nullable UUID reportingMemberId, Instant reportedAt, boolean late,
        @Nullable Instant changedAt, @Nullable Instant reviewedAt) {

    /** The same entry with new content, keeping who reported it and when. */
    public Entry changedTo(String newCategory, UUID newPlaceId, LocalDate newDate, TimeBand newTimeBand,
            Seriousness newSeriousness, Certainty newCertainty, boolean newReportedToPolice, UUID newTextId, Instant now) {
        return new Entry(entryId, submissionId, newCategory, newPlaceId, newDate, newTimeBand, newSeriousness,
                newCertainty, newReportedToPolice, newTextId, reportingOrganisationId, reportingMemberId, reportedAt, late,
                now, reviewedAt);
    }

    public Entry reviewed(Instant now) {
        return new Entry(entryId, submissionId, category, placeId, date, timeBand, seriousness, certainty,
                reportedToPolice, textId, reportingOrganisationId, reportingMemberId, reportedAt, late, changedAt, now);
    }

    public boolean isReviewed() {
        return reviewedAt != null;
    }
}

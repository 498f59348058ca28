package se.trygghetsnav.est.week;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An effort the group decided at its meeting about the week: what, where (a place or an area), when, which
 * member organisation is responsible, and optionally the plan measure it carries out.
 *
 * @param what the effort in a sentence ("Riktad närvaro vid torget fredag och lördag kväll"); stays in the service
 * @param measureId the åtgärdsplan measure this effort serves, when it serves one; {@code planId} is its plan
 */
public record Decision(UUID decisionId, EffortKind kind, String what, @Nullable UUID placeId, @Nullable String area,
        LocalDate startDate, @Nullable LocalDate endDate, @Nullable TimeBand timeBand, UUID responsibleMemberId,
        String responsibleName, @Nullable String responsibleOrganisationId, @Nullable UUID measureId,
        @Nullable UUID planId, Instant decidedAt) {
}

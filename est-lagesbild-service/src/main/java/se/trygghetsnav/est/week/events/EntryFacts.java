package se.trygghetsnav.est.week.events;

import java.time.LocalDate;
import java.util.UUID;

import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.Place;
import se.trygghetsnav.est.week.Certainty;
import se.trygghetsnav.est.week.Entry;
import se.trygghetsnav.est.week.Seriousness;
import se.trygghetsnav.est.week.TimeBand;

/**
 * What events say about an entry: everything but its description, which may be confidential and no consumer
 * needs (conventions.md).
 */
public record EntryFacts(UUID entryId, String category, UUID placeId, String placeName, String area, LocalDate date,
        TimeBand timeBand, Seriousness seriousness, Certainty certainty, boolean reportedToPolice,
        String reportingOrganisationId, boolean late) {

    public static EntryFacts of(Entry entry, EstGroup group) {
        Place place = group.place(entry.placeId()).orElseThrow(
                () -> new IllegalStateException("Entry " + entry.entryId() + " names unknown place " + entry.placeId()));
        return new EntryFacts(entry.entryId(), entry.category(), place.placeId(), place.name(), place.area(), entry.date(),
                entry.timeBand(), entry.seriousness(), entry.certainty(), entry.reportedToPolice(),
                entry.reportingOrganisationId(), entry.late());
    }
}

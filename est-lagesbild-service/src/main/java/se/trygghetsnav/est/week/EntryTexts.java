package se.trygghetsnav.est.week;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.tenancy.TenantScope;

/**
 * The descriptions of entries, one document per submission (and one per corrected description), kept out of
 * the week document. A document belongs to the organisation that wrote it.
 *
 * <p>Members of a group read each other's descriptions: {@link #descriptions} reads by id across
 * organisations, so it may only be called with entries of a week the caller was allowed to read (the week
 * document itself is read under tenancy, which limits it to the group's member organisations).
 */
@Component
public class EntryTexts {

    private final MongoTemplate mongo;
    private final Clock clock;

    public EntryTexts(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Stores descriptions written by {@code organisationId}, under {@code textId}. */
    public void store(UUID textId, String organisationId, UUID weekReportId, Map<UUID, String> descriptionsByEntry) {
        mongo.insert(document(textId, organisationId, weekReportId, descriptionsByEntry));
    }

    private EntryTextDocument document(UUID textId, String organisationId, UUID weekReportId,
            Map<UUID, String> descriptionsByEntry) {
        List<EntryTextDocument.Text> texts = descriptionsByEntry.entrySet().stream()
                .map(text -> new EntryTextDocument.Text(text.getKey(), text.getValue())).toList();
        return new EntryTextDocument(textId, organisationId, weekReportId, texts, clock.instant());
    }

    /** The descriptions of one submission, written by {@code organisationId}, stored under the submission's id. */
    public record Submitted(UUID submissionId, String organisationId, Map<UUID, String> descriptionsByEntry) {
    }

    /**
     * Stores the descriptions of several submissions to one week in one insert; in the system's tenant scope,
     * since the submissions may come from several organisations (each document keeps its own).
     */
    public void storeAll(UUID weekReportId, Collection<Submitted> submissions) {
        List<EntryTextDocument> documents = submissions.stream()
                .map(submitted -> document(submitted.submissionId(), submitted.organisationId(), weekReportId,
                        submitted.descriptionsByEntry()))
                .toList();
        TenantScope.runAsSystem(() -> mongo.insert(documents, EntryTextDocument.class));
    }

    /** Removes texts whose entries were refused after all (the week closed meanwhile). */
    public void discardAll(Collection<UUID> textIds) {
        if (!textIds.isEmpty()) {
            TenantScope.runAsSystem(() -> mongo.remove(Query.query(Criteria.where("_id").in(textIds)), EntryTextDocument.class));
        }
    }

    /** The description of each entry, by entry id; only for entries of a week the caller may read. */
    public Map<UUID, String> descriptions(Collection<Entry> entries) {
        Set<UUID> textIds = entries.stream().map(Entry::textId).collect(Collectors.toSet());
        if (textIds.isEmpty()) {
            return Map.of();
        }
        // By _id alone, so the embedded server answers from its index; access was checked on the week.
        List<EntryTextDocument> documents = TenantScope.callAsSystem(() -> mongo.find(
                Query.query(Criteria.where("_id").in(textIds)), EntryTextDocument.class));
        Map<UUID, Map<UUID, String>> byText = new HashMap<>();
        for (EntryTextDocument document : documents) {
            byText.put(document.id(), document.texts().stream().collect(Collectors.toMap(EntryTextDocument.Text::entryId,
                    EntryTextDocument.Text::description, (first, second) -> second)));
        }
        Map<UUID, String> descriptions = new HashMap<>();
        for (Entry entry : entries) {
            String description = byText.getOrDefault(entry.textId(), Map.of()).get(entry.entryId());
            if (description != null) {
                descriptions.put(entry.entryId(), description);
            }
        }
        return descriptions;
    }
}

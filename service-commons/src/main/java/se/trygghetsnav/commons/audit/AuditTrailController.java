package se.trygghetsnav.commons.audit;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.web.PageResponse;
import se.trygghetsnav.commons.web.Paging;

/** Lets a coordinator read who changed what, when, in their organisation's data held by this service. */
@RestController
@RequestMapping("/api/v1/audit-entries")
@Tag(name = "Audit trail", description = "Who changed what and when, for the caller's organisation")
public class AuditTrailController {

    private final MongoTemplate mongo;

    public AuditTrailController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The audit trail of the caller's organisation, newest first; optionally of one aggregate")
    public PageResponse<AuditEntry> list(@RequestParam(required = false) @Nullable UUID aggregateId,
            @Valid @ParameterObject Paging paging) {
        Query query = aggregateId == null ? new Query() : Query.query(Criteria.where("aggregateId").is(aggregateId));
        long total = mongo.count(query, AuditEntry.class);
        Pageable pageable = paging.sortedBy(Sort.by(Sort.Direction.DESC, "occurredAt"));
        return PageResponse.of(new PageImpl<>(mongo.find(query.with(pageable), AuditEntry.class), pageable, total), entry -> entry);
    }
}

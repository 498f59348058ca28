package se.trygghetsnav.plan.transfer.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.plan.transfer.ImportReport;
import se.trygghetsnav.plan.transfer.PlanDocument;
import se.trygghetsnav.plan.transfer.PlanTransfer;
import se.trygghetsnav.plan.web.PlanRoles;

/** Whole plans in and out: the portable JSON document, and workbooks in the seeds' table shapes. */
@RestController
@Tag(name = "Import and export", description = "Whole plans as JSON documents and XLSX workbooks")
public class PlanTransferController {

    private final PlanTransfer transfer;

    public PlanTransferController(PlanTransfer transfer) {
        this.transfer = transfer;
    }

    @GetMapping(path = "/api/v1/plans/{planId}/document", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Export a whole plan as a portable JSON document",
            description = "Imports (POST /api/v1/plan-imports) into any organisation as an identical draft.")
    public ResponseEntity<PlanDocument> exportDocument(@PathVariable UUID planId) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("atgardsplan-" + planId + ".json").build().toString())
                .body(transfer.export(planId));
    }

    @PostMapping(path = "/api/v1/plan-imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Import a whole plan from a JSON document as a new draft",
            description = "Units are matched in your directory by abbreviation or name; missing ones are registered and reported. dryRun=true only reports.")
    public ResponseEntity<ImportReport> importDocument(Caller caller, @RequestBody PlanDocument document,
            @RequestParam(defaultValue = "false") boolean dryRun) {
        return answer(transfer.importDocument(caller.organisationId(), document, List.of(), dryRun));
    }

    static ResponseEntity<ImportReport> answer(ImportReport report) {
        return report.planId() == null ? ResponseEntity.ok(report)
                : ResponseEntity.created(URI.create("/api/v1/plans/" + report.planId())).body(report);
    }
}

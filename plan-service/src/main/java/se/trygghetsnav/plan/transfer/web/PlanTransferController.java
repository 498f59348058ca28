package se.trygghetsnav.plan.transfer.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.plan.transfer.ImportReport;
import se.trygghetsnav.plan.transfer.PlanTransfer;
import se.trygghetsnav.plan.web.PlanRoles;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.xlsx.UnreadableWorkbookException;
import se.trygghetsnav.plandocument.xlsx.XlsxImportResult;
import se.trygghetsnav.plandocument.xlsx.XlsxPlanExport;
import se.trygghetsnav.plandocument.xlsx.XlsxPlanImport;

/** Whole plans in and out: the portable JSON document, and workbooks in the seeds' table shapes. */
@RestController
@Tag(name = "Import and export", description = "Whole plans as JSON documents and XLSX workbooks")
public class PlanTransferController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

    @GetMapping(path = "/api/v1/plans/{planId}/workbook", produces = XLSX)
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Export a whole plan as an XLSX workbook to hand to a board",
            description = "Sheets: Om planen (the plan's header, its columns and units), Sammanfattning (figures per "
                    + "focus area), then one per focus area with its table in the plan's own columns. Imports "
                    + "(POST /api/v1/plan-imports, multipart) as the same plan.")
    public ResponseEntity<byte[]> exportWorkbook(@PathVariable UUID planId) throws IOException {
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        XlsxPlanExport.write(transfer.export(planId), workbook);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("atgardsplan-" + planId + ".xlsx").build().toString())
                .body(workbook.toByteArray());
    }

    @PostMapping(path = "/api/v1/plan-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Import a whole plan from an XLSX workbook as a new draft",
            description = "The workbook in part 'file': one sheet per focus area, each table's header row found by its "
                    + "column names (Swedish variants and OCR damage tolerated), or a workbook GET /workbook wrote. title, "
                    + "startYear and endYear name the plan when the workbook does not (the title defaults to the file's "
                    + "name). The report's notes say what was read and what to check. dryRun=true only reports.")
    public ResponseEntity<ImportReport> importWorkbook(Caller caller, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable Integer startYear,
            @RequestParam(required = false) @Nullable Integer endYear,
            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        XlsxImportResult read;
        try (InputStream workbook = file.getInputStream()) {
            read = XlsxPlanImport.read(workbook, title != null ? title : nameWithoutExtension(file.getOriginalFilename()),
                    startYear, endYear);
        }
        catch (UnreadableWorkbookException unreadable) {
            throw problemOf(unreadable);
        }
        return answer(transfer.importDocument(caller.organisationId(), read.plan(),
                read.notes().stream().map(ImportReport.Note::of).toList(), dryRun));
    }

    /** A workbook that holds no plan is the client's to fix: 422 with the kind's messages from our bundle. */
    private static ApiProblem problemOf(UnreadableWorkbookException unreadable) {
        ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, unreadable.problemKind(),
                unreadable.arguments());
        problem.initCause(unreadable);
        return problem;
    }

    /** "Åtgärdsplan 2025.xlsx" names the plan "Åtgärdsplan 2025". */
    private static @Nullable String nameWithoutExtension(@Nullable String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        String name = fileName.replaceAll("^.*[/\\\\]", "");
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').strip();
    }

    static ResponseEntity<ImportReport> answer(ImportReport report) {
        return report.planId() == null ? ResponseEntity.ok(report)
                : ResponseEntity.created(URI.create("/api/v1/plans/" + report.planId())).body(report);
    }
}

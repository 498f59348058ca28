package se.trygghetsnav.followup.report.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.followup.report.ReportWorkbook;
import se.trygghetsnav.followup.report.RoundReport;
import se.trygghetsnav.followup.report.RoundReports;
import se.trygghetsnav.followup.web.FollowupRoles;

@RestController
@Tag(name = "Follow-up rounds", description = "Uppföljningsomgångar: year-end and tertial follow-up of a plan's measures")
public class RoundReportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final MediaType XLSX_TYPE = MediaType.parseMediaType(XLSX);

    private final RoundReports reports;

    public RoundReportController(RoundReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/api/v1/rounds/{roundId}/report", produces = { XLSX, MediaType.APPLICATION_JSON_VALUE })
    @PreAuthorize(FollowupRoles.READERS)
    @Operation(summary = "A round's report on its plan: the year-end report a board receives",
            description = "As XLSX (the default): the plan's tables as plan-service exports them, with each reported "
                    + "measure's follow-up (status, narrative, answers, occurrences) in the Uppföljning column (the plan's "
                    + "own, else one added), then the sheets Indikatorer (each indicator's values against baseline and "
                    + "target) and Rapportstatus (each unit's reported and missing measures). With Accept: "
                    + "application/json: the same as the plan document, the measures' report status, the units' "
                    + "reporting and the indicator comparison. A unit user gets their unit's reports only.")
    public ResponseEntity<?> report(@PathVariable UUID roundId, Caller caller,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) throws IOException {
        RoundReport report = reports.report(roundId, caller);
        String fileName = "uppfoljning-" + roundId;
        if (wantsJson(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName + ".json")
                            .build().toString())
                    .body(report);
        }
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        ReportWorkbook.write(report, workbook);
        return ResponseEntity.ok().contentType(XLSX_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName + ".xlsx")
                        .build().toString())
                .body(workbook.toByteArray());
    }

    /** JSON when the client prefers it to the workbook; the workbook for a browser's or a client's any type. */
    static boolean wantsJson(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        org.springframework.util.MimeTypeUtils.sortBySpecificity(types);
        for (MediaType type : types) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatibleWith(XLSX_TYPE)) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return true;
            }
        }
        return false;
    }
}

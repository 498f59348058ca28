package se.trygghetsnav.plan.orgunit.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.commons.web.PageResponse;
import se.trygghetsnav.commons.web.Paging;
import se.trygghetsnav.plan.orgunit.OrgUnit;
import se.trygghetsnav.plan.orgunit.OrgUnitDirectory;
import se.trygghetsnav.plan.web.PlanRoles;

@RestController
@RequestMapping("/api/v1/org-units")
@Tag(name = "Org units", description = "The unit directory (förvaltningar, enheter) that measures name as responsible")
public class OrgUnitController {

    private final OrgUnitDirectory directory;

    public OrgUnitController(OrgUnitDirectory directory) {
        this.directory = directory;
    }

    @PostMapping
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Register a unit of the caller's organisation with the addresses that receive its reminders")
    public ResponseEntity<OrgUnitResponse> register(Caller caller, @Valid @RequestBody RegisterOrgUnitRequest request) {
        OrgUnit unit = directory.register(caller.organisationId(), request.name().strip(),
                request.abbreviation() == null ? null : request.abbreviation().strip(), request.contactEmails(),
                request.managerEmail());
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + unit.getId()))
                .eTag(ETags.of(unit.getVersion()))
                .body(OrgUnitResponse.of(unit));
    }

    @PutMapping("/{unitId}")
    @PreAuthorize(PlanRoles.COORDINATOR)
    @Operation(summary = "Rename a unit or change its contacts; every plan shows the new name",
            description = "Send the unit's ETag in If-Match to refuse the change (412) if someone changed it since you read it.")
    public ResponseEntity<OrgUnitResponse> change(@PathVariable UUID unitId,
            @Parameter(description = "The unit's ETag as read") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RegisterOrgUnitRequest request) {
        OrgUnit unit = directory.change(unitId, ifMatch, request.name().strip(),
                request.abbreviation() == null ? null : request.abbreviation().strip(), request.contactEmails(),
                request.managerEmail());
        return ResponseEntity.ok().eTag(ETags.of(unit.getVersion())).body(OrgUnitResponse.of(unit));
    }

    @GetMapping("/{unitId}")
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "Read one unit")
    public ResponseEntity<OrgUnitResponse> get(@PathVariable UUID unitId) {
        OrgUnit unit = directory.get(unitId);
        return ResponseEntity.ok().eTag(ETags.of(unit.getVersion())).body(OrgUnitResponse.of(unit));
    }

    @GetMapping
    @PreAuthorize(PlanRoles.READERS)
    @Operation(summary = "List the caller's organisation's units, by name")
    public PageResponse<OrgUnitResponse> list(@Valid @ParameterObject Paging paging) {
        return PageResponse.of(directory.list(paging.sortedBy(Sort.by("name"))),
                OrgUnitResponse::of);
    }

    public record RegisterOrgUnitRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 30) String abbreviation,
            @NotEmpty @Size(max = 20) List<@NotBlank @Email String> contactEmails,
            @Email String managerEmail) {

        public RegisterOrgUnitRequest {
            // An empty field in a form means "no manager", not an address.
            managerEmail = managerEmail == null || managerEmail.isBlank() ? null : managerEmail.strip();
            abbreviation = abbreviation == null || abbreviation.isBlank() ? null : abbreviation;
        }
    }

    public record OrgUnitResponse(UUID id, String organisationId, String name, String abbreviation,
            List<String> contactEmails, String managerEmail, long version) {

        static OrgUnitResponse of(OrgUnit unit) {
            return new OrgUnitResponse(unit.getId(), unit.getOrganisationId(), unit.getName(), unit.getAbbreviation(),
                    unit.getContactEmails(), unit.getManagerEmail(), unit.getVersion());
        }
    }
}

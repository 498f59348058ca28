package se.trygghetsnav.followup.planprojection;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * A unit of an organisation's directory as followup-service last heard of it: from its own org-unit events
 * (versioned), or, until one of those arrives, from the snapshot a measure event carried ({@code appliedVersion}
 * 0). Measures name units by id, so a renamed unit or new contacts show on every measure at once.
 */
@Document(ProjectedUnit.COLLECTION)
@TenantOwned
public record ProjectedUnit(@Id UUID id, String organisationId, String name, @Nullable String abbreviation,
        List<String> contactEmails, @Nullable String managerEmail, long appliedVersion) {

    public static final String COLLECTION = "unit_projection";

    public ProjectedUnit {
        contactEmails = contactEmails == null ? List.of() : List.copyOf(contactEmails);
    }
}

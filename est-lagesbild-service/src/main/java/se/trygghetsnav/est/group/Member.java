package se.trygghetsnav.est.group;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An organisation taking part in an EST group.
 *
 * @param organisationId the organisation's id in Trygghetsnav when its people sign in here (the municipality
 *        code, the police area's id …); absent for members that only receive the weekly picture by mail. Several
 *        members may share one organisation id, e.g. two departments of the municipality.
 * @param contactEmails where reminders and the published weekly picture go
 */
public record Member(UUID memberId, String name, MemberKind kind, @Nullable String organisationId,
        List<String> contactEmails) {

    public Member {
        contactEmails = List.copyOf(contactEmails);
    }
}

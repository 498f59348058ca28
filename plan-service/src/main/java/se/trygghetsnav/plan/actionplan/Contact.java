package se.trygghetsnav.plan.actionplan;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** A person to reach, e.g. the plan's coordinator (samordnare). */
public record Contact(@NotBlank @Size(max = 200) String name, @Nullable @Email @Size(max = 320) String email,
        @Nullable @Size(max = 40) String phone) {

    public Contact {
        email = email == null || email.isBlank() ? null : email.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
    }
}

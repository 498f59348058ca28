package se.trygghetsnav.followup.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.problem.ProblemDetailsAdvice.FieldMessage;
import se.trygghetsnav.commons.text.PersonalIdentityNumbers;

/**
 * Refuses free text that holds a personnummer or samordningsnummer (checksum-verified): follow-up texts are kept
 * and read by others, and must not identify people (domain.md, data protection). Answers 422 with the offending
 * fields, never the number itself.
 */
@Component
public class FreeTextGuard {

    private final MessageSource messages;

    public FreeTextGuard(MessageSource messages) {
        this.messages = messages;
    }

    /** @param texts field name to text, in the order to report them; null texts are skipped */
    public void refusePersonalIdentityNumbers(Map<String, @Nullable String> texts) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldMessage> errors = new ArrayList<>();
        texts.forEach((field, text) -> {
            if (PersonalIdentityNumbers.containsAny(text)) {
                errors.add(new FieldMessage(field, messages.getMessage("followup.personal-identity-number.field", null,
                        locale)));
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "personal-identity-number",
                    "problem.personal-identity-number.detail", Map.of("errors", errors),
                    String.join(", ", errors.stream().map(FieldMessage::field).toList()));
        }
    }
}

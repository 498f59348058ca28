package se.trygghetsnav.est.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.problem.ProblemDetailsAdvice.FieldMessage;
import se.trygghetsnav.commons.text.PersonalIdentityNumbers;

/**
 * The guard on free text typed by officials (entry descriptions, decisions, follow-up notes): a text with a
 * personnummer or samordningsnummer (checksum-verified) is refused with 422 naming every such field, before
 * anything is stored. Also the place to collect other field errors the service finds beyond Bean Validation.
 */
@Component
public class FreeText {

    private final MessageSource messages;

    public FreeText(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Refuses the request when any of the texts carries a personal identity number.
     *
     * @param textsByField field path (e.g. {@code entries[1].description}) to its text; null texts are skipped
     * @throws ApiProblem 422 {@code personal-identity-number}, with an {@code errors} entry per field
     */
    public void requireNoPersonalIdentityNumbers(Map<String, String> textsByField) {
        List<FieldMessage> errors = new ArrayList<>();
        textsByField.forEach((field, text) -> {
            Optional<PersonalIdentityNumbers.Finding> finding = PersonalIdentityNumbers.find(text);
            finding.ifPresent(found -> errors.add(new FieldMessage(field, message(
                    found.kind() == PersonalIdentityNumbers.Kind.SAMORDNINGSNUMMER ? "est.text.samordningsnummer"
                            : "est.text.personnummer"))));
        });
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "personal-identity-number",
                    "problem.personal-identity-number.detail", Map.of("errors", errors), errors.size());
        }
    }

    /** Shorthand for one text. */
    public void requireNoPersonalIdentityNumber(String field, String text) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(field, text);
        requireNoPersonalIdentityNumbers(texts);
    }

    /** Collects field errors found by the service and refuses them together as {@code kind} (422). */
    public Errors errors() {
        return new Errors();
    }

    public String message(String code, Object... arguments) {
        return messages.getMessage(code, arguments, LocaleContextHolder.getLocale());
    }

    /** Field errors found beyond Bean Validation, answered together. */
    public final class Errors {

        private final List<FieldMessage> found = new ArrayList<>();

        public Errors add(String field, String code, Object... arguments) {
            found.add(new FieldMessage(field, message(code, arguments)));
            return this;
        }

        public boolean any() {
            return !found.isEmpty();
        }

        /** @throws ApiProblem 422 {@code kind} listing every error, if there is any */
        public void throwIfAny(String kind) {
            if (!found.isEmpty()) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, kind, "problem." + kind + ".detail",
                        Map.of("errors", List.copyOf(found)), found.size());
            }
        }
    }
}

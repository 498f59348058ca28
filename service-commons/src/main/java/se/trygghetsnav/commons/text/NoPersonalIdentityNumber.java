package se.trygghetsnav.commons.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Free text that must not carry a personnummer or samordningsnummer (checksum-verified, see
 * {@link PersonalIdentityNumbers}). On a String, or on a collection of Strings ({@code List<@NoPersonalIdentityNumber String>}).
 */
@Documented
@Constraint(validatedBy = NoPersonalIdentityNumber.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface NoPersonalIdentityNumber {

    String message() default "{se.trygghetsnav.commons.text.NoPersonalIdentityNumber.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoPersonalIdentityNumber, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || !PersonalIdentityNumbers.containsAny(value.toString());
        }
    }
}

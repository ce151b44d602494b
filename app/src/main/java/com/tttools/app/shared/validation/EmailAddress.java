package com.tttools.app.shared.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An email address a person types: not empty, at most {@link #MAX} characters once trimmed, one {@code @} with a
 * dotted domain. Deliberately loose (the verification email is the real check). The message says which rule failed.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    int MAX = 254;

    String message() default "is not a valid email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EmailAddress, String> {

        private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

        /** What is wrong with the address, if anything: the one rule behind the annotation and the services. */
        public static Optional<String> problem(String value) {
            if (value == null || value.isBlank()) {
                return Optional.of("must not be empty");
            }
            if (value.strip().length() > MAX) {
                return Optional.of("must be at most " + MAX + " characters long");
            }
            if (!SHAPE.matcher(value.strip()).matches()) {
                return Optional.of("is not a valid email address");
            }
            return Optional.empty();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Constraints.report(problem(value), context);
        }
    }
}

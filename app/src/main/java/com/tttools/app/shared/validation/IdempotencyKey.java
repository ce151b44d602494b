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

/** The {@code Idempotency-Key} header's value: absent (null), or 1 to {@link #MAX} characters that are not all blank. */
@Documented
@Constraint(validatedBy = IdempotencyKey.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IdempotencyKey {

    int MAX = 200;
    /** The field the problem is reported on: the header's name. */
    String FIELD = "Idempotency-Key";

    String message() default "must be 1 to 200 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IdempotencyKey, String> {

        /** What is wrong with the key, if anything: the one rule behind the annotation and the services. */
        public static Optional<String> problem(String value) {
            return value == null || (!value.isBlank() && value.length() <= MAX) ? Optional.empty()
                    : Optional.of("must be 1 to " + MAX + " characters");
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return problem(value).isEmpty();
        }
    }
}

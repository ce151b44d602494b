package com.tttools.app.shared.validation;

import com.tttools.app.shared.StorableValues;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A calendar date written as ISO 8601 ({@code YYYY-MM-DD}) that PostgreSQL can store (years 1 to 9999); null passes
 * (say {@code @NotNull} where the date is required). The message says which rule failed.
 */
@Documented
@Constraint(validatedBy = IsoDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDate {

    String message() default "must be a date (YYYY-MM-DD)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoDate, String> {

        /** What is wrong with a present date, if anything: the one rule behind the annotation and the parsers. */
        public static Optional<String> problem(String value) {
            if (value == null) {
                return Optional.of("must be a date (YYYY-MM-DD)");
            }
            try {
                return StorableValues.isStorable(LocalDate.parse(value)) ? Optional.empty()
                        : Optional.of("must be a date from 0001-01-01 to 9999-12-31");
            } catch (DateTimeParseException malformed) {
                return Optional.of("must be a date (YYYY-MM-DD)");
            }
        }

        /** The date, or null when the value is absent or not a valid date (its problem is reported by the rule). */
        public static LocalDate parse(String value) {
            return value == null || problem(value).isPresent() ? null : LocalDate.parse(value);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Constraints.report(problem(value), context);
        }
    }
}

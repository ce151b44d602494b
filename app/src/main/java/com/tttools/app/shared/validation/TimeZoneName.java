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
import java.time.ZoneId;

/** An IANA time zone name such as Europe/Berlin; null or blank passes (the default applies). */
@Documented
@Constraint(validatedBy = TimeZoneName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface TimeZoneName {

    String message() default "must be an IANA time zone such as Europe/Berlin";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TimeZoneName, String> {

        public static boolean valid(String value) {
            return value == null || value.isBlank() || ZoneId.getAvailableZoneIds().contains(value);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return valid(value);
        }
    }
}

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
import java.util.Currency;

/** An ISO 4217 currency code such as EUR; null or blank passes (the default applies). */
@Documented
@Constraint(validatedBy = CurrencyCode.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrencyCode {

    String message() default "must be an ISO 4217 currency code such as EUR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CurrencyCode, String> {

        public static boolean valid(String value) {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                return value.matches("[A-Z]{3}") && Currency.getInstance(value) != null;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return valid(value);
        }
    }
}

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

/**
 * A name other people see (organization, workspace): not empty once trimmed, at most {@link #MAX} characters, and
 * free of characters that make it lie about itself (see {@link Validator#hiddenControl}). The message says which rule failed.
 */
@Documented
@Constraint(validatedBy = DisplayName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface DisplayName {

    int MAX = 100;

    String message() default "is not a valid name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<DisplayName, String> {

        /** What is wrong with the name, if anything: the one rule behind the annotation and hand-written checks. */
        public static Optional<String> problem(String value) {
            String name = value == null ? "" : value.strip();
            if (name.isEmpty()) {
                return Optional.of("must not be empty");
            }
            if (name.length() > MAX) {
                return Optional.of("must be at most " + MAX + " characters");
            }
            if (name.codePoints().anyMatch(Validator::hiddenControl)) {
                return Optional.of("must not contain control or text-direction characters");
            }
            return Optional.empty();
        }

        /**
         * Characters that make a name shown to others lie about itself: C0/C1 controls, line and paragraph
         * separators, and the bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E,
         * U+2066–U+2069, U+200E, U+200F, U+061C) that can reverse how the rest of a line reads. Zero-width joiners
         * stay allowed (emoji).
         */
        public static boolean hiddenControl(int c) {
            return Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return Constraints.report(problem(value), context);
        }
    }
}

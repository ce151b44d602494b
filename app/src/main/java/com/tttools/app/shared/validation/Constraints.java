package com.tttools.app.shared.validation;

import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Helpers for constraints whose message depends on which rule failed. */
final class Constraints {

    private Constraints() {
    }

    /** Valid when there is no problem; otherwise the problem becomes the violation's message (taken literally). */
    static boolean report(Optional<String> problem, ConstraintValidatorContext context) {
        if (problem.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(problem.get())).addConstraintViolation();
        return false;
    }

    /** Message templates read {@code {…}}, {@code $} and {@code \} specially; a literal message escapes them. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}

package com.tttools.app.identity.web;

import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Field problems as a map for form templates ({@code errors['password']}). */
final class Forms {

    private Forms() {
    }

    static Map<String, String> byField(ValidationFailedException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
            errors.putIfAbsent(problem.field(), problem.message());
        }
        return errors;
    }
}

package com.tttools.app.shared;

import java.util.List;

/** Input that is well-formed but not acceptable (answered 422 with the field problems). Nothing was changed. */
public class ValidationFailedException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ValidationFailedException(List<FieldProblem> problems) {
        super("Invalid " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public ValidationFailedException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}

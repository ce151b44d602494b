package com.tttools.app.shared;

/** One invalid input: the field (JSON name or query parameter) and what is wrong with it. */
public record FieldProblem(String field, String message) {
}

package com.tttools.app.tenancy.core;

import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.validation.CurrencyCode;
import com.tttools.app.shared.validation.DisplayName;
import com.tttools.app.shared.validation.TimeZoneName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Collects every field problem of one request, so the caller hears about all of them at once. */
final class Inputs {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final List<FieldProblem> problems = new ArrayList<>();

    /** The rule of {@link DisplayName}: the web layer checks it on request records, the facade again here. */
    String name(String field, String value) {
        DisplayName.Validator.problem(value).ifPresent(message -> problems.add(new FieldProblem(field, message)));
        return value == null ? "" : value.strip();
    }

    String email(String field, String value) {
        String email = value == null ? "" : value.strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem(field, "must be an email address"));
        }
        return email;
    }

    /** An IANA zone name such as Europe/Berlin; UTC when absent. */
    String timezone(String field, String value) {
        if (value == null || value.isBlank()) {
            return "UTC";
        }
        if (!TimeZoneName.Validator.valid(value)) {
            problems.add(new FieldProblem(field, "must be an IANA time zone such as Europe/Berlin"));
        }
        return value;
    }

    /** An ISO 4217 code such as EUR; USD when absent. */
    String currency(String field, String value) {
        if (value == null || value.isBlank()) {
            return "USD";
        }
        if (!CurrencyCode.Validator.valid(value)) {
            problems.add(new FieldProblem(field, "must be an ISO 4217 currency code such as EUR"));
        }
        return value;
    }

    <T> T role(String field, String value, Function<String, Optional<T>> parser, String allowed) {
        Optional<T> role = value == null ? Optional.empty() : parser.apply(value);
        if (role.isEmpty()) {
            problems.add(new FieldProblem(field, "must be one of " + allowed));
        }
        return role.orElse(null);
    }

    void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    boolean ok() {
        return problems.isEmpty();
    }

    /** Throws 422 with every problem collected so far; call before changing anything. */
    void check() {
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }
}

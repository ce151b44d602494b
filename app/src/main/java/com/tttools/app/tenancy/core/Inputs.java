package com.tttools.app.tenancy.core;

import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ValidationFailedException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Collects every field problem of one request, so the caller hears about all of them at once. */
final class Inputs {

    static final int MAX_NAME = 100;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    private final List<FieldProblem> problems = new ArrayList<>();

    String name(String field, String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem(field, "must not be empty"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_NAME + " characters"));
        }
        return name;
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
        if (!ZoneId.getAvailableZoneIds().contains(value)) {
            problems.add(new FieldProblem(field, "must be an IANA time zone such as Europe/Berlin"));
        }
        return value;
    }

    /** An ISO 4217 code such as EUR; USD when absent. */
    String currency(String field, String value) {
        if (value == null || value.isBlank()) {
            return "USD";
        }
        boolean known;
        try {
            known = CURRENCY.matcher(value).matches() && Currency.getInstance(value) != null;
        } catch (IllegalArgumentException e) {
            known = false;
        }
        if (!known) {
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

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
        } else if (name.codePoints().anyMatch(Inputs::hiddenControl)) {
            problems.add(new FieldProblem(field, "must not contain control or text-direction characters"));
        }
        return name;
    }

    /**
     * Characters that make a name shown to others lie about itself: C0/C1 controls, line and paragraph separators,
     * and the bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E,
     * U+200F, U+061C) that can reverse how the rest of a line reads. Zero-width joiners stay allowed (emoji).
     */
    static boolean hiddenControl(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
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

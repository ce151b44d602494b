package com.tttools.app.jobs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of job: its stable name (stored in the job row, shown in the API, so never renamed once jobs of it exist)
 * and the record its payload is bound to. The module that runs the job owns the constant, e.g.
 * {@code public static final JobType<Payload> JOB = JobType.of("tiktok.asset-sync", "Campaign and asset sync",
 * Payload.class);} next to its payload record; its {@link JobHandler} returns the same constant.
 *
 * @param name        lower-case words joined by {@code .} or {@code -}, e.g. {@code privacy.export}
 * @param label       what pages call it, e.g. "Personal data export"
 * @param payloadType the payload record, written to and read from JSON by Jackson
 */
public record JobType<P extends Record>(String name, String label, Class<P> payloadType) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    public JobType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!NAME.matcher(name).matches() || name.length() > 100) {
            throw new IllegalArgumentException("Not a job type name: " + name);
        }
    }

    public static <P extends Record> JobType<P> of(String name, String label, Class<P> payloadType) {
        return new JobType<>(name, label, payloadType);
    }

    /** A type labelled by its name's last word group: "test.node-probe" → "Node probe". */
    public static <P extends Record> JobType<P> of(String name, Class<P> payloadType) {
        return new JobType<>(name, words(name), payloadType);
    }

    /** A name in words, for types that carry no label: "bulk.apply-change-set" → "Apply change set". */
    public static String words(String name) {
        String tail = name.substring(name.lastIndexOf('.') + 1).replace('-', ' ').replace('_', ' ');
        return tail.isEmpty() ? name : Character.toUpperCase(tail.charAt(0)) + tail.substring(1);
    }

    @Override
    public String toString() {
        return name;
    }
}

package com.tttools.simulator.api;

/** A handler result sent as-is instead of inside the JSON envelope (CSV_STRING downloads). */
public record RawBody(String contentType, byte[] body) {
}

package com.tttools.app.privacy;

/** A requested retention for one data class ({@code days} may be null for classes without days). */
public record RetentionChange(String dataClass, Integer days) {
}

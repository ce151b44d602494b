package com.tttools.app.audit;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A system actor of the log in words: what the log stores ({@code job:<job id>}, {@code job:tiktok-token-refresh},
 * {@code schedule:<change set id>}, …) read as "Campaign and asset sync (automatic)", with the page it can link to
 * (the job's, the change set's) when there is one. The stored text stays the tooltip and the CSV's
 * {@code actor_system}.
 *
 * @param label  e.g. "Token refresh (automatic)"
 * @param jobId  the job that acted, when the stored text names one
 * @param href   the job's or change set's page in the event's workspace, or null when there is none to open
 */
public record AutomaticActor(String label, UUID jobId, String href) {

    private static final String AUTOMATIC = " (automatic)";
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The named system tasks of the application ({@code Actor.system(...)} constants), in words. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("job:tiktok-token-refresh", "TikTok token refresh"),
            Map.entry("job:tiktok-connection-health", "Connection health check"),
            Map.entry("job:workspace-purge", "Workspace purge"),
            Map.entry("job:audit-purge", "Audit log purge"),
            Map.entry("job:privacy-retention-purge", "Retention purge"),
            Map.entry("job:account-deletion", "Account deletion"),
            Map.entry("task:bulk-expiry", "Change set expiry"),
            Map.entry("bulk:read", "Change set planning"));

    /** The job a stored system actor names ({@code job:<id>}, {@code job:bulk.apply:<id>}), if any. */
    public static Optional<UUID> jobOf(String system) {
        if (system == null || !system.startsWith("job:")) {
            return Optional.empty();
        }
        String id = system.substring(system.lastIndexOf(':') + 1);
        return UUID_TEXT.matcher(id).matches() ? Optional.of(UUID.fromString(id)) : Optional.empty();
    }

    /**
     * The words for a stored system actor.
     *
     * @param workspaceId the event's workspace (null for organization-level events): links need one
     * @param jobLabels   the kinds of the jobs that still exist ({@code JobNames}); a job not in it is not linked
     */
    public static AutomaticActor of(String system, String workspaceId, Map<UUID, String> jobLabels) {
        if (system == null || system.isBlank()) {
            return new AutomaticActor("System" + AUTOMATIC, null, null);
        }
        String named = NAMED.get(system);
        if (named != null) {
            return new AutomaticActor(named + AUTOMATIC, null, null);
        }
        Optional<UUID> job = jobOf(system);
        if (job.isPresent()) {
            String label = jobLabels.get(job.get());
            String href = label != null && workspaceId != null
                    ? "/workspaces/" + workspaceId + "/jobs/" + job.get() : null;
            String fallback = system.startsWith("job:bulk.apply:") ? "Apply bulk changes" : "Background job";
            return new AutomaticActor((label != null ? label : fallback) + AUTOMATIC, job.get(), href);
        }
        if (system.startsWith("schedule:")) {
            String id = system.substring("schedule:".length());
            String href = workspaceId != null && UUID_TEXT.matcher(id).matches()
                    ? "/workspaces/" + workspaceId + "/bulk-operations/" + id : null;
            return new AutomaticActor("Scheduled change set" + AUTOMATIC, null, href);
        }
        // a task this catalogue does not know yet still reads as words: "job:nightly-digest" → "Nightly digest"
        String tail = system.substring(system.lastIndexOf(':') + 1).replace('-', ' ').replace('_', ' ')
                .replace('.', ' ').trim();
        String words = tail.isEmpty() || UUID_TEXT.matcher(tail).matches() ? "System"
                : Character.toUpperCase(tail.charAt(0)) + tail.substring(1);
        return new AutomaticActor(words + AUTOMATIC, null, null);
    }
}

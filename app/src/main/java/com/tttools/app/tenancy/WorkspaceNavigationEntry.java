package com.tttools.app.tenancy;

/**
 * One item of the persistent workspace navigation. A module that adds pages to a workspace declares one as a bean
 * (the approvals of {@code bulk} at order 70, the alerts of {@code notifications} at order 80); the layout shows it
 * to members whose role has {@code permission}, in {@code order}. The core items: Home 10, Reports 20,
 * Campaigns 30, Ad groups 31, Ads 32, Assets 40, Connections 50, Jobs 60, Settings 90.
 *
 * @param path      below {@code /workspaces/{id}}: {@code ""} for the home, else starting with {@code /}; the item is
 *                  marked current on every page under it unless a longer item's path matches
 * @param alsoUnder further paths of the same section whose pages mark the item current (e.g. the bulk policy page
 *                  next to the change sets), each starting with {@code /}
 */
public record WorkspaceNavigationEntry(String key, String label, String path, WorkspacePermission permission,
        int order, java.util.List<String> alsoUnder) {

    public WorkspaceNavigationEntry {
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("A navigation path starts with / (or is empty for the home)");
        }
        alsoUnder = java.util.List.copyOf(alsoUnder);
        if (alsoUnder.stream().anyMatch(p -> !p.startsWith("/"))) {
            throw new IllegalArgumentException("A navigation path starts with /");
        }
    }

    public WorkspaceNavigationEntry(String key, String label, String path, WorkspacePermission permission, int order) {
        this(key, label, path, permission, order, java.util.List.of());
    }

    /** The length of the longest of this item's paths that {@code page} (below the workspace) falls under; -1 if none. */
    public int matchLength(String page) {
        if (path.isEmpty()) {
            return page.isEmpty() ? 0 : -1;
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(path), alsoUnder.stream())
                .filter(p -> page.equals(p) || page.startsWith(p + "/"))
                .mapToInt(String::length).max().orElse(-1);
    }
}

package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.ConnectionSync;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.Inventory;
import com.tttools.app.inventory.InventoryItem;
import com.tttools.app.inventory.InventoryPage;
import com.tttools.app.inventory.InventoryQuery;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.Cursors;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Service
class InventoryService implements Inventory {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Pattern TIKTOK_ID = Pattern.compile("[0-9]{1,30}");
    private static final Pattern ENUM_VALUE = Pattern.compile("[A-Z][A-Z0-9_]{0,79}");
    /** Pseudo status: entities that left TikTok's listings (deleted for good, or access lost). */
    static final String REMOVED = "REMOVED";

    /** Sort keys of the API and the SQL expression each sorts by (with id as tie-breaker). */
    private static final Map<String, String> SORTS = Map.of(
            "name", "coalesce(lower(name), '')",
            "status", "coalesce(status, '')",
            "tiktokId", "tiktok_id",
            "updatedAt", "updated_at");
    private static final String COLUMNS = """
            id, kind, tiktok_id, advertiser_id, parent_tiktok_id, campaign_tiktok_id, name, status, objective, fields,
            tiktok_modified_at, updated_at, removed_at,
            greatest(synced_at, (SELECT m.listed_at FROM inventory_listing_marks m
                WHERE m.workspace_id = e.workspace_id AND m.kind = e.kind
                  AND m.scope = CASE e.kind WHEN 'BUSINESS_CENTER' THEN e.tiktok_id WHEN 'CATALOG' THEN e.parent_tiktok_id
                                ELSE e.advertiser_id END)) AS synced_at""";

    private final JdbcClient jdbc;
    private final SyncStateRepository state;
    private final JsonMapper json;

    InventoryService(JdbcClient jdbc, SyncStateRepository state, JsonMapper json) {
        this.jdbc = jdbc;
        this.state = state;
        this.json = json;
    }

    @Override
    public Optional<ConnectionSync> lastSync(WorkspaceId workspaceId, UUID connectionId) {
        return state.connectionSync(workspaceId, connectionId);
    }

    @Override
    public Optional<InventoryItem> find(WorkspaceId workspaceId, EntityKind kind, String id, boolean accountMoney) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM inventory_entities e WHERE workspace_id = :workspaceId AND kind = :kind AND id = :id")
                .param("workspaceId", workspaceId.value())
                .param("kind", kind.name())
                .param("id", uuid)
                .query((rs, n) -> item(rs, true, accountMoney))
                .optional();
    }

    @Override
    public Map<String, Named> named(WorkspaceId workspaceId, EntityKind kind, java.util.Collection<String> tiktokIds) {
        Map<String, Named> named = new java.util.HashMap<>();
        if (tiktokIds.isEmpty()) {
            return named;
        }
        jdbc.sql("""
                        SELECT tiktok_id, id, name FROM inventory_entities
                        WHERE workspace_id = :workspaceId AND kind = :kind AND tiktok_id = ANY(CAST(:ids AS text[]))""")
                .param("workspaceId", workspaceId.value()).param("kind", kind.name())
                .param("ids", tiktokIds.toArray(String[]::new))
                .query((rs, n) -> named.put(rs.getString("tiktok_id"),
                        new Named(rs.getString("id"), rs.getString("name"))))
                .list();
        return named;
    }

    @Override
    public FilterValues filterValues(WorkspaceId workspaceId, EntityKind kind) {
        java.util.TreeSet<String> statuses = new java.util.TreeSet<>();
        java.util.TreeSet<String> objectives = new java.util.TreeSet<>();
        boolean[] removed = {false};
        // one statement for both controls: the kind's statuses, and the objectives, which only campaigns carry
        jdbc.sql("""
                        SELECT DISTINCT kind, status, objective, removed_at IS NOT NULL AS removed FROM inventory_entities
                        WHERE workspace_id = :workspaceId AND kind IN (:kind, :campaign)""")
                .param("workspaceId", workspaceId.value())
                .param("kind", kind.name())
                .param("campaign", EntityKind.CAMPAIGN.name())
                .query((rs, n) -> {
                    boolean ofKind = kind.name().equals(rs.getString("kind"));
                    if (ofKind && rs.getString("status") != null) {
                        statuses.add(rs.getString("status"));
                    }
                    if (EntityKind.CAMPAIGN.name().equals(rs.getString("kind")) && rs.getString("objective") != null) {
                        objectives.add(rs.getString("objective"));
                    }
                    removed[0] |= ofKind && rs.getBoolean("removed");
                    return n;
                })
                .list();
        return new FilterValues(List.copyOf(statuses), List.copyOf(objectives), removed[0]);
    }

    @Override
    public Map<EntityKind, Long> counts(WorkspaceId workspaceId) {
        Map<EntityKind, Long> counts = new EnumMap<>(EntityKind.class);
        for (EntityKind kind : EntityKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("""
                        SELECT kind, count(*) AS n FROM inventory_entities
                        WHERE workspace_id = :workspaceId AND removed_at IS NULL GROUP BY kind""")
                .param("workspaceId", workspaceId.value())
                .query((rs, n) -> counts.put(EntityKind.valueOf(rs.getString("kind")), rs.getLong("n")))
                .list();
        return counts;
    }

    @Override
    public InventoryPage list(WorkspaceId workspaceId, InventoryQuery query, boolean accountMoney, Ranking ranking) {
        Validated v = validate(query, ranking);
        StringBuilder where = new StringBuilder("workspace_id = :workspaceId AND kind = :kind");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("workspaceId", workspaceId.value());
        params.put("kind", query.kind().name());
        if (query.advertiserId() != null) {
            where.append(" AND advertiser_id = :advertiserId");
            params.put("advertiserId", query.advertiserId());
        }
        List<String> statuses = query.allStatuses();
        if (!statuses.isEmpty()) {
            List<String> tiktokStatuses = statuses.stream().filter(s -> !REMOVED.equals(s)).toList();
            where.append(" AND (status = ANY(:statuses)").append(statuses.contains(REMOVED)
                    ? " OR removed_at IS NOT NULL)" : ")");
            params.put("statuses", tiktokStatuses.toArray(String[]::new));
        }
        if (query.objective() != null) {
            where.append(" AND objective = :objective");
            params.put("objective", query.objective());
        }
        if (query.campaignId() != null) {
            where.append(" AND campaign_tiktok_id = :campaignId");
            params.put("campaignId", query.campaignId());
        }
        if (query.adGroupId() != null) {
            where.append(" AND parent_tiktok_id = :adGroupId");
            params.put("adGroupId", query.adGroupId());
        }
        if (v.q() != null) {
            where.append(" AND (lower(name) LIKE :q ESCAPE '\\' OR tiktok_id = :qExact)");
            params.put("q", "%" + v.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("qExact", v.q());
        }
        long total = jdbc.sql("SELECT count(*) FROM inventory_entities WHERE " + where).params(params)
                .query(Long.class).single();

        boolean ranked = ranking != null && v.sortKey().equals(ranking.key());
        String expression = ranked ? "coalesce(array_position(CAST(:ranked AS text[]), tiktok_id), :unranked)"
                : SORTS.get(v.sortKey());
        if (ranked) {
            // the ranking is already in the asked direction; entities without a rank go last (first when ascending)
            params.put("ranked", ranking.tiktokIds().toArray(String[]::new));
            params.put("unranked", v.descending() ? Integer.MAX_VALUE : 0);
        }
        String direction = v.descending() && !ranked ? "DESC" : "ASC";
        StringBuilder pageWhere = new StringBuilder(where);
        if (v.after() != null) {
            // a ranking is already in the asked order, so its rows are read ascending whatever the '-'
            pageWhere.append(" AND (").append(expression).append(", id) ")
                    .append(v.descending() && !ranked ? "<" : ">")
                    .append(" (:afterValue, :afterId)");
            params.put("afterValue", ranked ? rank(v.after().value()) : v.sortKey().equals("updatedAt")
                    ? Timestamp.from(Instant.parse(v.after().value())) : v.after().value());
            params.put("afterId", v.after().id());
        }
        params.put("limit", v.limit() + 1);
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + ", " + expression + " AS sort_value FROM inventory_entities e WHERE "
                        + pageWhere + " ORDER BY " + expression + " " + direction + ", id " + direction + " LIMIT :limit")
                .params(params)
                .query((rs, n) -> new Row(item(rs, false, accountMoney), ranked ? rs.getString("sort_value")
                        : sortValue(rs, v.sortKey())))
                .list();
        String next = null;
        if (rows.size() > v.limit()) {
            Row last = rows.get(v.limit() - 1);
            next = new ListCursor(v.sort(), last.sortValue(), UUID.fromString(last.item().id())).encode();
            rows = rows.subList(0, v.limit());
        }
        return new InventoryPage(rows.stream().map(Row::item).toList(), next, total);
    }

    private record Row(InventoryItem item, String sortValue) {
    }

    private record Validated(String sort, String sortKey, boolean descending, int limit, String q, ListCursor after) {
    }

    private static int rank(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }

    private static Validated validate(InventoryQuery query, Ranking ranking) {
        List<FieldProblem> problems = new ArrayList<>();
        String sort = query.sort() == null || query.sort().isBlank() ? "name" : query.sort().trim();
        boolean descending = sort.startsWith("-");
        String sortKey = descending ? sort.substring(1) : sort;
        if (!SORTS.containsKey(sortKey) && (ranking == null || !ranking.key().equals(sortKey))) {
            problems.add(new FieldProblem("sort", "must be one of " + String.join(", ", SORTS.keySet().stream().sorted()
                    .toList()) + ", optionally with a leading '-'"));
        }
        int limit = query.limit() == null ? DEFAULT_LIMIT : query.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT));
        }
        checkId(problems, "advertiserId", query.advertiserId());
        checkId(problems, "campaignId", query.campaignId());
        checkId(problems, "adGroupId", query.adGroupId());
        if (query.allStatuses().stream().anyMatch(s -> !ENUM_VALUE.matcher(s).matches())) {
            problems.add(new FieldProblem("status", "is not a TikTok status (e.g. CAMPAIGN_STATUS_DISABLE) nor REMOVED"));
        }
        if (query.objective() != null) {
            if (query.kind() != EntityKind.CAMPAIGN) {
                problems.add(new FieldProblem("objective", "filters campaigns only"));
            } else if (!ENUM_VALUE.matcher(query.objective()).matches()) {
                problems.add(new FieldProblem("objective", "is not a TikTok objective type (e.g. TRAFFIC)"));
            }
        }
        if (query.campaignId() != null && query.kind() != EntityKind.AD_GROUP && query.kind() != EntityKind.AD) {
            problems.add(new FieldProblem("campaignId", "filters ad groups and ads only"));
        }
        if (query.adGroupId() != null && query.kind() != EntityKind.AD) {
            problems.add(new FieldProblem("adGroupId", "filters ads only"));
        }
        String q = query.q() == null || query.q().isBlank() ? null : query.q().trim();
        if (q != null && q.length() > 200) {
            problems.add(new FieldProblem("q", "must be at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        ListCursor after = query.cursor() == null || query.cursor().isBlank() ? null
                : ListCursor.decode(query.cursor(), sort);
        if (after != null && sortKey.equals("updatedAt")) {
            try {
                if (!StorableValues.isStorable(Instant.parse(after.value()))) {
                    throw new IllegalArgumentException("out of range");
                }
            } catch (RuntimeException e) {
                throw Cursors.invalid();
            }
        }
        return new Validated(sort, sortKey, descending, limit, q, after);
    }

    private static void checkId(List<FieldProblem> problems, String field, String value) {
        if (value != null && !TIKTOK_ID.matcher(value).matches()) {
            problems.add(new FieldProblem(field, "must be a TikTok id (digits)"));
        }
    }

    private static String sortValue(ResultSet rs, String sortKey) throws SQLException {
        return sortKey.equals("updatedAt") ? rs.getTimestamp("sort_value").toInstant().toString()
                : rs.getString("sort_value");
    }

    private InventoryItem item(ResultSet rs, boolean withFields, boolean accountMoney) throws SQLException {
        EntityKind kind = EntityKind.valueOf(rs.getString("kind"));
        JsonNode stored = json.readTree(rs.getString("fields"));
        JsonNode fields = accountMoney ? stored : EntityFields.withoutAccountMoney(kind, stored);
        Timestamp removedAt = rs.getTimestamp("removed_at");
        return new InventoryItem(rs.getString("id"), kind.collection(), rs.getString("tiktok_id"), rs.getString("name"),
                rs.getString("advertiser_id"), rs.getString("campaign_tiktok_id"), rs.getString("parent_tiktok_id"),
                rs.getString("status"), removedAt != null, instant(removedAt), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("synced_at")), instant(rs.getTimestamp("tiktok_modified_at")),
                EntityDetails.of(kind, fields), withFields ? fields : null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

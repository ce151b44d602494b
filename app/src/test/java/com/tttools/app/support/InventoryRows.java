package com.tttools.app.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of inventory's read model ({@code inventory_entities}) written directly, for tests whose subject is what reads
 * them (pages, reports), not the sync that normally writes them:
 * {@code rows.add("CAMPAIGN", id).name("Spring sale").status("CAMPAIGN_STATUS_ENABLE").insert()}. Unset columns are
 * null ({@code fields} is {@code {}}); each row gets its own random connection id.
 */
public final class InventoryRows {

    private final JdbcClient jdbc;
    private final UUID workspaceId;
    private final String advertiserId;

    /** Rows of {@code workspaceId} whose advertiser is {@code advertiserId} unless a row names another. */
    public InventoryRows(JdbcClient jdbc, String workspaceId, String advertiserId) {
        this.jdbc = jdbc;
        this.workspaceId = UUID.fromString(workspaceId);
        this.advertiserId = advertiserId;
    }

    public Row add(String kind, String tiktokId) {
        return new Row(kind, tiktokId);
    }

    /** One row being described; {@link #insert()} writes it. */
    public final class Row {
        private final String kind;
        private final String tiktokId;
        private String advertiser = advertiserId;
        private String parent;
        private String campaign;
        private String name;
        private String status;
        private String objective;
        private String fields = "{}";

        private Row(String kind, String tiktokId) {
            this.kind = kind;
            this.tiktokId = tiktokId;
        }

        public Row advertiser(String advertiserId) {
            this.advertiser = advertiserId;
            return this;
        }

        /** The parent's TikTok id and the campaign's (for an ad group both are its campaign). */
        public Row under(String parentTiktokId, String campaignTiktokId) {
            this.parent = parentTiktokId;
            this.campaign = campaignTiktokId;
            return this;
        }

        public Row name(String name) {
            this.name = name;
            return this;
        }

        public Row status(String status) {
            this.status = status;
            return this;
        }

        public Row objective(String objective) {
            this.objective = objective;
            return this;
        }

        /** TikTok's fields as JSON text. */
        public Row fields(String json) {
            this.fields = json;
            return this;
        }

        public void insert() {
            jdbc.sql("""
                            INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, parent_tiktok_id,
                                campaign_tiktok_id, name, status, objective, fields, connection_id, synced_at, updated_at)
                            VALUES (:ws, :kind, :id, :adv, :parent, :campaign, :name, :status, :objective,
                                CAST(:fields AS jsonb), :connection, now(), now())""")
                    .param("ws", workspaceId).param("kind", kind).param("id", tiktokId).param("adv", advertiser)
                    .param("parent", parent).param("campaign", campaign).param("name", name).param("status", status)
                    .param("objective", objective).param("fields", fields).param("connection", UUID.randomUUID())
                    .update();
        }
    }
}

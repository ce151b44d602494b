package com.tttools.app.bulk.internal;

import com.tttools.app.support.SimulatedWorkspaceTest.SimulatedConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Ads of the simulator written straight into the workspace's inventory, as a sync would list them, without one. */
final class AdsInInventory {

    private AdsInInventory() {
    }

    /**
     * Stores the ads (the simulator's {@code /ad/get/} items) as delivering ads of the connection, with those stored
     * fields; returns their ids.
     */
    static List<String> store(JdbcClient jdbc, SimulatedConnection connection, String advertiserId, List<JsonNode> ads,
            String fieldsJson) {
        for (JsonNode ad : ads) {
            jdbc.sql("""
                            INSERT INTO inventory_entities (workspace_id, kind, tiktok_id, advertiser_id, name, status, fields,
                                connection_id, synced_at, updated_at)
                            VALUES (:ws, 'AD', :id, :advertiser, :name, 'AD_STATUS_DELIVERY_OK', CAST(:fields AS jsonb),
                                :connection, now(), now())""")
                    .param("ws", connection.workspace().value()).param("id", ad.path("ad_id").asString())
                    .param("advertiser", advertiserId).param("name", ad.path("ad_name").asString())
                    .param("fields", fieldsJson).param("connection", connection.id()).update();
        }
        return ads.stream().map(ad -> ad.path("ad_id").asString()).toList();
    }

    /** The ads of a simulator {@code /ad/get/} answer that are switched on and whose secondary status passes. */
    static List<JsonNode> enabled(JsonNode adGetAnswer, Predicate<String> secondaryStatus) {
        List<JsonNode> enabled = new ArrayList<>();
        adGetAnswer.path("data").path("list").forEach(ad -> {
            if ("ENABLE".equals(ad.path("operation_status").asString())
                    && secondaryStatus.test(ad.path("secondary_status").asString())) {
                enabled.add(ad);
            }
        });
        return enabled;
    }
}

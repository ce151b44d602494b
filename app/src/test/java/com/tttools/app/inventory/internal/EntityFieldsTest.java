package com.tttools.app.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.inventory.EntityKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The per-kind allow-list: contact data and unlisted fields are dropped before anything is stored. */
class EntityFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The advertiser/info example of TikTok's documentation, contact data included. */
    private static final String ADVERTISER = """
            {"advertiser_id": "7002238017842757633", "name": "Airbyte0830", "company": "Airbyte",
             "status": "STATUS_ENABLE", "role": "ROLE_ADVERTISER", "advertiser_account_type": "AUCTION",
             "currency": "USD", "country": "US", "timezone": "Etc/GMT+8", "display_timezone": "America/Los_Angeles",
             "language": "en", "industry": "291905", "balance": 10, "create_time": 1630335591,
             "address": "350 29th avenue, San Francisco", "contacter": "Ai***te", "email": "i***@***",
             "cellphone_number": "+13477****53", "telephone_number": "+14156****85", "description": "https://",
             "license_no": "L-1", "license_url": "https://lic", "rejection_reason": "", "owner_bc_id": null,
             "some_new_field": {"x": 1}}""";

    @Test
    void anAdvertiserKeepsItsNameStatusIdsCurrencyTimezoneAndBalanceButNoContactData() {
        JsonNode kept = EntityFields.keep(EntityKind.ADVERTISER, JSON.readTree(ADVERTISER));

        assertThat(kept.propertyNames()).contains("advertiser_id", "name", "status", "currency", "timezone",
                "display_timezone", "balance", "company", "owner_bc_id")
                .doesNotContain("address", "contacter", "email", "cellphone_number", "telephone_number", "license_no",
                        "license_url", "description", "some_new_field");
        assertThat(kept.path("currency").asString()).isEqualTo("USD");
        assertThat(EntityFields.ADVERTISER_INFO_FIELDS).doesNotContainAnyElementsOf(EntityFields.CONTACT_FIELDS);
    }

    @Test
    void theBalanceIsRemovedForRolesThatMayNotSeeIt() {
        JsonNode kept = EntityFields.keep(EntityKind.ADVERTISER, JSON.readTree(ADVERTISER));
        JsonNode redacted = EntityFields.withoutAccountMoney(EntityKind.ADVERTISER, kept);
        assertThat(redacted.has("balance")).isFalse();
        assertThat(redacted.has("currency")).isTrue();
        assertThat(kept.has("balance")).as("the stored copy is untouched").isTrue();
        assertThat(EntityDetails.of(EntityKind.ADVERTISER, redacted)).doesNotContainKey("balance");
        assertThat(EntityDetails.of(EntityKind.ADVERTISER, kept)).containsEntry("balance", 10);
    }

    @Test
    void nestedObjectsAndArraysKeepOnlyTheirListedFields() {
        JsonNode center = JSON.readTree("""
                {"bc_info": {"bc_id": "1", "name": "Acme BC", "currency": "USD", "email": "boss@acme.test",
                             "phone": "+1"},
                 "user_role": "ADMIN", "ext_user_role": {"finance_role": "MANAGER"},
                 "advertiser_assets": [{"asset_id": "7", "asset_name": "Acme US", "owner_email": "x@acme.test"}]}""");
        JsonNode kept = EntityFields.keep(EntityKind.BUSINESS_CENTER, center);
        assertThat(kept.path("bc_info").propertyNames()).containsExactlyInAnyOrder("bc_id", "name", "currency");
        assertThat(kept.has("ext_user_role")).isFalse();
        assertThat(kept.path("advertiser_assets").get(0).propertyNames()).containsExactlyInAnyOrder("asset_id", "asset_name");
    }

    @Test
    void everyKindHasAnAllowListWithItsIdAndTheFieldsItsDetailsShow() {
        for (EntityKind kind : EntityKind.values()) {
            assertThat(EntityFields.allowed(kind)).as(kind.name()).isNotEmpty();
        }
        assertThat(EntityFields.allowed(EntityKind.CAMPAIGN)).contains("campaign_id", "campaign_name", "budget",
                "budget_mode", "objective_type", "operation_status", "secondary_status", "modify_time");
        assertThat(EntityFields.allowed(EntityKind.AD_GROUP)).contains("adgroup_id", "schedule_start_time",
                "schedule_end_time", "bid_price", "budget");
    }
}

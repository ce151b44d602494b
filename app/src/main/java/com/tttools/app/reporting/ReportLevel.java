package com.tttools.app.reporting;

/** A report level with its TikTok data level, id dimension and status filter field (to include deleted entities). */
public enum ReportLevel {
    ADVERTISER("AUCTION_ADVERTISER", "advertiser_id", null, "advertiser_name"),
    CAMPAIGN("AUCTION_CAMPAIGN", "campaign_id", "campaign_status", "campaign_name"),
    ADGROUP("AUCTION_ADGROUP", "adgroup_id", "adgroup_status", "adgroup_name"),
    AD("AUCTION_AD", "ad_id", "ad_status", "ad_name");

    private final String dataLevel;
    private final String idDimension;
    private final String statusField;
    private final String nameAttribute;

    ReportLevel(String dataLevel, String idDimension, String statusField, String nameAttribute) {
        this.dataLevel = dataLevel;
        this.idDimension = idDimension;
        this.statusField = statusField;
        this.nameAttribute = nameAttribute;
    }

    /** The attribute "metric" carrying the entity's name at this level (kept with the facts: deleted entities keep it). */
    public String nameAttribute() {
        return nameAttribute;
    }

    /**
     * The attribute "metrics" that name the entity and its parents, as TikTok allows them per level: a campaign
     * report has no parent ids, an ad group report adds its campaign, an ad report its campaign and ad group.
     */
    public java.util.List<String> attributeMetrics() {
        return switch (this) {
            case ADVERTISER, CAMPAIGN -> java.util.List.of(nameAttribute);
            case ADGROUP -> java.util.List.of(nameAttribute, "campaign_id");
            case AD -> java.util.List.of(nameAttribute, "campaign_id", "adgroup_id");
        };
    }

    public String dataLevel() {
        return dataLevel;
    }

    public String idDimension() {
        return idDimension;
    }

    /** Null at advertiser level, which has no deleted state to include. */
    public String statusField() {
        return statusField;
    }
}

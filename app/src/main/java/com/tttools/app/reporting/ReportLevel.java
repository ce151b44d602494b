package com.tttools.app.reporting;

/** A report level with its TikTok data level, id dimension and status filter field (to include deleted entities). */
public enum ReportLevel {
    ADVERTISER("AUCTION_ADVERTISER", "advertiser_id", null),
    CAMPAIGN("AUCTION_CAMPAIGN", "campaign_id", "campaign_status"),
    ADGROUP("AUCTION_ADGROUP", "adgroup_id", "adgroup_status"),
    AD("AUCTION_AD", "ad_id", "ad_status");

    private final String dataLevel;
    private final String idDimension;
    private final String statusField;

    ReportLevel(String dataLevel, String idDimension, String statusField) {
        this.dataLevel = dataLevel;
        this.idDimension = idDimension;
        this.statusField = statusField;
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

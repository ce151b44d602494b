package com.tttools.app.bulk;

/** The kind of TikTok entity a change set targets. Ads have no budget. */
public enum BulkLevel {
    CAMPAIGN, ADGROUP, AD
}

package com.tttools.app.tiktok;

import java.time.Instant;
import java.util.List;

/**
 * Which ads {@link TikTokClient#ads} lists: all of them, those modified after an instant, or those of some campaigns
 * or ad groups (any number of ids; the client asks in chunks TikTok accepts). At most one criterion is set.
 */
public record AdFilter(Instant modifiedAfter, List<String> campaignIds, List<String> adGroupIds) {

    public AdFilter {
        campaignIds = campaignIds == null ? null : List.copyOf(campaignIds);
        adGroupIds = adGroupIds == null ? null : List.copyOf(adGroupIds);
        int set = (modifiedAfter == null ? 0 : 1) + (campaignIds == null ? 0 : 1) + (adGroupIds == null ? 0 : 1);
        if (set > 1) {
            throw new IllegalArgumentException("an ad filter takes one criterion");
        }
    }

    public static AdFilter all() {
        return new AdFilter(null, null, null);
    }

    public static AdFilter modifiedAfter(Instant instant) {
        return new AdFilter(instant, null, null);
    }

    public static AdFilter ofCampaigns(List<String> campaignIds) {
        return new AdFilter(null, campaignIds, null);
    }

    public static AdFilter ofAdGroups(List<String> adGroupIds) {
        return new AdFilter(null, null, adGroupIds);
    }

    public boolean isAll() {
        return modifiedAfter == null && campaignIds == null && adGroupIds == null;
    }
}

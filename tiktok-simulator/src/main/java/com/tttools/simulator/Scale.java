package com.tttools.simulator;

import java.util.Locale;

/** Size of the generated world. Counts are per scale; entity shapes vary deterministically with the seed. */
public enum Scale {
    /** 2 business centers, 6 advertisers, a few hundred ads: unit tests and demos. */
    SMALL(2, 6, 3, 8, 1, 4, 1, 4),
    /** 4 business centers, 30 advertisers, about 12,000 ads. */
    MEDIUM(4, 30, 10, 40, 2, 6, 2, 6),
    /** 10 business centers, 220 advertisers, more than 500,000 ads; the first advertiser has 2,500 campaigns. */
    LARGE(10, 220, 30, 90, 3, 7, 6, 10);

    public final int businessCenters;
    public final int advertisers;
    public final int minCampaigns;
    public final int maxCampaigns;
    public final int minAdgroups;
    public final int maxAdgroups;
    public final int minAds;
    public final int maxAds;

    Scale(int bcs, int advertisers, int minC, int maxC, int minG, int maxG, int minA, int maxA) {
        this.businessCenters = bcs;
        this.advertisers = advertisers;
        this.minCampaigns = minC;
        this.maxCampaigns = maxC;
        this.minAdgroups = minG;
        this.maxAdgroups = maxG;
        this.minAds = minA;
        this.maxAds = maxA;
    }

    public static Scale parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("scale must be small, medium or large, got " + name);
        }
    }
}

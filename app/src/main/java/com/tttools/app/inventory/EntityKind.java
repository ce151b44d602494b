package com.tttools.app.inventory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of inventory entity, each with the API collection that lists it and what pages call that list and one
 * of its entities.
 */
public enum EntityKind {
    BUSINESS_CENTER("business-centers", "Business centers", "Business center"),
    ADVERTISER("advertisers", "Advertisers", "Advertiser"),
    IDENTITY("tiktok-accounts", "TikTok accounts", "TikTok account"),
    PIXEL("pixels", "Pixels", "Pixel"),
    CATALOG("catalogs", "Catalogs", "Catalog"),
    AUDIENCE("audiences", "Audiences", "Audience"),
    CAMPAIGN("campaigns", "Campaigns", "Campaign"),
    AD_GROUP("ad-groups", "Ad groups", "Ad group"),
    AD("ads", "Ads", "Ad");

    private final String collection;
    private final String label;
    private final String oneLabel;

    EntityKind(String collection, String label, String oneLabel) {
        this.collection = collection;
        this.label = label;
        this.oneLabel = oneLabel;
    }

    public String collection() {
        return collection;
    }

    /** The list's name in words, as the navigation and page titles show it: "Ad groups". */
    public String label() {
        return label;
    }

    /** One entity of the kind in words, as its detail page names it: "TikTok account". */
    public String oneLabel() {
        return oneLabel;
    }

    public static Optional<EntityKind> ofCollection(String collection) {
        return Arrays.stream(values()).filter(k -> k.collection.equals(collection)).findFirst();
    }
}

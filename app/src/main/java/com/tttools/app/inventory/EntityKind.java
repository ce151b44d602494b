package com.tttools.app.inventory;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of inventory entity, each with the API collection that lists it and what pages call that list. */
public enum EntityKind {
    BUSINESS_CENTER("business-centers", "Business centers"),
    ADVERTISER("advertisers", "Advertisers"),
    IDENTITY("tiktok-accounts", "TikTok accounts"),
    PIXEL("pixels", "Pixels"),
    CATALOG("catalogs", "Catalogs"),
    AUDIENCE("audiences", "Audiences"),
    CAMPAIGN("campaigns", "Campaigns"),
    AD_GROUP("ad-groups", "Ad groups"),
    AD("ads", "Ads");

    private final String collection;
    private final String label;

    EntityKind(String collection, String label) {
        this.collection = collection;
        this.label = label;
    }

    public String collection() {
        return collection;
    }

    /** The list's name in words, as the navigation and page titles show it: "Ad groups". */
    public String label() {
        return label;
    }

    public static Optional<EntityKind> ofCollection(String collection) {
        return Arrays.stream(values()).filter(k -> k.collection.equals(collection)).findFirst();
    }
}

package com.tttools.app.inventory;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of inventory entity, each with the API collection that lists it. */
public enum EntityKind {
    BUSINESS_CENTER("business-centers"),
    ADVERTISER("advertisers"),
    IDENTITY("tiktok-accounts"),
    PIXEL("pixels"),
    CATALOG("catalogs"),
    AUDIENCE("audiences"),
    CAMPAIGN("campaigns"),
    AD_GROUP("ad-groups"),
    AD("ads");

    private final String collection;

    EntityKind(String collection) {
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }

    public static Optional<EntityKind> ofCollection(String collection) {
        return Arrays.stream(values()).filter(k -> k.collection.equals(collection)).findFirst();
    }
}

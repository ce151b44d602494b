package com.tttools.app.tiktok.client;

import com.tttools.app.tiktok.tokens.AccessToken;
import java.util.List;

/**
 * Result of an auth-code exchange: a long-lived advertiser token (it does not expire; it is revoked), the
 * advertiser ids granted (possibly none) and the numeric permission scope ids.
 */
public record AdvertiserGrant(AccessToken accessToken, List<String> advertiserIds, List<Long> scopes) {

    public AdvertiserGrant {
        advertiserIds = List.copyOf(advertiserIds);
        scopes = List.copyOf(scopes);
    }
}

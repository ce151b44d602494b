package com.tttools.app.tiktok.client;

/** An advertiser (ad account) reachable with a token. */
public record AuthorizedAdvertiser(String advertiserId, String advertiserName) {
}

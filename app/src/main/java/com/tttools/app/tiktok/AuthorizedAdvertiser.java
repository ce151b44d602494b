package com.tttools.app.tiktok;

/** An advertiser (ad account) reachable with a token. */
public record AuthorizedAdvertiser(String advertiserId, String advertiserName) {
}

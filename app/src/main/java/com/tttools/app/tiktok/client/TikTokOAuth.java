package com.tttools.app.tiktok.client;

import com.tttools.app.tiktok.CallPriority;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.RefreshToken;
import java.net.URI;
import java.util.List;

/** TikTok's OAuth endpoints for this app (advertiser grants, reference section 3; tt_user refresh, 3.8). */
public interface TikTokOAuth {

    /** The advertiser authorization page URL ({@code app_id}, {@code state}, {@code redirect_uri}). */
    URI authorizationUrl(String state, URI redirectUri);

    /** {@code oauth2/access_token/}: exchanges the callback's single-use {@code auth_code}. */
    AdvertiserGrant exchangeAuthCode(String authCode);

    /** {@code oauth2/advertiser/get/}: the advertisers this token may act for (an interactive call). */
    default List<AuthorizedAdvertiser> authorizedAdvertisers(AccessToken accessToken) {
        return authorizedAdvertisers(accessToken, CallPriority.INTERACTIVE);
    }

    /** {@code oauth2/advertiser/get/} at the given rate-limiter priority. */
    List<AuthorizedAdvertiser> authorizedAdvertisers(AccessToken accessToken, CallPriority priority);

    /** {@code oauth2/revoke_token/}: invalidates the token; returns the advertiser ids it no longer reaches. */
    List<String> revoke(AccessToken accessToken);

    /** {@code user/info/}: the TikTok user behind a token; also a cheap token check. */
    TikTokUser userInfo(AccessToken accessToken);

    /** {@code tt_user/oauth2/refresh_token/}: new short-lived tokens for a TikTok account (creator) grant. */
    TtUserTokens refreshTtUserToken(RefreshToken refreshToken);
}

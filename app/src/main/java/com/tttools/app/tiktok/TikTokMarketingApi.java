package com.tttools.app.tiktok;

import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;

/**
 * The TikTok Marketing API for the other modules: every call goes through a {@link TikTokClient} bound to one
 * connection, which adds that connection's access token inside this module. Decrypted tokens never leave it.
 */
public interface TikTokMarketingApi {

    /**
     * A client for one connection of a workspace. Nothing is read or sent here; each operation of the client reads
     * the connection's current access token (so a refreshed TikTok-account token is picked up by the next call) and
     * fails with {@link NeedsReauthorizationException} (code 0) when none is stored: the connection was
     * disconnected or waits for the user to connect again. When TikTok itself rejects the token, the client runs the
     * connection's health check before rethrowing, which moves the connection to {@code NEEDS_REAUTH} if the grant
     * is really gone.
     *
     * @param workspaceId the connection's workspace; a connection of another workspace has no token here
     * @param actor       who is acting, named in the audit log if a rejected call changes the connection's status
     *                    ({@code Actor.system("job:" + jobId)} for jobs, the user for interactive work)
     */
    TikTokClient forConnection(WorkspaceId workspaceId, ConnectionId connectionId, Actor actor);

    /**
     * True when TikTok is the embedded simulator (no app credentials, never in {@code prod}): other modules then use
     * fixed stand-ins for outside data too (e.g. reporting's fixed exchange-rate table instead of the ECB's).
     */
    default boolean simulatorMode() {
        return false;
    }
}

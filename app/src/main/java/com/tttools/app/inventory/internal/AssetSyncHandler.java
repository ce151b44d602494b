package com.tttools.app.inventory.internal;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.inventory.ConnectionSync;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.TikTokAuthorizationLost;
import com.tttools.app.jobs.JobFailedPermanently;
import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobRun;
import com.tttools.app.jobs.JobType;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.AccessToken;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.AuthorizedAdvertiser;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.PermissionDeniedException;
import com.tttools.app.tiktok.TikTokMarketingApi;
import com.tttools.app.tiktok.TikTokOAuth;
import com.tttools.app.tiktok.TikTokTokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code tiktok.asset-sync} job: lists every asset of a connection into the inventory. It first reads the
 * advertisers and business centers (which fixes the plan), then works unit by unit (one kind of one advertiser,
 * or the catalogs of one business center), saving a checkpoint after each so a retry resumes where it stopped.
 * docs/inventory.md explains the incremental rules.
 */
@Component
class AssetSyncHandler implements JobHandler<AssetSync.Payload> {

    static final List<String> PER_ADVERTISER = List.of("IDENTITY", "PIXEL", "AUDIENCE", "CAMPAIGN", "AD_GROUP", "AD");
    /** Ads are read with modified_after between full listings; a full one a day catches ads TikTok purged. */
    static final Duration FULL_LISTING_EVERY = Duration.ofHours(24);
    /** modified_after starts this much before the last listing: TikTok's and our clocks need not agree. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(10);
    private static final List<List<String>> BUYING_TYPE_PASSES = List.of(List.of("AUCTION", "RESERVATION_RF"),
            List.of("RESERVATION_TOP_VIEW"));   // TikTok will not combine TOP_VIEW with the others
    private static final Logger log = LoggerFactory.getLogger(AssetSyncHandler.class);

    private final TikTokTokenStore tokens;
    private final TikTokOAuth oauth;
    private final TikTokMarketingApi api;
    private final EntityWriter writer;
    private final SyncStateRepository state;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final com.tttools.app.tiktok.TikTokConnections connections;

    AssetSyncHandler(TikTokTokenStore tokens, TikTokOAuth oauth, TikTokMarketingApi api, EntityWriter writer,
            SyncStateRepository state, ApplicationEventPublisher events, TransactionTemplate transaction,
            JsonMapper json, Clock clock, com.tttools.app.tiktok.TikTokConnections connections) {
        this.connections = connections;
        this.tokens = tokens;
        this.oauth = oauth;
        this.api = api;
        this.writer = writer;
        this.state = state;
        this.events = events;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public JobType<AssetSync.Payload> type() {
        return AssetSync.JOB;
    }

    @Override
    public void run(JobRun run, AssetSync.Payload payload) {
        WorkspaceId workspace = run.workspaceId();
        UUID connectionId = payload.connectionId();
        if (connectionId == null) {
            throw new JobFailedPermanently("The payload names no connectionId.");
        }
        AccessToken token = tokens.accessToken(workspace, connectionId).orElseThrow(
                () -> new JobFailedPermanently("The connection has no access token: connect TikTok again."));
        Sync sync = new Sync(run, workspace, connectionId, token);
        try {
            sync.run();
            connections.recordSync(workspace, connectionId, clock.instant());
        } catch (NeedsReauthorizationException e) {
            transaction.executeWithoutResult(
                    s -> events.publishEvent(new TikTokAuthorizationLost(workspace, connectionId, e.getMessage())));
            connections.recheckAfterRejection(workspace, connectionId, "job:" + run.jobId());
            throw new JobFailedPermanently("TikTok no longer accepts this connection's token (" + e.getMessage()
                    + "): reconnect TikTok to resume syncing.", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);   // as PostgreSQL keeps it, so stamps compare equal
    }

    /** The ids one full listing returned; taken (and cleared) when the listing ends. */
    private static final class Seen {
        private Set<String> ids = new HashSet<>();

        void add(String id) {
            ids.add(id);
        }

        Set<String> take() {
            Set<String> taken = ids;
            ids = new HashSet<>();
            return taken;
        }
    }

    /** One run of the job for one connection. */
    private final class Sync {
        private final JobRun run;
        private final WorkspaceId workspace;
        private final UUID connectionId;
        private final AccessToken token;
        /** TikTok ids the current listing has seen, for marking the rest of its scope removed. */
        private final Seen seen = new Seen();

        Sync(JobRun run, WorkspaceId workspace, UUID connectionId, AccessToken token) {
            this.run = run;
            this.workspace = workspace;
            this.connectionId = connectionId;
            this.token = token;
        }

        void run() {
            SyncCheckpoint checkpoint = run.lastCheckpoint().map(this::read).orElseGet(this::plan);
            List<String> units = checkpoint.units();
            long total = units.size() + 1L;
            run.progress(checkpoint.done().size() + 1L, total);
            for (String unit : units) {
                if (checkpoint.done().contains(unit)) {
                    continue;
                }
                run.stopIfCancelled();
                syncUnit(unit, checkpoint.startedAt());
                checkpoint = checkpoint.with(unit);
                run.checkpoint(json.writeValueAsString(checkpoint));
                run.progress(checkpoint.done().size() + 1L, total);
            }
            finish(checkpoint);
        }

        private SyncCheckpoint read(String saved) {
            return json.readValue(saved, SyncCheckpoint.class);
        }

        /** Advertisers and business centers first: they decide which units follow. */
        private SyncCheckpoint plan() {
            Instant startedAt = now();
            List<String> advertiserIds = new ArrayList<>(new LinkedHashSet<>(oauth.authorizedAdvertisers(token)
                    .stream().map(AuthorizedAdvertiser::advertiserId).toList()));
            syncAdvertisers(advertiserIds, startedAt);
            List<String> businessCenters = syncBusinessCenters(startedAt);
            List<String> previous = state.connectionSync(workspace, connectionId).map(ConnectionSync::advertiserIds)
                    .orElse(null);
            SyncCheckpoint checkpoint = new SyncCheckpoint(startedAt, advertiserIds, previous, businessCenters,
                    List.of());
            run.checkpoint(json.writeValueAsString(checkpoint));
            return checkpoint;
        }

        private void syncAdvertisers(List<String> advertiserIds, Instant stamp) {
            for (int from = 0; from < advertiserIds.size(); from += 100) {   // advertiser/info takes ≤ 100 ids
                List<String> chunk = advertiserIds.subList(from, Math.min(from + 100, advertiserIds.size()));
                JsonNode data = api.call(ApiCall.get("advertiser/info/", token).background()
                        .param("advertiser_ids", chunk).param("fields", EntityFields.ADVERTISER_INFO_FIELDS)).data();
                write(EntityKind.ADVERTISER, null, list(data.path("list")), stamp);
            }
            writer.markRemoved(workspace, EntityKind.ADVERTISER, EntityWriter.Scope.CONNECTION, connectionId.toString(),
                    seen.take(), stamp);
            state.markListed(workspace, EntityKind.ADVERTISER, advertiserIds, stamp);
        }

        private List<String> syncBusinessCenters(Instant stamp) {
            List<JsonNode> centers = api.listAll(ApiCall.get("bc/get/", token).background(), "list", 50);
            List<JsonNode> withAssets = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (JsonNode center : centers) {
                String bcId = center.path("bc_info").path("bc_id").asString();
                ids.add(bcId);
                ObjectNode copy = (ObjectNode) center.deepCopy();
                copy.set("advertiser_assets", advertiserAssets(bcId));
                withAssets.add(copy);
            }
            write(EntityKind.BUSINESS_CENTER, null, withAssets, stamp);
            writer.markRemoved(workspace, EntityKind.BUSINESS_CENTER, EntityWriter.Scope.CONNECTION, connectionId.toString(),
                    seen.take(), stamp);
            state.markListed(workspace, EntityKind.BUSINESS_CENTER, ids, stamp);
            return ids;
        }

        /** bc/asset/get: the business center's advertiser accounts, kept on the business center's row. */
        private ArrayNode advertiserAssets(String bcId) {
            ArrayNode assets = json.createArrayNode();
            try {
                api.listAll(ApiCall.get("bc/asset/get/", token).background().param("bc_id", bcId)
                        .param("asset_type", "ADVERTISER"), "list", 50).forEach(assets::add);
            } catch (PermissionDeniedException e) {
                log.info("No access to the assets of business center {}: {}", bcId, e.getMessage());
            }
            return assets;
        }

        private void syncUnit(String unit, Instant syncStartedAt) {
            int colon = unit.indexOf(':');
            EntityKind kind = EntityKind.valueOf(unit.substring(0, colon));
            String scope = unit.substring(colon + 1);
            Instant stamp = now();
            seen.take();
            try {
                switch (kind) {
                    case CATALOG -> {
                        forEachPage(ApiCall.get("catalog/get/", token).param("bc_id", scope), "list", 100, kind, null, stamp);
                        writer.markRemoved(workspace, kind, EntityWriter.Scope.PARENT, scope, seen.take(), stamp);
                        state.markListed(workspace, kind, List.of(scope), stamp);
                    }
                    case IDENTITY -> fullListing(kind, scope, stamp, ApiCall.get("identity/get/", token), "identity_list", 100);
                    case PIXEL -> fullListing(kind, scope, stamp, ApiCall.get("pixel/list/", token), "pixels", 20);
                    case AUDIENCE -> fullListing(kind, scope, stamp, ApiCall.get("dmp/custom_audience/list/", token), "list", 100);
                    case CAMPAIGN -> entities(kind, "campaign/get/", scope, stamp, Map.of());
                    case AD_GROUP -> entities(kind, "adgroup/get/", scope, stamp, Map.of());
                    case AD -> ads(scope, stamp, syncStartedAt);
                    default -> throw new IllegalStateException("not a unit kind: " + kind);
                }
            } catch (PermissionDeniedException e) {
                // The advertiser went away mid-sync or the app lacks this endpoint's scope: keep what we have.
                log.info("Skipping {} of connection {}: {}", unit, connectionId, e.getMessage());
            }
        }

        private void fullListing(EntityKind kind, String advertiserId, Instant stamp, ApiCall call, String key, int size) {
            forEachPage(call.param("advertiser_id", advertiserId), key, size, kind, advertiserId, stamp);
            writer.markRemoved(workspace, kind, EntityWriter.Scope.ADVERTISER, advertiserId, seen.take(), stamp);
            state.markListed(workspace, kind, List.of(advertiserId), stamp);
        }

        /** Campaigns and ad groups: every status (deleted ones stay visible as deleted) and every buying type. */
        private void entities(EntityKind kind, String path, String advertiserId, Instant stamp, Map<String, Object> extra) {
            for (List<String> buyingTypes : BUYING_TYPE_PASSES) {
                Map<String, Object> filtering = new LinkedHashMap<>(extra);
                filtering.put("primary_status", "STATUS_ALL");
                filtering.put("buying_types", buyingTypes);
                forEachPage(ApiCall.get(path, token).param("advertiser_id", advertiserId).param("filtering", filtering),
                        "list", 1000, kind, advertiserId, stamp);
            }
            if (extra.isEmpty()) {
                writer.markRemoved(workspace, kind, EntityWriter.Scope.ADVERTISER, advertiserId, seen.take(), stamp);
                if (kind != EntityKind.AD) {   // ads keep their own mark (incremental listings), saved in ads()
                    state.markListed(workspace, kind, List.of(advertiserId), stamp);
                }
            }
        }

        /**
         * Ads: a full listing once a day, otherwise only ads modified since the last listing, plus the ads of
         * campaigns and ad groups that changed in this sync (their derived secondary status moves without the
         * ad's own modify_time moving).
         */
        private void ads(String advertiserId, Instant stamp, Instant syncStartedAt) {
            var mark = state.listingMark(workspace, advertiserId, EntityKind.AD);
            boolean full = mark.isEmpty() || mark.get().fullListedAt().isBefore(stamp.minus(FULL_LISTING_EVERY));
            if (full) {
                entities(EntityKind.AD, "ad/get/", advertiserId, stamp, Map.of());
            } else {
                String after = EntityMapper.tiktokTime(mark.get().listedAt().minus(CLOCK_MARGIN));
                entities(EntityKind.AD, "ad/get/", advertiserId, stamp, Map.of("modified_after", after));
                byParents("campaign_ids", state.changedSince(workspace, EntityKind.CAMPAIGN, advertiserId, syncStartedAt),
                        advertiserId, stamp);
                byParents("adgroup_ids", state.changedSince(workspace, EntityKind.AD_GROUP, advertiserId, syncStartedAt),
                        advertiserId, stamp);
            }
            state.saveListingMark(workspace, advertiserId, EntityKind.AD, new SyncStateRepository.ListingMark(stamp,
                    full ? stamp : mark.get().fullListedAt()));
        }

        private void byParents(String filter, List<String> parentIds, String advertiserId, Instant stamp) {
            for (int from = 0; from < parentIds.size(); from += 100) {   // id filters take ≤ 100 ids
                entities(EntityKind.AD, "ad/get/", advertiserId, stamp,
                        Map.of(filter, parentIds.subList(from, Math.min(from + 100, parentIds.size()))));
            }
        }

        private void forEachPage(ApiCall call, String key, int pageSize, EntityKind kind, String advertiserId,
                Instant stamp) {
            api.forEachPage(call.background(), key, pageSize, page -> write(kind, advertiserId, page.items(), stamp));
        }

        private void write(EntityKind kind, String advertiserId, List<JsonNode> items, Instant stamp) {
            List<EntityRow> rows = new ArrayList<>(items.size());
            for (JsonNode item : items) {
                EntityRow row = EntityMapper.map(kind, item, advertiserId);
                if (row == null) {
                    log.warn("Skipping a {} without an id from TikTok (connection {})", kind, connectionId);
                } else {
                    rows.add(row);
                }
            }
            writer.upsert(workspace, connectionId, stamp, rows, this::skipped);
            // a skipped row still exists in TikTok: its stored version (if any) is not marked removed
            rows.forEach(row -> seen.add(row.tiktokId()));
        }

        /** A row PostgreSQL refused: only it fails, named in the job's messages. */
        private void skipped(EntityRow row) {
            String what = row.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + row.tiktokId()
                    + (row.name() == null ? "" : " (\"" + StorableValues.sanitize(row.name()) + "\")");
            log.warn("Skipped {} {} of connection {}: the database refused its values", row.kind(), row.tiktokId(),
                    connectionId);
            run.message("Skipped " + what + ": TikTok sent values that cannot be stored.");
        }

        private List<JsonNode> list(JsonNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            return items;
        }

        private void finish(SyncCheckpoint checkpoint) {
            List<String> previous = checkpoint.previousAdvertiserIds();
            List<String> granted = previous == null ? List.of() : minus(checkpoint.advertiserIds(), previous);
            List<String> lost = previous == null ? List.of() : minus(previous, checkpoint.advertiserIds());
            state.saveConnectionSync(workspace, new ConnectionSync(connectionId, checkpoint.advertiserIds(), granted,
                    lost, checkpoint.startedAt(), now()));
        }

        private static List<String> minus(List<String> a, List<String> b) {
            Set<String> remove = Set.copyOf(b);
            return a.stream().filter(x -> !remove.contains(x)).toList();
        }
    }
}

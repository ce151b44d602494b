package com.tttools.app.inventory.internal;

import com.tttools.app.shared.ConnectionId;
import com.tttools.app.inventory.AssetSync;
import com.tttools.app.inventory.AssetSyncFailed;
import com.tttools.app.inventory.ConnectionSync;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.jobs.JobFailedPermanently;
import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobRun;
import com.tttools.app.jobs.JobType;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.tiktok.AdFilter;
import com.tttools.app.tiktok.ApiPage;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.PermissionDeniedException;
import com.tttools.app.tiktok.TikTokClient;
import com.tttools.app.tiktok.TikTokMarketingApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
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
    private static final Logger log = LoggerFactory.getLogger(AssetSyncHandler.class);

    private final Counter rowsWritten;
    private final TikTokMarketingApi api;
    private final EntityWriter writer;
    private final SyncStateRepository state;
    private final JsonMapper json;
    private final Clock clock;
    private final com.tttools.app.tiktok.TikTokConnections connections;
    private final AssetSyncFailures failures;

    AssetSyncHandler(TikTokMarketingApi api, EntityWriter writer, SyncStateRepository state, JsonMapper json,
            Clock clock, com.tttools.app.tiktok.TikTokConnections connections, AssetSyncFailures failures,
            MeterRegistry meters) {
        this.rowsWritten = Counter.builder("tttools.sync.rows").description("Rows TikTok syncs wrote, by kind")
                .tag("kind", "inventory").register(meters);
        this.connections = connections;
        this.failures = failures;
        this.api = api;
        this.writer = writer;
        this.state = state;
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
        // a rejected token makes the client run the connection's health check (NEEDS_REAUTH) before it throws
        TikTokClient tiktok = api
                .forConnection(workspace, new ConnectionId(connectionId), Actor.system("job:" + run.jobId()))
                .background();
        Sync sync = new Sync(run, workspace, connectionId, tiktok);
        try {
            sync.run();
            connections.recordSync(workspace, new ConnectionId(connectionId), clock.instant());
        } catch (NeedsReauthorizationException e) {
            throw new JobFailedPermanently("TikTok no longer accepts this connection's token (" + e.getMessage()
                    + "): reconnect TikTok to resume syncing.", e);
        }
    }

    @Override
    public void failed(WorkspaceId workspaceId, AssetSync.Payload payload, String error, Instant at) {
        failures.publish(new AssetSyncFailed(workspaceId, payload.connectionId(), error, at));
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

    /** One of the client's per-advertiser listings. */
    @FunctionalInterface
    private interface Listing {
        void list(String advertiserId, java.util.function.Consumer<ApiPage> pages);
    }

    /** One run of the job for one connection. */
    private final class Sync {
        private final JobRun run;
        private final WorkspaceId workspace;
        private final UUID connectionId;
        private final TikTokClient tiktok;
        /** TikTok ids the current listing has seen, for marking the rest of its scope removed. */
        private final Seen seen = new Seen();

        Sync(JobRun run, WorkspaceId workspace, UUID connectionId, TikTokClient tiktok) {
            this.run = run;
            this.workspace = workspace;
            this.connectionId = connectionId;
            this.tiktok = tiktok;
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
            List<String> advertiserIds = new ArrayList<>(new LinkedHashSet<>(tiktok.authorizedAdvertiserIds()));
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
            write(EntityKind.ADVERTISER, null, tiktok.advertiserInfo(advertiserIds, EntityFields.ADVERTISER_INFO_FIELDS),
                    stamp);
            writer.markRemoved(workspace, EntityKind.ADVERTISER, EntityWriter.Scope.CONNECTION, connectionId.toString(),
                    seen.take(), stamp);
            state.markListed(workspace, EntityKind.ADVERTISER, advertiserIds, stamp);
        }

        private List<String> syncBusinessCenters(Instant stamp) {
            List<JsonNode> centers = tiktok.businessCenters();
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
                tiktok.businessCenterAdvertisers(bcId).forEach(assets::add);
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
                        tiktok.catalogs(scope, writing(kind, null, stamp));
                        writer.markRemoved(workspace, kind, EntityWriter.Scope.PARENT, scope, seen.take(), stamp);
                        state.markListed(workspace, kind, List.of(scope), stamp);
                    }
                    case IDENTITY -> fullListing(kind, scope, stamp, tiktok::identities);
                    case PIXEL -> fullListing(kind, scope, stamp, tiktok::pixels);
                    case AUDIENCE -> fullListing(kind, scope, stamp, tiktok::customAudiences);
                    case CAMPAIGN -> fullListing(kind, scope, stamp, tiktok::campaigns);
                    case AD_GROUP -> fullListing(kind, scope, stamp, tiktok::adGroups);
                    case AD -> ads(scope, stamp, syncStartedAt);
                    default -> throw new IllegalStateException("not a unit kind: " + kind);
                }
            } catch (PermissionDeniedException e) {
                // The advertiser went away mid-sync or the app lacks this endpoint's scope: keep what we have.
                log.info("Skipping {} of connection {}: {}", unit, connectionId, e.getMessage());
            }
        }

        /**
         * Everything of one kind of an advertiser (campaigns, ad groups and ads with every status, so deleted ones
         * stay visible as deleted): what the listing did not return is marked removed.
         */
        private void fullListing(EntityKind kind, String advertiserId, Instant stamp, Listing listing) {
            listing.list(advertiserId, writing(kind, advertiserId, stamp));
            writer.markRemoved(workspace, kind, EntityWriter.Scope.ADVERTISER, advertiserId, seen.take(), stamp);
            if (kind != EntityKind.AD) {   // ads keep their own mark (incremental listings), saved in ads()
                state.markListed(workspace, kind, List.of(advertiserId), stamp);
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
                fullListing(EntityKind.AD, advertiserId, stamp, (adv, pages) -> tiktok.ads(adv, AdFilter.all(), pages));
            } else {
                var write = writing(EntityKind.AD, advertiserId, stamp);
                tiktok.ads(advertiserId, AdFilter.modifiedAfter(mark.get().listedAt().minus(CLOCK_MARGIN)), write);
                tiktok.ads(advertiserId, AdFilter.ofCampaigns(
                        state.changedSince(workspace, EntityKind.CAMPAIGN, advertiserId, syncStartedAt)), write);
                tiktok.ads(advertiserId, AdFilter.ofAdGroups(
                        state.changedSince(workspace, EntityKind.AD_GROUP, advertiserId, syncStartedAt)), write);
            }
            state.saveListingMark(workspace, advertiserId, EntityKind.AD, new SyncStateRepository.ListingMark(stamp,
                    full ? stamp : mark.get().fullListedAt()));
        }

        /** Writes each page of a listing as it arrives. */
        private java.util.function.Consumer<ApiPage> writing(EntityKind kind, String advertiserId, Instant stamp) {
            return page -> write(kind, advertiserId, page.items(), stamp);
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
            rowsWritten.increment(writer.upsert(workspace, connectionId, stamp, rows, this::skipped));
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

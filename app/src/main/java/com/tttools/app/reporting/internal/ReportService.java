package com.tttools.app.reporting.internal;

import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.EntityLabels;
import com.tttools.app.reporting.Timezones;
import com.tttools.app.reporting.Finality;
import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.ReportResult;
import com.tttools.app.reporting.Reports;
import com.tttools.app.reporting.rates.CurrencyConversion;
import com.tttools.app.reporting.rates.ExchangeRateStore;
import com.tttools.app.reporting.rates.RateTable;
import com.tttools.app.shared.WorkspaceId;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs report queries: one grouped SQL over {@code report_daily_facts} (on indexes that start with the
 * workspace), bases summed per group and currency, ratios computed from the sums. Filters are conditions on the
 * facts (status and name look the entity up in the inventory), so rows, totals and the previous period agree.
 * Entity rows are labelled from the inventory after the page is cut, so labelling costs one lookup per row shown.
 */
@Service
class ReportService implements Reports {

    /** SQL sort expressions over the aggregated columns, per sort key of the API. */
    private static final Map<String, String> SORTS = sorts();

    /**
     * Sums of the stored bases the query's metrics need, named after their columns; the others are 0 (they are
     * neither read nor sent).
     */
    private static String sums(ReportQuery query, Fx fx) {
        java.util.Set<Metric> needed = needed(query);
        return "sum(f.spend) AS spend, " + String.join(", ", Metric.COUNTS.stream()
                .map(m -> (needed.contains(m) ? "sum(f." + m.column() + ")" : "0::bigint") + " AS " + m.column()).toList())
                + fx.summed();
    }

    /** The stored bases of single facts (grouped by date and entity, nothing is summed). */
    private static String factBases(ReportQuery query, Fx fx) {
        java.util.Set<Metric> needed = needed(query);
        return "f.spend, " + String.join(", ", Metric.COUNTS.stream()
                .map(m -> needed.contains(m) ? "f." + m.column() : "0::bigint AS " + m.column()).toList()) + ", f.reach"
                + fx.single();
    }

    /**
     * How one query converts spend into the reporting currency in SQL: each fact's spend times the factor of its
     * currency and day, which Java computed from the rate table ({@link CurrencyConversion}: one definition) and
     * passes as arrays. A group with any fact lacking a factor gets NULL, never a partial sum. Without other
     * currencies in the workspace there is nothing to join: the converted spend is the spend.
     */
    record Fx(CurrencyConversion conversion, boolean join, String[] currencies, Date[] days, BigDecimal[] factors) {

        static final Fx NONE = new Fx(null, false, new String[0], new Date[0], new BigDecimal[0]);

        boolean active() {
            return conversion != null;
        }

        /** {@code table} (the daily facts, or the per-advertiser rollup: both have a day and a currency) as {@code f}. */
        String from(String table) {
            return table + " f" + (join ? " LEFT JOIN unnest(CAST(:fxCurrencies AS text[]), CAST(:fxDays AS date[]),"
                    + " CAST(:fxFactors AS numeric[])) AS fx(currency, day, factor) ON fx.currency = f.currency"
                    + " AND fx.day = f.stat_date" : "");
        }

        String summed() {
            if (!active()) {
                return "";
            }
            return join ? ", CASE WHEN bool_or(f.currency <> :fxTarget AND fx.factor IS NULL) THEN NULL ELSE"
                    + " sum(CASE WHEN f.currency = :fxTarget THEN f.spend ELSE f.spend * fx.factor END) END AS spend_rc"
                    : ", sum(f.spend) AS spend_rc";
        }

        String single() {
            return active() ? ", " + converted() + " AS spend_rc" : "";
        }

        /** One fact's spend in the reporting currency (NULL where its currency lacks a factor that day). */
        String converted() {
            return join ? "CASE WHEN f.currency = :fxTarget THEN f.spend ELSE f.spend * fx.factor END" : "f.spend";
        }

        /** The sort expression of a metric: money metrics sort by their converted value. */
        String sort(Metric metric) {
            return active() && metric.money() ? metric.sqlExpression("spend_rc") : SORTS.get(metric.apiName());
        }

        MapSqlParameterSource addTo(MapSqlParameterSource params) {
            return params.addValue("fxTarget", active() ? conversion.target() : null).addValue("fxCurrencies", currencies)
                    .addValue("fxDays", days).addValue("fxFactors", factors);
        }
    }

    private static java.util.Set<Metric> needed(ReportQuery query) {
        java.util.Set<Metric> needed = java.util.EnumSet.noneOf(Metric.class);
        query.metrics().forEach(m -> needed.addAll(m.counts()));
        return needed;
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new HashMap<>();
        sorts.put("date", "stat_date");
        sorts.put("name", "lower(coalesce(i.name, a.fact_name))");
        // Every metric sorts by its own SQL, ratios included: Metric holds the one definition of each formula.
        Arrays.stream(Metric.values()).forEach(m -> sorts.put(m.apiName(), m.sqlExpression()));
        return Map.copyOf(sorts);
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ReportingProperties properties;
    private final Clock clock;
    private final ExchangeRateStore rates;
    /** Read the rollups where they answer a statement (off: the daily facts alone; tests and the benchmark compare both). */
    volatile boolean rollups = true;

    ReportService(JdbcClient jdbc, DataSource dataSource, ReportingProperties properties, Clock clock,
            ExchangeRateStore rates) {
        this.rates = rates;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ReportResult run(WorkspaceId workspaceId, ReportQuery query) {
        planForThisWorkspace();
        Converting converting = conversion(workspaceId, query, query.previousPeriod().from());
        CurrencyConversion conversion = converting == null ? null : converting.conversion();
        Fx fx = fx(converting, query);
        List<Read> read = jdbc.sql(rowsSql(query, true, fx, query.byEntity() ? perEntity(query, fx) : summed(query, fx, query.byDate())))
                .paramSource(params(workspaceId, query, fx).addValue("limit", query.limit() + 1).addValue("offset", query.offset()))
                .query((rs, i) -> read(rs, query, mask(query), fx)).list();
        boolean hasMore = read.size() > query.limit();
        if (hasMore) {
            read = read.subList(0, query.limit());
        }
        List<ReportResult.Row> rows = read.stream().map(Read::row).toList();
        if (query.byEntity() && !query.byDate() && !rows.isEmpty()) {
            rows = withPreviousPeriod(workspaceId, query, rows);
        }
        Totals current = totals(workspaceId, query, fx);
        List<ReportResult.Total> totals = current.perCurrency();
        Totals before = totals(workspaceId, query.previousPeriod(), fx(converting, query.previousPeriod()));
        List<ReportResult.Total> previous = before.perCurrency();
        List<ReportResult.AdvertiserInfo> advertisers = advertisers(workspaceId, current.advertiserCurrencies());
        List<String> currencies = totals.stream().map(ReportResult.Total::currency).toList();
        List<String> timezones = advertisers.stream().map(ReportResult.AdvertiserInfo::timezone)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
        List<String> warnings = new ArrayList<>();
        if (currencies.size() > 1) {
            warnings.add("The advertisers in this report use different currencies (" + String.join(", ", currencies)
                    + "): totals are given per currency" + (query.reportingCurrency() == null ? "."
                    : " and, converted at daily reference rates, in " + query.reportingCurrency() + "."));
        }
        if (timezones.size() > 1) {
            warnings.add("The advertisers in this report are in different timezones (" + String.join(", ", timezones)
                    + "): each day is the advertiser's own day, so a date does not cover the same hours for all.");
        }
        Map<String, LocalDate> unfinished = unfinishedPulls(workspaceId, query);
        if (!unfinished.isEmpty()) {
            warnings.add("The last sync did not finish for " + unfinished.size() + (unfinished.size() == 1 ? " advertiser (" : " advertisers (")
                    + String.join(", ", unfinished.keySet()) + "): figures from " + java.util.Collections.min(unfinished.values())
                    + " on are incomplete and not final; the next sync fetches them again.");
        }
        LocalDate unfinishedFrom = unfinished.isEmpty() ? null : java.util.Collections.min(unfinished.values());
        ReportResult.Conversion described = null;
        ReportResult.Total convertedTotal = null;
        ReportResult.Total previousConvertedTotal = null;
        List<ReportResult.Row> convertedRows = List.of();
        if (conversion != null) {
            described = conversion.describe(currencies, query.from(), query.to());
            warnings.addAll(described.notices());
            List<Metric> additive = query.metrics().stream().filter(Metric::additive).toList();
            convertedTotal = current.converted() == null ? null
                    : new ReportResult.Total(conversion.target(), combined(additive, current.converted(), conversion));
            previousConvertedTotal = before.converted() == null ? null
                    : new ReportResult.Total(conversion.target(), combined(additive, before.converted(), conversion));
            if (query.byDate() && !query.byEntity()) {
                convertedRows = byDateConverted(read, query, conversion);
            }
        }
        return new ReportResult(rows, totals, previous, dates(query, timezones, unfinishedFrom), advertisers, currencies,
                timezones, warnings, dataAsOf(workspaceId, query), hasMore, convertedTotal, previousConvertedTotal,
                described, convertedRows);
    }

    /** One row as read, with its bases and converted spend (exact; null when a rate is missing), for combining. */
    private record Read(ReportResult.Row row, Metric.Bases bases, BigDecimal spendConverted) {
    }

    /** Bases summed over currencies: counts add up, spend only converted ({@code missing} once any part lacks a rate). */
    private record Combined(long[] counts, BigDecimal spend, boolean missing) {

        static Combined of(Metric.Bases bases, BigDecimal converted) {
            return new Combined(bases.counts().clone(), converted == null ? BigDecimal.ZERO : converted, converted == null);
        }

        Combined plus(Combined other) {
            long[] sum = counts.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.counts[i];
            }
            return new Combined(sum, spend.add(other.spend), missing || other.missing);
        }

        Metric.Bases bases() {
            return new Metric.Bases(spend, counts, null);
        }
    }

    /** Metrics of bases summed over currencies; money ones in the reporting currency (null where a rate is missing). */
    private static Map<String, Object> combined(List<Metric> metrics, Combined combined, CurrencyConversion conversion) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            if (metric.money() && combined.missing()) {
                values.put(metric.apiName(), null);
            } else if (metric == Metric.SPEND) {
                values.put(metric.apiName(), conversion.round(combined.bases().spend()));
            } else {
                values.put(metric.apiName(), metric.value(combined.bases()));
            }
        }
        return values;
    }

    /** The by-date rows summed over currencies per date, in the reporting currency (one chart axis). */
    private static List<ReportResult.Row> byDateConverted(List<Read> read, ReportQuery query,
            CurrencyConversion conversion) {
        Map<LocalDate, Combined> byDate = new java.util.TreeMap<>();
        for (Read r : read) {
            byDate.merge(r.row().date(), Combined.of(r.bases(), r.spendConverted()), Combined::plus);
        }
        List<ReportResult.Row> rows = new ArrayList<>();
        byDate.forEach((date, combined) -> {
            Map<String, Object> metrics = combined(query.metrics(), combined, conversion);
            rows.add(new ReportResult.Row(date, null, null, conversion.target(), metrics, null, metrics));
        });
        return rows;
    }

    /**
     * The conversion into the query's reporting currency over {@code earliest..to} (the previous period included),
     * or null without a reporting currency. Only the workspace's currencies need rates.
     */
    private Converting conversion(WorkspaceId workspaceId, ReportQuery query, LocalDate earliest) {
        if (query.reportingCurrency() == null) {
            return null;
        }
        String target = query.reportingCurrency();
        List<String> foreign = workspaceCurrencies(workspaceId).stream().filter(c -> !c.equals(target)).toList();
        List<String> needed = new ArrayList<>(foreign);
        needed.add(target);
        return new Converting(new CurrencyConversion(foreign.isEmpty() ? RateTable.builder().build()
                : rates.table(workspaceId, needed, earliest, query.to()), target), foreign);
    }

    /** A conversion and the workspace's currencies other than the reporting one (those need factors). */
    private record Converting(CurrencyConversion conversion, List<String> foreign) {
    }

    private List<String> workspaceCurrencies(WorkspaceId workspaceId) {
        return jdbc.sql("SELECT DISTINCT currency FROM report_advertisers WHERE workspace_id = :ws")
                .param("ws", workspaceId.value()).query(String.class).list();
    }

    /** The factors per (currency, day) of the query's range, for the currencies other than the reporting one. */
    private static Fx fx(Converting converting, ReportQuery query) {
        if (converting == null) {
            return Fx.NONE;
        }
        List<String> currencies = new ArrayList<>();
        List<Date> days = new ArrayList<>();
        List<BigDecimal> factors = new ArrayList<>();
        for (String currency : converting.foreign()) {
            for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
                LocalDate d = day;
                converting.conversion().factor(currency, day).ifPresent(f -> {
                    currencies.add(currency);
                    days.add(Date.valueOf(d));
                    factors.add(f.value());
                });
            }
        }
        return new Fx(converting.conversion(), !converting.foreign().isEmpty(), currencies.toArray(String[]::new),
                days.toArray(Date[]::new), factors.toArray(BigDecimal[]::new));
    }

    /**
     * PostgreSQL reads the rows and sends their values with {@code COPY … TO STDOUT (FORMAT binary)} (the columns of
     * {@link ReportCsv}); {@link CsvLinesOfBinaryCopy} writes each row's line to {@code out} as it arrives, so memory
     * stays flat for any number of rows and the database and the formatting run side by side. COPY takes no bind
     * parameters, so the export's SQL has its values written in as literals ({@link SqlLiterals}). It runs on the
     * transaction's connection, so it runs under whatever tenant context the transaction began with, with the
     * report's planner settings (for the usual export: the facts read in key order, no sort, no parallel workers).
     */
    @Override
    @Transactional(readOnly = true)
    public long writeCsv(WorkspaceId workspaceId, ReportQuery query, OutputStream out) throws IOException {
        planForThisWorkspace();
        Fx fx = fx(conversion(workspaceId, query, query.from()), query);
        String rows = keyOrder(query)
                ? "SELECT " + ReportCsv.columns(query, "f.", fx.active() ? "(" + fx.converted() + ")" : null)
                        + " FROM " + fx.from(DAILY) + " WHERE " + where(query, null) + KEY_ORDER
                : "SELECT " + ReportCsv.columns(query, "r.", fx.active() ? "r.spend_rc" : null) + " FROM ("
                        + rowsSql(query, false, fx, daily(query, fx)) + ") r";
        String copy = "COPY (" + SqlLiterals.inline(rows, params(workspaceId, query, fx)) + ") TO STDOUT (FORMAT binary)";
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        buffered.write(ReportCsv.header(query).getBytes(StandardCharsets.UTF_8));
        CsvLinesOfBinaryCopy lines = new CsvLinesOfBinaryCopy(query, buffered);
        long rowsCopied;
        try {
            rowsCopied = DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI().copyOut(copy, lines);
        } catch (SQLException e) {
            String what = "COPY (the report CSV's rows) TO STDOUT";
            DataAccessException translated = new JdbcTemplate(dataSource).getExceptionTranslator().translate("report CSV", what, e);
            throw translated != null ? translated : new UncategorizedSQLException("report CSV", what, e);
        }
        if (!lines.complete() || lines.rows() != rowsCopied) {
            throw new IOException("The report CSV's COPY ended before its trailer");
        }
        buffered.flush();
        return rowsCopied;
    }

    /**
     * Workspaces differ by orders of magnitude (a dozen campaigns or a million ad-days), so a generic plan cached
     * after five runs for a small one would be wrong for a big one: plan every statement of this transaction for
     * its own parameters (measured in docs/benchmarks.md: the big workspace's ad top-100 went from ~400 to ~140 ms).
     * And no parallel workers: a report reads a few thousand rows of one workspace (the rollups' union made the
     * planner choose a parallel append for it), and starting workers cost more than the work (docs/benchmarks.md,
     * "Rollups": 150 ms of a typical workspace's 200 ms on the loaded machine), besides taking cores from the other
     * requests of a web app. And random reads priced as the embedded server prices them (1.1, DatabaseServer): on a
     * server left at the default of 4, a big workspace's rows, a tenth of a rollup, were read by a sequential scan of
     * the whole table instead of its key (docs/benchmarks.md, "Ranking"); a report's rows are few and hot.
     */
    private void planForThisWorkspace() {
        jdbc.sql(PLAN_SETTINGS).update();
    }

    /** A report transaction's planner settings (see {@link #planForThisWorkspace}; the benchmark replays them). */
    static final String PLAN_SETTINGS = "SET LOCAL plan_cache_mode = force_custom_plan;"
            + " SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL random_page_cost = 1.1";

    /**
     * The common export, every fact by date and entity in date order, is the facts as they lie in the primary key
     * (workspace, level, day, advertiser, entity): no aggregate, no sort, no join, so rows stream as the index is read.
     * Its names are the ones TikTok reported with the facts. Any other shape is the report's own SQL.
     */
    private static boolean keyOrder(ReportQuery query) {
        return query.byDate() && query.byEntity() && query.sort().key().equals("date") && !query.sort().descending();
    }

    private static final String KEY_ORDER = " ORDER BY f.stat_date, f.advertiser_id, f.entity_id";

    /**
     * The rows' SQL. Grouped by date and entity, a group is one fact (the key is workspace, level, entity, date),
     * so nothing is aggregated. Paged entity rows are cut first and labelled from the inventory afterwards.
     */
    private static String rowsSql(ReportQuery query, boolean paged, Fx fx, Facts source) {
        String order = order(query, fx);
        if (!query.byEntity()) {
            String columns = (query.byDate() ? "f.stat_date, " : "") + "f.currency";
            // sorted outside: a sort by a money ratio is an expression over spend_rc, an output column's name
            return "SELECT * FROM (SELECT " + columns + ", " + sums(query, fx) + ", NULL::bigint AS reach FROM " + source.from()
                    + " WHERE " + source.where() + " GROUP BY " + columns + ") g ORDER BY " + order
                    + (paged ? " LIMIT :limit OFFSET :offset" : "");
        }
        String facts = query.byDate()
                ? """
                  SELECT f.stat_date, f.entity_id, f.advertiser_id, f.currency, f.campaign_id, f.adgroup_id,
                         f.entity_name AS fact_name,""" + " " + factBases(query, fx) + " FROM " + source.from() + " WHERE " + source.where()
                : """
                  SELECT f.entity_id, f.advertiser_id, f.currency, max(f.campaign_id) AS campaign_id,
                         max(f.adgroup_id) AS adgroup_id, max(f.entity_name) AS fact_name,""" + " " + sums(query, fx) + """
                  , CASE WHEN count(*) = 1 THEN max(f.reach) END AS reach
                  FROM """ + " " + source.from() + " WHERE " + source.where()
                  + " GROUP BY f.entity_id, f.advertiser_id, f.currency";
        if (!query.byDate()) {
            facts = withoutDelivery(facts, query, fx);
        }
        String limit = paged ? " LIMIT :limit OFFSET :offset" : "";
        String label = """
                SELECT a.*, i.inventory_id, coalesce(i.name, a.fact_name) AS entity_name,
                       CASE WHEN i.removed THEN 'REMOVED' ELSE i.status END AS entity_status
                FROM %s a
                LEFT JOIN inventory_entity_labels i ON i.workspace_id = :ws AND i.kind = :kind AND i.tiktok_id = a.entity_id
                ORDER BY %s""";
        if (!paged || query.sort().key().equals("name")) {
            return label.formatted("(" + facts + ")", order) + limit;
        }
        return "WITH page AS MATERIALIZED (SELECT * FROM (" + facts + ") p ORDER BY " + order + limit + ") "
                + label.formatted("page", order);
    }

    /**
     * The grouped facts plus a row of zeros for every entity of the level that had no delivery in the period, as Ads
     * Manager lists them: from inventory's read model, under the same filters (advertiser, campaign, ad group,
     * status, name), deleted ones only when the status filter asks for them, and only for advertisers reporting
     * knows (their currency comes from the last report sync). "No delivery" is checked against the grouped facts
     * themselves (one scan of the facts): an entity passing the entity filters also passes the fact filters.
     */
    private static String withoutDelivery(String grouped, ReportQuery query, Fx fx) {
        ReportQuery.Filters filters = query.filters();
        StringBuilder where = new StringBuilder("e.workspace_id = :ws AND e.kind = :kind");
        if (!filters.advertiserIds().isEmpty()) {
            where.append(" AND e.advertiser_id = ANY(CAST(:advertisers AS text[]))");
        }
        if (!filters.campaignIds().isEmpty()) {
            where.append(" AND e.campaign_id = ANY(CAST(:campaigns AS text[]))");
        }
        if (!filters.adgroupIds().isEmpty()) {
            where.append(" AND e.adgroup_id = ANY(CAST(:adgroups AS text[]))");
        }
        where.append(filters.status() == null ? " AND NOT e.removed"
                : ReportQuery.REMOVED.equals(filters.status()) ? " AND e.removed" : " AND e.status = :status AND NOT e.removed");
        if (filters.objective() != null) {
            where.append(" AND e.campaign_id IN (").append(OBJECTIVE_CAMPAIGNS).append(")");
        }
        if (filters.name() != null) {
            where.append(" AND e.name ILIKE :name");
        }
        String zeros = "0 AS spend, " + String.join(", ", Metric.COUNTS.stream().map(m -> "0 AS " + m.column()).toList())
                + (fx.active() ? ", 0 AS spend_rc" : "");
        return "SELECT * FROM (WITH g AS (" + grouped + ") SELECT * FROM g UNION ALL"
                + " SELECT e.tiktok_id COLLATE \"C\" AS entity_id, e.advertiser_id COLLATE \"C\" AS advertiser_id,"
                + " r.currency COLLATE \"C\" AS currency, e.campaign_id COLLATE \"C\" AS campaign_id,"
                + " e.adgroup_id COLLATE \"C\" AS adgroup_id, e.name AS fact_name, " + zeros + ", NULL::bigint AS reach"
                + " FROM inventory_entity_labels e JOIN report_advertisers r ON r.workspace_id = :ws"
                + " AND r.advertiser_id = e.advertiser_id WHERE " + where
                + " AND NOT EXISTS (SELECT 1 FROM g WHERE g.entity_id = e.tiktok_id)) u";
    }

    private static String order(ReportQuery query, Fx fx) {
        List<String> order = new ArrayList<>();
        ReportQuery.Sort sort = query.sort();
        String key = Metric.of(sort.key()).map(fx::sort).orElse(SORTS.get(sort.key()));
        order.add(key + (sort.descending() ? " DESC" : " ASC") + " NULLS LAST");
        if (query.byDate() && !sort.key().equals("date")) {
            order.add("stat_date");
        }
        if (query.byEntity() && !sort.key().equals("spend")) {
            order.add("spend DESC");
        }
        if (query.byEntity()) {
            order.add("entity_id");
        }
        order.add("currency");
        return String.join(", ", order);
    }

    private static final String DAILY = "report_daily_facts";

    /** The facts one statement reads: relation {@code f} and the condition on it. */
    private record Facts(String from, String where) {
    }

    /** The daily facts alone. */
    private static Facts daily(ReportQuery query, Fx fx) {
        return new Facts(fx.from(DAILY), where(query, null));
    }

    /**
     * The facts of a statement grouped per entity (docs/reporting.md, "Rollups"): the whole months of the range from
     * the monthly rollup, the whole weeks of the months it covers in part from the weekly one, the days left from the
     * daily facts, when the statement is not grouped by date (a bucket has no days), has only additive metrics (reach
     * and frequency are not summed) and converts no currency by each day's rate (a bucket sums several days' spend).
     * Otherwise the daily facts.
     */
    private Facts perEntity(ReportQuery query, Fx fx) {
        if (!rollups || query.byDate() || fx.join() || !additive(query)) {
            return daily(query, fx);
        }
        return FactRollups.Split.of(query.from(), query.to()).map(split -> new Facts(from(split), where(query, split)))
                .orElseGet(() -> daily(query, fx));
    }

    /**
     * The facts of a statement that sums over entities (totals, rows by date or by currency only; {@code byDate}:
     * grouped by date): the per-advertiser rollup of the level's facts when no filter below the advertiser applies
     * (it has the days and currencies, so conversion by day's rate works on it), else as {@link #perEntity}.
     */
    private Facts summed(ReportQuery query, Fx fx, boolean byDate) {
        ReportQuery.Filters filters = query.filters();
        if (rollups && additive(query) && filters.campaignIds().isEmpty() && filters.adgroupIds().isEmpty()
                && filters.status() == null && filters.name() == null && filters.objective() == null) {
            return new Facts(fx.from(FactRollups.Rollup.ADVERTISER_DAYS.table), where(query, null));
        }
        return byDate ? daily(query, fx) : perEntity(query, fx);
    }

    private static boolean additive(ReportQuery query) {
        return query.metrics().stream().allMatch(Metric::additive);
    }

    /**
     * The pieces of a split range as one relation {@code f}: the daily facts' days and the rollups' buckets, in the
     * daily facts' column names and types (reach unknown), so every grouped statement sums them alike.
     */
    private static String from(FactRollups.Split split) {
        String columns = "workspace_id, level, advertiser_id, entity_id, currency, campaign_id, adgroup_id, entity_name, ";
        String daily = "SELECT " + columns + "spend::numeric AS spend, " + String.join(", ", Metric.COUNTS.stream()
                .map(m -> m.column() + "::bigint AS " + m.column()).toList()) + ", NULL::bigint AS reach"
                + " FROM " + DAILY + " WHERE workspace_id = :ws AND level = :level AND stat_date BETWEEN ";
        String rolled = "SELECT " + columns + "spend, " + String.join(", ", Metric.COUNTS.stream().map(Metric::column).toList())
                + ", NULL::bigint AS reach FROM %s WHERE workspace_id = :ws AND level = :level AND bucket_start BETWEEN ";
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < split.pieces().size(); i++) {
            FactRollups.Piece piece = split.pieces().get(i);
            parts.add((piece.rollup() == null ? daily : rolled.formatted(piece.rollup().table))
                    + ":piece" + i + "From AND :piece" + i + "To");
        }
        return "(" + String.join(" UNION ALL ", parts) + ") f";
    }

    /** The bounds of the pieces of the query's split range (days, or first and last bucket starts). */
    private static Map<String, Object> splitParams(ReportQuery query) {
        Map<String, Object> params = new HashMap<>();
        FactRollups.Split.of(query.from(), query.to()).ifPresent(split -> {
            for (int i = 0; i < split.pieces().size(); i++) {
                FactRollups.Piece piece = split.pieces().get(i);
                params.put("piece" + i + "From", Date.valueOf(piece.from()));
                params.put("piece" + i + "To", Date.valueOf(piece.lastBucket()));
            }
        });
        return params;
    }

    /** The campaigns with the objective filter's objective type (from inventory's read model). */
    private static final String OBJECTIVE_CAMPAIGNS = "SELECT o.tiktok_id FROM inventory_entity_labels o"
            + " WHERE o.workspace_id = :ws AND o.kind = 'CAMPAIGN' AND o.objective = :objective";

    /** The facts a query covers: the tenant, level and dates first (the indexes' order), then the filters. */
    private static String where(ReportQuery query, FactRollups.Split split) {
        ReportQuery.Filters filters = query.filters();
        StringBuilder where = new StringBuilder("f.workspace_id = :ws AND f.level = :level"
                + (split == null ? " AND f.stat_date BETWEEN :from AND :to" : ""));
        if (!filters.advertiserIds().isEmpty()) {
            where.append(" AND f.advertiser_id = ANY(CAST(:advertisers AS text[]))");
        }
        if (!filters.campaignIds().isEmpty()) {
            where.append(" AND f.campaign_id = ANY(CAST(:campaigns AS text[]))");
        }
        if (!filters.adgroupIds().isEmpty()) {
            where.append(" AND f.adgroup_id = ANY(CAST(:adgroups AS text[]))");
        }
        if (filters.status() != null) {
            where.append(" AND f.entity_id IN (SELECT s.tiktok_id FROM inventory_entity_labels s WHERE s.workspace_id = :ws"
                    + " AND s.kind = :kind AND ").append(ReportQuery.REMOVED.equals(filters.status())
                    ? "s.removed)" : "s.status = :status AND NOT s.removed)");
        }
        if (filters.objective() != null) {
            where.append(" AND f.campaign_id IN (").append(OBJECTIVE_CAMPAIGNS).append(")");
        }
        if (filters.name() != null) {
            where.append(" AND (f.entity_name ILIKE :name OR f.entity_id IN (SELECT n.tiktok_id FROM inventory_entity_labels n"
                    + " WHERE n.workspace_id = :ws AND n.kind = :kind AND n.name ILIKE :name))");
        }
        return where.toString();
    }

    private static MapSqlParameterSource params(WorkspaceId workspaceId, ReportQuery query) {
        return params(workspaceId, query, Fx.NONE);
    }

    private static MapSqlParameterSource params(WorkspaceId workspaceId, ReportQuery query, Fx fx) {
        ReportQuery.Filters filters = query.filters();
        return fx.addTo(new MapSqlParameterSource())
                .addValue("ws", workspaceId.value()).addValue("level", query.level().name())
                .addValue("kind", inventoryKind(query.level()))
                .addValue("from", Date.valueOf(query.from())).addValue("to", Date.valueOf(query.to()))
                .addValues(splitParams(query))
                .addValue("advertisers", filters.advertiserIds().toArray(String[]::new))
                .addValue("campaigns", filters.campaignIds().toArray(String[]::new))
                .addValue("adgroups", filters.adgroupIds().toArray(String[]::new))
                .addValue("status", filters.status()).addValue("objective", filters.objective())
                .addValue("name", filters.name() == null ? null : "%" + likeEscaped(filters.name()) + "%");
    }

    /** Which entities of inventory's read model (docs/architecture.md, "Read models") label rows of this level. */
    private static String inventoryKind(ReportLevel level) {
        return EntityLabels.kind(switch (level) {
            case ADVERTISER -> EntityKind.ADVERTISER;
            case CAMPAIGN -> EntityKind.CAMPAIGN;
            case ADGROUP -> EntityKind.AD_GROUP;
            case AD -> EntityKind.AD;
        });
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Read read(ResultSet rs, ReportQuery query, boolean[] needed, Fx fx) throws SQLException {
        ReportResult.Entity entity = null;
        if (query.byEntity()) {
            String inventoryId = rs.getString("inventory_id");
            entity = new ReportResult.Entity(rs.getString("entity_id"), inventoryId, rs.getString("entity_name"),
                    rs.getString("entity_status"), rs.getString("campaign_id"), rs.getString("adgroup_id"));
        }
        Metric.Bases bases = bases(rs, needed);
        BigDecimal converted = fx.active() ? rs.getBigDecimal("spend_rc") : null;
        Map<String, Object> convertedMetrics = fx.active() ? converted(query.metrics(), bases, converted, fx.conversion())
                : null;
        return new Read(new ReportResult.Row(query.byDate() ? rs.getObject("stat_date", LocalDate.class) : null, entity,
                query.byEntity() ? rs.getString("advertiser_id") : null, rs.getString("currency"),
                metrics(query.metrics(), bases), null, convertedMetrics), bases, converted);
    }

    /** The money metrics of one row in the reporting currency; null values when its rate is missing. */
    private static Map<String, Object> converted(List<Metric> metrics, Metric.Bases bases, BigDecimal spend,
            CurrencyConversion conversion) {
        Map<String, Object> values = new LinkedHashMap<>();
        Metric.Bases inTarget = spend == null ? null : new Metric.Bases(spend, bases.counts(), bases.reach());
        for (Metric metric : metrics) {
            if (metric.money()) {
                values.put(metric.apiName(), inTarget == null ? null
                        : metric == Metric.SPEND ? conversion.round(spend) : metric.value(inTarget));
            }
        }
        return values;
    }

    /** Adds each entity's metrics in the previous period of equal length, for the deltas per row. */
    private List<ReportResult.Row> withPreviousPeriod(WorkspaceId workspaceId, ReportQuery query,
            List<ReportResult.Row> rows) {
        ReportQuery previous = query.previousPeriod();
        Map<String, Map<String, Object>> byEntity = new HashMap<>();
        Facts source = perEntity(previous, Fx.NONE);
        jdbc.sql("SELECT f.entity_id, f.currency, " + sums(query, Fx.NONE) + ", CASE WHEN count(*) = 1 THEN max(f.reach) END AS reach"
                        + " FROM " + source.from() + " WHERE " + source.where()
                        + " AND f.entity_id = ANY(CAST(:entities AS text[])) GROUP BY f.entity_id, f.currency")
                .paramSource(params(workspaceId, previous).addValue("entities",
                        rows.stream().map(ReportResult.Row::entityId).distinct().toArray(String[]::new)))
                .query((rs, i) -> byEntity.put(rs.getString("entity_id") + "|" + rs.getString("currency"),
                        metrics(query.metrics(), bases(rs, mask(query)))))
                .list();
        return rows.stream().map(r -> new ReportResult.Row(r.date(), r.entity(), r.advertiserId(), r.currency(),
                r.metrics(), byEntity.get(r.entityId() + "|" + r.currency()), r.converted())).toList();
    }

    /** Totals per currency, and which advertisers (with their currency) the facts came from. */
    private record Totals(List<ReportResult.Total> perCurrency, Map<String, String> advertiserCurrencies,
            Combined converted) {
    }

    /**
     * Sums per advertiser and currency in SQL, then per currency here (exact decimals), so the same pass also says
     * which advertisers the report spans.
     */
    private Totals totals(WorkspaceId workspaceId, ReportQuery query, Fx fx) {
        Map<String, Metric.Bases> sums = new java.util.TreeMap<>();
        Map<String, String> advertisers = new java.util.TreeMap<>();
        Combined[] converted = {null};
        Facts source = summed(query, fx, false);
        jdbc.sql("SELECT f.advertiser_id, f.currency, " + sums(query, fx) + ", NULL::bigint AS reach FROM " + source.from()
                        + " WHERE " + source.where() + " GROUP BY f.advertiser_id, f.currency")
                .paramSource(params(workspaceId, query, fx))
                .query((rs, i) -> {
                    advertisers.put(rs.getString("advertiser_id"), rs.getString("currency"));
                    Metric.Bases bases = bases(rs, mask(query));
                    if (fx.active()) {
                        Combined part = Combined.of(bases, rs.getBigDecimal("spend_rc"));
                        converted[0] = converted[0] == null ? part : converted[0].plus(part);
                    }
                    return sums.merge(rs.getString("currency"), bases, Metric.Bases::plus);
                })
                .list();
        List<Metric> additive = query.metrics().stream().filter(Metric::additive).toList();
        List<ReportResult.Total> totals = sums.entrySet().stream()
                .map(e -> new ReportResult.Total(e.getKey(), metrics(additive, e.getValue()))).toList();
        return new Totals(totals, advertisers, converted[0]);
    }

    /** The advertisers with facts in the report, with their timezone as the last sync saw it (null if unknown). */
    private List<ReportResult.AdvertiserInfo> advertisers(WorkspaceId workspaceId, Map<String, String> currencies) {
        if (currencies.isEmpty()) {
            return List.of();
        }
        Map<String, String[]> known = new HashMap<>();
        jdbc.sql("""
                        SELECT advertiser_id, name, timezone FROM report_advertisers
                        WHERE workspace_id = :ws AND advertiser_id = ANY(CAST(:ids AS text[]))""")
                .param("ws", workspaceId.value()).param("ids", currencies.keySet().toArray(String[]::new))
                .query((rs, i) -> known.put(rs.getString("advertiser_id"),
                        new String[] {rs.getString("name"), rs.getString("timezone")}))
                .list();
        return currencies.entrySet().stream().map(e -> {
            String[] info = known.getOrDefault(e.getKey(), new String[2]);
            return new ReportResult.AdvertiserInfo(e.getKey(), info[0], e.getValue(), info[1]);
        }).toList();
    }

    /** When the newest of the report's days was last pulled from TikTok. */
    private Instant dataAsOf(WorkspaceId workspaceId, ReportQuery query) {
        Timestamp latest = jdbc.sql("""
                        SELECT max(last_pulled_at) FROM report_finality
                        WHERE workspace_id = :ws AND stat_date BETWEEN :from AND :to
                          AND (cardinality(CAST(:advertisers AS text[])) = 0 OR advertiser_id = ANY(CAST(:advertisers AS text[])))""")
                .paramSource(params(workspaceId, query)).query(Timestamp.class).optional().orElse(null);
        return latest == null ? null : latest.toInstant();
    }

    @Override
    @Transactional(readOnly = true)
    public List<com.tttools.app.reporting.FinalityDay> finality(WorkspaceId workspaceId, LocalDate from, LocalDate to,
            List<String> advertiserIds, int limit) {
        Map<String, LocalDate> settledThrough = new HashMap<>();
        return jdbc.sql("""
                        SELECT l.advertiser_id, l.stat_date, l.first_pulled_at, l.last_pulled_at, l.pull_count,
                               l.last_rows_changed, l.last_spend_delta, l.last_conversions_delta, a.timezone,
                               a.pull_incomplete_from
                        FROM report_finality l
                        LEFT JOIN report_advertisers a ON a.workspace_id = l.workspace_id AND a.advertiser_id = l.advertiser_id
                        WHERE l.workspace_id = :ws AND l.stat_date BETWEEN :from AND :to
                          AND (cardinality(CAST(:advertisers AS text[])) = 0 OR l.advertiser_id = ANY(CAST(:advertisers AS text[])))
                        ORDER BY l.stat_date DESC, l.advertiser_id LIMIT :limit""")
                .param("ws", workspaceId.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("advertisers", advertiserIds.toArray(String[]::new)).param("limit", limit)
                .query((rs, i) -> {
                    LocalDate day = rs.getDate("stat_date").toLocalDate();
                    BigDecimal delta = rs.getBigDecimal("last_spend_delta").stripTrailingZeros();
                    String zone = rs.getString("timezone");
                    LocalDate settled = settledThrough.computeIfAbsent(zone == null ? "UTC" : zone,
                            z -> settledThrough(List.of(z)));
                    LocalDate unfinishedFrom = rs.getObject("pull_incomplete_from", LocalDate.class);
                    boolean unfinished = unfinishedFrom != null && !day.isBefore(unfinishedFrom);
                    return new com.tttools.app.reporting.FinalityDay(rs.getString("advertiser_id"), day,
                            Finality.of(!(day.isAfter(settled) || unfinished)),
                            rs.getTimestamp("first_pulled_at").toInstant(), rs.getTimestamp("last_pulled_at").toInstant(),
                            rs.getInt("pull_count"), rs.getInt("last_rows_changed"),
                            delta.scale() < 0 ? delta.setScale(0) : delta, rs.getLong("last_conversions_delta"));
                })
                .list();
    }

    /**
     * The last day TikTok no longer revises for every one of these timezones: the day before the restatement window,
     * counted from "today" in each advertiser's own timezone (dates are advertiser-local); UTC when none is known.
     */
    private LocalDate settledThrough(List<String> timezones) {
        LocalDate earliestToday = null;
        for (String timezone : timezones.isEmpty() ? List.of("UTC") : timezones) {
            LocalDate today = LocalDate.now(clock.withZone(Timezones.zoneOrUtc(timezone)));
            earliestToday = earliestToday == null || today.isBefore(earliestToday) ? today : earliestToday;
        }
        return earliestToday.minusDays(properties.restatementDays() + 1L);
    }


    /**
     * Dates inside the restatement window are provisional: TikTok may still revise them. With advertisers in several
     * timezones a date is settled once it is settled for all of them.
     */
    private List<ReportResult.DateStatus> dates(ReportQuery query, List<String> timezones, LocalDate unfinishedFrom) {
        LocalDate settledThrough = settledThrough(timezones);
        if (unfinishedFrom != null && !unfinishedFrom.isAfter(settledThrough)) {
            settledThrough = unfinishedFrom.minusDays(1);
        }
        List<ReportResult.DateStatus> dates = new ArrayList<>();
        for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
            dates.add(new ReportResult.DateStatus(d, Finality.of(!d.isAfter(settledThrough))));
        }
        return dates;
    }

    /**
     * Advertisers of the workspace (those the report filters on, if it does) whose last pull stopped before it got to
     * the report's end: name (else id) to the first day it did not finish. Their facts in the report may be missing
     * altogether, so they are looked up in {@code report_advertisers}, not among the advertisers with facts.
     */
    private Map<String, LocalDate> unfinishedPulls(WorkspaceId workspaceId, ReportQuery query) {
        Map<String, LocalDate> unfinished = new java.util.TreeMap<>();
        jdbc.sql("""
                        SELECT advertiser_id, name, pull_incomplete_from FROM report_advertisers
                        WHERE workspace_id = :ws AND pull_incomplete_from <= :to
                          AND (cardinality(CAST(:advertisers AS text[])) = 0 OR advertiser_id = ANY(CAST(:advertisers AS text[])))""")
                .paramSource(params(workspaceId, query))
                .query((rs, i) -> unfinished.put(rs.getString("name") == null ? rs.getString("advertiser_id") : rs.getString("name"),
                        rs.getObject("pull_incomplete_from", LocalDate.class)))
                .list();
        return unfinished;
    }

    /** Per counted metric (in {@link Metric#COUNTS} order): whether the query's metrics need it. */
    private static boolean[] mask(ReportQuery query) {
        java.util.Set<Metric> needed = needed(query);
        boolean[] mask = new boolean[Metric.COUNTS.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = needed.contains(Metric.COUNTS.get(i));
        }
        return mask;
    }

    /** The bases of a row; counts the query does not need are neither selected nor read (they stay 0). */
    private static Metric.Bases bases(ResultSet rs, boolean[] needed) throws SQLException {
        long reach = rs.getLong("reach");
        Long reachOrNull = rs.wasNull() ? null : reach;
        BigDecimal spend = rs.getBigDecimal("spend");
        BigDecimal exact = spend == null ? BigDecimal.ZERO : spend.stripTrailingZeros();
        long[] counts = new long[Metric.COUNTS.size()];
        for (int i = 0; i < counts.length; i++) {
            if (needed[i]) {
                counts[i] = rs.getLong(Metric.COUNTS.get(i).column());
            }
        }
        return new Metric.Bases(exact.scale() < 0 ? exact.setScale(0) : exact, counts, reachOrNull);
    }

    private static Map<String, Object> metrics(List<Metric> metrics, Metric.Bases bases) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            values.put(metric.apiName(), metric.value(bases));
        }
        return values;
    }
}

package com.tttools.simulator.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import com.tttools.simulator.Scale;

/**
 * The generated world, immutable. Only the tree shape is stored (compact int arrays); names, dates,
 * budgets and statuses are pure functions of (seed, kind, index) computed when asked, so even the
 * large scale (500,000+ ads) needs a few megabytes.
 */
public final class Dataset {

    public static final int HISTORY_DAYS = 730;
    private static final String[] OBJECTIVES = {"TRAFFIC", "CONVERSIONS", "APP_PROMOTION", "REACH", "VIDEO_VIEWS", "LEAD_GENERATION", "ENGAGEMENT", "PRODUCT_SALES"};
    private static final String[] THEMES = {"Spring Sale", "Summer Launch", "Brand Awareness", "Retargeting", "Black Friday", "Holiday Push",
            "App Installs", "Lead Gen", "Back to School", "New Collection", "Always On", "Creator Boost", "Clearance", "Loyalty"};
    private static final String[] BRANDS = {"Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay",
            "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Gringotts", "Oscorp", "Pied Piper"};
    private static final String[] CTAS = {"LEARN_MORE", "SHOP_NOW", "DOWNLOAD", "SIGN_UP", "CONTACT_US", "ORDER_NOW", "WATCH_NOW"};

    public final long seed;
    public final Scale scale;
    public final long seedPart;
    public final LocalDate anchorDay;
    /** Start of the anchor day (UTC), epoch seconds; all generated history lies before it. */
    public final long anchorSec;

    public final int[] bcAdvStart;
    public final int[] advBc;
    public final int[] advCampStart;
    public final int[] campAdv;
    public final int[] campAgStart;
    public final int[] agCamp;
    public final int[] agAdStart;
    public final int[] adAg;
    public final int[] advPixelStart;
    public final int[] advAudienceStart;
    public final int[] advIdentityStart;
    public final int[] bcCatalogStart;
    private final ZoneId[] zones;

    public Dataset(long seed, Scale scale, LocalDate anchorDay) {
        this.seed = seed;
        this.scale = scale;
        this.seedPart = Math.floorMod(Hash.mix(seed), 90_000L);
        this.anchorDay = anchorDay;
        this.anchorSec = anchorDay.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        int nAdv = scale.advertisers;
        int nBc = scale.businessCenters;
        bcAdvStart = new int[nBc + 1];
        advBc = new int[nAdv];
        for (int a = 0; a < nAdv; a++) {
            advBc[a] = (int) ((long) a * nBc / nAdv);
        }
        for (int b = 0; b <= nBc; b++) {
            int first = 0;
            while (first < nAdv && advBc[first] < b) {
                first++;
            }
            bcAdvStart[b] = first;
        }
        IntList camps = new IntList(1024);
        IntList ags = new IntList(4096);
        IntList ads = new IntList(16384);
        advCampStart = new int[nAdv + 1];
        IntList campAgStartL = new IntList(1024);
        IntList agAdStartL = new IntList(4096);
        for (int a = 0; a < nAdv; a++) {
            advCampStart[a] = camps.size();
            boolean huge = scale == Scale.LARGE && a == 0;
            int nCamp = huge ? 2500 : Hash.between(seed, 11, a, 1, scale.minCampaigns, scale.maxCampaigns);
            for (int c = 0; c < nCamp; c++) {
                int campaign = camps.size();
                camps.add(a);
                campAgStartL.add(ags.size());
                int nAg = huge ? Hash.between(seed, 12, campaign, 1, 1, 2) : Hash.between(seed, 12, campaign, 1, scale.minAdgroups, scale.maxAdgroups);
                for (int g = 0; g < nAg; g++) {
                    int adgroup = ags.size();
                    ags.add(campaign);
                    agAdStartL.add(ads.size());
                    int nAd = huge ? Hash.between(seed, 13, adgroup, 1, 1, 3) : Hash.between(seed, 13, adgroup, 1, scale.minAds, scale.maxAds);
                    for (int d = 0; d < nAd; d++) {
                        ads.add(adgroup);
                    }
                }
            }
        }
        advCampStart[nAdv] = camps.size();
        campAgStartL.add(ags.size());
        agAdStartL.add(ads.size());
        campAdv = camps.toArray();
        agCamp = ags.toArray();
        adAg = ads.toArray();
        campAgStart = campAgStartL.toArray();
        agAdStart = agAdStartL.toArray();
        advPixelStart = prefix(nAdv, 21, 1, 3);
        advAudienceStart = prefix(nAdv, 22, 2, 8);
        advIdentityStart = prefix(nAdv, 23, 1, 4);
        bcCatalogStart = prefix(nBc, 24, 1, 3);
        zones = new ZoneId[Market.ALL.size()];
        for (int i = 0; i < zones.length; i++) {
            zones[i] = Market.ALL.get(i).zone();
        }
    }

    private int[] prefix(int n, int salt, int min, int max) {
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + Hash.between(seed, salt, i, 0, min, max);
        }
        return start;
    }

    // ---- counts and ids -------------------------------------------------------------------------

    public int advertisers() {
        return advBc.length;
    }

    public int businessCenters() {
        return bcAdvStart.length - 1;
    }

    public int campaigns() {
        return campAdv.length;
    }

    public int adgroups() {
        return agCamp.length;
    }

    public int ads() {
        return adAg.length;
    }

    public String id(Level level, int index) {
        return Long.toString(level.id(seedPart, index));
    }

    /** Index of an id of the given kind, or -1 when the id is not one of ours. */
    public int index(Level level, String id) {
        int idx = level.index(seedPart, id);
        return idx >= 0 && idx < count(level) ? idx : -1;
    }

    public int count(Level level) {
        return switch (level) {
            case BC -> businessCenters();
            case ADVERTISER -> advertisers();
            case CAMPAIGN -> campaigns();
            case ADGROUP -> adgroups();
            case AD -> ads();
            case PIXEL -> advPixelStart[advertisers()];
            case AUDIENCE -> advAudienceStart[advertisers()];
            case IDENTITY -> advIdentityStart[advertisers()];
            case CATALOG -> bcCatalogStart[businessCenters()];
            case USER -> 2;
            case PIXEL_EVENT -> advPixelStart[advertisers()] * 4;
        };
    }

    public int advertiserOf(Level level, int index) {
        return switch (level) {
            case ADVERTISER -> index;
            case CAMPAIGN -> campAdv[index];
            case ADGROUP -> campAdv[agCamp[index]];
            case AD -> campAdv[agCamp[adAg[index]]];
            case PIXEL -> owner(advPixelStart, index);
            case AUDIENCE -> owner(advAudienceStart, index);
            case IDENTITY -> owner(advIdentityStart, index);
            default -> throw new IllegalArgumentException(level.name());
        };
    }

    public static int owner(int[] start, int index) {
        int pos = Arrays.binarySearch(start, index);
        if (pos >= 0) {
            while (pos + 1 < start.length && start[pos + 1] == index) {
                pos++;
            }
            return pos;
        }
        return -pos - 2;
    }

    // ---- advertisers and business centers --------------------------------------------------------

    public Market market(int adv) {
        if (adv < 4) {
            return Market.ALL.get(adv);
        }
        return Market.ALL.get(Hash.between(seed, 30, adv, 0, 0, Market.ALL.size() - 1));
    }

    public ZoneId zone(int adv) {
        return zones[Market.ALL.indexOf(market(adv))];
    }

    public String brand(int bc) {
        return BRANDS[(int) Math.floorMod(bc + seedPart, (long) BRANDS.length)] + (bc >= BRANDS.length ? " " + (bc / BRANDS.length + 1) : "");
    }

    public String bcName(int bc) {
        return brand(bc) + " Business Center";
    }

    public String advertiserName(int adv) {
        return brand(advBc[adv]) + " " + market(adv).country() + " " + (adv - bcAdvStart[advBc[adv]] + 1);
    }

    /** Advertiser account creation, a few months before its first campaign. */
    public long advertiserCreated(int adv) {
        return anchorSec - (HISTORY_DAYS + 30 + Hash.between(seed, 31, adv, 0, 0, 200)) * 86_400L;
    }

    /** Simulated TikTok for Business users: user 0 sees every advertiser, user 1 only those of the first business center. */
    public boolean userSees(int user, int adv) {
        return user == 0 || advBc[adv] == 0;
    }

    public String userName(int user) {
        return user == 0 ? "Avery Quinn" : "Sam Rivera";
    }

    public String userEmail(int user) {
        return user == 0 ? "avery.quinn@example.com" : "sam.rivera@example.com";
    }

    // ---- campaigns, ad groups, ads ---------------------------------------------------------------

    public String objective(int campaign) {
        return OBJECTIVES[Hash.between(seed, 40, campaign, 0, 0, OBJECTIVES.length - 1)];
    }

    public String buyingType(int campaign) {
        double u = Hash.u(seed, 41, campaign, 0);
        return u < 0.03 ? "RESERVATION_RF" : u < 0.05 ? "RESERVATION_TOP_VIEW" : "AUCTION";
    }

    public String campaignName(int campaign) {
        return THEMES[Hash.between(seed, 42, campaign, 0, 0, THEMES.length - 1)] + " " + objective(campaign).toLowerCase().replace('_', ' ')
                + " #" + (campaign - advCampStart[campAdv[campaign]] + 1);
    }

    public String adgroupName(int adgroup) {
        return "Ad group " + (adgroup - campAgStart[agCamp[adgroup]] + 1) + " - " + market(advertiserOf(Level.ADGROUP, adgroup)).country()
                + " " + List.of("18-24", "25-34", "35-44", "broad").get(Hash.between(seed, 43, adgroup, 0, 0, 3));
    }

    public String adName(int ad) {
        return "Creative " + (ad - agAdStart[adAg[ad]] + 1) + " v" + Hash.between(seed, 44, ad, 0, 1, 9);
    }

    public String adText(int ad) {
        return THEMES[Hash.between(seed, 45, ad, 0, 0, THEMES.length - 1)] + " - tap to see more";
    }

    public String callToAction(int ad) {
        return CTAS[Hash.between(seed, 46, ad, 0, 0, CTAS.length - 1)];
    }

    /** Daily budget in major units; campaigns without a budget (BUDGET_MODE_INFINITE) return 0. */
    public double generatedBudget(Level level, int index) {
        int adv = advertiserOf(level, index);
        double unit = market(adv).budgetUnit();
        if (level == Level.CAMPAIGN) {
            return budgetMode(level, index).equals("BUDGET_MODE_INFINITE") ? 0 : unit * 50 * Hash.between(seed, 47, index, 0, 1, 40);
        }
        return unit * 20 * Hash.between(seed, 48, index, 0, 1, 25);
    }

    public String budgetMode(Level level, int index) {
        double u = Hash.u(seed, 49, index, level.ordinal());
        if (level == Level.CAMPAIGN) {
            return u < 0.5 ? "BUDGET_MODE_INFINITE" : u < 0.85 ? "BUDGET_MODE_DAY" : "BUDGET_MODE_TOTAL";
        }
        return u < 0.8 ? "BUDGET_MODE_DAY" : "BUDGET_MODE_TOTAL";
    }

    /** Creation time in epoch seconds: campaigns spread over two years, children a few hours after their parent. */
    public long created(Level level, int index) {
        return switch (level) {
            case CAMPAIGN -> anchorSec - HISTORY_DAYS * 86_400L + (long) (Hash.u(seed, 50, index, 0) * (HISTORY_DAYS * 86_400L - 86_400L));
            case ADGROUP -> Math.min(created(Level.CAMPAIGN, agCamp[index]) + Hash.between(seed, 51, index, 0, 60, 6 * 3600), anchorSec - 3600);
            case AD -> Math.min(created(Level.ADGROUP, adAg[index]) + Hash.between(seed, 52, index, 0, 60, 6 * 3600), anchorSec - 1800);
            default -> throw new IllegalArgumentException(level.name());
        };
    }

    /** End of the campaign's flight (epoch seconds) or -1 when it runs open-ended. */
    public long flightEnd(int campaign) {
        if (Hash.u(seed, 53, campaign, 0) < 0.55) {
            return -1;
        }
        return created(Level.CAMPAIGN, campaign) + Hash.between(seed, 54, campaign, 0, 7, 180) * 86_400L;
    }

    /** Generated pause (epoch seconds) or -1: a share of entities were switched off at some point of their life. */
    public long pausedAt(Level level, int index) {
        double share = level == Level.CAMPAIGN ? 0.2 : level == Level.ADGROUP ? 0.1 : 0.12;
        if (Hash.u(seed, 55, index, level.ordinal()) >= share) {
            return -1;
        }
        long from = created(level, index);
        return from + (long) (Hash.u(seed, 56, index, level.ordinal()) * Math.max(3600, anchorSec - from - 60));
    }

    /** Generated deletion (epoch seconds) or -1; deletions follow a pause or the end of the flight. */
    public long deletedAt(Level level, int index) {
        double share = level == Level.CAMPAIGN ? 0.08 : level == Level.ADGROUP ? 0.05 : 0.08;
        if (Hash.u(seed, 57, index, level.ordinal()) >= share) {
            return -1;
        }
        long paused = pausedAt(level, index);
        long from = paused >= 0 ? paused : created(level, index);
        return Math.min(anchorSec - 30, from + 3600 + (long) (Hash.u(seed, 58, index, level.ordinal()) * Math.max(0, anchorSec - from - 3600)));
    }
}

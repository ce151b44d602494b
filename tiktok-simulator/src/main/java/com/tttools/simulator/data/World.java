package com.tttools.simulator.data;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.tttools.simulator.Behaviour;
import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.core.SimClock;

/**
 * The generated dataset plus everything written to it since the last reset. Generated state is a pure
 * function of the seed; writes are kept as small per-entity overrides with the time they took effect,
 * so reads and reports at any later time see them.
 */
public final class World {

    public static final String ENABLE = "ENABLE";
    public static final String DISABLE = "DISABLE";
    public static final String DELETE = "DELETE";

    public final Dataset data;
    private final SimClock clock;
    private volatile Behaviour behaviour;
    private final Map<Long, EntityOverride> overrides = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong writeCount = new java.util.concurrent.atomic.AtomicLong();

    public World(Dataset data, SimClock clock, Behaviour behaviour) {
        this.data = data;
        this.clock = clock;
        this.behaviour = behaviour;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public void behaviour(Behaviour newBehaviour) {
        this.behaviour = newBehaviour;
        version.incrementAndGet();
    }

    public SimClock clock() {
        return clock;
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    private static long key(Level level, int index) {
        return ((long) level.ordinal() << 40) | index;
    }

    private EntityOverride override(Level level, int index) {
        return overrides.get(key(level, index));
    }

    /** Incremented by every write and behaviour change, so cached report rows can tell they are stale. */
    public long version() {
        return version.get();
    }

    // ---- reads -------------------------------------------------------------------------------------

    public boolean exists(Level level, int index, long t) {
        return data.created(level, index) <= t;
    }

    /** The entity's own operation_status at time t. */
    public String ownStatus(Level level, int index, long t) {
        String status = ENABLE;
        long paused = data.pausedAt(level, index);
        if (paused >= 0 && t >= paused) {
            status = DISABLE;
        }
        long deleted = data.deletedAt(level, index);
        if (deleted >= 0 && t >= deleted) {
            status = DELETE;
        }
        EntityOverride o = override(level, index);
        if (o != null) {
            for (EntityOverride.Change c : o.statuses) {
                if (c.at() <= t) {
                    status = c.value();
                }
            }
        }
        return status;
    }

    /** Deleted itself or through a deleted parent (TikTok hides both from STATUS_NOT_DELETE listings). */
    public boolean deleted(Level level, int index, long t) {
        if (DELETE.equals(ownStatus(level, index, t))) {
            return true;
        }
        return switch (level) {
            case ADGROUP -> deleted(Level.CAMPAIGN, data.agCamp[index], t);
            case AD -> deleted(Level.ADGROUP, data.adAg[index], t);
            default -> false;
        };
    }

    /** Derived as in reference 4.7: own delete, then a parent's state, then own disable, then schedule, else delivering. */
    public String secondaryStatus(Level level, int index, long t) {
        String own = ownStatus(level, index, t);
        switch (level) {
            case CAMPAIGN -> {
                return own.equals(DELETE) ? "CAMPAIGN_STATUS_DELETE" : own.equals(DISABLE) ? "CAMPAIGN_STATUS_DISABLE" : "CAMPAIGN_STATUS_ENABLE";
            }
            case ADGROUP -> {
                int c = data.agCamp[index];
                String campaign = ownStatus(Level.CAMPAIGN, c, t);
                if (own.equals(DELETE)) {
                    return "ADGROUP_STATUS_DELETE";
                }
                if (campaign.equals(DELETE)) {
                    return "ADGROUP_STATUS_CAMPAIGN_DELETE";
                }
                if (campaign.equals(DISABLE)) {
                    return "ADGROUP_STATUS_CAMPAIGN_DISABLE";
                }
                if (own.equals(DISABLE)) {
                    return "ADGROUP_STATUS_DISABLE";
                }
                long end = data.flightEnd(c);
                return end >= 0 && t >= end ? "ADGROUP_STATUS_TIME_DONE" : "ADGROUP_STATUS_DELIVERY_OK";
            }
            case AD -> {
                int g = data.adAg[index];
                int c = data.agCamp[g];
                String adgroup = ownStatus(Level.ADGROUP, g, t);
                String campaign = ownStatus(Level.CAMPAIGN, c, t);
                if (own.equals(DELETE)) {
                    return "AD_STATUS_DELETE";
                }
                if (campaign.equals(DELETE)) {
                    return "AD_STATUS_CAMPAIGN_DELETE";
                }
                if (adgroup.equals(DELETE)) {
                    return "AD_STATUS_ADGROUP_DELETE";
                }
                if (campaign.equals(DISABLE)) {
                    return "AD_STATUS_CAMPAIGN_DISABLE";
                }
                if (adgroup.equals(DISABLE)) {
                    return "AD_STATUS_ADGROUP_DISABLE";
                }
                if (own.equals(DISABLE)) {
                    return "AD_STATUS_DISABLE";
                }
                long end = data.flightEnd(c);
                return end >= 0 && t >= end ? "AD_STATUS_TIME_DONE" : "AD_STATUS_DELIVERY_OK";
            }
            default -> throw new IllegalArgumentException(level.name());
        }
    }

    public long modifyTime(Level level, int index, long now) {
        long m = data.created(level, index);
        long paused = data.pausedAt(level, index);
        if (paused >= 0 && paused <= now) {
            m = Math.max(m, paused);
        }
        long deleted = data.deletedAt(level, index);
        if (deleted >= 0 && deleted <= now) {
            m = Math.max(m, deleted);
        }
        EntityOverride o = override(level, index);
        if (o != null && o.modifyTime <= now) {
            m = Math.max(m, o.modifyTime);
        }
        return m;
    }

    public double budget(Level level, int index, long t) {
        double budget = data.generatedBudget(level, index);
        EntityOverride o = override(level, index);
        if (o != null) {
            for (EntityOverride.Change c : o.budgets) {
                if (c.at() <= t) {
                    budget = Double.parseDouble(c.value());
                }
            }
        }
        return budget;
    }

    public String name(Level level, int index) {
        EntityOverride o = override(level, index);
        if (o != null && o.name != null) {
            return o.name;
        }
        return switch (level) {
            case CAMPAIGN -> data.campaignName(index);
            case ADGROUP -> data.adgroupName(index);
            case AD -> data.adName(index);
            case ADVERTISER -> data.advertiserName(index);
            default -> throw new IllegalArgumentException(level.name());
        };
    }

    /** Spend scales with budget changes written since generation (applied from the day the change was made). */
    public double volumeFactor(Level level, int index, long t) {
        EntityOverride o = override(level, index);
        if (o == null || o.budgets.isEmpty()) {
            return 1.0;
        }
        double generated = data.generatedBudget(level, index);
        double now = budget(level, index, t);
        return generated <= 0 ? 1.0 : Math.max(0.0, now / generated);
    }

    public boolean hasBudgetChanges(Level level, int index) {
        EntityOverride o = override(level, index);
        return o != null && !o.budgets.isEmpty();
    }

    /** When the entity is delivering: created, inside the campaign flight and ENABLE (parents are combined by the caller). */
    public Timeline timeline(Level level, int index) {
        long created = data.created(level, index);
        long end = level == Level.CAMPAIGN ? data.flightEnd(index) : -1;
        EntityOverride o = override(level, index);
        int extra = o == null ? 0 : o.statuses.size();
        long[] candidates = new long[4 + extra];
        candidates[0] = created;
        candidates[1] = end;
        candidates[2] = data.pausedAt(level, index);
        candidates[3] = data.deletedAt(level, index);
        for (int i = 0; i < extra; i++) {
            candidates[4 + i] = o.statuses.get(i).at();
        }
        return Timeline.build(t -> t >= created && (end < 0 || t < end) && ENABLE.equals(ownStatus(level, index, t)), candidates);
    }

    // ---- writes ------------------------------------------------------------------------------------

    /** Everything written to one world up to a moment; {@link #restoreWrites} puts exactly that back. */
    public static final class Writes {
        private final World origin;
        private final long count;
        private final Map<Long, EntityOverride> overrides;

        private Writes(World origin, long count, Map<Long, EntityOverride> overrides) {
            this.origin = origin;
            this.count = count;
            this.overrides = overrides;
        }
    }

    public Writes writes() {
        synchronized (overrides) {
            return new Writes(this, writeCount.get(), copy(overrides));
        }
    }

    /** Undoes the writes made since {@code writes} was taken (of this world or of one with the same seed and scale). */
    public void restoreWrites(Writes writes) {
        synchronized (overrides) {
            if (writes.origin == this && writes.count == writeCount.get()) {
                return;
            }
            overrides.clear();
            overrides.putAll(copy(writes.overrides));
            writeCount.incrementAndGet();
            version.incrementAndGet();
        }
    }

    private static Map<Long, EntityOverride> copy(Map<Long, EntityOverride> from) {
        Map<Long, EntityOverride> out = new java.util.HashMap<>();
        from.forEach((k, v) -> out.put(k, v.copy()));
        return out;
    }

    private EntityOverride written(Level level, int index) {
        writeCount.incrementAndGet();
        return overrides.computeIfAbsent(key(level, index), k -> new EntityOverride());
    }

    public void setStatus(Level level, int index, String status) {
        long now = now();
        String current = ownStatus(level, index, now);
        if (DELETE.equals(current)) {
            throw ApiException.invalid("The " + level.name().toLowerCase() + " has been deleted.");
        }
        EntityOverride o = written(level, index);
        o.statuses.add(new EntityOverride.Change(now, status));
        o.modifyTime = now;
        version.incrementAndGet();
    }

    public void setBudget(Level level, int index, double budget) {
        setBudgetAt(level, index, budget, now());
    }

    /** A budget change effective at {@code at} (now, or a scheduled next-day change). */
    public void setBudgetAt(Level level, int index, double budget, long at) {
        EntityOverride o = written(level, index);
        o.budgets.add(new EntityOverride.Change(at, Double.toString(budget)));
        o.budgets.sort(java.util.Comparator.comparingLong(EntityOverride.Change::at));
        o.modifyTime = now();
        version.incrementAndGet();
    }

    public void setName(Level level, int index, String name) {
        EntityOverride o = written(level, index);
        o.name = name;
        o.modifyTime = now();
        version.incrementAndGet();
    }

    public void touch(Level level, int index) {
        written(level, index).modifyTime = now();
    }

    /** Per-entity writes; changes are appended in time order because the clock only moves forward between writes. */
    static final class EntityOverride {
        record Change(long at, String value) {
        }

        final List<Change> statuses = new CopyOnWriteArrayList<>();
        final List<Change> budgets = new CopyOnWriteArrayList<>();
        volatile String name;
        volatile long modifyTime;

        EntityOverride copy() {
            EntityOverride o = new EntityOverride();
            o.statuses.addAll(statuses);
            o.budgets.addAll(budgets);
            o.name = name;
            o.modifyTime = modifyTime;
            return o;
        }
    }
}

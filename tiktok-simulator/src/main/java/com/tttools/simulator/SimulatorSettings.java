package com.tttools.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up settings of one simulator instance.
 *
 * @param seed      seed of the generated world (same seed and scale give the same ids, names and metrics)
 * @param scale     size of the world
 * @param now       pins the simulator clock at this instant; {@code null} runs on system time
 * @param apps      registered developer apps (the development app is added unless {@code devApp} is false)
 * @param devApp    register app {@value SimApp#DEV_APP_ID} / {@value SimApp#DEV_SECRET}
 * @param behaviour knobs for unsure points and data dynamics
 */
public record SimulatorSettings(long seed, Scale scale, Instant now, List<SimApp> apps, boolean devApp, Behaviour behaviour) {

    public SimulatorSettings {
        apps = List.copyOf(apps);
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(42, Scale.SMALL, null, List.of(), true, Behaviour.defaults());
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(newSeed, scale, now, apps, devApp, behaviour);
    }

    public SimulatorSettings withScale(Scale newScale) {
        return new SimulatorSettings(seed, newScale, now, apps, devApp, behaviour);
    }

    public SimulatorSettings withNow(Instant pinnedNow) {
        return new SimulatorSettings(seed, scale, pinnedNow, apps, devApp, behaviour);
    }

    public SimulatorSettings withApp(SimApp app) {
        List<SimApp> more = new ArrayList<>(apps);
        more.add(app);
        return new SimulatorSettings(seed, scale, now, more, devApp, behaviour);
    }

    public SimulatorSettings withoutDevApp() {
        return new SimulatorSettings(seed, scale, now, apps, false, behaviour);
    }

    public SimulatorSettings withBehaviour(Behaviour newBehaviour) {
        return new SimulatorSettings(seed, scale, now, apps, devApp, newBehaviour);
    }

    /** All apps the simulator knows, the development app first when enabled. */
    public List<SimApp> allApps() {
        List<SimApp> all = new ArrayList<>();
        if (devApp) {
            all.add(SimApp.development());
        }
        all.addAll(apps);
        return all;
    }
}

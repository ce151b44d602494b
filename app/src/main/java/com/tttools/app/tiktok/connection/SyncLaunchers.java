package com.tttools.app.tiktok.connection;

import com.tttools.app.tiktok.SyncLauncher;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link SyncLauncher} of each sync kind, found among the beans of the modules that sync. */
@Component
class SyncLaunchers {

    private final ObjectProvider<SyncLauncher> launchers;

    SyncLaunchers(ObjectProvider<SyncLauncher> launchers) {
        this.launchers = launchers;
    }

    /** Fails when no module or two modules sync that kind. */
    SyncLauncher of(SyncLauncher.Kind kind) {
        SyncLauncher launcher = byKind().get(kind);
        if (launcher == null) {
            throw new IllegalStateException("No module syncs " + kind);
        }
        return launcher;
    }

    /** Every kind's launcher (none in a test that starts only this module). */
    Iterable<SyncLauncher> all() {
        return byKind().values();
    }

    private Map<SyncLauncher.Kind, SyncLauncher> byKind() {
        Map<SyncLauncher.Kind, SyncLauncher> byKind = new EnumMap<>(SyncLauncher.Kind.class);
        launchers.orderedStream().forEach(launcher -> {
            if (byKind.putIfAbsent(launcher.kind(), launcher) != null) {
                throw new IllegalStateException("Two modules sync " + launcher.kind());
            }
        });
        return byKind;
    }
}

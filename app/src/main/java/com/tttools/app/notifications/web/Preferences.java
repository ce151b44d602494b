package com.tttools.app.notifications.web;

import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.outbox.Digest;
import com.tttools.app.notifications.outbox.EventTypes;
import com.tttools.app.notifications.outbox.NotificationRepository;
import com.tttools.app.notifications.outbox.NotificationRepository.Preference;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Per user and event type: which channels, and one by one or as an hourly/daily digest. */
@Component
class Preferences {

    record Item(String eventType, String label, List<String> channels, String digest) {
    }

    record Items(List<Item> items) {
    }

    /** As sent: strings, so that a wrong value is a 422 naming the field, not an unreadable body. */
    record Change(String eventType, List<String> channels, String digest) {
    }

    private final NotificationRepository notifications;

    Preferences(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** Every known event type (defaults where nothing was saved) plus saved ones for other types. */
    Items of(UserId user) {
        Map<String, Preference> saved = new LinkedHashMap<>();
        notifications.preferences(user).forEach(p -> saved.put(p.eventType(), p));
        List<Item> items = new ArrayList<>();
        for (String type : EventTypes.ORDER) {
            items.add(item(saved.getOrDefault(type, new Preference(type, EnumSet.allOf(Channel.class), Digest.NONE))));
        }
        saved.values().stream().filter(p -> !EventTypes.KNOWN.containsKey(p.eventType())).map(Preferences::item)
                .forEach(items::add);
        return new Items(items);
    }

    @Transactional
    Items save(UserId user, List<Change> changes) {
        if (changes == null) {
            throw new ValidationFailedException("items", "is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Preference> valid = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            String at = "items[" + i + "].";
            if (change == null || change.eventType() == null || !EventTypes.NAME.matcher(change.eventType()).matches()
                    || change.eventType().length() > 100) {
                problems.add(new FieldProblem(at + "eventType", "must be an event type such as alert.fired"));
                continue;
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (String channel : change.channels() == null ? List.<String>of() : change.channels()) {
                try {
                    channels.add(Channel.valueOf(channel));
                } catch (IllegalArgumentException | NullPointerException e) {
                    problems.add(new FieldProblem(at + "channels", "must each be IN_APP, EMAIL or TELEGRAM"));
                }
            }
            Digest digest;
            try {
                digest = change.digest() == null ? Digest.NONE : Digest.valueOf(change.digest());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(at + "digest", "must be NONE, HOURLY or DAILY"));
                continue;
            }
            valid.add(new Preference(change.eventType(), channels, digest));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        valid.forEach(p -> notifications.savePreference(user, p));
        return of(user);
    }

    private static Item item(Preference p) {
        return new Item(p.eventType(), EventTypes.label(p.eventType()),
                p.channels().stream().sorted().map(Enum::name).toList(), p.digest().name());
    }
}

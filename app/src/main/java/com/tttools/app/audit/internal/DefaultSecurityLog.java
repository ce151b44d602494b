package com.tttools.app.audit.internal;

import com.tttools.app.audit.AuditQuery;
import com.tttools.app.audit.InvalidAuditInputException;
import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

@Service
class DefaultSecurityLog implements SecurityLog {

    private final SecurityEventRepository events;
    private final Clock clock;

    DefaultSecurityLog(SecurityEventRepository events, ObjectProvider<Clock> clocks) {
        this.events = events;
        this.clock = AuditClock.of(clocks);
    }

    @Override
    public SecurityEvent record(SecurityEventOccurred occurred) {
        Objects.requireNonNull(occurred, "event");
        if (occurred.type() == null || occurred.type().isBlank() || occurred.type().length() > 100) {
            throw new IllegalArgumentException("A security event needs a type of at most 100 characters");
        }
        Instant now = ChainHasher.toStoredPrecision(clock.instant());
        RequestMetadata request = occurred.request();
        SecurityEvent event = new SecurityEvent(
                UUID.randomUUID(),
                occurred.type(),
                occurred.userId(),
                Clip.email(occurred.email()),
                Clip.request(request),
                SecretRedactor.redact(occurred.details()),
                occurred.occurredAt() == null ? now : ChainHasher.toStoredPrecision(occurred.occurredAt()));
        events.insert(event, now);
        return event;
    }

    @Override
    public CursorPage<SecurityEvent> forUser(UserId userId, int limit, String cursor) {
        return forUsers(List.of(Objects.requireNonNull(userId, "userId")), limit, cursor);
    }

    @Override
    public CursorPage<SecurityEvent> forUsers(Collection<UserId> userIds, int limit, String cursor) {
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new InvalidAuditInputException("limit", "must be between 1 and " + AuditQuery.MAX_LIMIT);
        }
        PageCursor after = PageCursor.decode(cursor);
        if (userIds.isEmpty()) {
            return new CursorPage<>(List.of(), null);
        }
        List<SecurityEvent> rows = events.page(userIds.stream().map(UserId::value).distinct().toList(), after,
                limit + 1);
        return PageCursor.page(rows, limit, SecurityEvent::at, SecurityEvent::id);
    }

    @Override
    public CursorPage<SecurityEvent> forUsersSince(Map<UserId, Instant> since, Collection<String> types, int limit,
            String cursor) {
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw new InvalidAuditInputException("limit", "must be between 1 and " + AuditQuery.MAX_LIMIT);
        }
        PageCursor after = PageCursor.decode(cursor);
        if (since.isEmpty() || types.isEmpty()) {
            return new CursorPage<>(List.of(), null);
        }
        List<SecurityEvent> rows = events.pageSince(since, List.copyOf(types), after, limit + 1);
        return PageCursor.page(rows, limit, SecurityEvent::at, SecurityEvent::id);
    }
}

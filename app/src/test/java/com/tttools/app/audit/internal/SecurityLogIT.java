package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.audit.InvalidAuditInputException;
import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import com.tttools.app.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SecurityLogIT extends IntegrationTest {

    @Autowired
    SecurityLog securityLog;

    final UserId erin = UserId.random();
    final UserId frank = UserId.random();
    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);

    @Test
    void whenAUserReadsTheirHistoryThenOnlyTheirOwnEventsComeNewestFirstPageByPage() {
        for (int i = 0; i < 5; i++) {
            record(erin, "login.succeeded", t0.plusSeconds(i));
        }
        record(frank, "login.failed", t0.plusSeconds(10));

        List<SecurityEvent> seen = new ArrayList<>();
        CursorPage<SecurityEvent> page = securityLog.forUser(erin, 2, null);
        seen.addAll(page.items());
        while (page.nextCursor() != null) {
            page = securityLog.forUser(erin, 2, page.nextCursor());
            seen.addAll(page.items());
        }

        assertThat(seen).hasSize(5).allSatisfy(event -> assertThat(event.userId()).isEqualTo(erin));
        assertThat(seen).extracting(SecurityEvent::at).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void whenAnAdminReadsTheirMembersHistoryThenEveryMembersEventsAreIncludedAndNoOneElses() {
        UserId outsider = UserId.random();
        record(erin, "login.succeeded", t0);
        record(frank, "login.locked", t0.plusSeconds(1));
        record(outsider, "login.succeeded", t0.plusSeconds(2));

        List<SecurityEvent> items = securityLog.forUsers(List.of(erin, frank), 50, null).items();

        assertThat(items).extracting(SecurityEvent::userId).containsExactly(frank, erin);
        assertThat(securityLog.forUsers(List.of(), 50, null).items()).isEmpty();
    }

    @Test
    void whenTheCursorOrLimitIsInvalidThenTheRequestIsRejected() {
        assertThatThrownBy(() -> securityLog.forUser(erin, 10, "not-a-cursor")).isInstanceOf(InvalidAuditInputException.class);
        assertThatThrownBy(() -> securityLog.forUser(erin, 0, null)).isInstanceOf(InvalidAuditInputException.class);
        assertThatThrownBy(() -> securityLog.forUser(erin, 501, null)).isInstanceOf(InvalidAuditInputException.class);
    }

    private void record(UserId user, String type, Instant at) {
        securityLog.record(new SecurityEventOccurred(type, user, "someone@example.com", AuditTestSupport.REQUEST,
                Map.of(), at));
    }
}

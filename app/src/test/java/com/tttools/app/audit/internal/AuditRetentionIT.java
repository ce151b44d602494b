package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.audit.InvalidAuditInputException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class AuditRetentionIT extends IntegrationTest {

    static final Actor OWNER = Actor.user(UserId.random(), "owner@example.com");

    @Autowired
    AuditLog auditLog;

    @Test
    void whenAnOrganizationNeverChoseThenItKeepsEventsFor365Days() {
        assertThat(auditLog.retentionDays(OrganizationId.random())).isEqualTo(365);
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 365, 3650})
    void whenTheRetentionIsWithinBoundsThenItIsStored(int days) {
        OrganizationId organization = OrganizationId.random();

        auditLog.setRetention(organization, days, OWNER, null);

        assertThat(auditLog.retentionDays(organization)).isEqualTo(days);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 89, 3651, Integer.MAX_VALUE})
    void whenTheRetentionIsOutOfBoundsThenItIsRejectedAndNothingChanges(int days) {
        OrganizationId organization = OrganizationId.random();

        assertThatThrownBy(() -> auditLog.setRetention(organization, days, OWNER, null))
                .isInstanceOfSatisfying(InvalidAuditInputException.class, e -> assertThat(e.field()).isEqualTo("days"));
        assertThat(auditLog.retentionDays(organization)).isEqualTo(365);
        assertThat(auditLog.search(AuditQuery.of(organization)).items()).isEmpty();
    }

    @Test
    void whenTheRetentionChangesThenTheChangeIsAuditedWithBeforeAndAfter() {
        OrganizationId organization = OrganizationId.random();

        auditLog.setRetention(organization, 730, OWNER, null);
        auditLog.setRetention(organization, 120, OWNER, null);

        assertThat(auditLog.search(AuditQuery.of(organization)
                .withAction(AuditAction.AUDIT_RETENTION_CHANGED.code())).items())
                .extracting(event -> event.details())
                .containsExactly(Map.of("before", 730, "after", 120), Map.of("before", 365, "after", 730));
    }
}

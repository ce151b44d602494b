package com.tttools.app.tiktok.connection;

import static com.tttools.app.support.WebSlice.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.WorkspaceRole;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The sync request ({@code POST …/connections/{id}/sync}) is the {@code SyncRequest} record's Bean Validation
 * constraints (shared {@code @IsoDate} and {@code @DateRange}) plus the {@code Idempotency-Key} rule: every problem at
 * once, by field, in the API's 422 problem format, after the caller's permission and before any connection is read.
 */
@WebMvcTest(ConnectionApiController.class)
@ActiveProfiles("test")
@Import({WebSlice.Settings.class, ConnectionService.class})
@MockitoBean(types = {TenantAccess.class, PolicyConsents.class, ConnectFlow.class, ConnectionRepository.class,
        ConnectionHealth.class, Disconnector.class, SyncLaunchers.class, UserAccounts.class, Clock.class})
class ConnectionSyncRequestSliceTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    TenantAccess tenants;
    @Autowired
    ConnectionRepository connections;
    @Autowired
    SyncLaunchers launchers;

    private final WorkspaceId workspace = WorkspaceId.random();

    @BeforeEach
    void anOperator() {
        when(tenants.requireWorkspace(WebSlice.CALLER.id(), workspace, WorkspacePermission.TRIGGER_SYNC))
                .thenReturn(WebSlice.access(workspace, WorkspaceRole.OPERATOR));
    }

    private MvcTestResult sync(String json, String... headers) {
        var request = mvc.post().uri("/api/v1/workspaces/{ws}/connections/{id}/sync", workspace, UUID.randomUUID())
                .with(signedIn()).with(csrf());
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return json == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private static List<Map<String, String>> errors(MvcTestResult result) {
        assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").isEqualTo("The request has invalid values.");
        assertThat(result).bodyJson().extractingPath("$.requestId").isNotNull();
        List<Map<String, String>> errors = new java.util.ArrayList<>();
        assertThat(result).bodyJson().extractingPath("$.errors").asArray().allSatisfy(e -> {
            @SuppressWarnings("unchecked") Map<String, String> error = (Map<String, String>) e;
            errors.add(error);
        });
        return errors;
    }

    @Test
    void anUnknownKindMalformedAndUnstorableDatesAndABadKeyAreAnsweredAllAtOnceByField() {
        MvcTestResult result = sync("{\"kind\":\"EVERYTHING\",\"from\":\"yesterday\",\"to\":\"+100000-01-31\"}",
                "Idempotency-Key", " ");

        assertThat(errors(result)).containsExactly(
                Map.of("field", "kind", "message", "must be ASSETS or REPORTS"),
                Map.of("field", "from", "message", "must be a date (YYYY-MM-DD)"),
                Map.of("field", "to", "message", "must be a date from 0001-01-01 to 9999-12-31"),
                Map.of("field", "Idempotency-Key", "message", "must be 1 to 200 characters"));
        verifyNoInteractions(connections, launchers);
    }

    @Test
    void aRangeEndingBeforeItStartsIsAProblemOfTo() {
        assertThat(errors(sync("{\"kind\":\"REPORTS\",\"from\":\"2026-11-28\",\"to\":\"2026-11-01\"}")))
                .containsExactly(Map.of("field", "to", "message", "must not be before from"));
        verifyNoInteractions(connections, launchers);
    }

    @Test
    void anAssetSyncTakesNoRange() {
        assertThat(errors(sync("{\"kind\":\"ASSETS\",\"from\":\"2026-11-01\"}")))
                .containsExactly(Map.of("field", "from", "message", "a date range applies to REPORTS only"));
    }

    @Test
    void noBodyIsAMissingKind() {
        assertThat(errors(sync(null))).containsExactly(Map.of("field", "kind", "message", "must be ASSETS or REPORTS"));
        assertThat(errors(sync("{}"))).containsExactly(Map.of("field", "kind", "message", "must be ASSETS or REPORTS"));
    }

    @Test
    void theCallersPermissionIsCheckedBeforeTheRequestIsValidated() {
        when(tenants.requireWorkspace(any(), any(), any())).thenThrow(new ForbiddenException("You are not allowed to do this."));

        MvcTestResult result = sync("{\"kind\":\"EVERYTHING\"}");

        assertThat(result).hasStatus(403);
        verifyNoInteractions(connections, launchers);
    }
}

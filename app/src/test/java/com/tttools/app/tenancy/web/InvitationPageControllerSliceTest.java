package com.tttools.app.tenancy.web;

import static com.tttools.app.support.WebSlice.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.tttools.app.identity.consent.PolicyConsents;
import com.tttools.app.support.WebSlice;
import com.tttools.app.tenancy.core.InvitationService;
import com.tttools.app.tenancy.core.InvitationStatus;
import com.tttools.app.tenancy.core.MembershipSnapshots;
import com.tttools.app.tenancy.core.TenantAccessService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The invitation link's page says in words where an invitation stands, never the state's name. */
@WebMvcTest(InvitationPageController.class)
@ActiveProfiles("test")
@Import({WebSlice.Settings.class, WorkspaceSwitcher.class, PageWorkspace.class, WorkspaceNavigation.class,
        RoleLabels.class})   // the layout's header; roles in words
@MockitoBean(types = {InvitationService.class, TenantAccessService.class, PolicyConsents.class, MembershipSnapshots.class})
class InvitationPageControllerSliceTest {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    InvitationService invitations;
    @Autowired
    MembershipSnapshots snapshots;

    @BeforeEach
    void noMemberships() {
        when(snapshots.of(any())).thenReturn(new MembershipSnapshots.Snapshot(List.of()));
    }

    private String page(InvitationStatus status) throws Exception {
        when(invitations.preview("t0ken")).thenReturn(new InvitationService.Preview("Acme Agency", "ann@example.com",
                "MEMBER", "Bob Boss", status));
        MvcTestResult result = mvc.get().uri("/invitations/t0ken").with(signedIn()).exchange();
        assertThat(result).hasStatus(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aFinishedInvitationSaysWhyInWords() throws Exception {
        assertThat(page(InvitationStatus.ACCEPTED)).contains("This invitation was already accepted.")
                .doesNotContain("ACCEPTED").doesNotContain("accept-invitation");
        assertThat(page(InvitationStatus.REVOKED)).contains("This invitation was revoked. Ask for a new one.")
                .doesNotContain("REVOKED");
        assertThat(page(InvitationStatus.EXPIRED)).contains("This invitation has expired. Ask for a new one.")
                .doesNotContain("EXPIRED");
    }

    @Test
    void aPendingInvitationOffersToAcceptIt() throws Exception {
        assertThat(page(InvitationStatus.PENDING)).contains("id=\"accept-invitation\"")
                .doesNotContain(InvitationStatus.PENDING.explanation()).doesNotContain("PENDING");
    }
}

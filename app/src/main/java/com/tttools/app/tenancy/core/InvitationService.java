package com.tttools.app.tenancy.core;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.platform.config.PlatformProperties;
import com.tttools.app.platform.mail.MailTemplates;
import com.tttools.app.platform.mail.MailOutbox;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.InvitationId;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.OrganizationRole;
import com.tttools.app.tenancy.TenancyEvents;
import com.tttools.app.tenancy.WorkspaceRole;
import com.tttools.app.tenancy.core.InvitationRepository.Invitation;
import com.tttools.app.tenancy.core.InvitationRepository.WorkspaceGrant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations by email: a single-use token (32 random bytes, only its SHA-256 stored) valid for 7 days,
 * revocable and re-sendable (a re-send issues a new token, so the old link stops working). The email is sent
 * inside the transaction: if it cannot be sent, no invitation is left behind.
 */
@Service
@Transactional
public class InvitationService {

    public static final Duration VALID_FOR = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record GrantRequest(String workspaceId, String role) {
    }

    public record InvitationView(String id, String email, String role, List<Map<String, String>> workspaces,
            Instant createdAt, Instant expiresAt, InvitationStatus status) {
        @Override
        public String toString() {
            return "InvitationView[id=" + id + ", email=" + MaskedEmail.of(email) + ", status=" + status + "]";
        }
    }

    /** What the public invitation page shows: enough to decide, nothing about the organization's members. */
    public record Preview(String organizationName, String email, String role, String inviterName, InvitationStatus status) {

        public boolean pending() {
            return status == InvitationStatus.PENDING;
        }

        @Override
        public String toString() {
            return "Preview[email=" + MaskedEmail.of(email) + ", role=" + role + ", status=" + status + "]";
        }

    }

    private final InvitationRepository invitations;
    private final OrganizationRepository organizations;
    private final WorkspaceRepository workspaces;
    private final PreferenceRepository preferences;
    private final TenantAccessService access;
    private final UserAccounts users;
    private final MailOutbox mail;
    private final MailTemplates templates;
    private final PlatformProperties platform;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvitationService(InvitationRepository invitations, OrganizationRepository organizations,
            WorkspaceRepository workspaces, PreferenceRepository preferences, TenantAccessService access,
            UserAccounts users, MailOutbox mail, MailTemplates templates, PlatformProperties platform,
            ApplicationEventPublisher events, Clock clock) {
        this.invitations = invitations;
        this.organizations = organizations;
        this.workspaces = workspaces;
        this.preferences = preferences;
        this.access = access;
        this.users = users;
        this.mail = mail;
        this.templates = templates;
        this.platform = platform;
        this.events = events;
        this.clock = clock;
    }

    public InvitationView invite(AuthenticatedUser caller, OrganizationId organizationId, String email, String role,
            List<GrantRequest> grants, RequestMetadata request) {
        OrganizationAccess self = access.requireOrganization(caller.id(), organizationId,
                OrganizationPermission.MANAGE_ORG_MEMBERS);
        Inputs inputs = new Inputs();
        String address = inputs.email("email", email);
        OrganizationRole invitedRole = inputs.role("role", role, OrganizationRole::parse, OrganizationService.ORG_ROLES);
        if (invitedRole != null && !self.role().atLeast(invitedRole)) {
            inputs.problem("role", "must not be above your own role (" + self.role() + ")");
        }
        List<WorkspaceGrant> workspaceGrants = grants(inputs, organizationId, caller.id(), grants);
        inputs.check();

        organizations.lockForChange(organizationId);
        String normalized = normalize(address);
        boolean alreadyMember = users.findByEmail(address)
                .flatMap(user -> organizations.membership(organizationId, user.id())).isPresent();
        if (alreadyMember) {
            throw new ConflictException("This person is already a member of the organization.");
        }
        Instant now = clock.instant();
        if (invitations.hasPending(organizationId, normalized, now)) {
            throw new ConflictException("This email already has a pending invitation: re-send or revoke it.");
        }
        String token = newToken();
        Invitation invitation = new Invitation(UUID.randomUUID(), organizationId, address, invitedRole,
                workspaceGrants, caller.id(), now, now.plus(VALID_FOR), null, null);
        invitations.insert(invitation, normalized, hash(token));
        send(invitation, self.organizationName(), caller.name(), token);
        events.publishEvent(new TenancyEvents.MemberInvited(invitation.id().toString(), organizationId, address,
                invitedRole, view(invitation, now).workspaces(), OrganizationService.actor(caller),
                request, now));
        return view(invitation, now);
    }

    @Transactional(readOnly = true)
    public List<InvitationView> pending(AuthenticatedUser caller, OrganizationId organizationId) {
        access.requireOrganization(caller.id(), organizationId, OrganizationPermission.MANAGE_ORG_MEMBERS);
        Instant now = clock.instant();
        return invitations.pending(organizationId, now).stream().map(i -> view(i, now)).toList();
    }

    public void revoke(AuthenticatedUser caller, OrganizationId organizationId, InvitationId invitationId,
            RequestMetadata request) {
        access.requireOrganization(caller.id(), organizationId, OrganizationPermission.MANAGE_ORG_MEMBERS);
        Invitation invitation = find(organizationId, invitationId);
        if (invitation.acceptedAt() != null) {
            throw new ConflictException("This invitation was already accepted.");
        }
        if (invitation.revokedAt() == null) {
            Instant now = clock.instant();
            invitations.revoke(organizationId, invitation.id(), now);
            events.publishEvent(new TenancyEvents.InvitationRevoked(invitation.id().toString(), organizationId,
                    invitation.email(), OrganizationService.actor(caller), request, now));
        }
    }

    /** Sends a new link (the previous one stops working) valid for another 7 days. */
    public InvitationView resend(AuthenticatedUser caller, OrganizationId organizationId, InvitationId invitationId,
            RequestMetadata request) {
        OrganizationAccess self = access.requireOrganization(caller.id(), organizationId,
                OrganizationPermission.MANAGE_ORG_MEMBERS);
        Invitation invitation = find(organizationId, invitationId);
        if (invitation.acceptedAt() != null || invitation.revokedAt() != null) {
            throw new ConflictException("Only a pending invitation can be re-sent.");
        }
        Instant now = clock.instant();
        String token = newToken();
        invitations.renewToken(organizationId, invitation.id(), hash(token), now, now.plus(VALID_FOR));
        Invitation renewed = find(organizationId, invitationId);
        send(renewed, self.organizationName(), caller.name(), token);
        events.publishEvent(new TenancyEvents.InvitationResent(invitationId.toString(), organizationId, invitation.email(),
                OrganizationService.actor(caller), request, now));
        return view(renewed, now);
    }

    @Transactional(readOnly = true)
    public Preview preview(String token) {
        Invitation invitation = invitations.findByTokenHash(hash(token)).orElseThrow(() -> new NotFoundException("Invitation"));
        String organizationName = organizations.name(invitation.organizationId()).orElse("");
        String inviter = users.find(invitation.invitedBy()).map(UserSummary::name).orElse("Someone");
        return new Preview(organizationName, invitation.email(), invitation.role().name(), inviter,
                InvitationStatus.of(invitation, clock.instant()));
    }

    /** Joins the organization (and the granted workspaces that still exist); returns the organization. */
    public OrganizationId accept(AuthenticatedUser caller, String token, RequestMetadata request) {
        Invitation invitation = invitations.lockByTokenHash(hash(token))
                .orElseThrow(() -> new NotFoundException("Invitation"));
        Instant now = clock.instant();
        InvitationStatus status = InvitationStatus.of(invitation, now);
        if (status != InvitationStatus.PENDING) {
            throw new ConflictException(status.explanation());   // the same words as the invitation page
        }
        UserSummary user = users.find(caller.id()).orElseThrow(() -> new NotFoundException("User"));
        if (!normalize(user.email()).equals(normalize(invitation.email()))) {
            throw new ForbiddenException("This invitation was sent to a different email address.");
        }
        if (!user.emailVerified()) {
            throw new ForbiddenException("Confirm your email address first (see the link we sent you), then accept.");
        }
        OrganizationId organizationId = invitation.organizationId();
        organizations.lockForChange(organizationId);
        if (organizations.membership(organizationId, caller.id()).isPresent()) {
            throw new ConflictException("You are already a member of this organization.");
        }
        organizations.addMember(organizationId, caller.id(), invitation.role(), now);
        WorkspaceId first = null;
        for (WorkspaceGrant grant : invitation.workspaces()) {
            boolean live = workspaces.standing(grant.workspaceId(), caller.id(), false)
                    .filter(s -> s.workspace().organizationId().equals(organizationId)).isPresent();
            if (live) {
                workspaces.upsertMember(organizationId, grant.workspaceId(), caller.id(), grant.role(), now);
                first = first == null ? grant.workspaceId() : first;
            }
        }
        if (first != null) {
            preferences.remember(caller.id(), organizationId, first, now);
        }
        invitations.markAccepted(organizationId, invitation.id(), caller.id(), now);
        events.publishEvent(new TenancyEvents.InvitationAccepted(invitation.id().toString(), organizationId,
                caller.id(), user.email(), invitation.role(), OrganizationService.actor(caller),
                request, now));
        return organizationId;
    }

    private List<WorkspaceGrant> grants(Inputs inputs, OrganizationId organizationId, UserId inviter,
            List<GrantRequest> requested) {
        List<WorkspaceGrant> grants = new ArrayList<>();
        if (requested == null) {
            return grants;
        }
        Set<WorkspaceId> live = new HashSet<>(access.visibleWorkspaces(inviter, organizationId));
        Set<WorkspaceId> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            GrantRequest grant = requested.get(i);
            String field = "workspaces[" + i + "]";
            WorkspaceRole role = inputs.role(field + ".role", grant == null ? null : grant.role(), WorkspaceRole::parse,
                    WorkspaceService.WORKSPACE_ROLES);
            WorkspaceId workspaceId = parseWorkspace(grant == null ? null : grant.workspaceId());
            if (workspaceId == null || !live.contains(workspaceId)) {
                inputs.problem(field + ".workspaceId", "must be a workspace of this organization");
            } else if (!seen.add(workspaceId)) {
                inputs.problem(field + ".workspaceId", "is listed twice");
            } else if (role != null) {
                grants.add(new WorkspaceGrant(workspaceId, role));
            }
        }
        return grants;
    }

    private static WorkspaceId parseWorkspace(String value) {
        try {
            return value == null ? null : WorkspaceId.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Invitation find(OrganizationId organizationId, InvitationId invitationId) {
        return invitations.find(organizationId, invitationId.value())
                .orElseThrow(() -> new NotFoundException("Invitation"));
    }

    private void send(Invitation invitation, String organizationName, String inviterName, String token) {
        String link = platform.baseUrl().toString().replaceAll("/+$", "") + "/invitations/" + token;
        mail.queue("invitation", templates.render("invitation", invitation.email(),
                "You're invited to join " + organizationName + " on TTtools",
                Map.of("organizationName", organizationName, "inviterName", inviterName, "link", link,
                        "role", invitation.role().name(), "expiresAt", invitation.expiresAt().toString())), null);
    }

    private static InvitationView view(Invitation invitation, Instant now) {
        List<Map<String, String>> grants = invitation.workspaces().stream()
                .map(g -> Map.of("workspaceId", g.workspaceId().toString(), "role", g.role().name())).toList();
        return new InvitationView(invitation.id().toString(), invitation.email(), invitation.role().name(), grants,
                invitation.createdAt(), invitation.expiresAt(), InvitationStatus.of(invitation, now));
    }


    private static String normalize(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(
                    (token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.tttools.app.notifications.events;

import com.tttools.app.identity.UserAccounts;
import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.tenancy.TenancyEvents.MemberInvited;
import java.util.List;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An invitation to someone who already has an account shows under their bell too. The invitation mail itself (with
 * its single-use link) is transactional mail; this in-app notice carries no link token.
 */
@Component
class InvitationNotifications {

    private final Notifications notifications;
    private final UserAccounts users;

    InvitationNotifications(Notifications notifications, UserAccounts users) {
        this.notifications = notifications;
        this.users = users;
    }

    @ApplicationModuleListener
    void on(MemberInvited event) {
        users.findByEmail(event.email()).ifPresent(user -> notifications.notify(new NotificationRequest(
                "invitation.received", user.id(), null, "You were invited to an organization",
                "You were invited to join an organization on TTtools as " + event.role().name().toLowerCase()
                        + ". Open the link in the invitation e-mail to accept.",
                null, "invitation:" + event.invitationId(), List.of(), Set.of(Channel.IN_APP))));
    }
}

package com.tttools.app.notifications.email;

import com.tttools.app.notifications.DeliveryFailure;

/** The provider refused the address itself (invalid, bounced before, suppressed): no other provider is tried. */
class RecipientRejected extends DeliveryFailure {

    RecipientRejected(String message) {
        super(message, false, null);
    }
}

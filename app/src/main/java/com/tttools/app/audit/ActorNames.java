package com.tttools.app.audit;

import com.tttools.app.shared.UserId;
import java.util.Collection;
import java.util.Map;

/**
 * The display names of the people in the log, for the audit page's "Who" control and column. The log itself
 * keeps only each actor's id and e-mail; the accounts module (which may depend on audit, not the other way)
 * provides this. Accounts that are gone or erased are left out, so the page falls back to the recorded address.
 */
public interface ActorNames {

    /** One query for all of them; unknown and erased accounts are left out. */
    Map<UserId, String> displayNames(Collection<UserId> users);
}

package com.tttools.app.bulk;

import com.tttools.app.shared.UserId;

/**
 * Erases a person's address from the change sets they planned or decided when their account is erased: the change
 * sets stay (they are the workspace's record of what changed at TikTok), the address becomes the account's tombstone.
 */
public interface BulkErasure {

    void eraseUser(UserId user, String tombstone);
}

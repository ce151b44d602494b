package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkErasure;
import com.tttools.app.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class BulkErasureService implements BulkErasure {

    private final JdbcClient jdbc;

    BulkErasureService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void eraseUser(UserId user, String tombstone) {
        jdbc.sql("UPDATE bulk_change_sets SET created_by_email = :tombstone WHERE created_by = :user")
                .param("tombstone", tombstone).param("user", user.value()).update();
        jdbc.sql("UPDATE bulk_approvals SET user_email = :tombstone WHERE user_id = :user")
                .param("tombstone", tombstone).param("user", user.value()).update();
    }
}

package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.SavedViewOwners;
import com.tttools.app.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SavedViewOwnersStore implements SavedViewOwners {

    private final JdbcClient jdbc;

    SavedViewOwnersStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int deletePrivateViewsOf(UserId userId) {
        return jdbc.sql("DELETE FROM report_views WHERE owner_id = :user AND visibility = :private")
                .param("user", userId.value()).param("private", ReportViewStore.Visibility.PRIVATE.name()).update();
    }
}

package com.tttools.app.tenancy.core;

import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Joins member rows with names and emails from identity (one lookup per list). */
@Component
class Members {

    private final UserAccounts users;

    Members(UserAccounts users) {
        this.users = users;
    }

    <T> List<MemberView> describe(List<T> rows, Function<T, UserId> userId, Function<T, String> role) {
        Map<UserId, UserSummary> byId = users.findAll(rows.stream().map(userId).toList()).stream()
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
        return rows.stream().filter(row -> byId.containsKey(userId.apply(row))).map(row -> {
            UserSummary user = byId.get(userId.apply(row));
            return new MemberView(user.id().toString(), user.email(), user.name(), role.apply(row));
        }).toList();
    }
}

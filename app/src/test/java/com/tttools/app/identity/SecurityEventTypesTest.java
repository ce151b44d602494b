package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every security-event type the account page can list has words of its own, not its code. */
class SecurityEventTypesTest {

    @Test
    void everyPublishedTypeHasItsOwnWords() throws IllegalAccessException {
        List<Field> constants = Arrays.stream(SecurityEventTypes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class).toList();
        assertThat(constants).hasSizeGreaterThan(15);
        for (Field constant : constants) {
            String type = (String) constant.get(null);
            assertThat(SecurityEventTypes.words(type)).as(constant.getName()).isNotBlank()
                    .isEqualTo(SecurityEventTypes.label(type)).doesNotContain(type).doesNotContain("_");
        }
        assertThat(SecurityEventTypes.label("login.succeeded")).isEqualTo("Signed in");
        assertThat(SecurityEventTypes.label("something.new_here")).isEqualTo("Something new here");
    }
}

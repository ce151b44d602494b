package com.tttools.app.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Parser fuzz targets for {@link Cursors} (security check 43). In {@code mvn verify} each target replays its committed
 * corpus ({@code src/test/resources/com/tttools/app/shared/CursorsFuzzTestInputs/<method>/}); with
 * {@code JAZZER_FUZZ=1} Jazzer mutates new inputs (docs/security-tests.md, "Parser fuzzing").
 */
class CursorsFuzzTest {

    /**
     * Whatever a client sends as a cursor is a list of exactly the expected fields or the declared refusal. The input
     * is readable text: the list's name, a line break, the number of fields (0–4) and a line break, then the cursor.
     */
    @FuzzTest
    void anyCursorDecodesToTheExpectedFieldsOrIsRefused(byte[] input) {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        String list = parts[0];
        int count = parts.length > 1 && parts[1].matches("[0-4]") ? Integer.parseInt(parts[1]) : 1;
        String cursor = parts.length > 2 ? parts[2] : parts[0];
        List<String> fields;
        try {
            fields = Cursors.decode(cursor, list, count);
        } catch (ValidationFailedException refused) {
            assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly(Cursors.FIELD);
            return;
        }
        if (cursor.isBlank()) {
            assertThat(fields).isNull();
            return;
        }
        assertThat(fields).hasSize(count);
        fields.forEach(field -> assertThat(StorableValues.isStorable(field)).isTrue());
        // what was accepted is what our own encoding of those fields says, so a cursor we issue reads the same
        assertThat(Cursors.decode(Cursors.encode(list, fields.toArray(String[]::new)), list, count)).isEqualTo(fields);
        // each typed reading of a field is the field itself or the declared refusal
        fields.forEach(CursorsFuzzTest::typedReadingsRoundTrip);
    }

    /** Every cursor we issue is read back field for field, for the list it was issued for only. */
    @FuzzTest
    void issuedCursorsRoundTripAndFitNoOtherList(FuzzedDataProvider data) {
        String list = data.consumeAsciiString(12).replaceAll("[^a-z.-]", ""); // list names are constants of our code
        int count = data.consumeInt(1, 4);
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String field = StorableValues.sanitize(data.consumeString(40));
            fields.add(i < count - 1 ? field.replace("\n", " ") : field); // only the last field may hold a newline
        }
        String cursor = Cursors.encode(list, fields.toArray(String[]::new));
        if (cursor.length() > 2048) {
            assertThatThrownBy(() -> Cursors.decode(cursor, list, count)).isInstanceOf(ValidationFailedException.class);
            return;
        }
        assertThat(Cursors.decode(cursor, list, count)).isEqualTo(fields);
        assertThatThrownBy(() -> Cursors.decode(cursor, list + "x", count)).isInstanceOf(ValidationFailedException.class);
        if (!fields.get(count - 1).contains("\n")) { // a newline in the last field reads as one more field
            assertThatThrownBy(() -> Cursors.decode(cursor, list, count + 1)).isInstanceOf(ValidationFailedException.class);
        }
    }

    /** The typed fields: a value read is the value written; anything else is the declared refusal. */
    @FuzzTest
    void typedFieldsRoundTripOrAreRefused(byte[] input) {
        typedReadingsRoundTrip(new String(input, StandardCharsets.UTF_8));
    }

    private static void typedReadingsRoundTrip(String text) {
        Instant at = refusedOr(() -> Cursors.instant(text));
        if (at != null) {
            assertThat(StorableValues.isStorable(at)).isTrue();
            assertThat(Cursors.instant(Cursors.instant(at))).isEqualTo(at);
        }
        UUID id = refusedOr(() -> Cursors.uuid(text));
        if (id != null) {
            assertThat(id.toString()).isEqualTo(text);
        }
        Integer offset = refusedOr(() -> Cursors.offset(text));
        if (offset != null) {
            assertThat(offset).isNotNegative();
            assertThat(Integer.toString(offset)).isEqualTo(text);
        }
    }

    private static <T> T refusedOr(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationFailedException refused) {
            assertThat(refused.problems()).extracting(FieldProblem::field).containsExactly(Cursors.FIELD);
            return null;
        }
    }
}

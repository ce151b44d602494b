package com.tttools.app.tiktok.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.tttools.app.shared.StorableValues;
import com.tttools.app.tiktok.PageInfo;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parser fuzz targets for TikTok's answers (security check 43): {@link ResponseReader} turns the
 * {@code {code, message, request_id, data}} envelope into a result, {@link MarketingApiClient#pageInfo} reads a page's
 * {@code page_info}. Corpus: {@code src/test/resources/com/tttools/app/tiktok/client/ResponseReaderFuzzTestInputs/}.
 */
class ResponseReaderFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ResponseReader READER = new ResponseReader(JSON);

    /**
     * Any body with status 200 is an envelope or a classified failure, never an exception; an envelope's text is
     * storable (no NUL, no unpaired surrogate) and its message one short line; its pages' {@code page_info} reads.
     */
    @FuzzTest
    void anyBodyIsAnEnvelopeOrAFailure(byte[] body) {
        ResponseReader.Result result = READER.read(new RawResponse(200, "application/json", body));

        assertThat(result.envelope() == null).isNotEqualTo(result.failure() == null);
        if (result.failure() != null) {
            assertThat(result.failure().kind()).isNotNull();
            assertThat(result.failure().detail()).isNotNull();
            assertThat(result.failure().code()).as("a failure of code 0 is no TikTok error").satisfiesAnyOf(
                    code -> assertThat(code).isNotZero(),
                    code -> assertThat(result.failure().kind()).isEqualTo(Failure.Kind.RETRYABLE));
            return;
        }
        Envelope envelope = result.envelope();
        assertThat(envelope.code()).isZero();
        assertThat(envelope.message()).doesNotContain("\n", "\r").hasSizeLessThanOrEqualTo(203);
        assertThat(StorableValues.isStorable(envelope.requestId())).isTrue();
        assertThat(envelope.data()).isNotNull();
        assertStorable(envelope.data());
        PageInfo info = MarketingApiClient.pageInfo(envelope.data().path("page_info"), 1, 100);
        assertThat(info).isNotNull();
    }

    /** Whatever else the gateway answers, the status decides: 429 and 5xx retryable, others unexpected. */
    @FuzzTest
    void anyStatusIsClassified(FuzzedDataProvider data) {
        int status = data.consumeInt(100, 599);
        byte[] body = data.consumeRemainingAsBytes();
        ResponseReader.Result result = READER.read(new RawResponse(status, data.consumeBoolean() ? null : "text/html", body));

        if (status == 429 || status >= 500) {
            assertThat(result.failure().kind()).isEqualTo(Failure.Kind.RETRYABLE);
        } else if (status < 200 || status >= 300) {
            assertThat(result.failure().kind()).isEqualTo(Failure.Kind.UNEXPECTED_HTTP);
            assertThat(result.failure().httpStatus()).isEqualTo(status);
        } else {
            assertThat(result.envelope() == null).isNotEqualTo(result.failure() == null);
        }
    }

    /** An envelope TikTok could send, written by Jackson, reads back with the same code, request id and data. */
    @FuzzTest
    void anEnvelopeRoundTrips(FuzzedDataProvider data) {
        int code = data.consumeBoolean() ? 0 : data.consumeInt();
        String requestId = StorableValues.sanitize(data.consumeString(40));
        String message = data.consumeString(300);
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("list");
        int items = data.consumeInt(0, 5);
        for (int i = 0; i < items; i++) {
            list.addObject().put("id", Long.toString(data.consumeLong())).put("name", data.consumeString(60));
        }
        page.putObject("page_info").put("page", data.consumeInt()).put("page_size", data.consumeInt())
                .put("total_number", data.consumeLong()).put("total_page", data.consumeInt());
        ObjectNode root = JSON.createObjectNode().put("code", code).put("message", message).put("request_id", requestId);
        root.set("data", page);

        ResponseReader.Result result = READER.read(new RawResponse(200, "application/json",
                JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8)));

        if (code != 0) {
            assertThat(result.failure().code()).isEqualTo(code);
            assertThat(result.failure().requestId()).isEqualTo(requestId);
            return;
        }
        Envelope envelope = result.envelope();
        assertThat(envelope.requestId()).isEqualTo(requestId);
        assertThat(envelope.data().path("list")).hasSize(items);
        for (int i = 0; i < items; i++) {
            JsonNode sent = list.get(i);
            JsonNode read = envelope.data().path("list").get(i);
            assertThat(read.path("id").asString()).isEqualTo(sent.path("id").asString());
            assertThat(read.path("name").asString()).isEqualTo(StorableValues.sanitize(sent.path("name").asString()));
        }
        JsonNode sentInfo = page.path("page_info");
        PageInfo info = MarketingApiClient.pageInfo(envelope.data().path("page_info"), 1, 100);
        assertThat(info).isEqualTo(new PageInfo(sentInfo.path("page").intValue(), sentInfo.path("page_size").intValue(),
                sentInfo.path("total_number").longValue(), sentInfo.path("total_page").intValue()));
    }

    private static void assertStorable(JsonNode node) {
        if (node.isString()) {
            assertThat(StorableValues.isStorable(node.stringValue())).as("text %s", node).isTrue();
        }
        for (JsonNode child : node) {
            assertStorable(child);
        }
    }
}

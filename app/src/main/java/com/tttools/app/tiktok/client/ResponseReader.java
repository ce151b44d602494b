package com.tttools.app.tiktok.client;

import com.tttools.app.shared.StorableValues;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * Turns an HTTP answer into an envelope or a classified failure. TikTok answers API errors with HTTP 200 and a
 * code; real non-200s come from its edge (429/5xx, often HTML) and are retryable, as are bodies that are not
 * the envelope at all. Redirects and other statuses are refused.
 *
 * <p>Every string TikTok sends is sanitised here, once, where the body is read: bytes that are not UTF-8 become
 * U+FFFD, NUL characters are removed and unpaired surrogates (escaped {@code \ud800}) become U+FFFD, so no name or
 * message from TikTok can stop a write to PostgreSQL. (Object keys are TikTok's field names and are kept as sent.)
 */
final class ResponseReader {

    private static final int MAX_MESSAGE = 200;

    private final ObjectReader json;

    ResponseReader(JsonMapper json) {
        this.json = json.reader().with(SanitisingNodeFactory.INSTANCE);
    }

    /** The envelope of a code-0 answer, or the failure to act on. */
    Result read(RawResponse response) {
        int status = response.status();
        if (status == 429 || status >= 500) {
            return Result.failed(Failure.retryable("gateway HTTP " + status + describeBody(response))
                    .withRetryAfter(response.retryAfter()));
        }
        if (status < 200 || status >= 300) {
            String what = status >= 300 && status < 400 ? "redirect refused (redirects are never followed)" : "unexpected status";
            return Result.failed(new Failure(Failure.Kind.UNEXPECTED_HTTP, 0, null, what, status));
        }
        JsonNode root;
        try {
            // decoding first turns malformed UTF-8 into U+FFFD instead of failing the whole answer
            root = json.readTree(new String(response.body(), StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            return Result.failed(Failure.retryable("malformed body (not JSON)" + describeBody(response)));
        }
        // a code that is no int (1e30, 99999999999, 0.5) is no envelope of TikTok's either
        if (root == null || !root.isObject() || !root.path("code").isIntegralNumber() || !root.path("code").canConvertToInt()) {
            return Result.failed(Failure.retryable("malformed body (no envelope)"));
        }
        int code = root.path("code").asInt();
        String requestId = root.path("request_id").isString() ? root.path("request_id").stringValue() : null;
        String message = truncate(root.path("message").asString(""));
        if (code != 0) {
            return Result.failed(new Failure(ErrorCodes.classify(code), code, requestId, message, status));
        }
        JsonNode data = root.path("data");
        return Result.ok(new Envelope(code, message, requestId,
                data.isMissingNode() || data.isNull() ? JsonNodeFactory.instance.objectNode() : data));
    }

    private static String describeBody(RawResponse response) {
        String type = response.contentType() == null ? "no content type" : response.contentType();
        return " (" + type + ", " + response.body().length + " bytes)";
    }

    private static String truncate(String message) {
        String oneLine = message.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }

    /** Creates every string node of a parsed answer with the text PostgreSQL can store. */
    static final class SanitisingNodeFactory extends JsonNodeFactory {

        static final SanitisingNodeFactory INSTANCE = new SanitisingNodeFactory();

        @Override
        public StringNode stringNode(String text) {
            return super.stringNode(StorableValues.sanitize(text));
        }
    }

    record Result(Envelope envelope, Failure failure) {
        static Result ok(Envelope envelope) {
            return new Result(envelope, null);
        }

        static Result failed(Failure failure) {
            return new Result(null, failure);
        }
    }
}

package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security check 42: a seeded generator sends at least 10,000 malformed or hostile requests across every operation of
 * the API, found in its OpenAPI description ({@code /v3/api-docs}), signed in as the owner of one tenant: wrong types,
 * huge strings, deep nesting, unknown enum values, another tenant's ids, mass-assignment fields, SQL and script
 * payloads, bad cursors, bad dates, malformed JSON and hostile path segments. Not one answer may be a 5xx or carry a
 * stack trace, and the other tenant's rows (every table with its organization, workspace or user id) must be exactly
 * as they were. A body over 1 MiB is refused with 413 on every operation that takes one.
 *
 * <p>Seed and count: {@code -Dfuzz.seed=...} (default {@value #DEFAULT_SEED}), {@code -Dfuzz.requests=...} (default
 * 10,000). Request {@code i} is generated from {@code seed + i} alone, so a failure printed with its index is
 * reproduced by that seed whatever ran concurrently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControllerFuzzIT extends IntegrationTest {

    static final long DEFAULT_SEED = 20261204L;
    static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    static final int THREADS = 4;
    static final int ONE_MIB = 1024 * 1024;

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What a stack trace or an internal name looks like in a body. */
    static final Pattern INTERNALS = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Caused by:|java\\.lang\\.|org\\.springframework\\.|org\\.postgresql"
                    + "|PSQLException|SQLState|com\\.tttools\\.|tools\\.jackson\\.|org\\.hibernate|jakarta\\.servlet");

    static final String[] INJECTIONS = {"' OR '1'='1", "1; DROP TABLE users; --", "\" OR 1=1 --", "' UNION SELECT null,version() --",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "%00", "\u0000", "\r\nSet-Cookie: a=b", "=cmd|' /C calc'!A0",
            "'; SELECT pg_sleep(0); --", "\\", "%s%s%s%n", "\uD83D\uDE00\u202E", "$where: '1 == 1'"};

    static final String[] BAD_DATES = {"2026-02-30", "2026-13-01", "0000-00-00", "99999-01-01", "-0001-01-01", "yesterday",
            "2026-12-04T25:61:00Z", "1e9", "", " ", "2026/12/04", "04.12.2026", "292278994-08-17", "+10000-01-01T00:00:00Z",
            "2026-12-04T10:00:00+25:00", "null", "NaN"};

    static final String[] BAD_CURSORS = {"", "%", "%%%", "!!!!", "eyJpZCI6Im5vdCBhIHV1aWQifQ", "eyJ9",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "null", "-1",
            "eyJ0IjoiOTk5OTktMDEtMDFUMDA6MDA6MDBaIiwiaWQiOiIxIn0", "' OR 1=1", "../", "\u0000", "a".repeat(5000)};

    static final String[] BAD_PATH_SEGMENTS = {"0", "-1", "null", "undefined", "..", "%2e%2e", "..%2f..%2fetc", "%00",
            "%27%20OR%201%3D1", "%3Cscript%3E", "a".repeat(3000), "9223372036854775808", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid", "%F0%9F%98%80", "1.5", "true", "%20"};

    static final List<String> MASS_ASSIGNMENT = List.of("id", "organizationId", "workspaceId", "userId", "ownerId",
            "role", "roles", "owner", "admin", "isAdmin", "permissions", "emailVerified", "verified", "createdAt",
            "deletedAt", "status", "passwordHash", "tenantId", "memberships", "version");

    enum Kind {
        PLAUSIBLE, WRONG_TYPE, HUGE_STRING, DEEP_NESTING, UNKNOWN_ENUM, FOREIGN_IDS, MASS_ASSIGNMENT, INJECTION,
        BAD_CURSOR, BAD_DATE, MALFORMED_JSON, BAD_PATH
    }

    record Param(String name, String in, JsonNode schema) {
    }

    record Operation(String method, String path, List<Param> params, JsonNode body, String contentType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Fuzzed(int index, Kind kind, Operation operation, String uri, String contentType, byte[] body) {
        String describe() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "#" + index + " " + kind + " " + operation.method() + " " + uri.substring(0, Math.min(uri.length(), 300))
                    + " body[" + (body == null ? 0 : body.length) + "]=" + text;
        }
    }

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    Tenants.User attacker;
    Tenants.User victim;
    final Map<String, String> own = new LinkedHashMap<>();
    final Map<String, String> foreign = new LinkedHashMap<>();
    List<Operation> operations;
    Map<String, JsonNode> schemas;
    Session session;

    @BeforeAll
    void tenantsAndOperations() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        victim = tenants.verifiedUser("fuzz-victim");
        String victimOrg = tenants.createOrganization(victim, "Victim org");
        String victimWorkspace = tenants.createWorkspace(victim, victimOrg, "Victim workspace");
        tenants.createWorkspace(victim, victimOrg, "Victim second workspace");
        tenants.invite(victim, victimOrg, Users.uniqueEmail("fuzz-invitee"), "MEMBER",
                List.of(Map.of("workspaceId", victimWorkspace, "role", "ANALYST")));
        foreign.put("org", victimOrg);
        foreign.put("ws", victimWorkspace);
        foreign.put("user", victim.id());

        attacker = tenants.verifiedUser("fuzz-attacker");
        String org = tenants.createOrganization(attacker, "Attacker org");
        own.put("org", org);
        own.put("ws", tenants.createWorkspace(attacker, org, "Attacker workspace"));
        own.put("user", attacker.id());

        session = new Session();
        // the first request for the description builds it: minutes on a loaded machine, so a long timeout
        HttpResponse<String> description = session.exchange(HttpRequest.newBuilder(URI.create(url("/v3/api-docs")))
                .timeout(Duration.ofMinutes(5)).header("Accept", "application/json").GET());
        assertThat(description.statusCode()).isEqualTo(200);
        JsonNode docs = JSON.readTree(description.body());
        schemas = new TreeMap<>();
        docs.path("components").path("schemas").properties().forEach(e -> schemas.put(e.getKey(), e.getValue()));
        operations = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase();
            if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            List<Param> params = new ArrayList<>();
            for (JsonNode p : op.getValue().path("parameters")) {
                params.add(new Param(p.path("name").asString(), p.path("in").asString(), p.path("schema")));
            }
            JsonNode content = op.getValue().path("requestBody").path("content");
            String contentType = content.isObject() && !content.isEmpty() ? content.propertyNames().iterator().next() : null;
            JsonNode body = contentType == null ? null : content.path(contentType).path("schema");
            operations.add(new Operation(method, path.getKey(), params, body, contentType));
        }));
    }

    @AfterAll
    void forgetLimits() {
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    @Test
    void tenThousandHostileRequestsGetNoServerErrorNoStackTraceAndChangeNothingOfAnotherTenant() throws Exception {
        assertThat(operations).as("operations in /v3/api-docs").hasSizeGreaterThan(50);
        Map<String, String> before = victimSnapshot();
        System.out.printf("FUZZ seed=%d requests=%d operations=%d threads=%d%n", SEED, REQUESTS, operations.size(), THREADS);

        List<String> failures = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> statuses = new ConcurrentSkipListMap<>();
        Map<Kind, AtomicInteger> kinds = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                        Fuzzed request = generate(i);
                        kinds.computeIfAbsent(request.kind(), k -> new AtomicInteger()).incrementAndGet();
                        bytes.addAndGet(request.body() == null ? 0 : request.body().length);
                        HttpResponse<String> response = session.send(request);
                        statuses.computeIfAbsent(response.statusCode() / 100 + "xx", s -> new AtomicInteger())
                                .incrementAndGet();
                        if (response.statusCode() >= 500) {
                            failures.add(response.statusCode() + " for " + request.describe() + " → "
                                    + abbreviate(response.body()));
                        } else if (response.body() != null && INTERNALS.matcher(response.body()).find()) {
                            failures.add("internals in the answer to " + request.describe() + " → "
                                    + abbreviate(response.body()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(15, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("FUZZ done in %.1f s: %s, kinds %s, %d body bytes, %d re-logins%n",
                (System.nanoTime() - started) / 1e9, statuses, kinds, bytes.get(), session.logins.get() - 1);

        assertThat(failures).as("server errors or internals (seed %d)", SEED).isEmpty();
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(Kind.values());
        assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(REQUESTS);
        assertThat(victimSnapshot()).as("the other tenant's rows").isEqualTo(before);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413OnEveryOperationThatTakesOne() {
        String big = "{\"name\":\"" + "a".repeat(ONE_MIB) + "\"}";
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Operation operation : operations) {
            if (operation.body() == null) {
                continue;
            }
            checked++;
            String uri = expand(operation, new Random(SEED), false, own);
            HttpResponse<String> response = session.send(new Fuzzed(-1, Kind.HUGE_STRING, operation, uri,
                    "application/json", big.getBytes(StandardCharsets.UTF_8)));
            if (response.statusCode() != 413) {
                wrong.add(operation + " → " + response.statusCode());
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    // --- generation ---------------------------------------------------------------------------------------------

    Fuzzed generate(int index) {
        Random random = new Random(SEED + index);
        Operation operation = operations.get(index % operations.size());
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        if (operation.body() == null && kind == Kind.MALFORMED_JSON) {
            kind = Kind.BAD_PATH;
        }
        Map<String, String> ids = kind == Kind.FOREIGN_IDS || random.nextInt(4) == 0 ? foreign : own;
        String uri = expand(operation, random, kind == Kind.BAD_PATH || kind == Kind.BAD_CURSOR || kind == Kind.BAD_DATE, ids);
        if (destroysTheAttackersTenant(operation) && ids == own) {
            uri = expand(operation, random, true, foreign);
        }
        String contentType = operation.body() == null ? null : "application/json";
        byte[] body = null;
        if (operation.body() != null || kind == Kind.MALFORMED_JSON || random.nextInt(20) == 0) {
            JsonNode value = operation.body() == null ? NODES.objectNode() : plausible(operation.body(), random, 0, ids);
            String text = switch (kind) {
                case MALFORMED_JSON -> malformed(value, random);
                case DEEP_NESTING -> deeplyNested(value, random);
                default -> JSON.writeValueAsString(mutate(value, kind, random));
            };
            body = text.getBytes(StandardCharsets.UTF_8);
            if (kind == Kind.MALFORMED_JSON) {
                switch (random.nextInt(6)) {
                    case 0 -> contentType = "text/plain";
                    case 1 -> contentType = "application/xml";
                    case 2 -> body = new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '{', '}'};
                    case 3 -> contentType = "application/json; charset=UTF-16";
                    default -> contentType = "application/json";
                }
            }
        }
        return new Fuzzed(index, kind, operation, uri, contentType, body);
    }

    /** The organization and workspace themselves, and the account: fuzzed with other ids, so the run keeps its tenant. */
    static boolean destroysTheAttackersTenant(Operation operation) {
        return operation.method().equals("DELETE") && (operation.path().matches("/api/v1/organizations/\\{[^}]+}")
                || operation.path().matches("/api/v1/workspaces/\\{[^}]+}") || operation.path().equals("/api/v1/me"));
    }

    String expand(Operation operation, Random random, boolean hostile, Map<String, String> ids) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (Param param : operation.params()) {
            if (param.in().equals("path")) {
                String value = hostile && random.nextBoolean()
                        ? BAD_PATH_SEGMENTS[random.nextInt(BAD_PATH_SEGMENTS.length)]
                        : encode(pathValue(param, random, ids));
                path = path.replace("{" + param.name() + "}", value);
            } else if (param.in().equals("query") && random.nextInt(10) < 7) {
                String value = queryValue(param, random, hostile, ids);
                query.append(query.isEmpty() ? "?" : "&").append(encode(param.name())).append('=').append(encode(value));
            }
        }
        if (hostile && random.nextBoolean()) {
            String name = List.of("cursor", "after", "before", "limit", "from", "to", "sort").get(random.nextInt(7));
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(encode(random.nextBoolean() ? BAD_CURSORS[random.nextInt(BAD_CURSORS.length)]
                            : BAD_DATES[random.nextInt(BAD_DATES.length)]));
        }
        return path.replaceAll("\\{[^}]+}", "x") + query;
    }

    String pathValue(Param param, Random random, Map<String, String> ids) {
        String name = param.name().toLowerCase();
        JsonNode schema = resolve(param.schema());
        if (schema.has("enum")) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size())).asString();
        }
        if (name.startsWith("org")) {
            return ids.get("org");
        }
        if (name.startsWith("ws") || name.startsWith("workspace")) {
            return ids.get("ws");
        }
        if (name.startsWith("user")) {
            return ids.get("user");
        }
        if (name.equals("collection")) {
            return List.of("campaigns", "ad-groups", "ads", "advertisers").get(random.nextInt(4));
        }
        return random.nextBoolean() ? UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString()
                : List.copyOf(ids.values()).get(random.nextInt(ids.size()));
    }

    String queryValue(Param param, Random random, boolean hostile, Map<String, String> ids) {
        JsonNode schema = resolve(param.schema());
        String name = param.name().toLowerCase();
        if (hostile) {
            if (name.contains("cursor") || name.contains("after") || name.contains("before") || name.contains("page")) {
                return BAD_CURSORS[random.nextInt(BAD_CURSORS.length)];
            }
            if (schema.path("format").asString("").startsWith("date") || name.contains("date") || name.equals("from")
                    || name.equals("to") || name.contains("since") || name.contains("until")) {
                return BAD_DATES[random.nextInt(BAD_DATES.length)];
            }
            return random.nextBoolean() ? INJECTIONS[random.nextInt(INJECTIONS.length)] : "NOT_A_VALUE_" + random.nextInt(99);
        }
        JsonNode value = plausible(schema, random, 0, ids);
        return value.isString() ? value.asString() : value.isArray() || value.isObject() ? JSON.writeValueAsString(value)
                : value.asString();
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema == null ? NODES.objectNode() : schema;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asString();
            current = schemas.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), NODES.objectNode());
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (current.path(combinator).isArray() && !current.path(combinator).isEmpty()) {
                return resolve(current.path(combinator).get(0));
            }
        }
        return current;
    }

    /** A value the schema describes, with plausible content (the attacker's own ids where an id is asked for). */
    JsonNode plausible(JsonNode rawSchema, Random random, int depth, Map<String, String> ids) {
        JsonNode schema = resolve(rawSchema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
        }
        String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                schema.path("properties").properties().forEach(property -> {
                    JsonNode value = plausibleProperty(property.getKey(), property.getValue(), random, depth, ids);
                    object.set(property.getKey(), value);
                });
                if (schema.path("additionalProperties").isObject() && object.isEmpty()) {
                    object.set("key", plausible(schema.path("additionalProperties"), random, depth + 1, ids));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int size = 1 + random.nextInt(2);
                for (int i = 0; i < size; i++) {
                    array.add(plausible(schema.path("items"), random, depth + 1, ids));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(100));
            }
            case "number" -> {
                return NODES.numberNode(random.nextInt(10_000) / 100.0);
            }
            case "boolean" -> {
                return NODES.booleanNode(random.nextBoolean());
            }
            default -> {
                return NODES.stringNode(plausibleString(schema.path("format").asString(""), random, ids));
            }
        }
    }

    JsonNode plausibleProperty(String name, JsonNode schema, Random random, int depth, Map<String, String> ids) {
        String lower = name.toLowerCase();
        JsonNode resolved = resolve(schema);
        if (resolved.path("type").asString("").equals("string") && !resolved.has("enum")) {
            if (lower.contains("email")) {
                return NODES.stringNode(Users.uniqueEmail("fuzz"));
            }
            if (lower.startsWith("org")) {
                return NODES.stringNode(ids.get("org"));
            }
            if (lower.startsWith("workspace")) {
                return NODES.stringNode(ids.get("ws"));
            }
            if (lower.startsWith("user") || lower.endsWith("userid")) {
                return NODES.stringNode(ids.get("user"));
            }
            if (lower.contains("timezone")) {
                return NODES.stringNode("Europe/Berlin");
            }
            if (lower.contains("currency")) {
                return NODES.stringNode("EUR");
            }
        }
        return plausible(schema, random, depth + 1, ids);
    }

    static String plausibleString(String format, Random random, Map<String, String> ids) {
        return switch (format) {
            case "uuid" -> random.nextBoolean() ? List.copyOf(ids.values()).get(random.nextInt(ids.size()))
                    : UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString();
            case "date" -> "2026-11-" + (10 + random.nextInt(19));
            case "date-time" -> "2026-11-" + (10 + random.nextInt(19)) + "T10:00:00Z";
            case "email" -> "fuzz" + random.nextInt(1_000_000) + "@example.com";
            case "uri", "url" -> "https://example.com/" + random.nextInt(100);
            default -> "fuzz " + Integer.toString(random.nextInt(1 << 20), 36);
        };
    }

    JsonNode mutate(JsonNode value, Kind kind, Random random) {
        if (!(value instanceof ObjectNode object)) {
            return kind == Kind.WRONG_TYPE ? wrongType(value, random) : value;
        }
        List<String> fields = new ArrayList<>(object.propertyNames());
        switch (kind) {
            case WRONG_TYPE -> fields.forEach(field -> {
                if (random.nextBoolean()) {
                    object.set(field, wrongType(object.get(field), random));
                }
            });
            case HUGE_STRING -> {
                String huge = hugeString(random);
                if (fields.isEmpty()) {
                    object.put("name", huge);
                } else {
                    object.put(fields.get(random.nextInt(fields.size())), huge);
                }
            }
            case UNKNOWN_ENUM -> {
                for (String field : fields) {
                    if (object.get(field).isString()) {
                        String current = object.get(field).asString();
                        object.put(field, random.nextBoolean() ? "NOT_A_" + current.toUpperCase() : current.toLowerCase() + "\u0130");
                    }
                }
                object.put(List.of("role", "status", "type", "metric", "granularity").get(random.nextInt(5)), "SUPERUSER");
            }
            case FOREIGN_IDS -> {
                for (String field : fields) {
                    String lower = field.toLowerCase();
                    if (lower.endsWith("id") || lower.endsWith("ids")) {
                        String id = List.copyOf(foreign.values()).get(random.nextInt(foreign.size()));
                        object.set(field, lower.endsWith("ids") ? NODES.arrayNode().add(id) : NODES.stringNode(id));
                    }
                }
                object.put("workspaceId", foreign.get("ws"));
                object.put("organizationId", foreign.get("org"));
            }
            case MASS_ASSIGNMENT -> {
                for (int i = 0; i < 4; i++) {
                    String field = MASS_ASSIGNMENT.get(random.nextInt(MASS_ASSIGNMENT.size()));
                    object.set(field, switch (random.nextInt(4)) {
                        case 0 -> NODES.stringNode(foreign.get("user"));
                        case 1 -> NODES.stringNode("OWNER");
                        case 2 -> NODES.booleanNode(true);
                        default -> NODES.arrayNode().add("OWNER").add(foreign.get("ws"));
                    });
                }
            }
            case INJECTION -> {
                for (String field : fields) {
                    if (object.get(field).isString() || random.nextInt(3) == 0) {
                        object.put(field, INJECTIONS[random.nextInt(INJECTIONS.length)]);
                    }
                }
            }
            case BAD_CURSOR -> {
                object.put("cursor", BAD_CURSORS[random.nextInt(BAD_CURSORS.length)]);
                object.put("limit", List.of(-1, 0, Integer.MAX_VALUE, 1_000_000).get(random.nextInt(4)));
            }
            case BAD_DATE -> {
                for (String field : fields) {
                    String lower = field.toLowerCase();
                    if (lower.contains("date") || lower.contains("at") || lower.contains("from") || lower.contains("to")
                            || lower.contains("since") || lower.contains("until") || random.nextInt(4) == 0) {
                        object.put(field, BAD_DATES[random.nextInt(BAD_DATES.length)]);
                    }
                }
                object.put("from", BAD_DATES[random.nextInt(BAD_DATES.length)]);
            }
            default -> {
                // PLAUSIBLE and BAD_PATH send the plausible body
            }
        }
        return object;
    }

    static JsonNode wrongType(JsonNode value, Random random) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.numberNode(random.nextInt()), NODES.stringNode("wrong"),
                NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode().add(1).add("two"),
                NODES.objectNode().put("nested", 1), NODES.numberNode(1e308), NODES.numberNode(-0.0),
                NODES.stringNode("9".repeat(40))));
        others.removeIf(candidate -> candidate.getNodeType() == value.getNodeType());
        return others.get(random.nextInt(others.size()));
    }

    static String hugeString(Random random) {
        int length = 10_000 + random.nextInt(250_000);
        String unit = List.of("a", "é", "\uD83D\uDE00", "\\u0000", "<", "'").get(random.nextInt(6));
        return unit.repeat(length / unit.length());
    }

    static String deeplyNested(JsonNode value, Random random) {
        int depth = 1_000 + random.nextInt(20_000);
        String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        if (!(value instanceof ObjectNode object) || object.isEmpty() || random.nextInt(3) == 0) {
            return nested;
        }
        String text = JSON.writeValueAsString(object);
        return "{\"" + object.propertyNames().iterator().next() + "\":" + nested + "," + text.substring(1);
    }

    static String malformed(JsonNode value, Random random) {
        String text = JSON.writeValueAsString(value);
        return switch (random.nextInt(10)) {
            case 0 -> text.substring(0, Math.max(1, text.length() / 2));
            case 1 -> text + "}}garbage";
            case 2 -> "";
            case 3 -> "\uFEFF" + text;
            case 4 -> "{\"a\":1,\"a\":2," + text.substring(Math.min(1, text.length()));
            case 5 -> "{\"n\": NaN, \"i\": Infinity, \"big\": 1e999999999}";
            case 6 -> "[" + text + "]";
            case 7 -> "'single': 'quotes'";
            case 8 -> "{\"a\":\"\\ud800\"}";
            default -> "null";
        };
    }

    static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(8).putLong(value).array();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String body) {
        return body == null ? "" : body.substring(0, Math.min(body.length(), 500));
    }

    // --- the other tenant's rows -----------------------------------------------------------------------------------

    /**
     * A digest of every row that carries the victim's organization, workspace or user id, per table and column: the
     * tables are found in the catalogue, so a table added later is covered without changing this test.
     */
    Map<String, String> victimSnapshot() {
        Map<String, String> snapshot = new TreeMap<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
                  AND c.column_name IN ('organization_id', 'workspace_id', 'user_id', 'id', 'owner_id', 'actor_id')
                ORDER BY 1, 2, 3""").query().listOfRows();
        Map<String, String> victimIds = Map.of("organization_id", foreign.get("org"), "workspace_id", foreign.get("ws"),
                "user_id", foreign.get("user"), "owner_id", foreign.get("user"), "actor_id", foreign.get("user"));
        for (Map<String, Object> column : columns) {
            String table = quote(column.get("table_schema")) + "." + quote(column.get("table_name"));
            String name = (String) column.get("column_name");
            List<String> ids = name.equals("id") ? List.copyOf(foreign.values()) : List.of(victimIds.get(name));
            String digest = jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '')"
                            + " FROM " + table + " t WHERE t." + quote(name) + "::text IN (:ids)")
                    .param("ids", ids).query(String.class).single();
            if (!digest.startsWith("0:")) {
                snapshot.put(table + "." + name, digest);
            }
        }
        return snapshot;
    }

    static String quote(Object identifier) {
        return "\"" + identifier.toString().replace("\"", "\"\"") + "\"";
    }

    // --- the attacker's session ------------------------------------------------------------------------------------

    /** The attacker's browser: one session cookie and its CSRF token; signs in again if a fuzzed request ended it. */
    final class Session {

        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        final AtomicInteger logins = new AtomicInteger();
        volatile String csrf;
        volatile int generation;

        Session() {
            login(0);
        }

        synchronized void login(int seen) {
            if (seen != generation) {
                return;
            }
            limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
            limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, attacker.email());
            limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, attacker.id());
            String token = csrfToken();
            HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/login")))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                            Map.of("email", attacker.email(), "password", Users.PASSWORD)))));
            if (response.statusCode() != 200) {
                throw new AssertionError("the attacker could not sign in again: " + response.statusCode() + " "
                        + response.body());
            }
            csrf = csrfToken();
            logins.incrementAndGet();
            generation++;
        }

        String csrfToken() {
            HttpResponse<String> response = exchange(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/csrf"))).GET());
            return JSON.readTree(response.body()).path("token").asString();
        }

        HttpResponse<String> send(Fuzzed request) {
            for (int attempt = 0; ; attempt++) {
                int seen = generation;
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(request.uri())))
                        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                        .method(request.operation().method(), request.body() == null
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
                if (request.contentType() != null && request.body() != null) {
                    builder.header("Content-Type", request.contentType());
                }
                if (!request.operation().method().equals("GET")) {
                    builder.header("X-XSRF-TOKEN", csrf);
                }
                HttpResponse<String> response = exchange(builder);
                // A fuzzed request may end the attacker's session (logout, its session revoked) or race a new sign-in:
                // sign in again when the session is really gone, and resend once with the current session and token.
                if (attempt == 0 && (response.statusCode() == 401 || isCsrfRefusal(response))) {
                    if (generation == seen && !signedIn()) {
                        login(seen);
                    }
                    if (generation != seen) {
                        continue;
                    }
                }
                if (request.operation().path().contains("logout") && response.statusCode() < 300) {
                    login(seen);
                }
                return response;
            }
        }

        boolean signedIn() {
            return exchange(HttpRequest.newBuilder(URI.create(url("/api/v1/me"))).header("Accept", "application/json")
                    .GET()).statusCode() == 200;
        }

        boolean isCsrfRefusal(HttpResponse<String> response) {
            return response.statusCode() == 403 && response.body() != null && response.body().toLowerCase().contains("csrf");
        }

        HttpResponse<String> exchange(HttpRequest.Builder builder) {
            try {
                return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

package com.tttools.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files are checked without docker or helm (neither is on the build machine): docker-compose.yml
 * is read as YAML, and the Helm chart's templates are rendered by {@link ChartRenderer} with the chart's values
 * (and variations of them) and read as Kubernetes objects. The checks are the promises of docs/operations.md:
 * probes on Actuator's liveness and readiness groups, non-root, graceful shutdown that fits the grace period,
 * the HPA on the Deployment, secrets from a Secret, and that the pieces refer to each other by the right names.
 */
@SuppressWarnings("unchecked")
class DeploymentManifestsTest {

    static final Path REPO = Path.of("..");
    static final Path CHART = REPO.resolve("deploy/helm/tttools");

    @Test
    void composeRunsTheAppAfterAHealthyPostgresWithRedisAndItsSecretsFromTheEnvironment() throws IOException {
        Map<String, Object> compose = yaml(Files.readString(REPO.resolve("docker-compose.yml")));
        Map<String, Object> services = map(compose, "services");
        assertThat(services).containsKeys("postgres", "redis", "app");

        Map<String, Object> postgres = map(services, "postgres");
        assertThat(list(map(postgres, "healthcheck"), "test")).as("pg_isready over TCP, not the init socket")
                .contains("pg_isready", "-h", "127.0.0.1");
        assertThat(list(postgres, "volumes")).anySatisfy(v -> assertThat(v.toString()).endsWith(":/var/lib/postgresql/data"));

        Map<String, Object> app = map(services, "app");
        assertThat(app.get("image")).isEqualTo("${TTTOOLS_IMAGE:-tttools:" + projectVersion() + "}");
        assertThat(map(map(app, "depends_on"), "postgres")).containsEntry("condition", "service_healthy");
        assertThat(map(map(app, "depends_on"), "redis")).containsEntry("condition", "service_healthy");
        Map<String, Object> env = map(app, "environment");
        assertThat(env.get("DATABASE_URL").toString()).startsWith("postgres://tttools:").contains("@postgres:5432/tttools");
        assertThat(env.get("REDIS_URL")).isEqualTo("redis://redis:6379");
        assertThat(env.get("TTTOOLS_ENCRYPTION_KEYS").toString()).as("required, never a default key").startsWith("${TTTOOLS_ENCRYPTION_KEYS:?");
        assertThat(map(postgres, "environment").get("POSTGRES_PASSWORD").toString()).startsWith("${POSTGRES_PASSWORD:?");

        // the image has no shell: the health check runs the probe class on the bundled JVM
        List<Object> healthcheck = list(map(app, "healthcheck"), "test");
        assertThat(healthcheck).startsWith("CMD", "/opt/java/bin/java").contains("/app/classes");
        String probeClass = healthcheck.get(healthcheck.size() - 1).toString();
        assertThat(REPO.resolve("app/src/main/java/" + probeClass.replace('.', '/') + ".java")).exists();

        Duration shutdown = DurationStyle.detectAndParse(env.get("TTTOOLS_SHUTDOWN_TIMEOUT").toString());
        assertThat(DurationStyle.detectAndParse(app.get("stop_grace_period").toString())).isGreaterThan(shutdown);
        assertThat(Files.readString(REPO.resolve("app/src/main/resources/application.yml")))
                .contains("timeout-per-shutdown-phase: ${TTTOOLS_SHUTDOWN_TIMEOUT:", "shutdown: graceful");
    }

    @Test
    void theChartRunsNonRootPodsWithActuatorProbesGracefulShutdownAnHpaAndSecretsFromASecret() throws IOException {
        Map<String, Object> values = values();
        Map<String, List<Map<String, Object>>> objects = render(values);
        assertThat(objects).containsOnlyKeys("ConfigMap", "Secret", "Deployment", "Service", "HorizontalPodAutoscaler",
                "PodDisruptionBudget");

        Map<String, Object> deployment = single(objects, "Deployment");
        Map<String, Object> spec = map(deployment, "spec");
        assertThat(spec).as("the HPA owns the replica count").doesNotContainKey("replicas");
        Map<String, Object> podSpec = map(map(spec, "template"), "spec");
        Map<String, Object> podSecurity = map(podSpec, "securityContext");
        assertThat(podSecurity).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", imageUserId());
        Map<String, Object> container = (Map<String, Object>) list(podSpec, "containers").get(0);
        assertThat(map(container, "securityContext")).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("readOnlyRootFilesystem", true);
        assertThat(list(container, "volumeMounts")).anySatisfy(m -> assertThat((Map<String, Object>) m)
                .containsEntry("mountPath", "/tmp"));
        assertThat(container.get("image")).isEqualTo("tttools:" + projectVersion());

        assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
        assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        assertThat(probePath(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
        String portName = map(map(container, "livenessProbe"), "httpGet").get("port").toString();
        Map<String, Object> containerPort = (Map<String, Object>) list(container, "ports").get(0);
        assertThat(containerPort).containsEntry("name", portName).containsEntry("containerPort", 8080);
        Map<String, Object> servicePort = (Map<String, Object>) list(map(single(objects, "Service"), "spec"), "ports").get(0);
        assertThat(servicePort).containsEntry("targetPort", portName);
        assertThat(map(map(single(objects, "Service"), "spec"), "selector"))
                .isEqualTo(map(map(spec, "selector"), "matchLabels"));

        // preStop sleep + Spring's drain must end before Kubernetes kills the pod
        int preStop = (int) map(map(map(container, "lifecycle"), "preStop"), "sleep").get("seconds");
        Map<String, Object> config = single(objects, "ConfigMap");
        Duration drain = DurationStyle.detectAndParse(map(config, "data").get("TTTOOLS_SHUTDOWN_TIMEOUT").toString());
        assertThat((int) podSpec.get("terminationGracePeriodSeconds")).isGreaterThan(preStop + (int) drain.toSeconds());

        List<Object> envFrom = list(container, "envFrom");
        assertThat(envFrom).contains(Map.of("configMapRef", Map.of("name", name(config))),
                Map.of("secretRef", Map.of("name", name(single(objects, "Secret")))));
        assertThat(map(single(objects, "Secret"), "stringData")).as("empty values stay out of the Secret").isNull();

        Map<String, Object> hpa = map(single(objects, "HorizontalPodAutoscaler"), "spec");
        assertThat(single(objects, "HorizontalPodAutoscaler").get("apiVersion")).isEqualTo("autoscaling/v2");
        assertThat(map(hpa, "scaleTargetRef")).containsEntry("kind", "Deployment").containsEntry("name", name(deployment));
        assertThat((int) hpa.get("minReplicas")).isPositive().isLessThanOrEqualTo((int) hpa.get("maxReplicas"));
    }

    @Test
    void withoutAutoscalingWithAnIngressAndAnExistingSecretTheChartUsesThem() throws IOException {
        Map<String, Object> values = values();
        map(values, "autoscaling").put("enabled", false);
        map(values, "ingress").put("enabled", true);
        map(values, "ingress").put("className", "nginx");
        map(values, "ingress").put("tlsSecretName", "tttools-tls");
        values.put("existingSecret", "tttools-managed");
        Map<String, List<Map<String, Object>>> objects = render(values);
        assertThat(objects).doesNotContainKeys("HorizontalPodAutoscaler", "Secret").containsKey("Ingress");

        Map<String, Object> deployment = single(objects, "Deployment");
        assertThat(map(deployment, "spec")).containsEntry("replicas", values.get("replicaCount"));
        Map<String, Object> container = (Map<String, Object>) list(map(map(map(deployment, "spec"), "template"), "spec"),
                "containers").get(0);
        assertThat(list(container, "envFrom")).contains(Map.of("secretRef", Map.of("name", "tttools-managed")));

        Map<String, Object> ingress = map(single(objects, "Ingress"), "spec");
        assertThat(ingress).containsEntry("ingressClassName", "nginx");
        Map<String, Object> rule = (Map<String, Object>) list(ingress, "rules").get(0);
        Map<String, Object> backend = map((Map<String, Object>) list(map(rule, "http"), "paths").get(0), "backend");
        assertThat(map(backend, "service")).containsEntry("name", name(single(objects, "Service")))
                .containsEntry("port", Map.of("name", "http"));
        assertThat(list(ingress, "tls")).containsExactly(Map.of("hosts", List.of(rule.get("host")), "secretName", "tttools-tls"));
    }

    @Test
    void secretValuesGivenToTheChartLandInItsSecret() throws IOException {
        Map<String, Object> values = values();
        map(values, "secretEnv").put("DATABASE_URL", "postgres://app:p\"w@db:5432/tttools?sslmode=require");
        map(values, "secretEnv").put("TTTOOLS_ENCRYPTION_KEYS", "k1:AAAA");
        Map<String, Object> secret = single(render(values), "Secret");
        assertThat(map(secret, "stringData")).containsOnly(
                Map.entry("DATABASE_URL", "postgres://app:p\"w@db:5432/tttools?sslmode=require"),
                Map.entry("TTTOOLS_ENCRYPTION_KEYS", "k1:AAAA"));
    }

    private static Map<String, List<Map<String, Object>>> render(Map<String, Object> values) throws IOException {
        Map<String, Object> chart = yaml(Files.readString(CHART.resolve("Chart.yaml")));
        ChartRenderer renderer = new ChartRenderer(values, "tttools", chart.get("appVersion").toString());
        Map<String, List<Map<String, Object>>> byKind = new HashMap<>();
        try (Stream<Path> templates = Files.list(CHART.resolve("templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String rendered = renderer.render(Files.readString(template));
                assertThat(rendered).as(template + " rendered").doesNotContain("{{", "}}");
                for (Object document : new Yaml().loadAll(rendered)) {
                    if (document != null) {
                        Map<String, Object> object = (Map<String, Object>) document;
                        assertThat(object).as(template.toString()).containsKeys("apiVersion", "kind", "metadata");
                        byKind.computeIfAbsent(object.get("kind").toString(), k -> new ArrayList<>()).add(object);
                    }
                }
            }
        }
        return byKind;
    }

    private static Map<String, Object> values() throws IOException {
        return yaml(Files.readString(CHART.resolve("values.yaml")));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return map(map(container, probe), "httpGet").get("path").toString();
    }

    /** The user the image runs as (app/pom.xml, Jib's container.user). */
    private static int imageUserId() throws IOException {
        Matcher user = Pattern.compile("<user>(\\d+):\\d+</user>").matcher(Files.readString(REPO.resolve("app/pom.xml")));
        assertThat(user.find()).isTrue();
        return Integer.parseInt(user.group(1));
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>tttools-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(REPO.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static Map<String, Object> single(Map<String, List<Map<String, Object>>> objects, String kind) {
        assertThat(objects.get(kind)).as(kind).hasSize(1);
        return objects.get(kind).get(0);
    }

    private static String name(Map<String, Object> object) {
        return map(object, "metadata").get("name").toString();
    }

    private static Map<String, Object> yaml(String text) {
        return new Yaml().load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        return (List<Object>) parent.get(key);
    }
}

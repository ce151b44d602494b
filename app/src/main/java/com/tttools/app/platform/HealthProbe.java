package com.tttools.app.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A health check command for the container image, which has no shell and no curl:
 * {@code java -cp /app/classes com.tttools.app.platform.HealthProbe [path]} exits 0 when the local app answers
 * 200 on {@code path} (default the readiness probe), else 1. JDK classes only: it runs without the app's
 * dependencies on its class path. docker-compose.yml uses it; Kubernetes probes call the endpoints directly.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("SERVER_PORT", "8080");
        String path = args.length > 0 ? args[0] : "/actuator/health/readiness";
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            System.exit(response.statusCode() == 200 ? 0 : 1);
        } catch (Exception unreachable) {
            System.exit(1);
        }
    }
}

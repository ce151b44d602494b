package com.tttools.app.platform.outbound;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The one way the app builds an outbound HTTP client: the JDK client with its connect timeout and redirects never
 * followed (a 3xx reaches the caller as an answer, so no redirect can lead a request, and its credentials, to
 * another host), the read timeout, and the {@link OutboundPolicy} checked before every request is sent.
 * {@code OutboundClientsArchitectureTest} keeps every other class from building its own.
 */
@Component
public class OutboundHttp {

    private final OutboundPolicy policy;

    public OutboundHttp(OutboundProperties properties) {
        this.policy = new OutboundPolicy(properties);
    }

    /** A fresh builder (callers add their base URL and headers); each call has its own JDK client. */
    public RestClient.Builder restClient(Duration connectTimeout, Duration readTimeout) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(readTimeout);
        ClientHttpRequestInterceptor allowlist = (request, body, execution) -> {
            policy.check(request.getURI());
            return execution.execute(request, body);
        };
        return RestClient.builder().requestFactory(factory).requestInterceptor(allowlist);
    }
}

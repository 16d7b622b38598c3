package org.feedhub.websub.subscribe;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.feedhub.fetch.HttpClients;
import org.feedhub.fetch.UrlSafety;

/**
 * feedhub's requests to a source's hub: a form-encoded subscribe or unsubscribe. The
 * private-address guard applies to hubs as to sources; redirects are not followed; each request is
 * bounded in time.
 */
public class HubClient {
    /** The hub's answer: 2xx means it will verify; else a one-line reason. */
    public record Answer(boolean accepted, String describe) {}

    private final SubscriberSettings settings;
    private final HttpClient http;

    public HubClient(SubscriberSettings settings) {
        this.settings = settings;
        this.http = HttpClients.create(settings.requestTimeout());
    }

    /** Stops the HTTP client (see {@link HttpClients#stop}). */
    public void close() {
        HttpClients.stop(http);
    }

    public Answer post(String hubUrl, Map<String, String> form) {
        String refusal = UrlSafety.refusal(hubUrl, settings.allowPrivateNetworks());
        if (refusal != null) return new Answer(false, "hub " + refusal);
        StringJoiner body = new StringJoiner("&");
        form.forEach(
                (k, v) ->
                        body.add(
                                URLEncoder.encode(k, StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        try {
            HttpRequest r =
                    HttpRequest.newBuilder(URI.create(hubUrl))
                            .timeout(settings.requestTimeout())
                            .header("User-Agent", settings.userAgent())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build();
            HttpResponse<InputStream> a = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (InputStream in = a.body()) {
                text = new String(in.readNBytes(300), StandardCharsets.UTF_8).strip();
            }
            int status = a.statusCode();
            if (status >= 200 && status < 300) return new Answer(true, "HTTP " + status);
            return new Answer(
                    false,
                    "hub answered HTTP "
                            + status
                            + (text.isEmpty() ? "" : ": " + text.replaceAll("\\s+", " ")));
        } catch (IllegalArgumentException e) {
            return new Answer(false, "bad hub URL: " + e.getMessage());
        } catch (IOException e) {
            return new Answer(false, "hub unreachable: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted");
        }
    }
}

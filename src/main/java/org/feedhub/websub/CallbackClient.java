package org.feedhub.websub;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.feedhub.fetch.HttpClients;
import org.feedhub.fetch.UrlSafety;

/**
 * The hub's requests to subscribers' callbacks: verification and denial GETs, content POSTs. Each
 * one is checked against the SSRF guard first (the callback's host may resolve elsewhere than when
 * it subscribed), redirects are never followed, and every request is bounded by the connect and
 * request timeouts.
 */
public class CallbackClient {
    /**
     * What a callback answered: an HTTP status with at most the first KB of the body, or an error
     * (status 0).
     */
    public record Answer(int status, String body, String error) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth another try later: no answer at all, a server error or "too many requests". */
        public boolean temporary() {
            return status == 0 || status >= 500 || status == 429 || status == 408;
        }

        /** One line for logs and {@code last_error}. */
        public String describe() {
            return status == 0 ? error : "HTTP " + status;
        }
    }

    private static final int MAX_ANSWER = 1024;
    private final HubSettings settings;
    private final HttpClient http;

    public CallbackClient(HubSettings settings) {
        this.settings = settings;
        this.http = HttpClients.create(settings.connectTimeout());
    }

    /** Stops the HTTP client (see {@link HttpClients#stop}). */
    public void close() {
        HttpClients.stop(http);
    }

    /** {@code GET callback?params} (appended to any query the callback has). */
    public Answer get(String callback, Map<String, String> params) {
        String refusal = UrlSafety.refusal(callback, settings.allowPrivateNetworks());
        if (refusal != null) return new Answer(0, null, refusal);
        HttpRequest request;
        try {
            request =
                    HttpRequest.newBuilder(URI.create(withQuery(callback, params)))
                            .timeout(settings.requestTimeout())
                            .header("User-Agent", settings.userAgent())
                            .GET()
                            .build();
        } catch (IllegalArgumentException e) {
            return new Answer(0, null, "bad callback URL: " + e.getMessage());
        }
        return send(request, true);
    }

    /** {@code POST callback} with the content and its headers. */
    public Answer post(
            String callback, String contentType, String link, String signature, byte[] body) {
        String refusal = UrlSafety.refusal(callback, settings.allowPrivateNetworks());
        if (refusal != null) return new Answer(0, null, refusal);
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(callback));
        } catch (IllegalArgumentException e) {
            return new Answer(0, null, "bad callback URL: " + e.getMessage());
        }
        b.timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Content-Type", contentType)
                .header("Link", link)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) b.header(Signatures.HEADER, signature);
        return send(b.build(), false);
    }

    private Answer send(HttpRequest request, boolean readBody) {
        try {
            HttpResponse<InputStream> r =
                    http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (InputStream in = r.body()) {
                body =
                        readBody
                                ? new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8)
                                : null;
            }
            return new Answer(r.statusCode(), body, null);
        } catch (HttpTimeoutException e) {
            return new Answer(
                    0, null, "timed out after " + settings.requestTimeout().toSeconds() + " s");
        } catch (IOException e) {
            String m = e.getMessage();
            return new Answer(0, null, e.getClass().getSimpleName() + (m == null ? "" : ": " + m));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }

    static String withQuery(String callback, Map<String, String> params) {
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, v) -> q.add(encode(k) + "=" + encode(v)));
        String sep =
                callback.contains("?")
                        ? (callback.endsWith("?") || callback.endsWith("&") ? "" : "&")
                        : "?";
        return callback + sep + q;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

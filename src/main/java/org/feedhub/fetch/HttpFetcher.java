package org.feedhub.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches sources over HTTP(S) (and {@code file:}) politely and safely: conditional GET, gzip, a
 * per-host limit, a whole-response timeout, a body cap, redirects followed by hand so every hop is
 * checked.
 */
public final class HttpFetcher implements Fetcher, AutoCloseable {
    static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/feed+json, "
                    + "application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5";

    private final FetchSettings settings;
    private final HttpClient client;
    private final HostLimiter limiter;
    private final AddressGuard guard;
    private final FileFetcher files;

    public HttpFetcher(FetchSettings settings) {
        this(settings, new AddressGuard(settings.allowPrivateNetworks()));
    }

    /**
     * With another address check (tests: let the loopback mock server through but nothing else
     * internal).
     */
    HttpFetcher(FetchSettings settings, AddressGuard guard) {
        this.settings = settings;
        this.client = HttpClients.create(settings.connectTimeout());
        this.limiter = new HostLimiter(settings.perHost());
        this.guard = guard;
        this.files = new FileFetcher(settings.fileRoot(), settings.maxBodyBytes());
    }

    /** Stops the HTTP client (see {@link HttpClients#stop}); no fetch after this. */
    @Override
    public void close() {
        HttpClients.stop(client);
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        URI uri;
        try {
            uri = new URI(request.url());
        } catch (Exception e) {
            return FetchResult.failed(0, request.url(), "bad URL: " + e.getMessage());
        }
        if ("file".equalsIgnoreCase(uri.getScheme())) return files.fetch(uri);
        Set<String> seen = new HashSet<>();
        boolean allPermanent = true;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return FetchResult.failed(
                        0, uri.toString(), "refused: only http, https and file: URLs are fetched");
            }
            if (!seen.add(uri.toString()))
                return FetchResult.failed(0, uri.toString(), "redirect loop at " + uri);
            String refusal = guard.refusal(uri.getHost());
            if (refusal != null) return FetchResult.failed(0, uri.toString(), refusal);
            Exchange ex;
            try {
                ex = exchange(uri, request, hop == 0);
            } catch (Failure f) {
                return FetchResult.failed(0, uri.toString(), f.getMessage());
            }
            int status = ex.response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                String location = ex.response.headers().firstValue("Location").orElse(null);
                if (location == null)
                    return FetchResult.failed(
                            status, uri.toString(), "HTTP " + status + " without Location");
                allPermanent &= status == 301 || status == 308;
                try {
                    uri = uri.resolve(location.trim());
                } catch (IllegalArgumentException e) {
                    return FetchResult.failed(
                            status, uri.toString(), "bad redirect Location: " + location);
                }
                continue;
            }
            return complete(ex, uri, hop > 0 && allPermanent ? uri.toString() : null);
        }
        return FetchResult.failed(
                0,
                uri.toString(),
                "too many redirects (more than " + settings.maxRedirects() + ")");
    }

    private record Exchange(HttpResponse<byte[]> response) {}

    private static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    private Exchange exchange(URI uri, FetchRequest request, boolean conditional) throws Failure {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri)
                        .timeout(settings.responseTimeout())
                        .header("User-Agent", settings.userAgent())
                        .header("Accept", ACCEPT)
                        .header("Accept-Encoding", "gzip, deflate")
                        .GET();
        if (conditional && request.etag() != null) b.header("If-None-Match", request.etag());
        if (conditional && request.lastModified() != null)
            b.header("If-Modified-Since", request.lastModified());
        Semaphore permit;
        try {
            permit = limiter.acquire(uri.getHost());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        CappedBody[] body = new CappedBody[1];
        try {
            CompletableFuture<HttpResponse<byte[]>> future =
                    client.sendAsync(
                            b.build(),
                            info -> {
                                // A declared Content-Length over the cap is refused without reading
                                // a byte.
                                long declared =
                                        info.headers()
                                                .firstValueAsLong("Content-Length")
                                                .orElse(-1);
                                boolean encoded =
                                        info.headers().firstValue("Content-Encoding").isPresent();
                                body[0] =
                                        new CappedBody(
                                                settings.maxBodyBytes(), encoded ? -1 : declared);
                                return body[0];
                            });
            try {
                return new Exchange(
                        future.get(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                future.cancel(true);
                if (body[0] != null) body[0].cancel();
                throw new Failure("timed out after " + seconds(settings.responseTimeout()));
            } catch (ExecutionException e) {
                throw new Failure(describe(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted");
            }
        } finally {
            permit.release();
        }
    }

    private FetchResult complete(Exchange ex, URI uri, String movedTo) {
        HttpResponse<byte[]> r = ex.response;
        int status = r.statusCode();
        String etag = r.headers().firstValue("ETag").orElse(null);
        String lastModified = r.headers().firstValue("Last-Modified").orElse(null);
        if (status == 304) {
            return new FetchResult(
                    FetchResult.Status.NOT_MODIFIED,
                    status,
                    uri.toString(),
                    movedTo,
                    null,
                    null,
                    etag,
                    lastModified,
                    null,
                    null);
        }
        if (status == 410) {
            return new FetchResult(
                    FetchResult.Status.GONE,
                    status,
                    uri.toString(),
                    movedTo,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "HTTP 410 Gone: the publisher retired this feed");
        }
        if (status < 200 || status >= 300) {
            Duration retryAfter =
                    status == 429 || status == 503
                            ? retryAfter(r.headers().firstValue("Retry-After").orElse(null))
                            : null;
            return new FetchResult(
                    FetchResult.Status.FAILED,
                    status,
                    uri.toString(),
                    movedTo,
                    null,
                    null,
                    null,
                    null,
                    retryAfter,
                    "HTTP " + status);
        }
        byte[] decoded;
        try {
            decoded =
                    Decoding.decode(
                            r.body(),
                            r.headers().firstValue("Content-Encoding").orElse(null),
                            settings.maxBodyBytes());
        } catch (CappedBody.BodyTooLargeException e) {
            return FetchResult.failed(status, uri.toString(), "decoded " + e.getMessage());
        } catch (IOException e) {
            return FetchResult.failed(
                    status, uri.toString(), "cannot decode body: " + e.getMessage());
        }
        if (decoded.length == 0) return FetchResult.failed(status, uri.toString(), "empty body");
        return new FetchResult(
                FetchResult.Status.OK,
                status,
                uri.toString(),
                movedTo,
                decoded,
                r.headers().firstValue("Content-Type").orElse(null),
                etag,
                lastModified,
                null,
                null,
                linkHeader(r));
    }

    private static final int MAX_LINK_HEADER = 8192;

    /** Every {@code Link} header, joined and cut to what WebSub discovery reads. */
    private static String linkHeader(HttpResponse<byte[]> r) {
        String all = String.join(", ", r.headers().allValues("Link"));
        if (all.isEmpty()) return null;
        return all.length() > MAX_LINK_HEADER ? all.substring(0, MAX_LINK_HEADER) : all;
    }

    /** "30 s", "1.5 s", "0.25 s". */
    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0
                ? ms / 1000 + " s"
                : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Retry-After is either delta-seconds or an HTTP date. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException ignored) {
            // not seconds: an HTTP date
        }
        try {
            ZonedDateTime at =
                    ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(ZonedDateTime.now(), at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (Exception e) {
            return null;
        }
    }

    private static String describe(Throwable t) {
        // The known kinds first, wherever they sit in the chain: a refused connection is a
        // ConnectException
        // without message wrapping a ClosedChannelException, which the walk below would report
        // instead.
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CappedBody.BodyTooLargeException) return c.getMessage();
            if (c instanceof HttpTimeoutException) return "timed out: " + c.getMessage();
            if (c instanceof ConnectException)
                return "cannot connect" + (c.getMessage() == null ? "" : ": " + c.getMessage());
        }
        while (t.getCause() != null
                && (t instanceof IOException == false || t.getMessage() == null)) t = t.getCause();
        String m =
                t.getMessage() == null
                        ? null
                        : t.getMessage().replaceAll("\\s+", " ").trim(); // one line
        return t.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
    }
}

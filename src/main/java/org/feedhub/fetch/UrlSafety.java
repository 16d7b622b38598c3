package org.feedhub.fetch;

import java.net.URI;
import java.util.Locale;

/**
 * The fetcher's SSRF guard for other outgoing requests (WebSub callbacks): whether a URL may be
 * contacted. Same rules as for sources: http(s) only, and no host resolving to a loopback, private,
 * link-local or otherwise internal address unless private networks are allowed.
 */
public final class UrlSafety {
    private UrlSafety() {}

    /** Returns null when {@code url} may be contacted, else the reason it may not (one line). */
    public static String refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return "not a URL: " + url;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https"))
            return "refused: only http and https URLs";
        return new AddressGuard(allowPrivate).refusal(uri.getHost());
    }
}

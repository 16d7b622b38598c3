package org.feedhub.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedhub.publish.FeedFormat;
import org.feedhub.publish.FeedUrls;

/**
 * A {@code hub.topic} this hub serves: one of this site's topic feeds, {@code
 * BASE/topics/ID.rss|.atom|.json}.
 *
 * <p>The URL must be absolute and name this site as its base URL says (scheme, host and port
 * compared case-insensitively, default ports ignored, then the base path), with no query or
 * fragment; any other URL is not a topic of this hub. Whether the topic ID exists is a separate
 * question, answered asynchronously with a {@code hub.mode=denied} callback.
 *
 * @param url the topic URL as the subscriber gave it (echoed back in verifications and {@code
 *     rel="self"})
 * @param baseUrl the site's base URL the topic is under, without trailing slash
 */
public record TopicUrl(String url, String topicId, FeedFormat format, String baseUrl) {
    private static final Pattern FEED = Pattern.compile("/topics/([^/]+)\\.([A-Za-z]+)");

    /** The topic, or the one-line reason it is not one of this hub. */
    public static TopicUrl parse(String topic, String siteBase) throws HubRequestException {
        String base = FeedUrls.trimBase(siteBase);
        String expected =
                "it must be a feed of this hub: " + base + "/topics/ID.rss, .atom or .json";
        URI t;
        URI b;
        try {
            t = new URI(topic);
            b = new URI(base);
        } catch (URISyntaxException e) {
            throw HubRequestException.bad("hub.topic is not a URL; " + expected);
        }
        if (!t.isAbsolute()
                || t.getHost() == null
                || t.getRawQuery() != null
                || t.getRawFragment() != null
                || t.getRawUserInfo() != null
                || !sameOrigin(t, b)) {
            throw HubRequestException.bad(
                    "hub.topic " + topic + " is not a topic of this hub; " + expected);
        }
        String basePath = FeedUrls.trimBase(b.getRawPath());
        String path = t.getRawPath() == null ? "" : t.getRawPath();
        Matcher m =
                path.startsWith(basePath) ? FEED.matcher(path.substring(basePath.length())) : null;
        Optional<FeedFormat> format =
                m != null && m.matches() ? FeedFormat.fromExtension(m.group(2)) : Optional.empty();
        if (format.isEmpty()) {
            throw HubRequestException.bad(
                    "hub.topic " + topic + " is not a topic feed; " + expected);
        }
        return new TopicUrl(topic, m.group(1), format.get(), base);
    }

    private static boolean sameOrigin(URI t, URI b) {
        if (b.getScheme() == null || b.getHost() == null) return false;
        return t.getScheme().equalsIgnoreCase(b.getScheme())
                && t.getHost().equalsIgnoreCase(b.getHost())
                && port(t) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) return u.getPort();
        return switch (u.getScheme().toLowerCase(Locale.ROOT)) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}

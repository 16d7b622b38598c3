package org.feedhub.websub;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A valid {@code POST /hub} request (W3C WebSub §5.1), parsed from its form-encoded body.
 *
 * @param callback the subscriber's callback URL (absolute http(s), no fragment)
 * @param callbackHost its host, lower case: what the per-host bound counts
 * @param leaseSeconds the lease granted (the request's {@code hub.lease_seconds} within the hub's
 *     bounds)
 * @param secret the {@code hub.secret}, or null
 */
public record HubRequest(
        Mode mode,
        TopicUrl topic,
        String callback,
        String callbackHost,
        long leaseSeconds,
        String secret) {
    public static final int MAX_CALLBACK_LENGTH = 2048; // and of hub.topic
    public static final int MAX_SECRET_BYTES = 199; // WebSub: less than 200 bytes

    public enum Mode {
        SUBSCRIBE,
        UNSUBSCRIBE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Parses and validates a request body.
     *
     * @param siteBase this site's base URL: topics must be its feeds
     * @param callbackRefusal the SSRF guard: null when a callback URL may be contacted, else why
     *     not
     */
    public static HubRequest parse(
            String formBody,
            String siteBase,
            HubSettings settings,
            UnaryOperator<String> callbackRefusal)
            throws HubRequestException {
        Map<String, String> p = form(formBody);
        String modeText = p.get("hub.mode");
        if (modeText == null || modeText.isEmpty())
            throw HubRequestException.bad("hub.mode is missing (subscribe or unsubscribe)");
        Mode mode =
                switch (modeText) {
                    case "subscribe" -> Mode.SUBSCRIBE;
                    case "unsubscribe" -> Mode.UNSUBSCRIBE;
                    default ->
                            throw HubRequestException.bad(
                                    "hub.mode must be subscribe or unsubscribe, not "
                                            + oneLine(modeText));
                };
        String callback = p.get("hub.callback");
        if (callback == null || callback.isEmpty())
            throw HubRequestException.bad("hub.callback is missing");
        String host = callbackHost(callback);
        String topicText = p.get("hub.topic");
        if (topicText == null || topicText.isEmpty())
            throw HubRequestException.bad("hub.topic is missing");
        if (topicText.length() > MAX_CALLBACK_LENGTH) {
            throw HubRequestException.bad(
                    "hub.topic is longer than " + MAX_CALLBACK_LENGTH + " characters");
        }
        TopicUrl topic = TopicUrl.parse(topicText, siteBase);
        Long requested = null;
        String lease = p.get("hub.lease_seconds");
        if (lease != null && !lease.isEmpty() && mode == Mode.SUBSCRIBE) {
            try {
                requested = Long.parseLong(lease.trim());
            } catch (NumberFormatException e) {
                requested = -1L;
            }
            if (requested <= 0)
                throw HubRequestException.bad(
                        "hub.lease_seconds must be a positive whole number of seconds");
        }
        String secret = p.get("hub.secret");
        if (secret != null && secret.isEmpty()) secret = null;
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
            throw HubRequestException.bad("hub.secret must be shorter than 200 bytes");
        }
        String refusal = callbackRefusal.apply(callback);
        if (refusal != null) throw HubRequestException.bad("hub.callback " + refusal);
        return new HubRequest(
                mode, topic, callback, host, settings.grantedLeaseSeconds(requested), secret);
    }

    /**
     * The callback's host if it is an absolute http(s) URL without fragment, of reasonable length.
     */
    static String callbackHost(String callback) throws HubRequestException {
        if (callback.length() > MAX_CALLBACK_LENGTH) {
            throw HubRequestException.bad(
                    "hub.callback is longer than " + MAX_CALLBACK_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(callback);
        } catch (URISyntaxException e) {
            throw HubRequestException.bad("hub.callback is not a URL: " + oneLine(e.getMessage()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw HubRequestException.bad("hub.callback must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty())
            throw HubRequestException.bad("hub.callback has no host");
        if (uri.getRawFragment() != null)
            throw HubRequestException.bad("hub.callback must not have a fragment");
        if (uri.getRawUserInfo() != null)
            throw HubRequestException.bad("hub.callback must not carry user info");
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    /** {@code application/x-www-form-urlencoded} in UTF-8; a parameter given twice is an error. */
    static Map<String, String> form(String body) throws HubRequestException {
        Map<String, String> out = new HashMap<>();
        if (body == null || body.isBlank())
            throw HubRequestException.bad(
                    "empty request: expected a form with hub.mode, hub.topic and hub.callback");
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name =
                        URLDecoder.decode(
                                eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value =
                        eq < 0
                                ? ""
                                : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw HubRequestException.bad("malformed form body: " + oneLine(e.getMessage()));
            }
            if (out.put(name, value) != null && name.startsWith("hub.")) {
                throw HubRequestException.bad(oneLine(name) + " is given more than once");
            }
        }
        return out;
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}

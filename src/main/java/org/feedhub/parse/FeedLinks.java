package org.feedhub.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a feed says about WebSub: the hubs it announces and its own ({@code self}) URL, from {@code
 * <link rel="hub|self">} (Atom, or {@code atom:link} in RSS), JSON Feed's {@code hubs} and {@code
 * feed_url}, or an HTTP {@code Link:} header. Bounded: a few hubs, each URL of reasonable length.
 *
 * @param hubs http(s) URLs, at most {@link #MAX_HUBS}, in the feed's order
 * @param self the feed's self URL, or null
 */
public record FeedLinks(List<String> hubs, String self) {
    public static final FeedLinks NONE = new FeedLinks(List.of(), null);
    public static final int MAX_HUBS = 4;
    public static final int MAX_URL = 2048;

    /** The longest {@code Link:} header read; the rest is ignored. */
    public static final int MAX_HEADER = 8192;

    public FeedLinks {
        List<String> kept = new ArrayList<>();
        for (String h : hubs == null ? List.<String>of() : hubs) {
            String u = url(h);
            if (u != null && !kept.contains(u) && kept.size() < MAX_HUBS) kept.add(u);
        }
        hubs = List.copyOf(kept);
        self = url(self);
    }

    public boolean hasHub() {
        return !hubs.isEmpty();
    }

    /** These links, with the header's filling what the document did not say. */
    public FeedLinks orElse(FeedLinks header) {
        if (header == null) return this;
        return new FeedLinks(hasHub() ? hubs : header.hubs, self != null ? self : header.self);
    }

    private static String url(String s) {
        if (s == null) return null;
        String t = s.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > MAX_URL) return null;
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) return null;
        return t;
    }

    /**
     * The hubs and self of an HTTP {@code Link} header (RFC 8288): {@code <url>; rel="hub", <url>;
     * rel=self}. One pass over at most {@link #MAX_HEADER} characters; anything malformed is
     * skipped.
     */
    public static FeedLinks fromHeader(String header) {
        if (header == null || header.isEmpty()) return NONE;
        String h = header.length() > MAX_HEADER ? header.substring(0, MAX_HEADER) : header;
        List<String> hubs = new ArrayList<>();
        String self = null;
        int i = 0;
        while (i < h.length()) {
            int open = h.indexOf('<', i);
            if (open < 0) break;
            int close = h.indexOf('>', open + 1);
            if (close < 0) break;
            String target = h.substring(open + 1, close);
            int next = h.indexOf('<', close + 1);
            String params = h.substring(close + 1, next < 0 ? h.length() : next);
            for (String rel : rels(params)) {
                if (rel.equals("hub")) hubs.add(target);
                if (rel.equals("self") && self == null) self = target;
            }
            i = next < 0 ? h.length() : next;
        }
        return new FeedLinks(hubs, self);
    }

    /** The space-separated values of {@code rel} in one link's parameters. */
    private static List<String> rels(String params) {
        List<String> out = new ArrayList<>();
        for (String p : params.split(";")) {
            int eq = p.indexOf('=');
            if (eq < 0 || !p.substring(0, eq).strip().equalsIgnoreCase("rel")) continue;
            String v = p.substring(eq + 1).strip();
            int comma = v.indexOf(',');
            if (v.startsWith("\"")) {
                int end = v.indexOf('"', 1);
                v = end < 0 ? v.substring(1) : v.substring(1, end);
            } else if (comma >= 0) {
                v = v.substring(0, comma);
            }
            for (String r : v.strip().split(" ")) {
                if (!r.isEmpty()) out.add(r.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}

package org.feedhub.normalize;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one spelling of a story URL that deduplication and publishing rely on.
 *
 * <p>Resolution follows RFC 3986 section 5 (written out here rather than using {@link
 * java.net.URI}, which rejects real-world links with spaces or non-ASCII characters and resolves
 * "?q" against the wrong directory). Only the parts that can differ for the same page are
 * normalized (scheme and host case, default port, fragment, tracking parameters, dot segments); the
 * remaining path and parameters keep their order and percent-encoding.
 */
public final class CanonicalUrl {

    /** Parameters that only say where a click came from; {@code utm_*} is handled as a prefix. */
    public static final Set<String> TRACKING_PARAMS =
            Set.of(
                    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src",
                    "_hsenc", "_hsmi", "yclid");

    // RFC 3986 appendix B: splits any string into scheme, authority, path, query, fragment.
    private static final Pattern PARTS =
            Pattern.compile(
                    "^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$",
                    Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern HOST = Pattern.compile("[a-z0-9_-]++(?:\\.[a-z0-9_-]++)*+");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

    private CanonicalUrl() {}

    private record Parts(String scheme, String authority, String path, String query) {}

    /**
     * Canonical http(s) URL of {@code url} (resolved against {@code base}, which may be null), or
     * null.
     */
    public static String canonicalize(String url, String base) {
        return canonicalize(url, base, Set.of());
    }

    /**
     * As {@link #canonicalize(String, String)}, also removing the query parameters named in {@code
     * extraParams} (case-insensitive; an entry ending in {@code *} is a prefix, e.g. {@code
     * "pk_*"}).
     */
    public static String canonicalize(String url, String base, Set<String> extraParams) {
        try {
            return doCanonicalize(url, base, extraParams == null ? Set.of() : extraParams);
        } catch (RuntimeException e) {
            return null; // garbage in any form is "no usable URL", never an error for the caller
        }
    }

    private static String doCanonicalize(String url, String base, Set<String> extraParams) {
        if (url == null || url.isBlank()) {
            return null;
        }
        Parts ref = parse(url);
        if (ref == null) {
            return null;
        }
        Parts target;
        if (ref.scheme() != null && ref.authority() != null) {
            target =
                    new Parts(
                            ref.scheme(),
                            ref.authority(),
                            removeDotSegments(ref.path()),
                            ref.query());
        } else {
            Parts b = base == null || base.isBlank() ? null : parse(base);
            if (b == null || b.scheme() == null) {
                return null;
            }
            // "http:foo" relative to an http base is relative (RFC 3986 5.2.2, non-strict; what
            // browsers do).
            if (ref.scheme() != null && !ref.scheme().equalsIgnoreCase(b.scheme())) {
                return null; // absolute URL without host, e.g. mailto: or javascript:
            }
            target = resolve(b, new Parts(null, ref.authority(), ref.path(), ref.query()));
        }
        return assemble(target, extraParams);
    }

    private static Parts parse(String s) {
        String cleaned = prepare(s);
        Matcher m = PARTS.matcher(cleaned);
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1);
        if (scheme != null && !SCHEME.matcher(scheme).matches()) {
            return null;
        }
        return new Parts(
                scheme == null ? null : scheme.toLowerCase(Locale.ROOT),
                m.group(2),
                m.group(3) == null ? "" : m.group(3),
                m.group(4));
    }

    /**
     * Trims, drops tabs and newlines inside, and reads backslashes before the query as slashes, as
     * browsers do.
     */
    private static String prepare(String s) {
        String t = s.strip();
        int from = 0;
        int to = t.length();
        while (from < to && t.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && t.charAt(to - 1) <= ' ') {
            to--;
        }
        StringBuilder sb = new StringBuilder(to - from);
        boolean inQuery = false;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == '?' || c == '#') {
                inQuery = true;
            }
            sb.append(c == '\\' && !inQuery ? '/' : c);
        }
        return sb.toString();
    }

    /** RFC 3986 section 5.2.2 for a reference without its own scheme. */
    private static Parts resolve(Parts b, Parts r) {
        if (r.authority() != null) {
            return new Parts(b.scheme(), r.authority(), removeDotSegments(r.path()), r.query());
        }
        if (r.path().isEmpty()) {
            return new Parts(
                    b.scheme(),
                    b.authority(),
                    removeDotSegments(b.path()),
                    r.query() != null ? r.query() : b.query());
        }
        String path;
        if (r.path().startsWith("/")) {
            path = r.path();
        } else if (b.authority() != null && b.path().isEmpty()) {
            path = "/" + r.path();
        } else {
            int slash = b.path().lastIndexOf('/');
            path = (slash >= 0 ? b.path().substring(0, slash + 1) : "") + r.path();
        }
        return new Parts(b.scheme(), b.authority(), removeDotSegments(path), r.query());
    }

    /**
     * RFC 3986 section 5.2.4, reading the input by index: the RFC's "remove this prefix from the
     * input buffer" done by copying the rest was quadratic on a long path of many segments.
     */
    static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        String in = path;
        int i = 0;
        int n = in.length();
        StringBuilder out = new StringBuilder(n);
        while (i < n) {
            if (in.startsWith("../", i)) {
                i += 3;
            } else if (in.startsWith("./", i)) {
                i += 2;
            } else if (in.startsWith("/./", i)) {
                i += 2;
            } else if (rest(in, i, "/.")) {
                out.append('/');
                i = n;
            } else if (in.startsWith("/../", i)) {
                i += 3;
                dropLastSegment(out);
            } else if (rest(in, i, "/..")) {
                dropLastSegment(out);
                out.append('/');
                i = n;
            } else if (rest(in, i, ".") || rest(in, i, "..")) {
                i = n;
            } else {
                int next = in.indexOf('/', in.startsWith("/", i) ? i + 1 : i);
                if (next < 0) {
                    next = n;
                }
                out.append(in, i, next);
                i = next;
            }
        }
        return out.toString();
    }

    /** Whether the input from {@code i} on is exactly {@code s}. */
    private static boolean rest(String in, int i, String s) {
        return in.length() - i == s.length() && in.startsWith(s, i);
    }

    private static void dropLastSegment(StringBuilder out) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
    }

    private static String assemble(Parts t, Set<String> extraParams) {
        String scheme = t.scheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return null;
        }
        if (t.authority() == null) {
            return null;
        }
        String hostPort = t.authority();
        int at = hostPort.lastIndexOf('@');
        if (at >= 0) {
            hostPort = hostPort.substring(at + 1); // credentials are not part of a story's identity
        }
        String host;
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
            if (!IPV6.matcher(host).matches()) {
                return null;
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                port = hostPort.substring(colon + 1);
                hostPort = hostPort.substring(0, colon);
            }
            host = asciiHost(hostPort);
            if (host == null) {
                return null;
            }
        }
        StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
        if (port != null && !port.isEmpty()) {
            if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int p = Integer.parseInt(port);
            if (p > 65535) {
                return null;
            }
            boolean defaultPort =
                    ("http".equals(scheme) && p == 80) || ("https".equals(scheme) && p == 443);
            if (!defaultPort) {
                sb.append(':').append(p);
            }
        }
        String path = t.path().isEmpty() ? "/" : t.path();
        sb.append(encodeIllegal(path, "\"<>`{} "));
        if (t.query() != null) {
            String query = stripTracking(t.query(), extraParams);
            if (!query.isEmpty()) {
                sb.append('?').append(encodeIllegal(query, "\"<> "));
            }
        }
        return sb.toString();
    }

    private static String asciiHost(String raw) {
        String host = raw.toLowerCase(Locale.ROOT);
        boolean ascii = host.chars().allMatch(c -> c < 0x80);
        if (!ascii) {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // "example.com." is the same DNS name
        }
        return HOST.matcher(host).matches() ? host : null;
    }

    private static String stripTracking(String query, Set<String> extraParams) {
        StringBuilder kept = new StringBuilder(query.length());
        for (String param : query.split("&", -1)) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name =
                    percentDecode(eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (isTracking(name, extraParams)) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append('&');
            }
            kept.append(param);
        }
        return kept.toString();
    }

    private static boolean isTracking(String name, Set<String> extraParams) {
        if (name.startsWith("utm_") || TRACKING_PARAMS.contains(name)) {
            return true;
        }
        for (String extra : extraParams) {
            if (extra == null || extra.isBlank()) {
                continue;
            }
            String e = extra.strip().toLowerCase(Locale.ROOT);
            if (e.endsWith("*")
                    ? name.startsWith(e.substring(0, e.length() - 1))
                    : name.equals(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes %XX escapes (only to compare parameter names); malformed escapes stay as they are.
     */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] bytes = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%'
                    && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                bytes[n++] = (byte) Integer.parseInt(s.substring(i + 1, i + 3), 16);
                i += 2;
            } else if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else {
                return s; // already-decoded non-ASCII: compare as is
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Percent-encodes controls, non-ASCII characters and the given characters; everything else is
     * kept.
     */
    private static String encodeIllegal(String s, String illegal) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c <= 0x20 || c >= 0x7f || illegal.indexOf(c) >= 0;
            if (!bad) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            int cp = s.codePointAt(i);
            if (Character.charCount(cp) == 2) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb == null ? s : sb.toString();
    }
}

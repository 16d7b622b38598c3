package org.feedhub.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A story's permanent entry id: a {@code tag:} URI (RFC 4151) made of this site's authority and the
 * story's own identity, so two installs never share an id and a rebuilt database gives the same
 * story the same id.
 *
 * <p>{@code tag:news.example.org,2026:https://wire.example/world/lavrov-meets} (the story's
 * canonical link), else {@code tag:news.example.org,2026:wire-world/guid/GUID} (its first carrier's
 * guid), else {@code tag:news.example.org,2026:wire-world/item/HASH} (the carrier's item key, a
 * hash of title and text). Pure.
 */
public final class EntryId {
    /**
     * RFC 4151's date: a day the authority name was held. One fixed date for every id, so the same
     * story always gets the same id (the scheme began on this date).
     */
    static final String DATE = "2026";

    /** Longer identities are replaced by their hash, so an id stays a few hundred bytes at most. */
    static final int MAX_SPECIFIC = 500;

    private EntryId() {}

    /**
     * @param authority a DNS name or an e-mail address (lower case), see {@link #authorityOf}
     * @param canonicalUrl the story's canonical link, may be null
     * @param sourceId the first carrier's source id
     * @param guid the first carrier's guid, may be null
     * @param itemKey the first carrier's item key (never null)
     */
    public static String of(
            String authority, String canonicalUrl, String sourceId, String guid, String itemKey) {
        String specific;
        if (canonicalUrl != null && !canonicalUrl.isBlank()) {
            specific = encode(canonicalUrl.strip(), true);
        } else if (guid != null && !guid.isBlank()) {
            specific = encode(sourceId, false) + "/guid/" + encode(guid.strip(), false);
        } else {
            specific = encode(sourceId, false) + "/item/" + encode(itemKey, false);
        }
        if (specific.length() > MAX_SPECIFIC) {
            specific = "sha256/" + sha256(specific);
        }
        return "tag:" + authority + "," + DATE + ":" + specific;
    }

    /**
     * The tagging authority: the host of {@code baseUrl} when set, else the install id (a DNS name
     * or e-mail address the operator chose, or one feedhub generated). Null when neither gives one.
     */
    public static String authorityOf(String baseUrl, String installId) {
        if (baseUrl != null && !baseUrl.isBlank()) {
            try {
                String host = URI.create(baseUrl.strip()).getHost();
                if (host != null && !host.isBlank()) return host.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                // not a URL: fall through to the install id
            }
        }
        if (installId != null && validAuthority(installId.strip())) {
            return installId.strip().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** A DNS name ({@code news.example.org}) or an e-mail address ({@code ops@example.org}). */
    public static boolean validAuthority(String s) {
        if (s == null || s.isEmpty() || s.length() > 200) return false;
        int at = s.indexOf('@');
        String host = at < 0 ? s : s.substring(at + 1);
        if (at == 0 || s.indexOf('@', at + 1) >= 0) return false;
        for (int i = 0; i < (at < 0 ? 0 : at); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && "-._+".indexOf(c) < 0) return false;
        }
        if (host.isEmpty() || host.startsWith(".") || host.endsWith(".")) return false;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '.') return false;
        }
        return true;
    }

    /**
     * Percent-encodes what a URI's path and query may not hold; {@code keepPercent} keeps existing
     * escapes (a canonical URL is already encoded, a guid is raw text).
     */
    static String encode(String s, boolean keepPercent) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean plain =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0
                            || (keepPercent && c == '%');
            if (plain) {
                b.append((char) c);
            } else {
                b.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return b.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

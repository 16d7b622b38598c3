package org.feedhub.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of an item within its source: its guid when it has one, else its canonical link,
 * else a hash of title and text. Stored hashed (fixed width, any length of guid).
 */
public final class ItemKeys {
    private ItemKeys() {}

    public static String of(String guid, String canonicalUrl, String title, String text) {
        if (guid != null && !guid.isBlank()) return sha256("guid:" + guid.trim());
        if (canonicalUrl != null) return sha256("url:" + canonicalUrl);
        return sha256("content:" + title + "\n" + text);
    }

    public static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

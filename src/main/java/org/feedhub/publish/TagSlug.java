package org.feedhub.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The file name a static export gives a tag's page ({@code topics/ID/tags/SLUG.html}): a tag that
 * is already a plain lower-case word keeps its name ({@code russia}); any other gets its ASCII
 * letters and digits and a short hash of the exact tag ({@code u-s-politics-3f9a0c12d4}), so {@code
 * Russia} and {@code russia} get different files and no tag can name a path outside the folder.
 */
public final class TagSlug {
    private static final int MAX = 60;

    private TagSlug() {}

    public static String of(String tag) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tag.length() && b.length() < MAX; i++) {
            char c = tag.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') b.append(c);
            else if (c >= 'A' && c <= 'Z') b.append((char) (c - 'A' + 'a'));
            else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') b.append('-');
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') b.setLength(b.length() - 1);
        if (b.length() > 0 && b.toString().equals(tag)) return tag;
        return (b.length() == 0 ? "tag" : b) + "-" + hash(tag);
    }

    private static String hash(String tag) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(tag.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

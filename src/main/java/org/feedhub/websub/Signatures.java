package org.feedhub.websub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WebSub's authenticated content distribution: {@code X-Hub-Signature:
 * sha256=HEX(HMAC-SHA256(secret, body))}. The hub signs with SHA-256; as a subscriber feedhub
 * accepts sha1, sha256 and sha512, as WebSub allows.
 */
public final class Signatures {
    public static final String HEADER = "X-Hub-Signature";

    private Signatures() {}

    /**
     * The header value for {@code body} signed with {@code secret} (its UTF-8 bytes are the key).
     */
    public static String sign(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, body));
    }

    /**
     * Whether {@code header} ({@code method=hex}) is {@code body} signed with {@code secret}, in
     * constant time. An unknown method, malformed hex or a missing header is false.
     */
    public static boolean verify(String secret, byte[] body, String header) {
        if (header == null || secret == null) return false;
        int eq = header.indexOf('=');
        if (eq < 0 || header.length() > 200) return false;
        String algorithm =
                switch (header.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "sha1" -> "HmacSHA1";
                    case "sha256" -> "HmacSHA256";
                    case "sha512" -> "HmacSHA512";
                    default -> null;
                };
        if (algorithm == null) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(eq + 1).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return java.security.MessageDigest.isEqual(given, hmac(algorithm, secret, body));
    }

    private static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}

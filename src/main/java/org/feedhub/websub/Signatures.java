package org.feedhub.websub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WebSub's authenticated content distribution: {@code X-Hub-Signature:
 * sha256=HEX(HMAC-SHA256(secret, body))}.
 */
public final class Signatures {
    public static final String HEADER = "X-Hub-Signature";

    private Signatures() {}

    /**
     * The header value for {@code body} signed with {@code secret} (its UTF-8 bytes are the key).
     */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}

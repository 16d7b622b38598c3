package org.feedhub.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    @Test
    void signsWithHmacSha256AsRfc4231TestCase2() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(
                        Signatures.sign(
                                "Jefe",
                                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(
                        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theSecretIsUsedAsUtf8AndEveryByteOfTheBodyCounts() {
        byte[] body = "<feed/>".getBytes(StandardCharsets.UTF_8);
        String a = Signatures.sign("sécret", body);
        assertThat(a)
                .startsWith("sha256=")
                .hasSize("sha256=".length() + 64)
                .matches("sha256=[0-9a-f]{64}");
        assertThat(Signatures.sign("secret", body)).isNotEqualTo(a);
        assertThat(Signatures.sign("sécret", "<feed />".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(a);
        assertThat(Signatures.sign("sécret", body)).isEqualTo(a);
    }
}

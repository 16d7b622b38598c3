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

    static final byte[] JEFE = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

    @Test
    void verifiesSha1Sha256AndSha512AsRfc2202And4231() {
        assertThat(Signatures.verify("Jefe", JEFE, "sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"))
                .isTrue();
        assertThat(
                        Signatures.verify(
                                "Jefe",
                                JEFE,
                                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
                .isTrue();
        assertThat(
                        Signatures.verify(
                                "Jefe",
                                JEFE,
                                "sha512=164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                                        + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"))
                .isTrue();
    }

    @Test
    void theMethodNameIgnoresCase() {
        assertThat(Signatures.verify("Jefe", JEFE, "SHA1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"))
                .isTrue();
    }

    @Test
    void anotherSecretOrBodyFails() {
        String sig = Signatures.sign("Jefe", JEFE);
        assertThat(Signatures.verify("jefe", JEFE, sig)).isFalse();
        assertThat(Signatures.verify("Jefe", "what".getBytes(StandardCharsets.US_ASCII), sig))
                .isFalse();
    }

    @Test
    void malformedHeadersFail() {
        assertThat(Signatures.verify("Jefe", JEFE, null)).isFalse();
        assertThat(Signatures.verify("Jefe", JEFE, "")).isFalse();
        assertThat(Signatures.verify("Jefe", JEFE, "sha256")).isFalse();
        assertThat(Signatures.verify("Jefe", JEFE, "sha256=zz")).isFalse();
        assertThat(Signatures.verify("Jefe", JEFE, "sha256=abc")).isFalse();
        assertThat(Signatures.verify("Jefe", JEFE, "md5=00")).isFalse();
        assertThat(Signatures.verify("Jefe", JEFE, "sha256=" + "0".repeat(500))).isFalse();
    }

    @Test
    void aTruncatedSignatureFails() {
        String sig = Signatures.sign("Jefe", JEFE);
        assertThat(Signatures.verify("Jefe", JEFE, sig.substring(0, sig.length() - 2))).isFalse();
    }
}

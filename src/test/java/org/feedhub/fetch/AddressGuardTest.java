package org.feedhub.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals only: nothing here needs DNS. */
class AddressGuardTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "0.0.0.0",
                "0.1.2.3",
                "10.0.0.1",
                "10.255.255.255",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.0.1",
                "192.168.255.255",
                "169.254.169.254",
                "169.254.0.1",
                "100.64.0.1",
                "100.127.255.255",
                "192.0.0.8",
                "198.18.0.1",
                "198.19.255.255",
                "224.0.0.1",
                "239.255.255.250",
                "240.0.0.1",
                "255.255.255.255",
                "::1",
                "::",
                "fe80::1",
                "fec0::1",
                "fc00::1",
                "fd12:3456::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:10.0.0.1",
                "::ffff:169.254.169.254",
                "::127.0.0.1",
                "::10.0.0.1",
                "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::1",
                "::ffff:0:7f00:1",
                "::ffff:0:808:808",
                "2001::1",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2",
                "100::1",
                "100::ffff:ffff:ffff:ffff"
            })
    void internal(String literal) throws Exception {
        assertThat(AddressGuard.isInternal(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "93.184.216.34",
                "100.63.255.255",
                "100.128.0.0",
                "172.15.255.255",
                "172.32.0.0",
                "192.167.255.255",
                "192.169.0.0",
                "169.253.255.255",
                "198.17.255.255",
                "198.20.0.0",
                "223.255.255.255",
                "192.0.1.1",
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "::ffff:8.8.8.8",
                "2001:1::1",
                "100:0:0:1::1"
            })
    void external(String literal) throws Exception {
        assertThat(AddressGuard.isInternal(InetAddress.getByName(literal))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "127.0.0.1",
                "localhost",
                "[::1]",
                "10.0.0.1",
                "169.254.169.254",
                "100.64.0.1",
                "[::ffff:127.0.0.1]",
                "0.0.0.0",
                "[fd00::1]"
            })
    void refusesInternalHostsWithAReason(String host) {
        assertThat(new AddressGuard(false).refusal(host))
                .startsWith("refused: " + host + " resolves to the internal address")
                .contains("feedhub.fetch.allow-private-networks=true");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "localhost", "[::1]", "10.0.0.1"})
    void allowsInternalHostsWhenPrivateNetworksAreAllowed(String host) {
        assertThat(new AddressGuard(true).refusal(host)).isNull();
    }

    @Test
    void allowsPublicAddresses() {
        assertThat(new AddressGuard(false).refusal("93.184.216.34")).isNull();
        assertThat(new AddressGuard(false).refusal("[2606:4700:4700::1111]")).isNull();
    }

    @Test
    void refusesAMissingHost() {
        assertThat(new AddressGuard(false).refusal(null)).isEqualTo("no host in URL");
        assertThat(new AddressGuard(true).refusal("")).isEqualTo("no host in URL");
    }
}

package org.feedhub.websub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkKeyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "[::ffff:127.0.0.1]",
                "::ffff:127.0.0.1",
                "[::ffff:7f00:1]",
                "2130706433",
                "127.000.000.001",
                "localhost"
            })
    void everySpellingOfLoopbackIsOneHost(String host) throws Exception {
        assertThat(NetworkKey.ofHost(host)).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv4CompatibleIpv6IsItsIpv4Address() throws Exception {
        assertThat(NetworkKey.ofHost("[::10.1.2.3]")).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6CountsByItsSlash64() throws Exception {
        assertThat(NetworkKey.ofHost("[2001:db8:1:2::1]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(NetworkKey.ofHost("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(NetworkKey.ofHost("[2001:db8:1:3::1]")).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void ipv6LoopbackIsNotMistakenForAnIpv4Address() throws Exception {
        assertThat(NetworkKey.ofHost("[::1]")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void distinctAddressesAreDistinctKeys() throws Exception {
        assertThat(NetworkKey.ofHost("127.0.0.2")).isNotEqualTo(NetworkKey.ofHost("127.0.0.1"));
    }

    @Test
    void anEmptyHostDoesNotResolve() {
        assertThatThrownBy(() -> NetworkKey.ofHost("")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void clientAddressesAreLiteralsAndNeverLookedUp() {
        assertThat(NetworkKey.ofClient("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(NetworkKey.ofClient("0:0:0:0:0:ffff:7f00:1")).isEqualTo("127.0.0.1");
        assertThat(NetworkKey.ofClient("2001:db8::5")).isEqualTo("2001:db8:0:0::/64");
        assertThat(NetworkKey.ofClient("localhost")).isEqualTo("?localhost");
        assertThat(NetworkKey.ofClient(null)).isEqualTo("?");
    }
}

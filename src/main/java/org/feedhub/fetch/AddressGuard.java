package org.feedhub.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses hosts that resolve to addresses inside the operator's network (SSRF): loopback, private,
 * link-local, multicast, unspecified, CGNAT, unique-local IPv6 and IPv4 mapped or embedded in IPv6.
 * Checked before every request and on every redirect hop.
 */
class AddressGuard {
    private final boolean allowPrivate;

    AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Returns null when the host may be contacted, else the reason it may not. */
    String refusal(String host) {
        if (host == null || host.isEmpty()) return "no host in URL";
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "unknown host " + host;
        }
        if (allowPrivate) return null;
        for (InetAddress a : addresses) {
            if (isInternal(a)) {
                return "refused: "
                        + host
                        + " resolves to the internal address "
                        + a.getHostAddress()
                        + " (set feedhub.fetch.allow-private-networks=true to allow)";
            }
        }
        return null;
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) return isInternalV4(b);
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return true; // fc00::/7 unique local
            if (isV4Embedded(b)) { // ::ffff:a.b.c.d and ::a.b.c.d
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                return isInternalV4(v4) || v4[0] == 127;
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02)
                return true; // 2002::/16 6to4 may embed anything
            if ((b[0] & 0xff) == 0x00
                    && (b[1] & 0xff) == 0x64
                    && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b) {
                return true; // 64:ff9b::/96 NAT64
            }
            if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12))
                return true; // ::ffff:0:0:0/96 IPv4-translated (SIIT) may embed anything
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && zero(b, 2, 4))
                return true; // 2001::/32 Teredo tunnels to any IPv4 address
            if ((b[0] & 0xff) == 0x01 && zero(b, 1, 8)) return true; // 100::/64 discard
        }
        return false;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static boolean isV4Embedded(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }

    private static boolean isInternalV4(byte[] b) {
        int first = b[0] & 0xff, second = b[1] & 0xff;
        return first == 0
                || first == 10
                || first == 127
                || (first == 100 && second >= 64 && second <= 127) // CGNAT 100.64/10
                || (first == 169 && second == 254)
                || (first == 172 && second >= 16 && second <= 31)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19)) // benchmarking
                || first >= 224; // multicast, reserved, broadcast
    }
}

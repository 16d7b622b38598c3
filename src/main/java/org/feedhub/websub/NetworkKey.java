package org.feedhub.websub;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * What the hub's per-host and per-client limits count: an address, not a spelling. {@code
 * 127.0.0.1}, {@code 127.1}, {@code [::ffff:127.0.0.1]} and {@code localhost} are one key; an IPv6
 * address counts by its /64 (one subscriber usually holds a whole /64, so counting single addresses
 * would be no limit at all).
 */
public final class NetworkKey {
    private NetworkKey() {}

    /**
     * The key of a host name or literal (brackets allowed): of its addresses, the lowest key (IPv4
     * before IPv6), so the same name gives the same key whatever order the resolver answers in.
     *
     * @throws UnknownHostException when it does not resolve
     */
    public static String ofHost(String host) throws UnknownHostException {
        if (host == null || host.isEmpty()) throw new UnknownHostException("no host");
        InetAddress[] all = InetAddress.getAllByName(host);
        return Arrays.stream(all)
                .map(NetworkKey::of)
                .min(Comparator.comparing((String k) -> k.contains(":")).thenComparing(k -> k))
                .orElseThrow(() -> new UnknownHostException(host));
    }

    /** The key of a client's address as the server saw it ({@code getRemoteAddr()}). */
    public static String ofClient(String remoteAddress) {
        try {
            return ofHost(literal(remoteAddress));
        } catch (UnknownHostException | RuntimeException e) {
            return "?" + (remoteAddress == null ? "" : remoteAddress.toLowerCase(Locale.ROOT));
        }
    }

    /** Only literals: a remote address is never looked up in DNS. */
    private static String literal(String a) throws UnknownHostException {
        if (a == null || a.isEmpty() || !(a.indexOf(':') >= 0 || a.matches("[0-9.]+")))
            throw new UnknownHostException(a);
        return a;
    }

    static String of(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if (v4Inside(b)) return v4(new byte[] {b[12], b[13], b[14], b[15]});
            return String.format("%x:%x:%x:%x::/64", word(b, 0), word(b, 2), word(b, 4), word(b, 6))
                    .toLowerCase(Locale.ROOT);
        }
        return a instanceof Inet4Address ? v4(b) : a.getHostAddress();
    }

    /** {@code ::ffff:a.b.c.d} (mapped) and {@code ::a.b.c.d} (compatible, not {@code ::1}). */
    private static boolean v4Inside(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
        return mapped || compatible;
    }

    private static String v4(byte[] b) {
        return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
    }

    private static int word(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }
}

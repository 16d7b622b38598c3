package org.feedhub.publish.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.feedhub.FeedhubProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Forwarded} / {@code X-Forwarded-*} headers (the public host, scheme and port, for
 * self and hub links) only from the proxies named in {@code feedhub.publish.trusted-proxies}. From
 * any other client they are ignored: otherwise a client could make feedhub advertise its own host
 * as a feed's self and hub, and a cache in front would keep that.
 */
@Component
public class TrustedProxies extends OncePerRequestFilter {
    private final List<AddressRange> proxies;
    private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();

    public TrustedProxies(FeedhubProperties props) {
        this.proxies = props.publish().trustedProxies().stream().map(AddressRange::parse).toList();
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trusted(request.getRemoteAddr())) {
            forwarded.doFilter(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }

    boolean trusted(String remoteAddr) {
        if (proxies.isEmpty() || remoteAddr == null) return false;
        byte[] address = AddressRange.literal(remoteAddr);
        return address != null && proxies.stream().anyMatch(r -> r.contains(address));
    }

    /** One address or a CIDR range ({@code 10.0.0.0/8}, {@code ::1}, {@code fd00::/8}). */
    record AddressRange(byte[] network, int prefix) {
        static AddressRange parse(String spec) {
            String s = spec.strip();
            int slash = s.indexOf('/');
            byte[] net = literal(slash < 0 ? s : s.substring(0, slash));
            if (net == null)
                throw new IllegalArgumentException(
                        "feedhub.publish.trusted-proxies: not an IP address or range: " + spec);
            int prefix = slash < 0 ? net.length * 8 : Integer.parseInt(s.substring(slash + 1));
            if (prefix < 0 || prefix > net.length * 8)
                throw new IllegalArgumentException(
                        "feedhub.publish.trusted-proxies: bad prefix length: " + spec);
            return new AddressRange(net, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) return false;
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
            }
            return true;
        }

        /** The bytes of an address literal; null for a host name (never looked up). */
        static byte[] literal(String s) {
            String t = s.strip();
            if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
            boolean ipv4 = t.matches("\\d{1,3}(?:\\.\\d{1,3}){3}");
            boolean ipv6 = t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.]{2,45}");
            if (!ipv4 && !ipv6) return null; // never a name: that would mean a DNS lookup
            try {
                return InetAddress.getByName(t).getAddress();
            } catch (IOException e) {
                return null;
            }
        }
    }
}

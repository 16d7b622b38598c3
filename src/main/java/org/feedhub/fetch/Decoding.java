package org.feedhub.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes Content-Encoding, inflating at most {@code max} bytes: a gzip bomb is cut off, not
 * expanded.
 */
final class Decoding {
    private Decoding() {}

    static byte[] decode(byte[] raw, String contentEncoding, long max) throws IOException {
        String enc = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        if (enc.isEmpty() || enc.equals("identity")) return raw;
        InputStream in =
                switch (enc) {
                    case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(raw));
                    // "deflate" is zlib-wrapped by the spec but raw deflate in the wild: try the
                    // first, fall back.
                    case "deflate" ->
                            looksZlib(raw)
                                    ? new InflaterInputStream(new ByteArrayInputStream(raw))
                                    : new InflaterInputStream(
                                            new ByteArrayInputStream(raw), new Inflater(true));
                    default -> throw new IOException("unsupported Content-Encoding " + enc);
                };
        try (in) {
            return readCapped(in, max);
        }
    }

    static byte[] readCapped(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > max) throw new CappedBody.BodyTooLargeException(max);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean looksZlib(byte[] b) {
        return b.length >= 2
                && (b[0] & 0x0f) == 8
                && ((b[0] & 0xff) << 8 | (b[1] & 0xff)) % 31 == 0;
    }
}

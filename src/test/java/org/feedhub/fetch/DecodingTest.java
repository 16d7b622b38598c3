package org.feedhub.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class DecodingTest {
    private static final byte[] TEXT = "<rss>hello hello hello</rss>".getBytes(UTF_8);

    @Test
    void identityAndAbsentEncodingReturnTheBytesAsTheyAre() throws Exception {
        assertThat(Decoding.decode(TEXT, null, 100)).isSameAs(TEXT);
        assertThat(Decoding.decode(TEXT, "", 100)).isSameAs(TEXT);
        assertThat(Decoding.decode(TEXT, " Identity ", 100)).isSameAs(TEXT);
    }

    @Test
    void gzipAndXGzip() throws Exception {
        assertThat(Decoding.decode(MockSource.gzip(TEXT), "gzip", 100)).isEqualTo(TEXT);
        assertThat(Decoding.decode(MockSource.gzip(TEXT), "X-GZIP", 100)).isEqualTo(TEXT);
    }

    @Test
    void concatenatedGzipMembersAreAllRead() throws Exception {
        byte[] a = MockSource.gzip("<rss>".getBytes(UTF_8));
        byte[] b = MockSource.gzip("</rss>".getBytes(UTF_8));
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        assertThat(new String(Decoding.decode(both, "gzip", 100), UTF_8)).isEqualTo("<rss></rss>");
    }

    @Test
    void deflateZlibAndRaw() throws Exception {
        assertThat(Decoding.decode(MockSource.deflate(TEXT, true), "deflate", 100)).isEqualTo(TEXT);
        assertThat(Decoding.decode(MockSource.deflate(TEXT, false), "deflate", 100))
                .isEqualTo(TEXT);
    }

    @Test
    void inflatingPastTheCapStops() {
        byte[] bomb = MockSource.gzipOfZeros(50L * 1000 * 1000);
        assertThatThrownBy(() -> Decoding.decode(bomb, "gzip", 1 << 20))
                .isInstanceOf(CappedBody.BodyTooLargeException.class)
                .hasMessageContaining("larger than 1048576 bytes");
    }

    @Test
    void inflatedExactlyToTheCapIsKept() throws Exception {
        assertThat(Decoding.decode(MockSource.gzip(TEXT), "gzip", TEXT.length)).isEqualTo(TEXT);
        assertThatThrownBy(() -> Decoding.decode(MockSource.gzip(TEXT), "gzip", TEXT.length - 1))
                .isInstanceOf(CappedBody.BodyTooLargeException.class);
    }

    @Test
    void unsupportedEncodingIsAnIOException() {
        assertThatThrownBy(() -> Decoding.decode(TEXT, "br", 100))
                .isInstanceOf(IOException.class)
                .hasMessage("unsupported Content-Encoding br");
    }

    @Test
    void notGzipIsAnIOException() {
        assertThatThrownBy(() -> Decoding.decode(TEXT, "gzip", 100))
                .isInstanceOf(IOException.class);
    }
}

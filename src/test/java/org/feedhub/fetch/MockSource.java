package org.feedhub.fetch;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** A WireMock server on a dynamic loopback port, and fetchers pointed at it. */
final class MockSource {
    static final String RSS =
            """
            <?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
            <item><title>i</title><link>https://x.example/1</link></item></channel></rss>
            """;

    private MockSource() {}

    /**
     * WireMock's own response gzipping is off, so every Content-Encoding a test sees is one it set.
     */
    static WireMockServer server(boolean alwaysChunked, Extension... extensions) {
        WireMockServer s =
                new WireMockServer(
                        wireMockConfig()
                                .extensions(extensions)
                                .dynamicPort()
                                .bindAddress("127.0.0.1")
                                .gzipDisabled(true)
                                .useChunkedTransferEncoding(
                                        alwaysChunked
                                                ? Options.ChunkedEncodingPolicy.ALWAYS
                                                : Options.ChunkedEncodingPolicy.NEVER));
        s.start();
        return s;
    }

    static FetchSettings settings(
            Duration response, long maxBytes, int perHost, boolean allowPrivate, Path root) {
        return new FetchSettings(
                Duration.ofSeconds(1), response, maxBytes, 5, perHost, allowPrivate, null, root);
    }

    static HttpFetcher fetcher(Path root) {
        return new HttpFetcher(settings(Duration.ofSeconds(5), 1 << 20, 2, true, root));
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A gzip of {@code size} zero bytes, made without holding them: a bomb of a few hundred KB. */
    static byte[] gzipOfZeros(long size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 16];
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            for (long left = size; left > 0; left -= zeros.length)
                gz.write(zeros, 0, (int) Math.min(zeros.length, left));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data, boolean zlibWrapped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d =
                new DeflaterOutputStream(
                        out, new Deflater(Deflater.DEFAULT_COMPRESSION, !zlibWrapped))) {
            d.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

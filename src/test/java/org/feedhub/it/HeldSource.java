package org.feedhub.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A hostile source the test holds in its hand: it answers 200 with the start of a feed, then sends
 * nothing more until {@link #release()}, and then trickles {@code megabytesAfterRelease} MiB of
 * junk without a declared length (past any sane body cap). Until released, a poll of it cannot
 * finish, whatever the clock says.
 */
final class HeldSource implements AutoCloseable {
    private static final byte[] START =
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>held</title>"
                    .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    HeldSource(int megabytesAfterRelease) throws IOException {
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.createContext(
                "/held",
                exchange -> {
                    requested.countDown();
                    exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                    exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse early
                    try (OutputStream body = exchange.getResponseBody()) {
                        body.write(START);
                        body.flush();
                        released.await();
                        byte[] junk = new byte[1 << 20];
                        Arrays.fill(junk, (byte) 'a');
                        for (int i = 0; i < megabytesAfterRelease; i++) body.write(junk);
                    } catch (IOException hungUp) {
                        // the fetcher stops reading at its cap and closes the connection
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        finished.countDown();
                    }
                });
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/held";
    }

    /** The poll has reached this source: its response has started and is being held. */
    CountDownLatch requested() {
        return requested;
    }

    boolean finished() {
        return finished.getCount() == 0;
    }

    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        threads.shutdownNow();
    }
}

package org.feedhub.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A listening socket on 127.0.0.1 that never answers, to tell whether anything connected to it.
 * Nothing accepts in the background: {@link #connectionsSoFar()} queues a connection of its own and
 * accepts until it comes out, so every earlier connection is counted, without waiting on a clock.
 */
final class ConnectionCounter implements AutoCloseable {
    private final ServerSocket socket;

    ConnectionCounter() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            socket.setSoTimeout(30_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How many connections were made to this socket before this call (and not counted yet). */
    int connectionsSoFar() {
        try (Socket sentinel = new Socket("127.0.0.1", port())) {
            int others = 0;
            while (true) {
                try (Socket accepted = socket.accept()) {
                    if (accepted.getPort() == sentinel.getLocalPort()) return others;
                    others++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

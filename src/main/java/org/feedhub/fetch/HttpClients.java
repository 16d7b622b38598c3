package org.feedhub.fetch;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * feedhub's JDK {@link HttpClient}s: made one way, and stopped for good. Each client keeps a
 * selector thread blocked in native code, and a JVM that exits with a thread in native code waits
 * up to 300 ms for it (HotSpot's VM_Exit): a third of a second at the end of every command that
 * fetched anything.
 */
public final class HttpClients {
    // HttpClientImpl.toString() ends in "(<id>)", and its selector thread is named from that id;
    // the JDK's own tests find the thread this way.
    private static final Pattern ID = Pattern.compile("\\((\\d{1,10})\\)$");

    private HttpClients() {}

    /**
     * A client that follows no redirect (its callers follow them by hand, checking each hop's
     * address) and speaks HTTP/1.1; {@link #stop} it when its owner closes.
     */
    public static HttpClient create(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Ends the client's selector thread; a client already stopped, or not the JDK's, is left. */
    public static void stop(HttpClient client) {
        if (client instanceof AutoCloseable closeable) { // Java 21+: HttpClient.close()
            try {
                closeable.close();
            } catch (Exception e) {
                // stopping at shutdown: nothing left to tell anyone
            }
            return;
        }
        Thread selector = selectorThread(client);
        // Java 17: no close(); the selector loop ends, and closes its connections, when
        // interrupted.
        if (selector != null) selector.interrupt();
    }

    /** The client's selector thread, if it is still running. */
    static Thread selectorThread(HttpClient client) {
        Matcher m = ID.matcher(String.valueOf(client));
        if (!m.find()) return null;
        String name = "HttpClient-" + m.group(1) + "-SelectorManager";
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(name)) return t;
        }
        return null;
    }
}

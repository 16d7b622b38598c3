package org.feedhub.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One tab of Debian's headless Chromium driven over the DevTools protocol (a WebSocket, the JDK's
 * own client): load a page, click a link as a reader would, read the DOM after its scripts ran. For
 * what {@code --dump-dom} cannot do. The waits are safety limits, not timings under test.
 */
final class ChromiumTab implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private ChromiumTab(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    static ChromiumTab open() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-cdp");
        Process p =
                new ProcessBuilder(
                                Chromium.BINARY.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--window-size=390,1200",
                                "--remote-debugging-address=127.0.0.1",
                                "--remote-debugging-port=0",
                                "--remote-allow-origins=*",
                                "--user-data-dir=" + profile,
                                "about:blank")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        try {
            // Chromium writes the port it chose into the profile: "PORT\n/devtools/browser/ID"
            Path active = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (!Files.exists(active) || Files.readAllLines(active).isEmpty()) {
                if (System.nanoTime() > deadline || !p.isAlive())
                    throw new AssertionError("chromium did not open its DevTools port");
                Thread.sleep(50);
            }
            String port = Files.readAllLines(active).get(0).strip();
            HttpClient http = HttpClient.newHttpClient();
            String wsUrl = null;
            while (wsUrl == null) {
                String list =
                        http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                "http://127.0.0.1:"
                                                                        + port
                                                                        + "/json/list"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body();
                for (JsonNode t : JSON.readTree(list)) {
                    if ("page".equals(t.path("type").asString()))
                        wsUrl = t.get("webSocketDebuggerUrl").asString();
                }
                if (wsUrl == null) {
                    if (System.nanoTime() > deadline) throw new AssertionError("no page target");
                    Thread.sleep(50);
                }
            }
            Listener listener = new Listener();
            WebSocket ws =
                    http.newWebSocketBuilder()
                            .buildAsync(URI.create(wsUrl), listener)
                            .get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            ChromiumTab tab = new ChromiumTab(p, profile, ws);
            listener.tab = tab;
            return tab;
        } catch (Exception e) {
            p.destroyForcibly();
            if (e instanceof IOException io) throw io;
            if (e instanceof InterruptedException ie) throw ie;
            if (e instanceof RuntimeException re) throw re;
            throw new IOException(e);
        }
    }

    /** Loads {@code url} and waits until the page (and its scripts) finished loading. */
    void load(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        waitFor("document.readyState === 'complete' && location.href !== 'about:blank'");
    }

    /**
     * Clicks the first element matching {@code selector} and waits until the browser is on a page
     * whose address contains {@code expected}.
     */
    void click(String selector, String expected) throws Exception {
        String js = "document.querySelector(" + JSON.writeValueAsString(selector) + ")";
        String found = eval("(" + js + " !== null) + ''");
        if (!"true".equals(found)) throw new AssertionError("nothing matches " + selector);
        eval(js + ".click(), ''");
        waitFor(
                "location.href.includes("
                        + JSON.writeValueAsString(expected)
                        + ") && document.readyState === 'complete'");
    }

    /** The page's address now. */
    String url() throws Exception {
        return eval("location.href");
    }

    /** The DOM as it is now, after scripts (and XSLT) ran. */
    String dom() throws Exception {
        return eval("document.documentElement.outerHTML");
    }

    /** Evaluates a JavaScript expression in the page; its value as text. */
    String eval(String expression) throws Exception {
        JsonNode r =
                call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails"))
            throw new IllegalStateException(r.get("exceptionDetails").toString());
        JsonNode v = r.path("result").path("value");
        return v.isMissingNode() || v.isNull() ? null : v.asString();
    }

    private void waitFor(String condition) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            try {
                if ("true".equals(eval("(" + condition + ") + ''"))) return;
            } catch (IllegalStateException e) {
                // the page is between documents: ask again
            }
            if (System.nanoTime() > deadline)
                throw new AssertionError("the page never reached: " + condition);
            Thread.sleep(50);
        }
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(
                        JSON.writeValueAsString(
                                Map.of("id", id, "method", method, "params", params)),
                        true)
                .get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode reply = answer.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error"))
            throw new IllegalStateException(method + ": " + reply.get("error").toString());
        return reply.path("result");
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly();
        try (var files = Files.walk(profile)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList())
                Files.deleteIfExists(f);
        } catch (IOException | java.io.UncheckedIOException e) {
            // a leftover temporary profile is harmless; Chromium's helper processes may still be
            // renaming files in it while the walk lists them (NoSuchFileException)
        }
    }

    /** Collects a message's frames and hands each reply to the call that waits for it. */
    private static final class Listener implements WebSocket.Listener {
        volatile ChromiumTab tab;
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                JsonNode m = JSON.readTree(message);
                if (m.has("id") && tab != null) {
                    CompletableFuture<JsonNode> f = tab.pending.remove(m.get("id").asInt());
                    if (f != null) f.complete(m);
                }
            }
            ws.request(1);
            return null;
        }
    }
}

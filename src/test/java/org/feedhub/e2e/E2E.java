package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.feedhub.batch.PassReport;
import org.feedhub.batch.PassRunner;
import org.springframework.context.ApplicationContext;

/**
 * One end-to-end test class's world: the WireMock server for its sources, a directory holding its
 * feeds.yml, and (once the application runs) the application itself. One per test class, made
 * before the Spring context so the context can be pointed at it.
 */
public final class E2E {
    private static final Map<Class<?>, E2E> BY_CLASS = new ConcurrentHashMap<>();

    private final WireMockServer wiremock;
    private final Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> properties = new LinkedHashMap<>();
    private volatile ApplicationContext app;

    private E2E(String name, boolean templating) {
        wiremock =
                new WireMockServer(
                        wireMockConfig()
                                .dynamicPort()
                                .bindAddress("127.0.0.1")
                                .templatingEnabled(templating)
                                .globalTemplating(false));
        wiremock.start();
        try {
            dir = Files.createTempDirectory("feedhub-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The world of {@code testClass}, made (and its WireMock server started) on first use. */
    static E2E of(Class<?> testClass) {
        return BY_CLASS.computeIfAbsent(
                testClass,
                c -> {
                    FeedhubE2E a = c.getAnnotation(FeedhubE2E.class);
                    return new E2E(
                            c.getSimpleName().toLowerCase(java.util.Locale.ROOT),
                            a != null && a.responseTemplating());
                });
    }

    /** Stops the WireMock server of {@code testClass}, if it has one. */
    static void stop(Class<?> testClass) {
        E2E e2e = BY_CLASS.remove(testClass);
        if (e2e != null) e2e.wiremock.stop();
    }

    void attach(ApplicationContext context) {
        this.app = context;
    }

    /** The server the sources live on. */
    public WireMockServer wiremock() {
        return wiremock;
    }

    /** {@code http://localhost:PORT} of the WireMock server. */
    public String sourceBase() {
        return "http://localhost:" + wiremock.port();
    }

    /** The directory feeds.yml is in (free for the test's other files too). */
    public Path dir() {
        return dir;
    }

    public Path feedsYml() {
        return dir.resolve("feeds.yml");
    }

    /**
     * Sets an application property from a {@link FeedhubE2E.BeforeContext} method, for a value
     * known only at run time (annotation properties must be constants). It wins over the
     * annotation's and {@code @SpringBootTest}'s own, so {@code server.port} fixes the port where
     * the application must name itself before it starts (its {@code feedhub.base-url}).
     */
    public void property(String name, String value) {
        properties.put(name, value);
    }

    Map<String, String> properties() {
        return properties;
    }

    /** Writes feeds.yml. */
    public void writeFeeds(String yaml) {
        try {
            Files.writeString(feedsYml(), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the shipped demo: the repository's feeds.yml and the sample feeds it reads ({@code
     * file:} URLs, relative to feeds.yml), copied beside each other into {@link #dir()}. For the
     * classes that test the demo as a reader sees it.
     */
    public void writeDemo() {
        try {
            Files.copy(Path.of("feeds.yml"), feedsYml(), StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(dir.resolve("samples"));
            try (var samples = Files.list(Path.of("samples"))) {
                for (Path f : samples.toList()) {
                    Files.copy(
                            f,
                            dir.resolve("samples").resolve(f.getFileName().toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves a test resource at {@code path} on the WireMock server. */
    public void serve(String path, String resource, String contentType) {
        try (InputStream in = E2E.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("no test resource " + resource);
            wiremock.stubFor(
                    com.github.tomakehurst.wiremock.client.WireMock.get(path)
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", contentType)
                                            .withBody(in.readAllBytes())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The running application (after the context has started). */
    public ApplicationContext app() {
        if (app == null) throw new IllegalStateException("the application has not started yet");
        return app;
    }

    /** The application's base URL, {@code http://localhost:PORT}. */
    public String appBase() {
        return "http://localhost:" + app().getEnvironment().getProperty("local.server.port");
    }

    /** Runs one pass over every source, as the schedule would, and returns its report. */
    public PassReport runPass() {
        return app().getBean(PassRunner.class).run(true);
    }

    /** GETs {@code path} from the application, whatever the status. */
    public HttpResponse<String> request(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(appBase() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GETs {@code path} from the application and returns the body; the status must be 200. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = request(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}

package org.feedhub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product as a user runs it: the built {@code target/feedhub.jar} started with {@code java
 * -jar} in a fresh directory holding a copy of the shipped feeds.yml, samples/ and config/. Runs in
 * Maven's verify phase (failsafe), after package has built the jar.
 */
class JarIT {
    static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    static final Path JAR = ROOT.resolve("target/feedhub.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final Duration COMMAND_LIMIT = Duration.ofSeconds(120);
    static final Duration START_LIMIT = Duration.ofSeconds(60);
    static final Duration RELOAD_LIMIT = Duration.ofSeconds(45);
    static final Pattern SOURCE_NEW = Pattern.compile("(?m)^(\\S+)\\s+(\\d+) new, ");
    static final Pattern PASS =
            Pattern.compile(
                    "(?m)^pass COMPLETED: (\\d+) sources, (\\d+) new stories, (\\d+) failed");

    final HttpClient http =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
    final JsonMapper json = JsonMapper.builder().build();

    @TempDir Path work;

    Process server;
    Path serverOut;
    Path serverErr;
    int runs;

    @BeforeEach
    void aFreshDirectoryWithTheShippedFiles() throws IOException {
        assertThat(JAR)
                .as("run `mvn verify`: package builds target/feedhub.jar before this test")
                .isRegularFile();
        Files.copy(ROOT.resolve("feeds.yml"), work.resolve("feeds.yml"));
        copyTree(ROOT.resolve("samples"), work.resolve("samples"));
        copyTree(ROOT.resolve("config"), work.resolve("config"));
    }

    @AfterEach
    void stopTheServer() throws InterruptedException {
        if (server == null) return;
        server.destroy(); // SIGTERM: Spring's graceful shutdown
        if (!server.waitFor(15, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ the sub-commands

    @Test
    void subCommands() throws Exception {
        // check: what the shipped feeds.yml defines
        Run check = java("check");
        check.assertStatus(0);
        assertThat(check.errLines()).isEmpty();
        assertThat(check.out())
                .contains(
                        "2 sources, 2 topics",
                        "wire-world",
                        "ledger-diplomacy",
                        "sergei-lavrov",
                        "russian-diplomacy",
                        "feeds.yml is valid.");

        // preview: what one source yields, printed without a database (so before ./data/ exists)
        Run preview = java("preview", "wire-world");
        preview.assertStatus(0);
        assertThat(preview.errLines()).isEmpty();
        assertThat(preview.out())
                .contains(
                        "wire-world: file:",
                        "1. ",
                        "   link:      https://",
                        "   date:      20",
                        "(a preview: nothing was stored)");
        assertThat(work.resolve("data")).as("preview stores nothing").doesNotExist();
        Run unknown = java("preview", "no-such-source");
        unknown.assertStatus(1);
        assertThat(unknown.errLines())
                .singleElement()
                .asString()
                .startsWith("feedhub: no source 'no-such-source'");

        // aggregate: one line per source with its new stories, then the pass
        Run first = java("aggregate");
        first.assertStatus(0);
        assertThat(first.errLines()).isEmpty();
        Map<String, Integer> added = newPerSource(first.out());
        assertThat(added).containsOnlyKeys("wire-world", "ledger-diplomacy");
        assertThat(added.values()).allSatisfy(n -> assertThat(n).isPositive());
        Matcher pass = PASS.matcher(first.out());
        assertThat(pass.find()).as(first.out()).isTrue();
        assertThat(pass.group(1)).isEqualTo("2");
        assertThat(Integer.parseInt(pass.group(2)))
                .isEqualTo(added.values().stream().mapToInt(i -> i).sum());
        assertThat(pass.group(3)).isEqualTo("0");
        assertThat(work.resolve("data")).as("the H2 database under ./data/").isDirectory();

        // aggregate again, with one broken source added: the samples are unchanged, the broken
        // source is
        // reported on its own line and does not fail the pass
        String withBroken =
                feedsYml()
                        .replace(
                                "\ntopics:\n",
                                "\n  - id: gone\n    url: file:samples/gone.rss\n\ntopics:\n");
        Files.writeString(work.resolve("feeds-broken.yml"), withBroken);
        Run second = java("aggregate", "--feedhub.feeds=feeds-broken.yml");
        second.assertStatus(0);
        assertThat(second.out())
                .containsPattern("(?m)^wire-world\\s+unchanged")
                .containsPattern("(?m)^ledger-diplomacy\\s+unchanged")
                .containsPattern("(?m)^gone\\s+failed: .*gone\\.rss")
                .containsPattern("(?m)^pass COMPLETED: 3 sources, 0 new stories, 1 failed");
        assertThat(newPerSource(second.out())).isEmpty();

        // export DIR: static files for any web server
        Run export = java("export", "site");
        export.assertStatus(0);
        assertThat(export.errLines()).isEmpty();
        Path site = work.resolve("site");
        assertThat(export.out()).contains("wrote", site.toString());
        for (String f :
                List.of(
                        "index.html",
                        "topics.opml",
                        "sources.opml",
                        "topics/sergei-lavrov.rss",
                        "topics/sergei-lavrov.atom",
                        "topics/sergei-lavrov.json",
                        "topics/russian-diplomacy.rss",
                        "feed.xsl")) {
            assertThat(site.resolve(f)).isRegularFile();
        }
        // the stylesheet comes out of the jar, and the feeds name it relative to themselves
        assertThat(Files.readString(site.resolve("feed.xsl"))).contains("<xsl:stylesheet");
        assertThat(Files.readString(site.resolve("topics/sergei-lavrov.rss")))
                .contains("href=\"../feed.xsl\"");
        try (var tags = Files.list(site.resolve("topics/sergei-lavrov/tags"))) {
            assertThat(tags.map(p -> p.getFileName().toString()))
                    .as("a page per tag")
                    .isNotEmpty()
                    .allMatch(n -> n.matches("[a-z0-9-]+\\.html"));
        }
        SyndFeed rss = syndFeed(Files.readString(site.resolve("topics/sergei-lavrov.rss")));
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertStories(rss);
        SyndFeed atom = syndFeed(Files.readString(site.resolve("topics/sergei-lavrov.atom")));
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getEntries()).hasSameSizeAs(rss.getEntries());
        JsonNode feed = json.readTree(Files.readString(site.resolve("topics/sergei-lavrov.json")));
        assertThat(feed.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("items").size()).isEqualTo(rss.getEntries().size());
        assertThat(
                        opml(Files.readAllBytes(site.resolve("topics.opml")))
                                .getElementsByTagName("outline")
                                .getLength())
                .isEqualTo(2);
        opml(Files.readAllBytes(site.resolve("sources.opml")));
        assertThat(Files.readString(site.resolve("index.html")))
                .contains(
                        "href=\"topics/sergei-lavrov.rss\"",
                        "href=\"topics/russian-diplomacy.atom\"",
                        "rel=\"alternate\"");

        // an invalid edit stops aggregate, and the server's start-up, with one line naming line and
        // field
        int line = writeFeedsYml(feedsYml().replaceFirst("every: 5m", "every: 5x"), "every: 5x");
        String expected =
                "feedhub: feeds.yml:" + line + ": sources[0].every: \"5x\" is not an interval";
        Run refused = java("aggregate");
        assertThat(refused.status()).isNotZero();
        assertThat(refused.errLines()).singleElement().asString().startsWith(expected);
        assertThat(refused.out()).doesNotContain("pass ");
        Run noStart = java("--server.port=" + freePort());
        assertThat(noStart.status()).isNotZero();
        assertThat(noStart.errLines()).singleElement().asString().startsWith(expected);
        assertThat(noStart.out()).doesNotContain("feedhub is serving");
    }

    // ------------------------------------------------------------------ the server

    @Test
    void server() throws Exception {
        int port = freePort();
        String base = "http://localhost:" + port;
        serverOut = work.resolve("server.out");
        serverErr = work.resolve("server.err");
        server =
                start(
                        List.of("--server.port=" + port, "--feedhub.schedule.tick=2s"),
                        serverOut,
                        serverErr);

        await("the \"feedhub is serving\" line", START_LIMIT, () -> readyLine() != null);
        assertThat(readyLine())
                .isEqualTo("feedhub is serving 2 topics from 2 sources at " + base + "/");

        // the embedded database: AUTO_SERVER on loopback only, its folder and password owner-only
        java.util.Properties lock = new java.util.Properties();
        try (var in = Files.newInputStream(work.resolve("data/feedhub.lock.db"))) {
            lock.load(in);
        }
        // H2 names the address it bound to: with h2.bindAddress=127.0.0.1 that is the loopback
        // name (an unbound server would write the machine's own address)
        assertThat(lock.getProperty("server")).matches("(127\\.0\\.0\\.1|localhost):[0-9]+");
        assertThat(
                        java.nio.file.attribute.PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(work.resolve("data"))))
                .isEqualTo("rwx------");
        assertThat(
                        java.nio.file.attribute.PosixFilePermissions.toString(
                                Files.getPosixFilePermissions(work.resolve("data/.db-password"))))
                .isEqualTo("rw-------");

        HttpResponse<String> index = get(base + "/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(index.body())
                .contains("sergei-lavrov.rss", "russian-diplomacy.rss", "rel=\"alternate\"");

        // the first pass runs at start-up; its stories reach the feed
        await(
                "stories in /topics/sergei-lavrov.rss",
                START_LIMIT,
                () -> !rss(base, "sergei-lavrov").getEntries().isEmpty());
        SyndFeed rss = rss(base, "sergei-lavrov");
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertStories(rss);

        HttpResponse<String> atom = get(base + "/topics/sergei-lavrov.atom");
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(syndFeed(atom.body()).getEntries()).hasSameSizeAs(rss.getEntries());
        HttpResponse<String> jsonFeed = get(base + "/topics/sergei-lavrov.json");
        assertThat(jsonFeed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(jsonFeed.body()).path("items").size())
                .isEqualTo(rss.getEntries().size());
        HttpResponse<String> topics = get(base + "/topics.opml");
        assertThat(topics.statusCode()).isEqualTo(200);
        assertThat(topics.body())
                .contains(
                        base + "/topics/sergei-lavrov.rss", base + "/topics/russian-diplomacy.rss");
        opml(topics.body().getBytes(StandardCharsets.UTF_8));

        JsonNode health = health(base);
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(
                        health.path("components")
                                .path("aggregation")
                                .path("details")
                                .has("feedsYmlRefused"))
                .isFalse();

        // the sub-commands work while the server runs on the same database
        Run aggregate = java("aggregate");
        aggregate.assertStatus(0);
        assertThat(aggregate.out()).containsPattern("(?m)^pass COMPLETED: 2 sources, ");

        // a valid edit of feeds.yml takes effect without a restart
        assertThat(get(base + "/topics/syria-watch.rss").statusCode()).isEqualTo(404);
        String original = feedsYml();
        String withTopic =
                original.replace(
                        "\ntags:\n",
                        """

                  - id: syria-watch
                    title: Syria watch
                    match:
                      any: [syria, damascus]
                    limit: 10

                tags:
                """);
        assertThat(withTopic).isNotEqualTo(original);
        Files.writeString(work.resolve("feeds.yml"), withTopic);
        await(
                "/topics/syria-watch.rss to answer 200",
                RELOAD_LIMIT,
                () -> get(base + "/topics/syria-watch.rss").statusCode() == 200);
        assertThat(rss(base, "syria-watch").getEntries()).isNotEmpty();
        assertThat(get(base + "/").body()).contains("syria-watch.rss");

        // an invalid edit (which also drops the new topic) is refused; the last good feeds.yml
        // stays in force
        int line = writeFeedsYml(original.replaceFirst("every: 5m", "every: 5x"), "every: 5x");
        String refusal = "feeds.yml:" + line + ": sources[0].every";
        await(
                "a feedsYmlRefused health detail, and the server's log naming " + refusal,
                RELOAD_LIMIT,
                () -> refused(base).equals("true") && serverLog().contains(refusal));
        // the public health says an edit was refused, never what it says (nor the working folder)
        assertThat(get(base + "/actuator/health").body())
                .doesNotContain(refusal)
                .doesNotContain(work.toString());
        assertThat(get(base + "/topics/syria-watch.rss").statusCode()).isEqualTo(200);
        assertThat(rss(base, "syria-watch").getEntries()).isNotEmpty();
        assertThat(rss(base, "sergei-lavrov").getEntries()).hasSameSizeAs(rss.getEntries());
        assertThat(server.isAlive()).isTrue();

        // fixing the file clears the refusal, and the file on disk is in force again (without
        // syria-watch)
        Files.writeString(work.resolve("feeds.yml"), original);
        await("the feedsYmlRefused detail to clear", RELOAD_LIMIT, () -> refused(base).isEmpty());
        assertThat(get(base + "/topics/syria-watch.rss").statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ a wrong setting

    /**
     * A wrong value in config/application.yml stops both a command and the server, with the setting
     * and its value named; neither runs with a default in its place.
     */
    @Test
    void aWrongSettingStopsCommandsAndTheServerNamingIt() throws Exception {
        Files.writeString(
                work.resolve("config/application.yml"),
                "feedhub:\n  hub:\n    retry-delay: banana\n  poll:\n    concurrency: 0\n");
        Run check = java("check", "--feedhub.hub.retry-delay=2m");
        check.assertStatus(2);
        assertThat(check.out()).isEmpty();
        assertThat(check.errLines())
                .containsExactly(
                        "feedhub: bad setting feedhub.poll.concurrency=0: must be at least 1");

        Run serve = java("--server.port=" + freePort(), "--feedhub.poll.concurrency=4");
        serve.assertStatus(2);
        assertThat(serve.errLines())
                .last()
                .asString()
                .startsWith("feedhub: bad setting feedhub.hub.retry-delay=banana")
                .contains("config/application.yml")
                .endsWith("not a Duration");
        assertThat(work.resolve("data")).as("nothing started").doesNotExist();
    }

    // ------------------------------------------------------------------ helpers

    record Run(List<String> command, int status, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        void assertStatus(int expected) {
            assertThat(status)
                    .as("%s%n--- stdout%n%s%n--- stderr%n%s", command, out, err)
                    .isEqualTo(expected);
        }
    }

    /** {@code java -jar target/feedhub.jar ARGS} in the work directory, to its end (bounded). */
    Run java(String... args) throws IOException, InterruptedException {
        int n = ++runs;
        Path out = work.resolve("run" + n + ".out");
        Path err = work.resolve("run" + n + ".err");
        Process p = start(List.of(args), out, err);
        try {
            if (!p.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                fail(
                        "%s did not end within %s%n%s",
                        List.of(args), COMMAND_LIMIT, Files.readString(out));
            }
            return new Run(
                    List.of(args), p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    Process start(List<String> args, Path out, Path err) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder pb =
                new ProcessBuilder(command)
                        .directory(work.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        // a user's shell may set these; they would change the database, the settings or add JVM
        // notices to stderr
        pb.environment()
                .keySet()
                .removeIf(
                        k ->
                                k.startsWith("SPRING_")
                                        || k.startsWith("FEEDHUB_")
                                        || k.startsWith("SERVER_")
                                        || k.startsWith("MANAGEMENT_")
                                        || k.startsWith("LOGGING_")
                                        || k.equals("JAVA_TOOL_OPTIONS")
                                        || k.equals("_JAVA_OPTIONS")
                                        || k.equals("JDK_JAVA_OPTIONS"));
        return pb.start();
    }

    /** Polls {@code condition} every half second until it holds; fails after {@code limit}. */
    void await(String what, Duration limit, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            if (server != null && !server.isAlive()) {
                fail(
                        "the server ended (status %d) while waiting for %s%n%s%n%s",
                        server.exitValue(), what, tail(serverOut), tail(serverErr));
            }
            try {
                if (condition.getAsBoolean()) return;
                last = null;
            } catch (RuntimeException | AssertionError e) {
                last = e;
            }
            Thread.sleep(500);
        }
        fail(
                "no "
                        + what
                        + " within "
                        + limit
                        + (last == null ? "" : " (last: " + last + ")")
                        + "\n"
                        + tail(serverOut)
                        + "\n"
                        + tail(serverErr));
    }

    String readyLine() {
        try (Stream<String> lines = Files.lines(serverOut)) {
            return lines.filter(l -> l.startsWith("feedhub is serving")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    HttpResponse<String> get(String url) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(15))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    SyndFeed rss(String base, String topic) {
        HttpResponse<String> r = get(base + "/topics/" + topic + ".rss");
        assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/rss+xml"));
        return syndFeed(r.body());
    }

    String serverLog() {
        try {
            return Files.readString(serverOut);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    JsonNode health(String base) {
        HttpResponse<String> r = get(base + "/actuator/health");
        assertThat(r.statusCode()).isEqualTo(200);
        return json.readTree(r.body());
    }

    /** The health detail of a refused feeds.yml edit, empty when there is none. */
    String refused(String base) {
        JsonNode detail =
                health(base)
                        .path("components")
                        .path("aggregation")
                        .path("details")
                        .path("feedsYmlRefused");
        return detail.isMissingNode() ? "" : detail.asString();
    }

    static SyndFeed syndFeed(String xml) {
        try {
            return new SyndFeedInput().build(new StringReader(xml));
        } catch (Exception e) {
            throw new AssertionError("not a feed: " + e + "\n" + xml, e);
        }
    }

    static void assertStories(SyndFeed feed) {
        assertThat(feed.getEntries()).isNotEmpty();
        for (SyndEntry e : feed.getEntries()) {
            assertThat(e.getTitle()).isNotBlank();
            assertThat(e.getLink()).startsWith("http");
            assertThat(e.getPublishedDate()).isNotNull();
        }
    }

    static Document opml(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("opml");
        assertThat(d.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        assertThat(d.getElementsByTagName("body").getLength()).isEqualTo(1);
        return d;
    }

    static Map<String, Integer> newPerSource(String out) {
        Map<String, Integer> added = new java.util.LinkedHashMap<>();
        Matcher m = SOURCE_NEW.matcher(out);
        while (m.find()) {
            assertThat(added.put(m.group(1), Integer.parseInt(m.group(2))))
                    .as("one line per source: " + m.group(1))
                    .isNull();
        }
        return added;
    }

    String feedsYml() throws IOException {
        return Files.readString(work.resolve("feeds.yml"));
    }

    /** Writes feeds.yml in place. @return the 1-based line holding {@code marker} */
    int writeFeedsYml(String text, String marker) throws IOException {
        List<String> lines = text.lines().toList();
        int line =
                lines.indexOf(
                                lines.stream()
                                        .filter(l -> l.contains(marker))
                                        .findFirst()
                                        .orElseThrow())
                        + 1;
        Files.writeString(work.resolve("feeds.yml"), text);
        return line;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String tail(Path file) {
        if (file == null || !Files.exists(file)) return "";
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}

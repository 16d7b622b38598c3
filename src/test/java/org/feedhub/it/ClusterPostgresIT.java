package org.feedhub.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two feedhub servers on one PostgreSQL database share the work: each source is fetched once per
 * interval across both, and either serves the feeds. Runs when FEEDHUB_TEST_POSTGRES_URL names a
 * database (CI's PostgreSQL run); skipped otherwise.
 */
class ClusterPostgresIT {
    static final int SOURCES = 30;
    final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir Path dir;

    @AfterEach
    void stop() {
        wire.stop();
    }

    @Test
    void twoInstancesFetchEachSourceOnceAndBothServeTheFeeds() throws Exception {
        String pg = System.getenv("FEEDHUB_TEST_POSTGRES_URL");
        assumeTrue(pg != null, "needs FEEDHUB_TEST_POSTGRES_URL (CI's PostgreSQL run)");
        wire.start();
        StringBuilder yml = new StringBuilder("defaults:\n  every: 1h\nsources:\n");
        for (int s = 0; s < SOURCES; s++) {
            wire.stubFor(
                    get("/s" + s + ".rss")
                            .willReturn(
                                    aResponse()
                                            .withFixedDelay(1000)
                                            .withHeader("Content-Type", "application/rss+xml")
                                            .withBody(CrashIT.rss(s))));
            yml.append("  - id: s")
                    .append(s)
                    .append("\n    url: http://localhost:")
                    .append(wire.port())
                    .append("/s")
                    .append(s)
                    .append(".rss\n");
        }
        yml.append("topics:\n  - id: all\n    title: All\n    limit: 1000\n");
        Files.writeString(dir.resolve("feeds.yml"), yml);
        String schema = "cluster_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> common =
                List.of(
                        "--spring.datasource.url="
                                + pg
                                + (pg.contains("?") ? "&" : "?")
                                + "currentSchema="
                                + schema,
                        "--spring.datasource.username="
                                + System.getenv()
                                        .getOrDefault("FEEDHUB_TEST_POSTGRES_USER", "feedhub"),
                        "--spring.datasource.password="
                                + System.getenv()
                                        .getOrDefault("FEEDHUB_TEST_POSTGRES_PASSWORD", "feedhub"),
                        "--spring.flyway.schemas=" + schema,
                        "--spring.flyway.create-schemas=true",
                        "--feedhub.fetch.allow-private-networks=true",
                        "--feedhub.poll.concurrency=2",
                        "--feedhub.schedule.tick=1s");
        int portA = freePort(), portB = freePort();
        // A starts first and creates the schema; B joins while A's first pass is under way (sources
        // answer in 1 s).
        try (ChildJvm a = ChildJvm.start(dir, "a", with(common, "--server.port=" + portA));
                ChildJvm b = startAfter(a, dir, with(common, "--server.port=" + portB))) {
            awaitServing(b);
            long deadline = System.currentTimeMillis() + 90_000;
            while (distinctFetched() < SOURCES && System.currentTimeMillis() < deadline)
                Thread.sleep(200);
            assertThat(distinctFetched()).as(a.output() + b.output()).isEqualTo(SOURCES);
            Thread.sleep(4000); // several more ticks of both instances: nothing is due, nothing is
            // fetched
            for (int s = 0; s < SOURCES; s++)
                wire.verify(1, getRequestedFor(urlEqualTo("/s" + s + ".rss")));
            int byA = count(a.stdout(), "o.f.batch.AggregateJobConfiguration"),
                    byB = count(b.stdout(), "o.f.batch.AggregateJobConfiguration");
            System.out.printf("cluster: instance A wrote %d sources, instance B %d%n", byA, byB);
            assertThat(byA + byB).isEqualTo(SOURCES);
            for (int port : new int[] {portA, portB}) {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:"
                                                                + port
                                                                + "/topics/all.rss"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body().split("<item>", -1)).hasSize(SOURCES * 3 + 1);
            }
        }
    }

    /**
     * Two servers on two "hosts" (names given by {@code feedhub.cluster.host}, so neither can look
     * up the other's pid). A's fetches hang (WireMock answers its User-Agent after 5 minutes), so A
     * holds its claims; B polls the rest and says which sources A keeps from it. A is killed with
     * SIGKILL; B takes its claims over once A's heartbeat is older than the timeout (10 s here; the
     * lease is 30 minutes, far beyond this test) and stores every story of every source exactly
     * once.
     */
    @Test
    void anInstanceKilledMidPassIsTakenOverByTheOtherWithinTheHeartbeatTimeout() throws Exception {
        String pg = System.getenv("FEEDHUB_TEST_POSTGRES_URL");
        assumeTrue(pg != null, "needs FEEDHUB_TEST_POSTGRES_URL (CI's PostgreSQL run)");
        wire.start();
        StringBuilder yml = new StringBuilder("defaults:\n  every: 1h\nsources:\n");
        for (int s = 0; s < SOURCES; s++) {
            wire.stubFor(
                    get("/s" + s + ".rss")
                            .atPriority(5)
                            .willReturn(
                                    aResponse()
                                            .withHeader("Content-Type", "application/rss+xml")
                                            .withBody(CrashIT.rss(s))));
            wire.stubFor(
                    get("/s" + s + ".rss")
                            .atPriority(1)
                            .withHeader("User-Agent", containing("instance-a"))
                            .willReturn(
                                    aResponse()
                                            .withFixedDelay(300_000)
                                            .withHeader("Content-Type", "application/rss+xml")
                                            .withBody(CrashIT.rss(s))));
            yml.append("  - id: s")
                    .append(s)
                    .append("\n    url: http://localhost:")
                    .append(wire.port())
                    .append("/s")
                    .append(s)
                    .append(".rss\n");
        }
        yml.append("topics:\n  - id: all\n    title: All\n    limit: 1000\n");
        Files.writeString(dir.resolve("feeds.yml"), yml);
        String schema = "takeover_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> common = new ArrayList<>(database(pg, schema));
        common.addAll(
                List.of(
                        "--feedhub.fetch.allow-private-networks=true",
                        "--feedhub.poll.concurrency=2",
                        "--feedhub.schedule.tick=1s",
                        "--feedhub.cluster.lease=30m",
                        "--feedhub.cluster.heartbeat=1s",
                        "--feedhub.cluster.heartbeat-timeout=10s"));
        List<String> argsA = new ArrayList<>(common);
        argsA.addAll(
                List.of(
                        "--server.port=" + freePort(),
                        "--feedhub.cluster.host=host-a",
                        "--feedhub.fetch.user-agent=instance-a",
                        "--feedhub.fetch.response-timeout=600s"));
        List<String> argsB = new ArrayList<>(common);
        int portB = freePort();
        argsB.addAll(
                List.of(
                        "--server.port=" + portB,
                        "--feedhub.cluster.host=host-b",
                        "--feedhub.fetch.user-agent=instance-b"));
        ChildJvm a = ChildJvm.start(dir, "a", argsA);
        try (a;
                java.sql.Connection db = awaitSchema(pg, schema, a)) {
            long deadline = System.currentTimeMillis() + 180_000;
            while (claimsOf(db, "host-a") < 2 && System.currentTimeMillis() < deadline) {
                if (!a.process.isAlive()) throw new AssertionError("A died\n" + a.output());
                Thread.sleep(100);
            }
            assertThat(claimsOf(db, "host-a")).as("A holds claims\n" + a.output()).isEqualTo(2);
            try (ChildJvm b = ChildJvm.start(dir, "b", argsB)) {
                awaitServing(b);
                deadline = System.currentTimeMillis() + 180_000;
                while (!b.stdout().contains("skipped: claimed by pass")
                        && System.currentTimeMillis() < deadline) Thread.sleep(200);
                assertThat(fetchedBy("instance-b")).isEqualTo(SOURCES - 2);
                assertThat(b.stdout())
                        .as("B names what A keeps from it\n" + b.output())
                        .contains("2 sources skipped: claimed by pass ")
                        .contains(" on host host-a until ");

                a.kill();
                deadline = System.currentTimeMillis() + 180_000;
                while ((fetchedBy("instance-b") < SOURCES
                                || !b.stdout().contains("was interrupted: abandoned"))
                        && System.currentTimeMillis() < deadline) Thread.sleep(200);
                String bOut = b.stdout();
                System.out.println("--- B's lines on the takeover");
                for (String line : bOut.split("\n"))
                    if (line.contains("took over")
                            || line.contains("skipped")
                            || line.contains("abandoned")
                            || line.contains("pass COMPLETED")) System.out.println(line);
                assertThat(fetchedBy("instance-b")).as(b.output()).isEqualTo(SOURCES);
                assertThat(bOut)
                        .contains("took over pass ", "on host host-a", "its heartbeat stopped")
                        .contains("2 sources it had claimed are polled again")
                        .contains("was interrupted: abandoned");
                assertThat(claimsOf(db, "host-a")).isZero();
                String feed = awaitItems(portB, SOURCES * 3);
                java.util.Set<String> links = new java.util.HashSet<>();
                java.util.regex.Matcher m =
                        java.util.regex.Pattern.compile(
                                        "<link>(https://news\\.test/[^<]{1,200})</link>")
                                .matcher(feed);
                while (m.find()) links.add(m.group(1));
                assertThat(feed.split("<item>", -1)).hasSize(SOURCES * 3 + 1);
                assertThat(links).hasSize(SOURCES * 3);
            }
        }
    }

    /** Distinct sources requested by the instance with this User-Agent. */
    long fetchedBy(String agent) {
        return wire.getAllServeEvents().stream()
                .filter(e -> String.valueOf(e.getRequest().getHeader("User-Agent")).contains(agent))
                .map(e -> e.getRequest().getUrl())
                .distinct()
                .count();
    }

    /** A connection to the schema once {@code first} has created its tables. */
    static java.sql.Connection awaitSchema(String pg, String schema, ChildJvm first)
            throws Exception {
        awaitServing(first);
        return connect(pg, schema);
    }

    /** The topic feed from B once it holds {@code items} items (or what it holds after 60 s). */
    String awaitItems(int port, int items) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        String body = "";
        while (System.currentTimeMillis() < deadline) {
            body =
                    http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://localhost:"
                                                                    + port
                                                                    + "/topics/all.rss"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            if (body.split("<item>", -1).length > items) break;
            Thread.sleep(500);
        }
        return body;
    }

    static List<String> database(String pg, String schema) {
        return List.of(
                "--spring.datasource.url="
                        + pg
                        + (pg.contains("?") ? "&" : "?")
                        + "currentSchema="
                        + schema,
                "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password(),
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.create-schemas=true");
    }

    static String user() {
        return System.getenv().getOrDefault("FEEDHUB_TEST_POSTGRES_USER", "feedhub");
    }

    static String password() {
        return System.getenv().getOrDefault("FEEDHUB_TEST_POSTGRES_PASSWORD", "feedhub");
    }

    static java.sql.Connection connect(String pg, String schema) throws Exception {
        return java.sql.DriverManager.getConnection(
                pg + (pg.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                user(),
                password());
    }

    static int claimsOf(java.sql.Connection db, String host) {
        try (java.sql.PreparedStatement q =
                db.prepareStatement(
                        "SELECT COUNT(*) FROM source WHERE claimed_by IS NOT NULL AND claim_host = ?")) {
            q.setString(1, host);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            return 0; // the schema is not there yet
        }
    }

    static ChildJvm startAfter(ChildJvm first, Path dir, List<String> args) throws Exception {
        awaitServing(first);
        return ChildJvm.start(dir, "b", args);
    }

    static void awaitServing(ChildJvm jvm) throws InterruptedException {
        // Generous: on a loaded 2-core machine a start-up has taken over a minute.
        long deadline = System.currentTimeMillis() + 180_000;
        while (!jvm.stdout().contains("feedhub is serving")
                && System.currentTimeMillis() < deadline) {
            if (!jvm.process.isAlive()) throw new AssertionError("instance died\n" + jvm.output());
            Thread.sleep(100);
        }
        if (!jvm.stdout().contains("feedhub is serving"))
            throw new AssertionError("instance did not start\n" + jvm.output());
    }

    long distinctFetched() {
        return wire.getAllServeEvents().stream()
                .map(e -> e.getRequest().getUrl())
                .distinct()
                .count();
    }

    static int count(String text, String needle) {
        int n = 0;
        for (String line : text.split("\n"))
            if (line.contains(needle) && line.contains(" source s")) n++;
        return n;
    }

    static List<String> with(List<String> common, String extra) {
        List<String> all = new ArrayList<>(common);
        all.add(extra);
        return all;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

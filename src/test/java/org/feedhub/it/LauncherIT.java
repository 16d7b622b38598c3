package org.feedhub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/feedhub}, the launcher that adds class-data sharing and start-up flags: it must behave
 * exactly as {@code java -jar target/feedhub.jar} (output, exit status), record one archive per
 * command on the first run, and map it on the next.
 */
class LauncherIT {
    static final Path LAUNCHER = ChildJvm.ROOT.resolve("bin/feedhub");

    @TempDir Path work;
    @TempDir Path cds;

    @BeforeEach
    void aFreshDirectoryWithTheShippedFiles() throws IOException {
        assertThat(ChildJvm.JAR).as("package builds the jar before this test").isRegularFile();
        Files.copy(ChildJvm.ROOT.resolve("feeds.yml"), work.resolve("feeds.yml"));
        JarIT.copyTree(ChildJvm.ROOT.resolve("samples"), work.resolve("samples"));
        JarIT.copyTree(ChildJvm.ROOT.resolve("config"), work.resolve("config"));
    }

    @Test
    void theFirstRunRecordsAnArchiveAndTheNextMapsItWithTheSameOutput() throws Exception {
        Result plain = run(List.of(ChildJvm.JAVA, "-jar", ChildJvm.JAR.toString(), "check"), "");
        Result first = launcher("", "check");
        assertThat(first.status).isEqualTo(plain.status).isZero();
        assertThat(first.out).isEqualTo(plain.out).contains("feeds.yml is valid.");
        assertThat(first.err).isEqualTo(plain.err);
        assertThat(archives()).containsExactly("check.jsa");

        Path log = work.resolve("classes.log");
        Result second = launcher("-Xlog:class+load=info:file=" + log, "check");
        assertThat(second.out).isEqualTo(plain.out);
        assertThat(second.err).isEqualTo(plain.err);
        assertThat(Files.readAllLines(log))
                .as("feedhub's own classes come from the recorded archive")
                .anyMatch(
                        l ->
                                l.contains("org.feedhub.cli.Main ")
                                        && l.contains("shared objects file (top)"));
    }

    @Test
    void theServerRecordsItsArchiveWhenStoppedThroughTheLauncher() throws Exception {
        int port = JarIT.freePort();
        List<String> cmd =
                List.of(
                        "sh",
                        LAUNCHER.toString(),
                        "--server.port=" + port,
                        "--feedhub.schedule.enabled=false");
        ProcessBuilder pb = builder(cmd, "-XX:+PrintCommandLineFlags", Map.of());
        Path out = work.resolve("server.out");
        Process server = pb.redirectOutput(out.toFile()).redirectErrorStream(true).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI home = URI.create("http://127.0.0.1:" + port + "/");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline && server.isAlive()) {
                try {
                    status =
                            http.send(
                                            HttpRequest.newBuilder(home).build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            assertThat(status).as(Files.readString(out)).isEqualTo(200);
            server.destroy(); // SIGTERM to the launcher, which hands it on to the JVM
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        } finally {
            server.destroyForcibly();
        }
        assertThat(Files.readString(out)).contains("Graceful shutdown complete");
        assertThat(jvmFlags(Files.readString(out)))
                .as("the server keeps the JVM's own compiler and collector")
                .doesNotContain("TieredStopAtLevel", "UseSerialGC");
        assertThat(archives()).containsExactly("server.jsa");
    }

    @Test
    void commandsRunOnTheQuickCompilerAndSerialCollectorUnlessJavaOptsSaysOtherwise()
            throws Exception {
        for (String command : List.of("check", "aggregate")) {
            Result quick = launcher("-XX:+PrintCommandLineFlags", command, "no-such-source");
            assertThat(jvmFlags(quick.out))
                    .as(command)
                    .contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        }
        Result own =
                launcher(
                        "-XX:+UseParallelGC -XX:TieredStopAtLevel=4 -XX:+PrintCommandLineFlags",
                        "check");
        assertThat(own.status).as(own.err).isZero();
        assertThat(jvmFlags(own.out))
                .as("a collector in JAVA_OPTS replaces the serial one: two would stop the JVM")
                .contains("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=4")
                .doesNotContain("UseSerialGC");
    }

    /** The line -XX:+PrintCommandLineFlags writes first. */
    private static String jvmFlags(String out) {
        return out.lines().findFirst().orElse("");
    }

    @Test
    void aWordTheJarDoesNotKnowLeavesTheServersArchiveAlone() throws Exception {
        Result typed = launcher("", "server");
        assertThat(typed.status).isEqualTo(2);
        assertThat(typed.err).contains("unknown command 'server'");
        assertThat(archives()).containsExactly("other.jsa");
    }

    @Test
    void exitStatusAndErrorsAreThoseOfTheJar() throws Exception {
        Result plain =
                run(List.of(ChildJvm.JAVA, "-jar", ChildJvm.JAR.toString(), "no-such-command"), "");
        Result launched = launcher("", "no-such-command");
        assertThat(launched.status).isEqualTo(plain.status).isEqualTo(2);
        assertThat(launched.err).isEqualTo(plain.err).contains("unknown command 'no-such-command'");

        Result bad = launcher("", "preview", "no-such-source");
        assertThat(bad.status).isEqualTo(1);
        assertThat(bad.err).startsWith("feedhub: no source 'no-such-source'");
    }

    @Test
    void withClassDataSharingOffNothingIsUnpacked() throws Exception {
        Result r =
                run(List.of("sh", LAUNCHER.toString(), "check"), "", Map.of("FEEDHUB_CDS", "off"));
        assertThat(r.status).isZero();
        assertThat(r.out).contains("feeds.yml is valid.");
        try (Stream<Path> files = Files.list(cds)) {
            assertThat(files).isEmpty();
        }
    }

    private List<String> archives() throws IOException {
        try (Stream<Path> files = Files.walk(cds)) {
            return files.filter(p -> p.toString().endsWith(".jsa"))
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
    }

    private Result launcher(String javaOpts, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, javaOpts, Map.of());
    }

    private Result run(List<String> cmd, String javaOpts) throws Exception {
        return run(cmd, javaOpts, Map.of());
    }

    private Result run(List<String> cmd, String javaOpts, Map<String, String> env)
            throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb =
                builder(cmd, javaOpts, env)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + cmd);
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** In the work folder, with the test's jar, archive folder and JVM flags, nothing inherited. */
    private ProcessBuilder builder(List<String> cmd, String javaOpts, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        Map<String, String> e = pb.environment();
        ChildJvm.withoutOwnSettings(e);
        e.put("JAVA", ChildJvm.JAVA);
        e.put("FEEDHUB_JAR", ChildJvm.JAR.toString());
        e.put("FEEDHUB_CDS_DIR", cds.toString());
        e.put("JAVA_OPTS", javaOpts);
        e.putAll(env);
        return pb;
    }

    record Result(int status, String out, String err) {}
}

package org.feedhub.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar target/feedhub.jar ...} as a child process in a working directory, output to
 * files.
 */
final class ChildJvm implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    static final Path JAR = ROOT.resolve("target/feedhub.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    final Process process;
    final Path out;
    final Path err;

    private ChildJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static ChildJvm start(Path dir, String name, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-jar", JAR.toString()));
        cmd.addAll(args);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder pb =
                new ProcessBuilder(cmd)
                        .directory(dir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        withoutOwnSettings(pb.environment());
        return new ChildJvm(pb.start(), out, err);
    }

    /**
     * Drops settings the test's own environment could hand the child (Spring's, feedhub's, JVM
     * flags).
     */
    static void withoutOwnSettings(java.util.Map<String, String> env) {
        env.keySet()
                .removeIf(
                        k ->
                                k.startsWith("SPRING_")
                                        || k.startsWith("FEEDHUB_")
                                        || k.equals("JAVA_TOOL_OPTIONS")
                                        || k.equals("JDK_JAVA_OPTIONS"));
    }

    /** Waits for the process to exit; its exit status, or fails after {@code limit}. */
    int await(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish within " + limit + "\n" + output());
        }
        return process.exitValue();
    }

    String stdout() {
        try {
            return Files.readString(out);
        } catch (IOException e) {
            return "";
        }
    }

    String output() {
        try {
            return "--- stdout\n"
                    + Files.readString(out)
                    + "\n--- stderr (tail)\n"
                    + tail(Files.readString(err));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String tail(String s) {
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    /** kill -9: no shutdown hook, no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) kill();
    }
}

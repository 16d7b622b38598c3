package org.feedhub.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium (installed by .ci/run), for tests that look at pages as a reader's
 * browser renders them. Screenshots go to {@code target/screenshots/}.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "screenshots");

    private Chromium() {}

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM after the page loaded (and, for XML with a stylesheet, after XSLT ran). */
    static String dom(String url) throws IOException, InterruptedException {
        return run("--dump-dom", url);
    }

    /** Saves a screenshot at a phone's width (or {@code width}) and returns its path. */
    static Path screenshot(String url, String name, int width)
            throws IOException, InterruptedException {
        Files.createDirectories(SHOTS);
        Path shot = SHOTS.resolve(name).toAbsolutePath();
        run("--window-size=" + width + ",1200", "--screenshot=" + shot, url);
        return shot;
    }

    static String run(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                BINARY.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--hide-scrollbars",
                                "--user-data-dir=" + profile));
        if (List.of(args).stream().noneMatch(a -> a.startsWith("--window-size")))
            cmd.add("--window-size=390,1200");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("chromium", ".out");
        Process p =
                new ProcessBuilder(cmd)
                        .redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s");
        }
        return Files.readString(out);
    }
}

package org.feedhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line as a user types it, run in-process: {@code Main.run(Main.Invocation.parse(args),
 * out, err)}. Exit status 0 = done, 1 = could not run, 2 = bad usage; every failure is exactly one
 * line on stderr.
 */
class MainTest {

    @TempDir Path dir;

    /** What one invocation did. */
    record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(Main.Invocation.parse(args), o, e);
        }
        return new Result(
                status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final String VALID =
            """
            defaults:
              every: 15m
              keep: 30d
            sources:
              - id: desk-alpha
                url: https://alpha.example/world.rss
                title: Alpha Desk
                every: 5m
                tags: [world]
              - id: desk-beta
                url: file:beta.atom
            topics:
              - id: topic-gamma
                title: Gamma
                sources: [desk-alpha]
                match:
                  any: [gamma]
                  none: [sport]
                limit: 20
            tags:
              Syria: [syria, damascus]
            """;

    private Path write(String yaml) throws IOException {
        Files.writeString(dir.resolve("beta.atom"), "<feed/>"); // VALID's file: source
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    // --- help

    @ParameterizedTest
    @ValueSource(strings = {"help", "--help", "-h"})
    void helpPrintsTheCommandsAndExitsZero(String arg) {
        Result r = run(arg);
        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .contains(
                        "check",
                        "aggregate",
                        "export DIR",
                        "help",
                        "--feedhub.feeds=PATH",
                        "--server.port=N");
        assertThat(r.out()).isEqualTo(HelpText.TEXT);
    }

    @Test
    void helpAfterASetting() {
        Result r = run("--server.port=9999", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("export DIR");
    }

    // --- system properties set before anything loads

    @Test
    void commandsCloseTheStoreWithoutCompactingAndTheServerStillCompacts() {
        assertThat(Main.systemDefaults(Main.Invocation.parse(new String[] {"aggregate"})))
                .containsEntry("h2.maxCompactTime", "0")
                .containsEntry("h2.bindAddress", "127.0.0.1");
        assertThat(Main.systemDefaults(Main.Invocation.parse(new String[] {"--server.port=1"})))
                .doesNotContainKey("h2.maxCompactTime")
                .containsEntry("h2.bindAddress", "127.0.0.1");
    }

    @Test
    void onlyCommandsThatStartNoApplicationSkipTheLoggingProbe() {
        assertThat(Main.systemDefaults(Main.Invocation.parse(new String[] {"check"})))
                .containsKey("org.apache.commons.logging.LogFactory");
        assertThat(Main.systemDefaults(Main.Invocation.parse(new String[] {"aggregate"})))
                .doesNotContainKey("org.apache.commons.logging.LogFactory");
    }

    /** H2 takes the close-time compaction from the system property when the URL names none. */
    @ParameterizedTest
    @CsvSource({"0, 0", ", 200"})
    void h2ReadsTheCompactionTimeFromTheProperty(String property, String inForce, @TempDir Path d)
            throws Exception {
        String before = System.getProperty("h2.maxCompactTime");
        if (property == null) System.clearProperty("h2.maxCompactTime");
        else System.setProperty("h2.maxCompactTime", property);
        try (var c =
                        java.sql.DriverManager.getConnection(
                                "jdbc:h2:file:" + d.resolve("db"), "sa", "");
                var rs =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                                                + " WHERE SETTING_NAME = 'MAX_COMPACT_TIME'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(inForce);
        } finally {
            if (before == null) System.clearProperty("h2.maxCompactTime");
            else System.setProperty("h2.maxCompactTime", before);
        }
    }

    // --- bad usage

    @Test
    void unknownCommandIsExitTwoWithOneLine() {
        Result r = run("frobnicate", "--server.port=1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("feedhub: ")
                .contains("frobnicate", "help");
    }

    @Test
    void exportWithoutDirIsExitTwo() throws IOException {
        Path feeds = write(VALID);
        Result r = run("export", "--feedhub.feeds=" + feeds); // a setting is not a DIR
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("feedhub: ")
                .contains("export DIR");
    }

    @Test
    void exportWithTwoDirsIsExitTwo() {
        Result r = run("export", "a", "b");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("export DIR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "aggregate"})
    void checkAndAggregateRefuseAFileArgument(String command) throws IOException {
        // "check other.yml" must not validate ./feeds.yml and call it valid
        Path feeds = write(VALID);
        Result r = run(command, "other.yml", "--feedhub.feeds=" + feeds);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("feedhub: " + command)
                .contains("other.yml", "--feedhub.feeds=PATH");
    }

    // --- check

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void checkValidFileWithTheSettingBeforeOrAfter(boolean settingFirst) throws IOException {
        Path feeds = write(VALID);
        String setting = "--feedhub.feeds=" + feeds;
        Result r = settingFirst ? run(setting, "check") : run("check", setting);
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out())
                .contains(feeds + ": 2 sources, 1 topic, 1 tag")
                .contains("desk-alpha", "https://alpha.example/world.rss", "every 5m", "Alpha Desk")
                .contains("desk-beta", dir.resolve("beta.atom").toUri().toString())
                .contains("topic-gamma", "Gamma", "any of gamma; none of sport", "limit: 20")
                .endsWith("feeds.yml is valid." + System.lineSeparator());
    }

    @Test
    void checkMissingFile() {
        Path missing = dir.resolve("nope.yml");
        Result r = run("check", "--feedhub.feeds=" + missing);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly("feedhub: " + missing + ":0: no such file");
    }

    /**
     * Each kind of mistake an editor makes: exit 1, nothing on stdout, one stderr line naming line
     * and field.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            unknown key            | 11 | sources[1].titel         | unknown key 'titel'
            duplicate source id    | 12 | sources[2].id            | duplicate id 'desk-alpha' (already used on line 5)
            duplicate topic id     | 20 | topics[1].id             | duplicate id 'topic-gamma' (already used on line 13)
            topic names no source  | 15 | topics[0].sources[1]     | no source with id 'desk-omega'
            bad interval           | 8  | sources[0].every         | "5x" is not an interval
            bad defaults interval  | 2  | defaults.every           | "soon" is not an interval
            """)
    void checkRefusesAnInvalidFile(String kind, int line, String field, String problem)
            throws IOException {
        Path feeds = write(invalid(kind));
        for (String[] args :
                List.of(
                        new String[] {"check", "--feedhub.feeds=" + feeds},
                        new String[] {"--feedhub.feeds=" + feeds, "check"})) {
            Result r = run(args);
            assertThat(r.status()).as(Arrays.toString(args)).isEqualTo(1);
            assertThat(r.out()).as(Arrays.toString(args)).isEmpty();
            assertThat(r.errLines())
                    .as(Arrays.toString(args))
                    .singleElement()
                    .asString()
                    .startsWith("feedhub: " + feeds + ":" + line + ": " + field + ": ")
                    .contains("feeds.yml:" + line + ":")
                    .contains(problem);
        }
    }

    private static String invalid(String kind) {
        return switch (kind) {
            case "unknown key" ->
                    VALID.replace(
                            "    url: file:beta.atom\n",
                            "    titel: Beta\n    url: file:beta.atom\n");
            case "duplicate source id" ->
                    VALID.replace(
                            "topics:\n",
                            "  - id: desk-alpha\n    url: https://alpha2.example/\ntopics:\n");
            case "duplicate topic id" ->
                    VALID.replace("tags:\n", "  - id: topic-gamma\n    title: Again\ntags:\n");
            case "topic names no source" ->
                    VALID.replace("sources: [desk-alpha]", "sources: [desk-alpha, desk-omega]");
            case "bad interval" -> VALID.replace("every: 5m", "every: 5x");
            case "bad defaults interval" -> VALID.replace("every: 15m", "every: soon");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    // --- the other commands stop at an invalid file before starting anything

    @ParameterizedTest
    @CsvSource({"aggregate,", "export,out"})
    void aggregateAndExportStopAtAnInvalidFile(String command, String arg) throws IOException {
        Path feeds = write(VALID.replace("every: 5m", "every: 5x"));
        Result r =
                arg == null
                        ? run("--feedhub.feeds=" + feeds, command)
                        : run(command, arg, "--feedhub.feeds=" + feeds);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines())
                .singleElement()
                .asString()
                .startsWith("feedhub: " + feeds + ":8: sources[0].every: ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    // --- a wrong setting: exit 2, one line naming it and its value, nothing done

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            check     | --feedhub.poll.concurrency=0     | feedhub: bad setting feedhub.poll.concurrency=0: must be at least 1
            check     | --feedhub.fetch.max-body-size=0  | feedhub: bad setting feedhub.fetch.max-body-size=0B: must be more than 0B
            check     | --feedhub.hub.max-pending=-5     | feedhub: bad setting feedhub.hub.max-pending=-5: must be at least 1
            check     | --feedhub.websub.lease=0s        | feedhub: bad setting feedhub.websub.lease=0s: must be longer than 0
            check     | --feedhub.hub.retry-delay=banana | feedhub: bad setting feedhub.hub.retry-delay=banana ("feedhub.hub.retry-delay" from property source "commandLineArgs"): not a Duration
            aggregate | --feedhub.feeds=                 | feedhub: bad setting feedhub.feeds='': must not be blank
            preview   | --feedhub.dedup.min-score=12     | feedhub: bad setting feedhub.dedup.min-score=12.0: must be in (0, 10)
            check     | --feedhub.dedup.max-stories=0    | feedhub: bad setting feedhub.dedup.max-stories=0: must be at least 1
            """)
    void aWrongSettingIsExitTwoWithOneLineNamingIt(String command, String setting, String line)
            throws IOException {
        write(VALID);
        String[] args =
                command.equals("preview")
                        ? new String[] {command, "desk-beta", setting}
                        : new String[] {command, setting};
        Result r = run(args);
        assertThat(r.errLines()).containsExactly(line);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
    }

    // --- the command line itself

    @Test
    void settingsMayStandBeforeOrAfterTheCommand() {
        Main.Invocation inv =
                Main.Invocation.parse(new String[] {"--a=1", "export", "--b=2", "site", "--c=3"});
        assertThat(inv.command()).isEqualTo("export");
        assertThat(inv.arguments()).containsExactly("site");
        assertThat(inv.settings()).containsExactly("--a=1", "--b=2", "--c=3");
    }

    @Test
    void noCommandMeansTheServer() {
        Main.Invocation inv = Main.Invocation.parse(new String[] {"--server.port=9090"});
        assertThat(inv.command()).isNull();
        assertThat(inv.arguments()).isEmpty();
        assertThat(inv.settings()).containsExactly("--server.port=9090");
    }

    // --- file errors say what went wrong, not only the path

    @Test
    void importOpmlOfAMissingFileSaysSo() throws IOException {
        Path feeds = write(VALID);
        Result r =
                run(
                        "import-opml",
                        dir.resolve("nowhere.opml").toString(),
                        "--feedhub.feeds=" + feeds);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip())
                .isEqualTo(
                        "feedhub: import-opml: no such file or folder: "
                                + dir.resolve("nowhere.opml"));
    }

    @Test
    void exportIntoAFolderThatCannotBeMadeSaysWhy() throws IOException {
        Path feeds = write(VALID);
        Path blocked = dir.resolve("feeds.yml").resolve("site"); // under a file: cannot be made
        Result r =
                run(
                        "export",
                        blocked.toString(),
                        "--feedhub.feeds=" + feeds,
                        "--spring.datasource.url=jdbc:h2:mem:export-blocked;DB_CLOSE_DELAY=-1");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip())
                .startsWith("feedhub: export failed: ")
                .contains(feeds.toString())
                .containsAnyOf("is not a folder", "Not a directory");
    }
}

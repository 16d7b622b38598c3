package org.feedhub.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar feedhub.jar [COMMAND] [ARGS] [--name=value ...]}: with no command, the server;
 * otherwise a sub-command that runs and exits (0 done, 1 could not run, 2 bad usage) with one clear
 * line on stderr.
 */
public final class Main {
    private static final String COMMONS_LOGGING_FACTORY = "org.apache.commons.logging.LogFactory";

    private Main() {}

    public static void main(String[] args) {
        Invocation inv = Invocation.parse(args);
        // before anything loads H2 or commons-logging, which read these once
        systemDefaults(inv)
                .forEach(
                        (k, v) -> {
                            if (System.getProperty(k) == null) System.setProperty(k, v);
                        });
        if (inv.command() == null) {
            int status = settingsChecked(() -> Commands.server(inv), System.err);
            if (status != 0) System.exit(status);
            return; // the server keeps running
        }
        System.exit(run(inv, System.out, System.err));
    }

    /**
     * System properties a run sets unless the JVM was given them ({@code -Dname=value} wins).
     *
     * <ul>
     *   <li>{@code h2.bindAddress}: H2's AUTO_SERVER (commands reaching the running server's
     *       database) listens on loopback only.
     *   <li>{@code h2.maxCompactTime}, commands only: H2 compacts the file when it closes the
     *       database, for up to 200 ms by default and 0.3-0.5 s in practice on a store of 1,000
     *       sources, which a command's user waits for at every exit. The store's background writer
     *       keeps rewriting sparse chunks while it runs, and the server, which closes seldom, still
     *       compacts. A {@code MAX_COMPACT_TIME} in the database URL wins.
     *   <li>{@code spring.backgroundpreinitializer.ignore}, commands only: Spring Boot warms up
     *       Jackson, message converters and Tomcat on a second thread for a web server that a
     *       command does not start (see {@link Commands#SERVER_ONLY}).
     *   <li>{@code check} and {@code preview}: commons-logging goes where it would end anyway
     *       (log4j-api is routed to SLF4J here) without probing log4j-api first, ~130 fewer classes
     *       in commands that start no application.
     * </ul>
     */
    static Map<String, String> systemDefaults(Invocation inv) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("h2.bindAddress", "127.0.0.1");
        if (inv.command() == null) return p; // the server
        p.put("h2.maxCompactTime", "0");
        p.put("spring.backgroundpreinitializer.ignore", "true");
        if (List.of("check", "preview").contains(inv.command()))
            p.put(COMMONS_LOGGING_FACTORY, "org.apache.commons.logging.impl.Slf4jLogFactory");
        return p;
    }

    static int run(Invocation inv, PrintStream out, PrintStream err) {
        return settingsChecked(() -> command(inv, out, err), err);
    }

    /** Runs a command; a wrong setting is exit 2 with one line naming it. */
    static int settingsChecked(java.util.function.IntSupplier command, PrintStream err) {
        try {
            return command.getAsInt();
        } catch (RuntimeException e) {
            var bad = BadSetting.describe(e);
            if (bad.isEmpty()) throw e;
            err.println("feedhub: " + bad.get());
            return 2;
        }
    }

    private static int command(Invocation inv, PrintStream out, PrintStream err) {
        return switch (inv.command()) {
            case "help", "--help", "-h" -> {
                out.print(HelpText.TEXT);
                yield 0;
            }
            case "check" -> Commands.check(inv, out, err);
            case "aggregate" -> Commands.aggregate(inv, out, err);
            case "export" -> Commands.export(inv, out, err);
            case "import-opml" -> Commands.importOpml(inv, out, err);
            case "preview" -> Preview.run(inv, out, err);
            case "explain-dup" -> ExplainDup.run(inv, out, err);
            case "explain" -> Explain.run(inv, out, err);
            case "retag" -> Retag.run(inv, out, err);
            default -> {
                err.println(
                        "feedhub: unknown command '"
                                + inv.command()
                                + "' (try: java -jar feedhub.jar help)");
                yield 2;
            }
        };
    }

    /**
     * The command line split into the sub-command, its arguments, and the {@code --name=value}
     * settings, which may stand before or after the command.
     */
    record Invocation(String command, List<String> arguments, String[] settings) {
        static Invocation parse(String[] args) {
            String command = null;
            List<String> positional = new ArrayList<>();
            List<String> settings = new ArrayList<>();
            for (String a : args) {
                if (a.equals("--help") || a.equals("-h")) {
                    if (command == null) command = "help";
                } else if (a.startsWith("--")) {
                    settings.add(a);
                } else if (command == null) {
                    command = a;
                } else {
                    positional.add(a);
                }
            }
            return new Invocation(command, positional, settings.toArray(String[]::new));
        }
    }
}

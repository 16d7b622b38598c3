package org.feedhub.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.feedhub.FeedhubProperties;
import org.feedhub.app.FeedhubApplication;
import org.feedhub.batch.PassReport;
import org.feedhub.batch.PassRunner;
import org.feedhub.config.ConfigException;
import org.feedhub.config.ConfigSummary;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.FeedsConfigLoader;
import org.feedhub.publish.FeedUrls;
import org.feedhub.publish.StaticExport;
import org.feedhub.store.SourceState;
import org.feedhub.store.SourceStore;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The sub-commands. Each validates feeds.yml first, so a bad file gives one line, not a stack
 * trace.
 */
final class Commands {
    private Commands() {}

    /**
     * Resolves settings (arguments, environment, config/application.yml) without starting anything.
     */
    @Configuration(proxyBeanMethods = false)
    static class SettingsOnly {}

    static int server(Main.Invocation inv) {
        Path feeds = feedsPath(inv);
        try {
            FeedsConfigLoader.load(feeds);
        } catch (ConfigException e) {
            System.err.println("feedhub: " + e.getMessage());
            return 1;
        }
        try {
            GracefulStop.install(
                    new SpringApplicationBuilder(FeedhubApplication.class).run(inv.settings()));
            return 0;
        } catch (RuntimeException e) {
            if (BadSetting.describe(e).isPresent()) throw e; // Main names it, as for any command
            System.err.println("feedhub: could not start: " + rootMessage(e));
            return 1;
        }
    }

    static int check(Main.Invocation inv, PrintStream out, PrintStream err) {
        if (!noArguments(inv, err)) return 2;
        Settings settings = settings(inv);
        Path feeds = settings.feeds();
        FeedsConfig config;
        try {
            config = FeedsConfigLoader.load(feeds);
        } catch (ConfigException e) {
            err.println("feedhub: " + e.getMessage());
            err.print(e.excerpt());
            return 1;
        }
        String text;
        try {
            text = java.nio.file.Files.readString(feeds);
        } catch (java.io.IOException e) {
            err.println("feedhub: " + feeds + ": cannot be read: " + e.getMessage());
            return 1;
        }
        List<String> errors = CheckAdvice.errors(config, feeds, text);
        if (!errors.isEmpty()) {
            for (String e : errors) err.println("feedhub: " + e);
            return 1;
        }
        out.print(ConfigSummary.describe(config));
        for (String w : CheckAdvice.warnings(config, feeds, text, settings.allowPrivate()))
            out.println(w);
        out.println(feeds + " is valid.");
        for (String note : MovedSources.notes(settings, config)) out.println(note);
        return 0;
    }

    /**
     * {@code aggregate}: every source now; {@code aggregate ID…}: just those, whether due or
     * backing off (an editor who fixed a source need not wait out its backoff).
     */
    static int aggregate(Main.Invocation inv, PrintStream out, PrintStream err) {
        FeedsConfig config;
        try {
            config = FeedsConfigLoader.load(feedsPath(inv));
        } catch (ConfigException e) {
            err.println("feedhub: " + e.getMessage());
            return 1;
        }
        java.util.Set<String> only = new java.util.LinkedHashSet<>(inv.arguments());
        for (String id : only) {
            if (!id.matches("[a-z0-9-]{1,100}")) { // not an id: likely a file the user meant
                err.println(
                        "feedhub: aggregate takes source ids, got '"
                                + id
                                + "' (another file: --feedhub.feeds=PATH)");
                return 2;
            }
            if (config.source(id).isEmpty()) {
                err.println(
                        "feedhub: aggregate: no source '"
                                + id
                                + "' in feeds.yml (its sources: "
                                + sourceIds(config)
                                + ")");
                return 2;
            }
        }
        try (ConfigurableApplicationContext ctx = batchContext(inv)) {
            GracefulStop.install(ctx);
            PassRunner runner = ctx.getBean(PassRunner.class);
            PassReport report = only.isEmpty() ? runner.run(true) : runner.runOnly(only);
            if (report == null) {
                if (!runner.stopRequested()) // else shutdown began before the pass
                err.println("feedhub: aggregate: another pass of this process is running");
                return 1;
            }
            for (PassReport.SourceLine line : report.lines()) out.println(line.describe());
            java.util.Set<String> polled = new java.util.HashSet<>();
            for (PassReport.SourceLine line : report.lines()) polled.add(line.sourceId());
            for (String id : only) {
                if (polled.contains(id)) continue;
                boolean retired =
                        ctx.getBean(SourceStore.class)
                                .find(id)
                                .map(s -> s.retiredAt() != null)
                                .orElse(false);
                out.printf(
                        "%-24s not polled: %s%n",
                        id,
                        retired
                                ? "retired (410 Gone); change its url in feeds.yml to poll it again"
                                : "another instance is polling it right now");
            }
            out.printf(
                    "pass %s: %d sources, %d new stories, %d failed, %.1f s%n",
                    report.status(),
                    report.sources(),
                    report.added(),
                    report.failed(),
                    report.duration().toMillis() / 1000.0);
            for (String note : report.notes()) out.println(note);
            if (runner.stopRequested()) return 1; // stopped by a signal: the database is closing
            for (SourceState s : ctx.getBean(SourceStore.class).all()) {
                if (s.effectiveUrl() != null && !s.effectiveUrl().equals(s.url()) && s.active()) {
                    out.printf(
                            "note: source %s now lives at %s; update its url in feeds.yml%n",
                            s.id(), s.effectiveUrl());
                }
            }
            return report.status().startsWith("COMPLETED") ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("feedhub: aggregate could not run: " + rootMessage(e));
            return 1;
        }
    }

    private static String sourceIds(FeedsConfig config) {
        List<String> ids = config.sources().stream().map(org.feedhub.config.SourceDef::id).toList();
        if (ids.isEmpty()) return "none";
        return ids.size() <= 10
                ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
    }

    static int export(Main.Invocation inv, PrintStream out, PrintStream err) {
        if (inv.arguments().size() != 1) {
            err.println("feedhub: usage: java -jar feedhub.jar export DIR");
            return 2;
        }
        if (!configValid(inv, err)) return 1;
        Path dir = Path.of(inv.arguments().get(0));
        try (ConfigurableApplicationContext ctx = batchContext(inv)) {
            String baseUrl = ctx.getBean(FeedhubProperties.class).baseUrl();
            if (baseUrl.isBlank())
                baseUrl =
                        "http://localhost:"
                                + ctx.getEnvironment().getProperty("server.port", "8080");
            List<String> files =
                    ctx.getBean(StaticExport.class).export(dir, FeedUrls.trimBase(baseUrl));
            out.printf(
                    "wrote %d files to %s (feeds link to %s; set --feedhub.base-url=URL for where you host them)%n",
                    files.size(), dir.toAbsolutePath(), baseUrl);
            return 0;
        } catch (Exception e) {
            err.println("feedhub: export failed: " + describe(e));
            return 1;
        }
    }

    /**
     * check and aggregate take no arguments: {@code check my-feeds.yml} must not quietly validate
     * ./feeds.yml and say "valid" about a file the user did not mean.
     */
    private static boolean noArguments(Main.Invocation inv, PrintStream err) {
        if (inv.arguments().isEmpty()) return true;
        err.println(
                "feedhub: "
                        + inv.command()
                        + " takes no arguments, got '"
                        + String.join(" ", inv.arguments())
                        + "' (another file: --feedhub.feeds=PATH)");
        return false;
    }

    /**
     * Adds an OPML file's feeds to feeds.yml, keeping its comments and layout; the result must
     * validate.
     */
    static int importOpml(Main.Invocation inv, PrintStream out, PrintStream err) {
        if (inv.arguments().size() != 1) {
            err.println("feedhub: usage: java -jar feedhub.jar import-opml FILE");
            return 2;
        }
        Path feeds = feedsPath(inv);
        try {
            FeedsConfig config = FeedsConfigLoader.load(feeds);
            String yaml = java.nio.file.Files.readString(feeds);
            byte[] opml = java.nio.file.Files.readAllBytes(Path.of(inv.arguments().get(0)));
            org.feedhub.config.OpmlImport.Result r =
                    org.feedhub.config.OpmlImport.merge(
                            yaml, config, org.feedhub.config.OpmlImport.feeds(opml));
            for (String s : r.skipped()) out.println("skipped " + s);
            if (r.added().isEmpty()) {
                out.println("nothing to add: feeds.yml is unchanged");
                return 0;
            }
            FeedsConfigLoader.parse(r.yaml(), feeds); // never write a file that would not load
            Path tmp = feeds.resolveSibling(feeds.getFileName() + ".tmp");
            java.nio.file.Files.writeString(tmp, r.yaml());
            java.nio.file.Files.move(
                    tmp,
                    feeds,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            out.printf(
                    "added %d sources to %s: %s%n",
                    r.added().size(), feeds, String.join(", ", r.added()));
            return 0;
        } catch (ConfigException e) {
            err.println("feedhub: " + e.getMessage());
            return 1;
        } catch (java.io.IOException | IllegalArgumentException e) {
            err.println("feedhub: import-opml: " + describe(e));
            return 1;
        }
    }

    static boolean configValid(Main.Invocation inv, PrintStream err) {
        try {
            FeedsConfigLoader.load(feedsPath(inv));
            return true;
        } catch (ConfigException e) {
            err.println("feedhub: " + e.getMessage());
            return false;
        }
    }

    /**
     * Auto-configurations only the server uses (endpoints, health, Prometheus, observation, JSON
     * message converters, SSL bundles). A command that starts the application leaves them out:
     * about 900 fewer classes loaded with Spring Boot's background pre-initializer off ({@link
     * Main#systemDefaults}), and a warm pass 0.17 s shorter (median of 5, interleaved). Metrics
     * stay: the pass records into a meter registry. A {@code spring.autoconfigure.exclude} of the
     * user's own replaces this list.
     */
    static final List<String> SERVER_ONLY =
            List.of(
                    "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
                    "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.Jackson2EndpointAutoConfiguration",
                    "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
                    "org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration",
                    "org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration",
                    "org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration",
                    "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
                    "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
                    "org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
                    "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration",
                    "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
                    "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
                    "org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
                    "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
                    "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
                    "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
                    "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
                    "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
                    "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
                    "org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
                    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
                    "org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration");

    /**
     * The full application without the web server and scheduler, quiet unless something goes wrong;
     * without Flyway when the store is already up to date ({@link CurrentSchema}).
     */
    static ConfigurableApplicationContext batchContext(Main.Invocation inv) {
        Map<String, Object> quiet = new HashMap<>();
        quiet.put("logging.level.root", "WARN");
        quiet.put("logging.level.org.flywaydb", "WARN");
        // failing sources are logged at WARN for the server; the commands print their own line
        quiet.put("logging.level.org.feedhub.batch.AggregateJobConfiguration", "ERROR");
        quiet.put("spring.autoconfigure.exclude", String.join(",", SERVER_ONLY));
        try (CurrentSchema schema =
                CurrentSchema.check(inv.settings(), Path.of("").toAbsolutePath())) {
            if (schema.current()) quiet.put("spring.flyway.enabled", "false");
            return new SpringApplicationBuilder(FeedhubApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(quiet)
                    .logStartupInfo(false)
                    .bannerMode(Banner.Mode.OFF)
                    .run(inv.settings());
        }
    }

    /** The settings the sub-commands read before (or without) starting the application. */
    record Settings(
            Path feeds, String dbUrl, String dbUser, String dbPassword, boolean allowPrivate) {
        /**
         * The password to open the database with: the configured one, else the one the embedded H2
         * database was given on its first start ({@code data/.db-password}).
         */
        String readPassword() {
            if (dbPassword != null && !dbPassword.isEmpty()) return dbPassword;
            String stored = org.feedhub.app.H2Access.storedPassword(dbUrl);
            return stored == null ? dbPassword : stored;
        }

        /**
         * The database as a read-only command opens it: an H2 database only if it exists
         * (IFEXISTS), so a look never creates one.
         */
        java.sql.Connection openExisting() throws java.sql.SQLException {
            String url = dbUrl;
            if (url.startsWith("jdbc:h2:")
                    && !url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS")) {
                url += ";IFEXISTS=TRUE";
            }
            return java.sql.DriverManager.getConnection(url, dbUser, readPassword());
        }
    }

    /**
     * Settings as Spring would resolve them: arguments, environment, config/application.yml,
     * defaults.
     */
    static Settings settings(Main.Invocation inv) {
        var quick = QuickSettings.environment(inv.settings(), Path.of("").toAbsolutePath());
        if (quick.isPresent()) return settings(quick.get());
        try (ConfigurableApplicationContext ctx =
                new SpringApplicationBuilder(SettingsOnly.class)
                        .web(WebApplicationType.NONE)
                        .logStartupInfo(false)
                        .bannerMode(Banner.Mode.OFF)
                        .properties(Map.of("logging.level.root", "WARN"))
                        .run(inv.settings())) {
            return settings(ctx.getEnvironment());
        }
    }

    static Settings settings(ConfigurableEnvironment env) {
        // bound as the server binds them: the same defaults, and a wrong value refused the same way
        FeedhubProperties props = QuickSettings.bind(env, "feedhub", FeedhubProperties.class);
        QuickSettings.bind(env, "feedhub.hub", org.feedhub.app.HubProperties.class);
        QuickSettings.bind(env, "feedhub.websub", org.feedhub.app.SubscriberProperties.class);
        Settings db = database(env);
        return new Settings(
                Path.of(props.feeds()),
                db.dbUrl(),
                db.dbUser(),
                db.dbPassword(),
                props.fetch().allowPrivateNetworks());
    }

    /** The database settings alone (no feeds.yml, nothing else bound or checked). */
    static Settings database(ConfigurableEnvironment env) {
        return new Settings(
                null,
                env.getProperty("spring.datasource.url", ""),
                env.getProperty("spring.datasource.username", ""),
                env.getProperty("spring.datasource.password", ""),
                false);
    }

    static Path feedsPath(Main.Invocation inv) {
        return settings(inv).feeds();
    }

    /**
     * A file error as a sentence: Java's file exceptions carry only the path ("site/topics"), which
     * says nothing about what went wrong.
     */
    static String describe(Throwable e) {
        Throwable t = e;
        while (!(t instanceof java.nio.file.FileSystemException)
                && t.getCause() != null
                && t.getCause() != t) t = t.getCause();
        if (t instanceof java.nio.file.NoSuchFileException f)
            return "no such file or folder: " + f.getFile();
        if (t instanceof java.nio.file.AccessDeniedException f)
            return "permission denied: " + f.getFile();
        if (t instanceof java.nio.file.FileAlreadyExistsException f)
            return f.getFile() + " exists and is not a folder";
        if (t instanceof java.nio.file.NotDirectoryException f)
            return f.getFile() + " is not a folder";
        if (t instanceof java.nio.file.FileSystemException f)
            return f.getFile()
                    + ": "
                    + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
        return rootMessage(e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof ConfigException) break;
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

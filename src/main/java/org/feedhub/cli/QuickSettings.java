package org.feedhub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The settings of {@code check} and {@code preview}, resolved the way Spring Boot resolves them
 * (arguments, system properties, environment, {@code config/application[-profile].yml}, {@code
 * application[-profile].yml}, the jar's defaults) but without starting a Spring application: no
 * logging system, listeners or bean factory, which cost those commands about two seconds of their
 * three. Built from Spring's own property sources and binder, so relaxed names ({@code
 * FEEDHUB_BASE_URL}, {@code --feedhub.base-url}) mean what they mean to the server.
 *
 * <p>Anything beyond that common case ({@code spring.config.*}, profile groups, multi-document
 * YAML, {@code .properties} files) is reported as {@link #empty() not handled}, and the caller
 * falls back to a full settings context: the answer is then slower, never different.
 */
final class QuickSettings {
    private static final String[] FORMATS = {"yml", "yaml"};

    private QuickSettings() {}

    /**
     * The environment for these arguments, working directory {@code dir}; empty when only a full
     * Spring start-up resolves it exactly.
     */
    static Optional<ConfigurableEnvironment> environment(String[] args, Path dir) {
        try {
            StandardEnvironment env = new StandardEnvironment();
            var sources = env.getPropertySources();
            if (args.length > 0) sources.addFirst(new SimpleCommandLinePropertySource(args));
            if (unusual(env) || hasPropertiesFiles(dir)) return Optional.empty();
            // Highest precedence first, as Spring Boot orders config data: external above
            // packaged; within each, ./config/ above ./, and a profile's file above the plain one.
            List<PropertySource<?>> plain = loadAll(locationsWithProfiles(dir, List.of()));
            if (plain == null) return Optional.empty();
            for (PropertySource<?> p : plain) {
                if (p.containsProperty("spring.config.import")
                        || p.containsProperty("spring.config.activate.on-profile")
                        || p.containsProperty("spring.profiles.include")
                        || p.containsProperty("spring.profiles.group")) return Optional.empty();
            }
            String active = activeProfiles(env, plain);
            List<PropertySource<?>> ordered =
                    active.isBlank()
                            ? plain // no profile: the files read above are the whole answer
                            : loadAll(locationsWithProfiles(dir, split(active)));
            if (ordered == null) return Optional.empty();
            for (PropertySource<?> p : ordered) sources.addLast(p);
            ConfigurationPropertySources.attach(env);
            return Optional.of(env);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Binds a {@code @ConfigurationProperties} type from the environment. */
    static <T> T bind(ConfigurableEnvironment env, String prefix, Class<T> type) {
        return Binder.get(env).bindOrCreate(prefix, type);
    }

    private static boolean unusual(ConfigurableEnvironment env) {
        for (String key :
                List.of(
                        "spring.config.location",
                        "spring.config.additional-location",
                        "spring.config.name",
                        "spring.config.import",
                        "spring.application.json",
                        "spring.profiles.include",
                        "spring.profiles.default")) {
            if (env.containsProperty(key)) return true;
        }
        return System.getenv("SPRING_APPLICATION_JSON") != null
                || System.getenv("SPRING_CONFIG_LOCATION") != null
                || System.getenv("SPRING_CONFIG_ADDITIONAL_LOCATION") != null
                || System.getenv("SPRING_CONFIG_NAME") != null;
    }

    private static boolean hasPropertiesFiles(Path dir) {
        for (Path d : List.of(dir, dir.resolve("config"))) {
            try (var files = Files.list(d)) {
                if (files.anyMatch(
                        f -> {
                            String n = f.getFileName().toString();
                            return n.startsWith("application") && n.endsWith(".properties");
                        })) return true;
            } catch (IOException e) {
                // no such folder: nothing there
            }
        }
        return new ClassPathResource("application.properties").exists()
                || new ClassPathResource("config/application.properties").exists()
                || Files.isDirectory(dir.resolve("config").resolve("application"));
    }

    private static String activeProfiles(
            ConfigurableEnvironment env, List<PropertySource<?>> files) {
        String active = env.getProperty("spring.profiles.active");
        if (active != null) return active;
        for (PropertySource<?> p : files) {
            Object v = p.getProperty("spring.profiles.active");
            if (v != null) return v.toString();
        }
        return "";
    }

    private static List<String> split(String profiles) {
        return Arrays.stream(profiles.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Highest precedence first. */
    private static List<Resource> locationsWithProfiles(Path dir, List<String> profiles) {
        List<Resource> out = new ArrayList<>();
        List<String> reversed = new ArrayList<>(profiles);
        java.util.Collections.reverse(reversed); // the last active profile wins
        // external: config/ above ./, profile files above plain ones
        for (String p : reversed) out.addAll(files(dir.resolve("config"), "-" + p));
        for (String p : reversed) out.addAll(files(dir, "-" + p));
        out.addAll(files(dir.resolve("config"), ""));
        out.addAll(files(dir, ""));
        for (String p : reversed) out.addAll(packaged("config/", "-" + p));
        for (String p : reversed) out.addAll(packaged("", "-" + p));
        out.addAll(packaged("config/", ""));
        out.addAll(packaged("", ""));
        return out;
    }

    private static List<Resource> files(Path folder, String suffix) {
        List<Resource> out = new ArrayList<>();
        for (String ext : FORMATS) {
            Path f = folder.resolve("application" + suffix + "." + ext);
            if (Files.isRegularFile(f)) out.add(new FileSystemResource(f));
        }
        return out;
    }

    private static List<Resource> packaged(String folder, String suffix) {
        List<Resource> out = new ArrayList<>();
        for (String ext : FORMATS) {
            Resource r = new ClassPathResource(folder + "application" + suffix + "." + ext);
            if (r.exists()) out.add(r);
        }
        return out;
    }

    /** Every file's one document, in order; null when a file has several. */
    private static List<PropertySource<?>> loadAll(List<Resource> files) {
        List<PropertySource<?>> out = new ArrayList<>();
        for (Resource r : files) {
            List<PropertySource<?>> docs = load(r);
            if (docs == null) return null;
            out.addAll(docs);
        }
        return out;
    }

    /** The file's one document, or null when it has several (profile sections need Spring). */
    private static List<PropertySource<?>> load(Resource r) {
        try {
            List<PropertySource<?>> docs =
                    new YamlPropertySourceLoader().load(r.getDescription(), r);
            return docs.size() > 1 ? null : docs;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.feedhub.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.feedhub.config.FeedsConfig;
import org.feedhub.config.SourceDef;
import org.feedhub.config.TopicDef;
import org.feedhub.fetch.UrlSafety;
import org.feedhub.text.TextFold;

/**
 * What {@code check} says beyond a valid syntax: {@code file:} sources that cannot be read (an
 * error), and things that are allowed but likely unintended (warnings): a topic tag nothing
 * defines, a source on a loopback or private address while private networks are off. Needs no
 * network: only literal addresses and {@code localhost} are looked at.
 */
final class CheckAdvice {
    private CheckAdvice() {}

    /** {@code file:} sources whose file is missing or lies outside the folder of feeds.yml. */
    static List<String> errors(FeedsConfig config, Path feeds, String text) {
        String[] lines = lines(text);
        List<String> errors = new ArrayList<>();
        Path root = config.file().getParent();
        for (int i = 0; i < config.sources().size(); i++) {
            SourceDef s = config.sources().get(i);
            if (!s.url().startsWith("file:")) continue;
            Path path;
            try {
                path = Path.of(URI.create(s.url())).toAbsolutePath().normalize();
            } catch (IllegalArgumentException e) {
                continue; // the loader already vouched for the URL's form
            }
            String where = where(feeds, lines, i, s.id()) + ".url: ";
            if (!path.startsWith(root)) {
                errors.add(
                        where
                                + path
                                + " is outside "
                                + root
                                + "; feedhub reads file: sources only from the folder of feeds.yml");
            } else if (!Files.isRegularFile(path)) {
                errors.add(where + "no such file " + root.relativize(path));
            } else {
                try {
                    Path real = path.toRealPath();
                    if (!real.startsWith(root.toRealPath()))
                        errors.add(
                                where
                                        + path
                                        + " leads to "
                                        + real
                                        + ", outside "
                                        + root
                                        + "; feedhub will refuse it");
                } catch (IOException e) {
                    errors.add(where + "cannot read " + path + ": " + e.getMessage());
                }
            }
        }
        return errors;
    }

    static List<String> warnings(
            FeedsConfig config, Path feeds, String text, boolean allowPrivate) {
        String[] lines = lines(text);
        List<String> warnings = new ArrayList<>();
        Set<String> defined = new TreeSet<>();
        config.tags().keySet().forEach(t -> defined.add(TextFold.fold(t)));
        config.sources().forEach(s -> s.tags().forEach(t -> defined.add(TextFold.fold(t))));
        for (int i = 0; i < config.topics().size(); i++) {
            TopicDef t = config.topics().get(i);
            for (String tag : t.match().tags()) {
                if (defined.contains(TextFold.fold(tag))) continue;
                warnings.add(
                        "warning: "
                                + feeds.getFileName()
                                + ":"
                                + lineOf(lines, "tags", tag)
                                + ": topics["
                                + i
                                + "].match.tags: '"
                                + tag
                                + "' is neither in the tag vocabulary (tags:) nor a source's tag;"
                                + " only stories whose feed has that category will match");
            }
        }
        if (!allowPrivate) {
            for (int i = 0; i < config.sources().size(); i++) {
                SourceDef s = config.sources().get(i);
                if (!privateLooking(s.url())) continue;
                String refusal = UrlSafety.refusal(s.url(), false);
                if (refusal == null) continue;
                warnings.add(
                        "warning: "
                                + where(feeds, lines, i, s.id())
                                + ".url: "
                                + s.url()
                                + " is a loopback or private address, and private networks are"
                                + " off: every fetch will be refused (set"
                                + " feedhub.fetch.allow-private-networks=true for a local set-up)");
            }
        }
        return warnings;
    }

    private static final Pattern IP_LITERAL =
            Pattern.compile("[0-9.]{1,15}|\\[[0-9a-fA-F:.]{2,45}\\]");

    /** localhost or a literal address: judged without asking DNS. */
    private static boolean privateLooking(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http:") && !lower.startsWith("https:")) return false;
        String host;
        try {
            host = URI.create(url).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) return false;
        host = host.replaceFirst("^[^@]*@", "").replaceFirst(":\\d{1,5}$", "");
        host = host.toLowerCase(Locale.ROOT);
        return host.equals("localhost")
                || host.endsWith(".localhost")
                || IP_LITERAL.matcher(host).matches();
    }

    private static String where(Path feeds, String[] lines, int index, String id) {
        return feeds.getFileName()
                + ":"
                + lineOf(lines, "id", id)
                + ": sources["
                + index
                + "] ("
                + id
                + ")";
    }

    /** Split once per check: a warning per source must not re-split the file (quadratic). */
    private static String[] lines(String text) {
        return text.split("\n", -1);
    }

    /** The first line where {@code key} is followed by {@code value} (1 when none is found). */
    static int lineOf(String[] lines, String key, String value) {
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int k = l.indexOf(key);
            if (k >= 0 && l.indexOf(value, k) > k) return i + 1;
        }
        return 1;
    }
}

package org.feedhub.config;

import java.util.List;
import java.util.stream.Stream;
import org.feedhub.parse.HtmlSelectors;

/** The plain-text account of a valid feeds.yml that {@code feedhub check} prints. */
public final class ConfigSummary {

    private static final int MAX_TAG_NAMES = 12;

    private ConfigSummary() {}

    public static String describe(FeedsConfig config) {
        int width =
                Stream.concat(
                                        config.sources().stream().map(SourceDef::id),
                                        config.topics().stream().map(TopicDef::id))
                                .mapToInt(String::length)
                                .max()
                                .orElse(0)
                        + 2;
        String indent = " ".repeat(2 + width);
        int phrases = config.tags().values().stream().mapToInt(List::size).sum();

        StringBuilder out = new StringBuilder();
        out.append(config.file())
                .append(": ")
                .append(count(config.sources().size(), "source"))
                .append(", ")
                .append(count(config.topics().size(), "topic"))
                .append(", ")
                .append(count(config.tags().size(), "tag"))
                .append('\n');
        out.append("defaults: poll every ")
                .append(Durations.format(config.defaults().every()))
                .append(", keep stories ")
                .append(Durations.format(config.defaults().keep()))
                .append(config.defaults().stem() ? ", match by word stems" : "")
                .append('\n');

        out.append("\nsources\n");
        for (SourceDef s : config.sources()) {
            out.append("  ").append(pad(s.id(), width)).append(s.url()).append('\n');
            out.append(indent)
                    .append(s.html() == null ? "feed" : "html page")
                    .append(", every ")
                    .append(Durations.format(s.every()));
            if (!s.tags().isEmpty()) out.append(", tags: ").append(String.join(", ", s.tags()));
            out.append('\n');
            if (s.title() != null)
                out.append(indent).append("title: ").append(s.title()).append('\n');
            if (s.html() != null) html(out, indent, s.html());
            if (s.fulltext() != null)
                out.append(indent)
                        .append("full text: ")
                        .append(s.fulltext().describe())
                        .append('\n');
        }

        out.append("\ntopics\n");
        if (config.topics().isEmpty()) out.append("  (none)\n");
        for (TopicDef t : config.topics()) {
            out.append("  ").append(pad(t.id(), width)).append(t.title()).append('\n');
            if (t.description() != null)
                out.append(indent).append(t.description().replace("\n", " ")).append('\n');
            out.append(indent)
                    .append("sources: ")
                    .append(t.sources().isEmpty() ? "all sources" : String.join(", ", t.sources()))
                    .append('\n');
            out.append(indent).append("match: ").append(match(t.match())).append('\n');
            out.append(indent).append("limit: ").append(t.limit()).append('\n');
        }

        out.append("\ntags: ")
                .append(count(config.tags().size(), "tag"))
                .append(" in the vocabulary, ")
                .append(count(phrases, "phrase"));
        if (!config.tags().isEmpty())
            out.append(" (").append(names(List.copyOf(config.tags().keySet()))).append(')');
        List<String> stemmed =
                config.vocabulary().stream().filter(TagDef::stem).map(TagDef::name).toList();
        if (!stemmed.isEmpty()) {
            out.append('\n')
                    .append(
                            stemmed.size() == config.vocabulary().size()
                                    ? "all matched"
                                    : count(stemmed.size(), "tag") + " matched")
                    .append(" by word stems");
            if (stemmed.size() < config.vocabulary().size())
                out.append(" (").append(names(stemmed)).append(')');
        }
        return out.append('\n').toString();
    }

    private static void html(StringBuilder out, String indent, HtmlSelectors h) {
        selector(out, indent, "item", h.item());
        selector(out, indent, "title", h.title());
        selector(out, indent, "link", h.link());
        selector(out, indent, "summary", h.summary());
        selector(out, indent, "date", h.date());
    }

    private static void selector(StringBuilder out, String indent, String name, String value) {
        if (value != null)
            out.append(indent).append("  ").append(pad(name, 9)).append(value).append('\n');
    }

    private static String match(TopicDef.Match m) {
        if (m.everything()) return "every story";
        String in;
        if (m.any().isEmpty() && m.tags().isEmpty()) {
            in = "any story";
        } else if (m.tags().isEmpty()) {
            in = "any of " + String.join(", ", m.any());
        } else if (m.any().isEmpty()) {
            in = "tagged " + String.join(" or ", m.tags());
        } else {
            in =
                    "any of "
                            + String.join(", ", m.any())
                            + ", or tagged "
                            + String.join(" or ", m.tags());
        }
        String out = m.none().isEmpty() ? in : in + "; none of " + String.join(", ", m.none());
        boolean phrases = !m.any().isEmpty() || !m.none().isEmpty();
        return phrases && m.stem() ? out + " (by word stems)" : out;
    }

    // A long vocabulary would drown the rest of the summary.
    private static String names(List<String> names) {
        if (names.size() <= MAX_TAG_NAMES) return String.join(", ", names);
        return String.join(", ", names.subList(0, MAX_TAG_NAMES))
                + " and "
                + (names.size() - MAX_TAG_NAMES)
                + " more";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}

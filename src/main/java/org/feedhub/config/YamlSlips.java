package org.feedhub.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns SnakeYAML's syntax errors into words an editor can act on: the line, the line itself with a
 * caret under the spot, and a plain hint for the common slips (an unquoted {@code ": "} inside a
 * value, a key indented off its block, a tab).
 */
final class YamlSlips {
    /**
     * Line ends as SnakeYAML counts them (YAML 1.1): CR LF, LF, a lone CR, NEL, LS and PS; split
     * otherwise, its mark's line number points past the lines.
     */
    private static final Pattern LINE_END = Pattern.compile("\r\n|[\n\r\u0085\u2028\u2029]");

    private YamlSlips() {}

    /** What went wrong, in words, and where. */
    record Slip(int line, String problem, String excerpt) {}

    static Slip explain(String text, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        if (mark == null) return new Slip(0, plain(e), "");
        int lineNo = mark.getLine() + 1;
        String[] lines = LINE_END.split(text, -1);
        String line = mark.getLine() < lines.length ? lines[mark.getLine()] : "";
        int column = Math.min(mark.getColumn(), line.length());
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String hint;
        String said;
        if (problem.contains("(TAB)")) {
            column = Math.max(0, line.indexOf('\t'));
            said = "a tab character";
            hint = "YAML indents with spaces only; replace the tab with spaces";
        } else if (problem.startsWith("mapping values are not allowed")
                && colonBefore(line, column)) {
            said = "a value contains ': '";
            hint = "quote a value that contains ': ', e.g. " + quoted(line);
        } else if (problem.startsWith("mapping values are not allowed")
                || problem.startsWith("expected <block end>")) {
            int indent = indent(line);
            int above = keyIndentAbove(lines, mark.getLine());
            column = indent;
            said = "bad indentation";
            hint =
                    above >= 0 && above != indent
                            ? "this line is indented "
                                    + spaces(indent)
                                    + " but the keys above it are indented "
                                    + spaces(above)
                                    + "; line up the keys of one entry (or start a new entry"
                                    + " with '- ')"
                            : "line up the keys of one entry, each under the one above it";
        } else {
            said = plain(e);
            hint = null;
        }
        StringBuilder x = new StringBuilder();
        String gutter = String.format("%5d | ", lineNo);
        x.append(gutter).append(line.replace('\t', ' ')).append('\n');
        x.append(" ".repeat(gutter.length() - 2)).append("| ");
        x.append(" ".repeat(column)).append("^\n");
        if (hint != null) x.append("  hint: ").append(hint).append('\n');
        return new Slip(lineNo, said, x.toString());
    }

    // SnakeYAML splits some messages in two: "expected a single document" + "but found another
    // document".
    static String plain(MarkedYAMLException e) {
        String problem = e.getProblem();
        if (problem == null) return e.getContext();
        if (e.getContext() != null && problem.startsWith("but "))
            return e.getContext() + ", " + problem;
        return problem;
    }

    /** Whether a {@code key:} already stands before the colon the parser tripped on. */
    private static boolean colonBefore(String line, int column) {
        String before = line.substring(0, Math.min(column, line.length()));
        int colon = before.indexOf(": ");
        return colon >= 0 && colon < before.length() - 1;
    }

    /** {@code title: Iran: talks} → {@code title: "Iran: talks"}. */
    private static String quoted(String line) {
        String t = line.strip();
        if (t.startsWith("- ")) t = t.substring(2).strip();
        int colon = t.indexOf(": ");
        if (colon < 0) return "key: \"a: b\"";
        String value = t.substring(colon + 2).strip().replace("\\", "\\\\").replace("\"", "\\\"");
        return t.substring(0, colon) + ": \"" + value + "\"";
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') i++;
        return i;
    }

    /** Where the keys of the nearest line above start ({@code - } counts as indentation). */
    private static int keyIndentAbove(String[] lines, int index) {
        for (int i = Math.min(index, lines.length) - 1; i >= 0; i--) {
            String l = lines[i];
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            int at = indent(l);
            while (l.startsWith("- ", at)) {
                at += 2;
                while (at < l.length() && l.charAt(at) == ' ') at++;
            }
            return at;
        }
        return -1;
    }

    private static String spaces(int n) {
        return n == 1 ? "1 space" : n + " spaces";
    }
}

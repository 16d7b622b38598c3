package org.feedhub.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;

/**
 * One value of an {@code html:} block split in two: the CSS selector and, when the value ends in
 * {@code @attr}, the attribute to take instead of the element's text. {@code "img.lead@src"} is
 * {@code img.lead} and {@code src}.
 *
 * @param attr null when the text is wanted
 */
public record SelectorSpec(String css, String attr) {

    // Only a trailing @name splits: an '@' inside [attr=...] or :contains(...) is followed by ']'
    // or ')'.
    private static final Pattern TRAILING_ATTR =
            Pattern.compile("(.*)@([A-Za-z_:][-A-Za-z0-9_:.]*)");

    public static SelectorSpec of(String value) {
        Matcher m = TRAILING_ATTR.matcher(value.strip());
        if (m.matches()) return new SelectorSpec(m.group(1).strip(), m.group(2));
        return new SelectorSpec(value.strip(), null);
    }

    /**
     * Splits and checks the selector with jsoup's own parser, so a value that passes here also
     * runs.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static SelectorSpec parse(String value) {
        SelectorSpec spec = of(value);
        if (spec.css.isEmpty()) {
            throw new IllegalArgumentException("'" + value + "' has no CSS selector before the @");
        }
        try {
            QueryParser.parse(spec.css);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + spec.css + "' is not a valid CSS selector: " + e.getMessage());
        }
        return spec;
    }
}

package org.feedhub.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedhub.RandomText;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

/** The repair of character references: the same result as the first, char-by-char copy. */
class XmlCleanerTest {
    private static final Pattern REFERENCE =
            Pattern.compile(
                    "&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));");

    /** fixReferences as first written: every character copied on its own. */
    private static String asFirstWritten(String s) {
        if (s.indexOf('&') < 0) return s;
        StringBuilder out = new StringBuilder();
        Matcher ref = REFERENCE.matcher(s);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<') {
                int end = literalEnd(s, i);
                if (end > i) {
                    out.append(s, i, end);
                    i = end;
                    continue;
                }
            }
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            ref.region(i, n);
            if (!ref.lookingAt()) {
                out.append("&amp;");
                i++;
                continue;
            }
            if (ref.group(1) != null || ref.group(2) != null) {
                long cp =
                        ref.group(1) != null
                                ? Long.parseLong(ref.group(1))
                                : Long.parseLong(ref.group(2), 16);
                boolean xmlChar =
                        cp == 0x9
                                || cp == 0xA
                                || cp == 0xD
                                || (cp >= 0x20 && cp <= 0xD7FF)
                                || (cp >= 0xE000 && cp <= 0xFFFD)
                                || (cp >= 0x10000 && cp <= 0x10FFFF);
                if (xmlChar) out.append(ref.group());
            } else {
                String name = ref.group(3);
                String value =
                        Set.of("amp", "lt", "gt", "quot", "apos").contains(name)
                                ? null
                                : Entities.getByName(name);
                if (value == null) out.append(ref.group());
                else if (value.isEmpty()) out.append("&amp;").append(name).append(';');
                else value.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
            }
            i = ref.end();
        }
        return out.toString();
    }

    private static int literalEnd(String s, int i) {
        String close;
        if (s.startsWith("<![CDATA[", i)) close = "]]>";
        else if (s.startsWith("<!--", i)) close = "-->";
        else if (s.startsWith("<?", i)) close = "?>";
        else return i;
        int end = s.indexOf(close, i + 2);
        return end < 0 ? s.length() : end + close.length();
    }

    @Test
    void mixedMarkupRepairsAsFirstWritten() {
        String[] pieces = {
            "a",
            "text ",
            "<",
            ">",
            "&",
            "&amp;",
            "&lt;",
            "&#38;",
            "&#x1F600;",
            "&#0;",
            "&#xD800;",
            "&#99999999;",
            "&nbsp;",
            "&eacute;",
            "&bogus;",
            "&amp",
            "<p>",
            "</p>",
            "<![CDATA[",
            "]]>",
            "<!--",
            "-->",
            "<?",
            "?>",
            "<![CDATA[a&b]]>",
            "<!-- & -->",
            "\u00E9",
            ";",
            "#"
        };
        RandomText texts = new RandomText(23, pieces);
        for (int i = 0; i < 20_000; i++) {
            String s = texts.next(14);
            assertThat(XmlCleaner.fixReferences(s)).as(s).isEqualTo(asFirstWritten(s));
        }
    }

    @Test
    void namedReferencesBecomeNumericAndBareAmpersandsAreEscaped() {
        assertThat(XmlCleaner.fixReferences("<t>caf&eacute; &amp; R&D</t>"))
                .isEqualTo("<t>caf&#233; &amp; R&amp;D</t>");
    }

    @Test
    void literalSectionsAreCopiedUntouched() {
        assertThat(XmlCleaner.fixReferences("<![CDATA[News &amp; Politics & more]]> & x"))
                .isEqualTo("<![CDATA[News &amp; Politics & more]]> &amp; x");
    }
}

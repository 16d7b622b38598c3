package org.feedhub.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a fetched body into text. Trust order: a byte-order mark, then the charset of the HTTP
 * Content-Type, then UTF-16 recognised by its first bytes, then the XML declaration (or an HTML
 * meta charset; a UTF-16 or UTF-32 label there is ignored, since it was readable as ASCII); with
 * none, UTF-8 when the bytes are valid UTF-8, else windows-1252, the most common mislabelled
 * encoding on the web.
 */
public final class Charsets {
    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");
    private static final Pattern META_CHARSET =
            Pattern.compile(
                    "<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private Charsets() {}

    public static String decode(byte[] body, String contentType) {
        // A byte-order mark is a fact about the bytes, a header only a claim about them (RFC 7303
        // §3: the BOM
        // wins). A server that labels a UTF-8-with-BOM feed latin-1 would otherwise garble every
        // letter.
        if (startsWith(body, 0xEF, 0xBB, 0xBF))
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        if (startsWith(body, 0xFE, 0xFF))
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        if (startsWith(body, 0xFF, 0xFE))
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        Charset header = fromHeader(contentType);
        if (header != null) return strip(new String(body, header));
        // UTF-16 without a BOM, known by how "<?" or "<r" is written (XML 1.0 appendix F)
        if (body.length >= 4 && body[0] == '<' && body[1] == 0 && body[2] != 0 && body[3] == 0) {
            return strip(new String(body, StandardCharsets.UTF_16LE));
        }
        if (body.length >= 4 && body[0] == 0 && body[1] == '<' && body[2] == 0 && body[3] != 0) {
            return strip(new String(body, StandardCharsets.UTF_16BE));
        }
        String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
        Charset declared = asciiCompatible(named(match(XML_ENCODING, head)));
        if (declared == null) declared = asciiCompatible(named(match(META_CHARSET, head)));
        if (declared != null) return strip(new String(body, declared));
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(body, Charset.forName("windows-1252"));
        }
    }

    /**
     * A label read from bytes taken as ASCII: if it names UTF-16 or UTF-32 it is wrong, since those
     * bytes could not have been read that way (.NET's StringWriter writes encoding="utf-16" on
     * UTF-8 output). Ignored then.
     */
    private static Charset asciiCompatible(Charset c) {
        if (c == null) return null;
        String n = c.name().toUpperCase(Locale.ROOT);
        return n.startsWith("UTF-16")
                        || n.startsWith("UTF-32")
                        || n.startsWith("X-UTF-16")
                        || n.startsWith("X-UTF-32")
                ? null
                : c;
    }

    static Charset fromHeader(String contentType) {
        return contentType == null ? null : named(match(HEADER_CHARSET, contentType));
    }

    private static String strip(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static Charset named(String name) {
        if (name == null) return null;
        try {
            String n = name.toLowerCase(Locale.ROOT);
            // Browsers read ISO-8859-1 as windows-1252; feeds labelled latin-1 often carry its
            // quotes and dashes.
            if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii"))
                return Charset.forName("windows-1252");
            return Charset.forName(name);
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xff) != prefix[i]) return false;
        return true;
    }
}

package org.feedhub.parse;

import java.util.regex.Pattern;

/**
 * Repairs what commonly breaks feeds before the XML parser sees them, as feed readers do: characters XML
 * forbids, bare ampersands, and the DOCTYPE (never resolved; RSS 0.91 feeds carry Netscape's).
 */
final class XmlCleaner {
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>\\[]*(\\[[^\\]]*\\])?\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_AMP = Pattern.compile("&(?!(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)");

    private XmlCleaner() {
    }

    static String clean(String xml) {
        String s = removeInvalidChars(xml);
        s = DOCTYPE.matcher(s).replaceFirst("");
        s = BARE_AMP.matcher(s).replaceAll("&amp;");
        return s.stripLeading();
    }

    private static String removeInvalidChars(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isSurrogate(c);
            if (!ok) {
                if (out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}

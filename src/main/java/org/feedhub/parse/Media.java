package org.feedhub.parse;

/**
 * A file that came with a story: an RSS enclosure, an Atom {@code link rel="enclosure"}, a JSON
 * Feed attachment, a Media RSS {@code media:content} or {@code media:thumbnail}.
 *
 * @param type MIME type, may be null
 * @param length size in bytes, null when unknown
 * @param medium image, audio, video or document (from the type or Media RSS's medium), may be null
 * @param thumbnail true for a thumbnail (a picture standing for the story, not a file of it)
 */
public record Media(
        String url, String type, Long length, String medium, String title, boolean thumbnail) {

    public boolean isImage() {
        return "image".equals(medium) || (type != null && type.startsWith("image/"));
    }

    /** The medium, from Media RSS's attribute or else the MIME type's top level. */
    public static String mediumOf(String declared, String type) {
        if (declared != null && !declared.isBlank())
            return declared.trim().toLowerCase(java.util.Locale.ROOT);
        if (type == null) return null;
        String top = type.toLowerCase(java.util.Locale.ROOT);
        if (top.startsWith("image/")) return "image";
        if (top.startsWith("audio/")) return "audio";
        if (top.startsWith("video/")) return "video";
        return null;
    }
}

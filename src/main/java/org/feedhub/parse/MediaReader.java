package org.feedhub.parse;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The media of a Rome entry: RSS {@code <enclosure>} and Atom {@code link rel="enclosure"} (Rome's
 * enclosures), then Media RSS {@code media:content} (also inside {@code media:group}) and {@code
 * media:thumbnail}. A URL listed twice is kept once, with the first listing's details.
 */
final class MediaReader {
    private MediaReader() {}

    static List<Media> media(SyndEntry e) {
        Map<String, Media> byUrl = new LinkedHashMap<>();
        for (SyndEnclosure enc : e.getEnclosures()) {
            if (enc.getUrl() == null || enc.getUrl().isBlank()) continue;
            Long length = enc.getLength() > 0 ? enc.getLength() : null;
            add(
                    byUrl,
                    new Media(
                            enc.getUrl().trim(),
                            blankToNull(enc.getType()),
                            length,
                            Media.mediumOf(null, enc.getType()),
                            null,
                            false));
        }
        if (e.getModule(MediaModule.URI) instanceof MediaEntryModule m) {
            List<MediaContent> contents = new ArrayList<>(List.of(m.getMediaContents()));
            List<Metadata> metadata = new ArrayList<>();
            if (m.getMetadata() != null) metadata.add(m.getMetadata());
            for (MediaGroup g : m.getMediaGroups()) {
                contents.addAll(List.of(g.getContents()));
                if (g.getMetadata() != null) metadata.add(g.getMetadata());
            }
            for (MediaContent c : contents) {
                if (!(c.getReference() instanceof UrlReference ref) || ref.getUrl() == null)
                    continue;
                String title =
                        c.getMetadata() != null && c.getMetadata().getTitle() != null
                                ? c.getMetadata().getTitle()
                                : null;
                add(
                        byUrl,
                        new Media(
                                ref.getUrl().toString(),
                                blankToNull(c.getType()),
                                c.getFileSize(),
                                Media.mediumOf(c.getMedium(), c.getType()),
                                title,
                                false));
                if (c.getMetadata() != null) metadata.add(c.getMetadata());
            }
            for (Metadata md : metadata) {
                for (Thumbnail t : md.getThumbnail()) {
                    if (t.getUrl() != null)
                        add(
                                byUrl,
                                new Media(t.getUrl().toString(), null, null, "image", null, true));
                }
            }
        }
        return List.copyOf(byUrl.values());
    }

    private static void add(Map<String, Media> byUrl, Media m) {
        byUrl.putIfAbsent(m.url(), m);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

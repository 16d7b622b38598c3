package org.feedhub.publish;

import static org.feedhub.publish.XmlText.clean;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Item;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.feedhub.parse.Media;
import org.feedhub.publish.FeedView.EntryView;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A story's media in each output format: RSS gets one {@code <enclosure>} (all RSS allows: the
 * first audio or video file, else the first file) plus every file as {@code media:content} and the
 * lead image as {@code media:thumbnail}; Atom gets a {@code link rel="enclosure"} per file; JSON
 * Feed gets {@code attachments} and {@code image}.
 */
final class MediaOut {
    private MediaOut() {}

    static void rss(EntryView e, Item item, List<Module> modules) {
        List<Media> files = files(e);
        Media enclosure =
                files.stream()
                        .filter(m -> "audio".equals(m.medium()) || "video".equals(m.medium()))
                        .findFirst()
                        .orElse(files.isEmpty() ? null : files.get(0));
        if (enclosure != null) {
            Enclosure enc = new Enclosure();
            enc.setUrl(clean(enclosure.url()));
            enc.setType(enclosure.type() != null ? enclosure.type() : "application/octet-stream");
            enc.setLength(
                    enclosure.length() != null
                            ? enclosure.length()
                            : 0); // RSS requires the attribute
            item.setEnclosures(new ArrayList<>(List.of(enc)));
        }
        if (files.isEmpty() && e.image() == null) return;
        MediaEntryModuleImpl media = new MediaEntryModuleImpl();
        List<MediaContent> contents = new ArrayList<>();
        for (Media m : files) {
            URI uri = uri(m.url());
            if (uri == null) continue;
            MediaContent c = new MediaContent(new UrlReference(uri));
            c.setType(m.type());
            c.setFileSize(m.length());
            c.setMedium(m.medium());
            contents.add(c);
        }
        media.setMediaContents(contents.toArray(MediaContent[]::new));
        URI image = e.image() == null ? null : uri(e.image());
        if (image != null) {
            Metadata md = new Metadata();
            md.setThumbnail(new Thumbnail[] {new Thumbnail(image)});
            media.setMetadata(md);
        }
        modules.add(media);
    }

    static List<Link> atomEnclosures(EntryView e) {
        List<Link> links = new ArrayList<>();
        for (Media m : files(e)) {
            Link l = new Link();
            l.setRel("enclosure");
            l.setHref(clean(m.url()));
            if (m.type() != null) l.setType(m.type());
            if (m.length() != null) l.setLength(m.length());
            if (m.title() != null) l.setTitle(clean(m.title()));
            links.add(l);
        }
        return links;
    }

    static void json(EntryView e, ObjectNode item) {
        if (e.image() != null) item.put("image", e.image());
        List<Media> files = files(e);
        if (files.isEmpty()) return;
        ArrayNode attachments = item.putArray("attachments");
        for (Media m : files) {
            ObjectNode a = attachments.addObject();
            a.put("url", m.url());
            a.put(
                    "mime_type",
                    m.type() != null
                            ? m.type()
                            : "application/octet-stream"); // required by JSON Feed
            if (m.length() != null) a.put("size_in_bytes", m.length());
            if (m.title() != null) a.put("title", m.title());
        }
    }

    /**
     * The story's files: its media without the thumbnails (those stand for the story, see the lead
     * image).
     */
    private static List<Media> files(EntryView e) {
        return e.media() == null
                ? List.of()
                : e.media().stream().filter(m -> !m.thumbnail()).toList();
    }

    private static URI uri(String url) {
        try {
            return new URI(url);
        } catch (Exception ex) {
            return null;
        }
    }
}

package org.feedhub.publish;

import static org.feedhub.publish.XmlText.clean;
import static org.feedhub.publish.XmlText.isBlank;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * OPML 2.0 (http://opml.org/spec2.opml) subscription lists: the topic feeds, for readers to import,
 * and the sources feedhub polls. UTF-8, every text escaped.
 */
public class OpmlWriter {

    /**
     * A topic to list: its RSS feed is {@code baseUrl/topics/ID.rss}, its page {@code
     * baseUrl/topics/ID}.
     */
    public record TopicLink(String id, String title, String description) {}

    /**
     * A source to list.
     *
     * @param feedUrl the URL feedhub polls
     * @param siteUrl the source's home page where known, else null
     */
    public record SourceLink(String id, String title, String feedUrl, String siteUrl) {}

    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final Clock clock;

    public OpmlWriter() {
        this(Clock.systemUTC());
    }

    /** With a given clock, for {@code dateCreated}. */
    public OpmlWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One {@code type="rss"} outline per topic, in the given order. */
    public byte[] topics(String baseUrl, List<TopicLink> topics) {
        return write(
                "feedhub topics",
                w -> {
                    for (TopicLink t : topics) {
                        String title = isBlank(t.title()) ? t.id() : t.title();
                        w.writeCharacters("    ");
                        w.writeEmptyElement("outline");
                        w.writeAttribute("type", "rss");
                        w.writeAttribute("version", "RSS2");
                        w.writeAttribute("text", clean(title));
                        w.writeAttribute("title", clean(title));
                        if (!isBlank(t.description())) {
                            w.writeAttribute("description", clean(t.description()));
                        }
                        w.writeAttribute("xmlUrl", FeedUrls.feed(baseUrl, t.id(), FeedFormat.RSS));
                        w.writeAttribute("htmlUrl", FeedUrls.topicPage(baseUrl, t.id()));
                        newline(w);
                    }
                });
    }

    /** One {@code type="rss"} outline per source, in the given order. */
    public byte[] sources(List<SourceLink> sources) {
        return write(
                "feedhub sources",
                w -> {
                    for (SourceLink s : sources) {
                        String title = isBlank(s.title()) ? s.id() : s.title();
                        w.writeCharacters("    ");
                        w.writeEmptyElement("outline");
                        w.writeAttribute("type", "rss");
                        w.writeAttribute("text", clean(title));
                        w.writeAttribute("title", clean(title));
                        w.writeAttribute("xmlUrl", clean(s.feedUrl() == null ? "" : s.feedUrl()));
                        if (FeedWriting.webUrl(s.siteUrl()) != null) {
                            w.writeAttribute("htmlUrl", clean(FeedWriting.webUrl(s.siteUrl())));
                        }
                        newline(w);
                    }
                });
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private byte[] write(String title, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("opml");
            w.writeAttribute("version", "2.0");
            w.writeCharacters("\n  ");
            w.writeStartElement("head");
            element(w, "title", title);
            element(
                    w,
                    "dateCreated",
                    RFC_822.format(
                            clock.instant()
                                    .truncatedTo(ChronoUnit.SECONDS)
                                    .atOffset(ZoneOffset.UTC)));
            element(w, "docs", "http://opml.org/spec2.opml");
            w.writeCharacters("\n  ");
            w.writeEndElement();
            w.writeCharacters("\n  ");
            w.writeStartElement("body");
            w.writeCharacters("\n");
            body.write(w);
            w.writeCharacters("  ");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write OPML: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String text)
            throws XMLStreamException {
        w.writeCharacters("\n    ");
        w.writeStartElement(name);
        w.writeCharacters(clean(text));
        w.writeEndElement();
    }

    private static void newline(XMLStreamWriter w) throws XMLStreamException {
        w.writeCharacters("\n");
    }
}

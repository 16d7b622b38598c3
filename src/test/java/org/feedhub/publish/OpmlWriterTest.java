package org.feedhub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.feedhub.publish.OpmlWriter.SourceLink;
import org.feedhub.publish.OpmlWriter.TopicLink;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OpmlWriterTest {

    private static final Instant NOW = Instant.parse("2024-03-05T09:08:07Z");
    private final OpmlWriter writer = new OpmlWriter(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void topicsListTheRssFeedAndThePageOfEveryTopic() throws Exception {
        byte[] opml =
                writer.topics(
                        "https://hub.example",
                        List.of(
                                new TopicLink(
                                        "sergei-lavrov",
                                        "Sergei <Lavrov> & \"Лавров\"",
                                        "Russia's foreign minister"),
                                new TopicLink("quiet", "Quiet", null)));

        Document doc = parse(opml);
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("opml");
        assertThat(root.getAttribute("version")).isEqualTo("2.0");
        assertThat(text(doc, "title")).isEqualTo("feedhub topics");
        assertThat(
                        ZonedDateTime.parse(
                                        text(doc, "dateCreated"),
                                        DateTimeFormatter.RFC_1123_DATE_TIME)
                                .toInstant())
                .isEqualTo(NOW);

        List<Element> outlines = outlines(doc);
        assertThat(outlines).hasSize(2);
        Element first = outlines.get(0);
        assertThat(first.getAttribute("type")).isEqualTo("rss");
        assertThat(first.getAttribute("text")).isEqualTo("Sergei <Lavrov> & \"Лавров\"");
        assertThat(first.getAttribute("title")).isEqualTo("Sergei <Lavrov> & \"Лавров\"");
        assertThat(first.getAttribute("description")).isEqualTo("Russia's foreign minister");
        assertThat(first.getAttribute("xmlUrl"))
                .isEqualTo("https://hub.example/topics/sergei-lavrov.rss");
        assertThat(first.getAttribute("htmlUrl"))
                .isEqualTo("https://hub.example/topics/sergei-lavrov");
        Element second = outlines.get(1);
        assertThat(second.hasAttribute("description")).isFalse();
        assertThat(second.getAttribute("xmlUrl")).isEqualTo("https://hub.example/topics/quiet.rss");

        assertThat(new String(opml, StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("Лавров");
    }

    @Test
    void sourcesListEveryPolledFeedWithItsSiteWhereKnown() throws Exception {
        byte[] opml =
                writer.sources(
                        List.of(
                                new SourceLink(
                                        "wire-world",
                                        "Wire & <Desk>",
                                        "https://wire.example/world.rss?a=1&b=2",
                                        "https://wire.example/"),
                                new SourceLink("untitled", null, "https://u.example/feed", null)));

        Document doc = parse(opml);
        assertThat(text(doc, "title")).isEqualTo("feedhub sources");
        List<Element> outlines = outlines(doc);
        assertThat(outlines).hasSize(2);
        assertThat(outlines.get(0).getAttribute("text")).isEqualTo("Wire & <Desk>");
        assertThat(outlines.get(0).getAttribute("xmlUrl"))
                .isEqualTo("https://wire.example/world.rss?a=1&b=2");
        assertThat(outlines.get(0).getAttribute("htmlUrl")).isEqualTo("https://wire.example/");
        assertThat(outlines.get(1).getAttribute("text"))
                .as("falls back to the id")
                .isEqualTo("untitled");
        assertThat(outlines.get(1).hasAttribute("htmlUrl")).isFalse();
    }

    @Test
    void emptyListsAreValidDocuments() throws Exception {
        assertThat(outlines(parse(writer.topics("https://hub.example", List.of())))).isEmpty();
        Document sources = parse(writer.sources(List.of()));
        assertThat(sources.getElementsByTagName("body").getLength()).isEqualTo(1);
        assertThat(outlines(sources)).isEmpty();
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static String text(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as(tag).isEqualTo(1);
        return nodes.item(0).getTextContent();
    }

    private static List<Element> outlines(Document doc) {
        NodeList nodes = doc.getElementsByTagName("outline");
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            assertThat(e.getParentNode().getNodeName()).isEqualTo("body");
            list.add(e);
        }
        return list;
    }
}

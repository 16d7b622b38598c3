package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.feedhub.batch.PassRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Media in, media out: a podcast (audio enclosure with length), Media RSS (group, thumbnail,
 * relative URL), an Atom enclosure and JSON Feed attachments are parsed, stored, and republished in
 * all three formats.
 */
@FeedhubE2E
class MediaRoundTripTest {
    static WireMockServer wire;
    static Path dir;

    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        wire = e2e.wiremock();
        dir = e2e.dir();
        try {
            for (String f :
                    List.of("podcast.rss", "mediarss.rss", "enclosure.atom", "attachments.json")) {
                byte[] body =
                        MediaRoundTripTest.class
                                .getClassLoader()
                                .getResourceAsStream("media/" + f)
                                .readAllBytes();
                wire.stubFor(get("/" + f).willReturn(aResponse().withBody(body)));
            }
            Files.writeString(
                    dir.resolve("feeds.yml"),
                    """
                    sources:
                      - id: podcast
                        url: http://localhost:%1$d/podcast.rss
                      - id: photos
                        url: http://localhost:%1$d/mediarss.rss
                      - id: atom
                        url: http://localhost:%1$d/enclosure.atom
                      - id: json
                        url: http://localhost:%1$d/attachments.json
                    topics:
                      - id: all
                        title: All
                    """
                            .formatted(wire.port()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;

    String body(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static boolean once;

    void pass() {
        if (!once) {
            passes.run(true);
            once = true;
        }
    }

    static SyndEntry entry(SyndFeed feed, String titleStart) {
        return feed.getEntries().stream()
                .filter(e -> e.getTitle().startsWith(titleStart))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPodcastEpisodeKeepsItsAudioWithItsLengthInRssAtomAndJson() throws Exception {
        pass();
        SyndFeed rss = new SyndFeedInput().build(new StringReader(body("/topics/all.rss")));
        SyndEnclosure enc = entry(rss, "Episode 12").getEnclosures().get(0);
        assertThat(enc.getUrl())
                .isEqualTo("https://cdn.pod.test/ep12.mp3"); // tracking parameter removed
        assertThat(enc.getType()).isEqualTo("audio/mpeg");
        assertThat(enc.getLength()).isEqualTo(24986239L);
        SyndFeed atom = new SyndFeedInput().build(new StringReader(body("/topics/all.atom")));
        SyndEnclosure atomEnc = entry(atom, "Episode 12").getEnclosures().get(0);
        assertThat(atomEnc.getUrl()).isEqualTo("https://cdn.pod.test/ep12.mp3");
        assertThat(atomEnc.getLength()).isEqualTo(24986239L);
        JsonNode item = jsonItem("Episode 12");
        assertThat(item.path("attachments").get(0).path("url").asString())
                .isEqualTo("https://cdn.pod.test/ep12.mp3");
        assertThat(item.path("attachments").get(0).path("size_in_bytes").asLong())
                .isEqualTo(24986239L);
        assertThat(item.path("attachments").get(0).path("mime_type").asString())
                .isEqualTo("audio/mpeg");
    }

    @Test
    void mediaRssGroupsThumbnailsAndRelativeUrlsSurvive() throws Exception {
        pass();
        String rss = body("/topics/all.rss");
        // one <enclosure>: the video (audio/video preferred over pictures), the rest as
        // media:content
        SyndEntry photo = entry(new SyndFeedInput().build(new StringReader(rss)), "Lavrov arrives");
        assertThat(photo.getEnclosures())
                .extracting(SyndEnclosure::getUrl)
                .containsExactly("https://photo.test/video/helsinki.mp4");
        assertThat(rss)
                .contains(
                        "media:content",
                        "https://img.photo.test/helsinki-large.jpg",
                        "https://img.photo.test/helsinki-small.jpg",
                        "media:thumbnail",
                        "https://img.photo.test/helsinki-thumb.jpg");
        JsonNode item = jsonItem("Lavrov arrives");
        assertThat(item.path("image").asString())
                .isEqualTo("https://img.photo.test/helsinki-thumb.jpg");
        assertThat(item.path("attachments")).hasSize(3);
        String atom = body("/topics/all.atom");
        assertThat(atom).contains("rel=\"enclosure\"", "https://photo.test/video/helsinki.mp4");
        assertThat(body("/topics/all"))
                .contains("<img class=\"lead\" src=\"https://img.photo.test/helsinki-thumb.jpg\"");
    }

    @Test
    void atomEnclosuresAndJsonAttachmentsComeThroughWithTheirImages() throws Exception {
        pass();
        SyndFeed rss = new SyndFeedInput().build(new StringReader(body("/topics/all.rss")));
        SyndEnclosure ogg = entry(rss, "Lavrov interview").getEnclosures().get(0);
        assertThat(ogg.getUrl()).isEqualTo("https://atom.test/interview.ogg");
        assertThat(ogg.getType()).isEqualTo("audio/ogg");
        assertThat(ogg.getLength()).isEqualTo(1234567L);
        JsonNode briefing = jsonItem("Lavrov briefing");
        assertThat(briefing.path("image").asString()).isEqualTo("https://json.test/briefing.jpg");
        assertThat(briefing.path("attachments").get(0).path("title").asString())
                .isEqualTo("Briefing audio");
        SyndEnclosure m4a = entry(rss, "Lavrov briefing").getEnclosures().get(0);
        assertThat(m4a.getLength()).isEqualTo(7654321L);
        // each source's own image travels with its stories (Atom <source><icon>)
        String atom = body("/topics/all.atom");
        assertThat(atom)
                .contains(
                        "<icon>https://pod.test/cover.png</icon>",
                        "<icon>https://atom.test/logo.png</icon>",
                        "<icon>https://json.test/icon.png</icon>");
    }

    JsonNode jsonItem(String titleStart) throws Exception {
        JsonNode root = JsonMapper.builder().build().readTree(body("/topics/all.json"));
        for (JsonNode i : root.path("items"))
            if (i.path("title").asString().startsWith(titleStart)) return i;
        throw new AssertionError("no item " + titleStart);
    }
}

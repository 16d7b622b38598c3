package org.feedhub.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.feedhub.batch.PassReport;
import org.feedhub.batch.PassRunner;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tags and summaries end to end: WireMock serves an RSS and a JSON Feed source, a real Spring
 * context (entity tags switched on) runs a pass, and the topic feeds are read back: tags as RSS
 * {@code <category>}, Atom {@code <category term>} and JSON Feed {@code tags}, the extractive
 * summary, and topics chosen by {@code match.tags} and by {@code stem: true}.
 */
@FeedhubE2E(properties = "feedhub.tags.entities=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TagsEndToEndTest {
    static WireMockServer sources;
    static Path dir;

    @FeedhubE2E.BeforeContext
    static void sources(E2E e2e) {
        sources = e2e.wiremock();
        dir = e2e.dir();
        try {
            serve("/wire.rss", "e2e/tags/wire.rss", "application/rss+xml");
            serve("/ledger.json", "e2e/tags/ledger.json", "application/feed+json");
            String base = "http://localhost:" + sources.port();
            Files.writeString(
                    dir.resolve("feeds.yml"),
                    """
                    sources:
                      - {id: wire, url: "%1$s/wire.rss", tags: [wire]}
                      - {id: ledger, url: "%1$s/ledger.json"}
                    topics:
                      - id: syria-exact
                        title: Syria (exact words)
                        match: {any: [syria]}
                      - id: syria-stem
                        title: Syria (stems)
                        match: {any: [syria], stem: true}
                      - id: mideast
                        title: Middle East (by tag)
                        match: {tags: [middle east]}
                      - id: lavrov
                        title: Lavrov (by tag)
                        match: {tags: [Lavrov], none: [football]}
                      - id: ryabkov
                        title: Ryabkov (by entity tag)
                        match: {tags: [Sergei Ryabkov]}
                    tags:
                      Syria: {phrases: [syria, damascus], stem: true}
                      Iran: [iran]
                      Lavrov: {phrases: [лавров, lavrov], stem: true}
                      Sanctions: {phrases: [sanction], stem: true}
                    """
                            .formatted(base));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void serve(String path, String resource, String type) throws IOException {
        byte[] body =
                TagsEndToEndTest.class
                        .getClassLoader()
                        .getResourceAsStream(resource)
                        .readAllBytes();
        sources.stubFor(
                get(path).willReturn(aResponse().withHeader("Content-Type", type).withBody(body)));
    }

    @LocalServerPort int port;
    @Autowired PassRunner passes;

    final HttpClient http = HttpClient.newHttpClient();

    String fetch(String path) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    SyndFeed feed(String path) throws Exception {
        return new SyndFeedInput().build(new StringReader(fetch(path)));
    }

    static List<String> categories(SyndEntry e) {
        return e.getCategories().stream().map(SyndCategory::getName).toList();
    }

    @Test
    @Order(1)
    void thePassStoresEveryStory() {
        PassReport report = passes.run(true);
        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.added()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void aStemTopicTakesOtherFormsOfTheWordAnExactOneDoesNot() throws Exception {
        assertThat(feed("/topics/syria-stem.rss").getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Government troops advance near Idlib");
        assertThat(feed("/topics/syria-exact.rss").getEntries())
                .isEmpty(); // "Syrian" is not the word "syria"
    }

    @Test
    @Order(3)
    void rssCarriesTagsAsCategoriesAndTheSummary() throws Exception {
        SyndEntry idlib = feed("/topics/syria-stem.rss").getEntries().get(0);
        // source tag, the feed's category (one spelling), the stem tag; not Iran, named only in a
        // "Read more" link
        assertThat(categories(idlib)).containsExactlyInAnyOrder("wire", "Middle East", "Syria");
        // the caption and the dateline are not the summary
        assertThat(idlib.getDescription().getValue())
                .isEqualTo(
                        "Syrian government troops advanced towards Idlib on Tuesday, state media said. Government forces took three villages.");
    }

    @Test
    @Order(4)
    void aTagTopicTakesTheStoriesCarryingTheTagAtomCarriesCategoryTerms() throws Exception {
        SyndFeed atom = feed("/topics/mideast.atom");
        assertThat(atom.getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Government troops advance near Idlib");
        assertThat(categories(atom.getEntries().get(0)))
                .containsExactlyInAnyOrder("wire", "Middle East", "Syria");
        String raw = fetch("/topics/mideast.atom");
        assertThat(raw)
                .contains("<category term=\"Middle East\"")
                .contains("<summary")
                .contains("Syrian government troops advanced towards Idlib on Tuesday");
    }

    @Test
    @Order(5)
    void jsonFeedCarriesTagsAndSummaryAndAStemTagSelectsARussianStory() throws Exception {
        JsonNode json = JsonMapper.builder().build().readTree(fetch("/topics/lavrov.json"));
        JsonNode items = json.get("items");
        assertThat(items).hasSize(1);
        JsonNode lavrov = items.get(0);
        assertThat(lavrov.get("title").asString()).isEqualTo("Лавров прибыл в Пхеньян");
        assertThat(strings(lavrov.get("tags"))).containsExactlyInAnyOrder("wire", "Lavrov");
        assertThat(lavrov.get("summary").asString())
                .isEqualTo(
                        "Министр иностранных дел России прибыл в Пхеньян с визитом. Лаврова встретил глава МИД КНДР.");
    }

    @Test
    @Order(6)
    void entityTagsArePublishedAndSelectTopics() throws Exception {
        JsonNode items =
                JsonMapper.builder().build().readTree(fetch("/topics/ryabkov.json")).get("items");
        assertThat(items).hasSize(1);
        JsonNode ryabkov = items.get(0);
        // the feed's tags once each (the most common spelling), the vocabulary's and the recurring
        // name (the
        // store keeps a story's tags as a set: feeds list them in its order, not the enricher's)
        assertThat(strings(ryabkov.get("tags")))
                .containsExactlyInAnyOrder("Russia", "Diplomacy", "Sanctions", "Sergei Ryabkov");
        // the byline and the subscribe prompt are not the summary
        assertThat(ryabkov.get("summary").asString())
                .isEqualTo(
                        "Deputy Foreign Minister Sergei Ryabkov said on "
                                + "Wednesday that Russia would respond to the new sanctions. Ryabkov gave no details.");
    }

    @Test
    @Order(7)
    void storiesWithoutTheTagStayOut() throws Exception {
        assertThat(feed("/topics/mideast.rss").getEntries())
                .extracting(SyndEntry::getTitle)
                .doesNotContain("Markets close higher", "Лавров прибыл в Пхеньян");
        assertThat(feed("/topics/lavrov.rss").getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("Лавров прибыл в Пхеньян");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}

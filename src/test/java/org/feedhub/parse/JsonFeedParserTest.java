package org.feedhub.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.feedhub.parse.ParseFixtures.at;
import static org.feedhub.parse.ParseFixtures.parse;

import org.junit.jupiter.api.Test;

class JsonFeedParserTest {

    private static ParsedFeed json(String text) throws ParseException {
        return new FeedParser()
                .parse(
                        text.getBytes(UTF_8),
                        "application/feed+json",
                        "https://j.example/feed.json",
                        null);
    }

    @Test
    void jsonFeed10WithAuthorObject() throws Exception {
        ParsedFeed f =
                parse("jsonfeed10.json", "application/feed+json", "https://example.org/feed.json");
        assertThat(f.title()).isEqualTo("My Example Feed");
        assertThat(f.siteLink()).isEqualTo("https://example.org/");
        assertThat(f.baseUrl()).isEqualTo("https://example.org/feed.json");
        assertThat(f.items()).hasSize(2);
        ParsedItem first = f.items().get(0);
        assertThat(first.guid()).isEqualTo("2");
        assertThat(first.title()).isEqualTo("Second");
        assertThat(first.link()).isEqualTo("https://example.org/second-item");
        assertThat(first.author()).isEqualTo("Jane Author");
        assertThat(first.published()).isEqualTo(at("2018-04-12T18:00:00Z"));
        assertThat(first.updated()).isEqualTo(at("2018-04-13T10:00:00Z"));
        assertThat(first.contentHtml()).isEqualTo("This is a second item.");
        assertThat(first.summaryHtml()).isNull();
        assertThat(first.categories()).containsExactly("alpha", "beta");
    }

    @Test
    void jsonFeed10HtmlContentWinsOverTextAndNumericIdIsKept() throws Exception {
        ParsedItem second =
                parse("jsonfeed10.json", null, "https://example.org/feed.json").items().get(1);
        assertThat(second.guid()).isEqualTo("1");
        assertThat(second.title()).isEqualTo("First");
        assertThat(second.contentHtml()).isEqualTo("<p>Hello, world!</p>");
        assertThat(second.summaryHtml()).isEqualTo("Greeting &amp; more"); // summary is plain text
        assertThat(second.author()).isNull();
        assertThat(second.published()).isNull();
        assertThat(second.categories()).isEmpty();
    }

    @Test
    void jsonFeed11AuthorsContentTextOnlyAndExternalUrl() throws Exception {
        ParsedFeed f =
                parse("jsonfeed11.json", "application/json", "https://links.example/feed.json");
        assertThat(f.title()).isEqualTo("Linkblog");
        assertThat(f.siteLink()).isEqualTo("https://links.example/");
        assertThat(f.items()).hasSize(1);
        ParsedItem item = f.items().get(0);
        assertThat(item.guid()).isEqualTo("https://links.example/1");
        assertThat(item.title()).isEqualTo("An outside story");
        assertThat(item.link()).isEqualTo("https://elsewhere.example/story");
        assertThat(item.author()).isEqualTo("Linda Linker"); // the first author with a name
        assertThat(item.published()).isEqualTo(at("2018-04-12T20:00:00Z"));
        assertThat(item.updated()).isNull();
        // content_text is text: escaped so nothing in it can act as markup downstream
        assertThat(item.contentHtml())
                .isEqualTo("Worth reading: &lt;script&gt; is just text here &amp; so is this.");
        assertThat(item.summaryHtml()).isNull();
    }

    @Test
    void jsonFeed11ItemWithoutAuthorsTakesTheFeedsAuthors() throws Exception {
        ParsedFeed f =
                json(
                        """
                {"version": "https://jsonfeed.org/version/1.1", "title": "T",
                 "authors": [{"name": "Feed Owner"}],
                 "items": [{"id": "a", "url": "https://j.example/a", "title": "A", "content_text": "x"}]}
                """);
        assertThat(f.items().get(0).author()).isEqualTo("Feed Owner");
    }

    @Test
    void urlIsPreferredOverExternalUrl() throws Exception {
        ParsedFeed f =
                json(
                        """
                {"version": "https://jsonfeed.org/version/1.1",
                 "items": [{"id": "a", "url": "https://j.example/a", "external_url": "https://other.example/",
                            "title": "A", "content_text": "x"}]}
                """);
        assertThat(f.items().get(0).link()).isEqualTo("https://j.example/a");
    }

    @Test
    void unparseableDateIsNullNotAFailure() throws Exception {
        ParsedFeed f =
                json(
                        """
                {"version": "https://jsonfeed.org/version/1", "items": [
                  {"id": "a", "title": "A", "content_text": "x", "date_published": "yesterday"}]}
                """);
        assertThat(f.items().get(0).published()).isNull();
    }

    @Test
    void noItemsIsAnEmptyFeed() throws Exception {
        assertThat(
                        json("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Empty\"}")
                                .items())
                .isEmpty();
    }

    @Test
    void jsonWithoutAJsonFeedVersionIsRefused() {
        assertThatThrownBy(() -> json("{\"title\": \"not a feed\", \"items\": []}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("not a JSON Feed");
    }

    @Test
    void brokenJsonIsAParseException() {
        assertThatThrownBy(
                        () ->
                                json(
                                        "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [ {"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("invalid JSON");
    }
}

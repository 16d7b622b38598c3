package org.feedhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.feedhub.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A reader who mistyped an address gets an HTML 404 page with the way back, in Chromium. */
@SpringBootTest(
        classes = org.feedhub.app.FeedhubApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotFoundInBrowserTest {
    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        r.add("feedhub.feeds", () -> Path.of("feeds.yml").toAbsolutePath().toString());
        r.add("feedhub.schedule.enabled", () -> "false");
        TestDatabase.register(r, "notfound");
    }

    @LocalServerPort int port;

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownTopicsAndFeedsAreHtml404sWithTheWayBack() throws Exception {
        for (String path : new String[] {"/topics/nope", "/topics/nope.rss", "/no/such/page"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(r.body()).contains("<h1>Not found</h1>", "href=\"/\"");
        }
        assumeTrue(Chromium.installed(), "needs Debian's chromium");
        String dom = Chromium.dom("http://localhost:" + port + "/topics/nope");
        assertThat(dom).contains("Not found", "No topic 'nope'.", "Back to all topics");
        assertThat(Chromium.screenshot("http://localhost:" + port + "/topics/nope", "404.png", 390))
                .isRegularFile();
    }

    @Test
    void aTrailingSlashOffersTheAddressWithout() throws Exception {
        HttpResponse<String> r = get("/topics/sergei-lavrov/");
        assertThat(r.statusCode()).isEqualTo(404);
        assumeTrue(Chromium.installed(), "needs Debian's chromium");
        String dom = Chromium.dom("http://localhost:" + port + "/topics/sergei-lavrov/");
        assertThat(dom)
                .contains(
                        "Did you mean <a href=\"/topics/sergei-lavrov\">/topics/sergei-lavrov</a>?")
                .contains("Back to all topics");
    }
}

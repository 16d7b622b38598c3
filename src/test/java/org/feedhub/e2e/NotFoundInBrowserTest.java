package org.feedhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A reader who mistyped an address gets an HTML 404 page with the way back, in Chromium. */
@FeedhubE2E
class NotFoundInBrowserTest {
    /** The shipped demo, whose topics the 404 page offers the way back to. */
    @FeedhubE2E.BeforeContext
    static void demo(E2E e2e) {
        e2e.writeDemo();
    }

    @Test
    void unknownTopicsAndFeedsAreHtml404sWithTheWayBack(E2E e2e) throws Exception {
        for (String path : new String[] {"/topics/nope", "/topics/nope.rss", "/no/such/page"}) {
            HttpResponse<String> r = e2e.request(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(r.body()).contains("<h1>Not found</h1>", "href=\"/\"");
        }
        assumeTrue(Chromium.installed(), "needs Debian's chromium");
        String dom = Chromium.dom(e2e.appBase() + "/topics/nope");
        assertThat(dom).contains("Not found", "No topic 'nope'.", "Back to all topics");
        assertThat(Chromium.screenshot(e2e.appBase() + "/topics/nope", "404.png", 390))
                .isRegularFile();
    }

    @Test
    void aTrailingSlashOffersTheAddressWithout(E2E e2e) throws Exception {
        HttpResponse<String> r = e2e.request("/topics/sergei-lavrov/");
        assertThat(r.statusCode()).isEqualTo(404);
        assumeTrue(Chromium.installed(), "needs Debian's chromium");
        String dom = Chromium.dom(e2e.appBase() + "/topics/sergei-lavrov/");
        assertThat(dom)
                .contains(
                        "Did you mean <a href=\"/topics/sergei-lavrov\">/topics/sergei-lavrov</a>?")
                .contains("Back to all topics");
    }
}

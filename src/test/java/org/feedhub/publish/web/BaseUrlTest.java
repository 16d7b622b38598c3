package org.feedhub.publish.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class BaseUrlTest {
    final BaseUrl fromRequests = new BaseUrl("");

    static MockHttpServletRequest request(String scheme, String host, int port, String context) {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", context + "/topics/a.atom");
        r.setScheme(scheme);
        r.setServerName(host);
        r.setServerPort(port);
        r.setContextPath(context);
        return r;
    }

    @Test
    void theConfiguredBaseWinsOverTheRequest() {
        assertThat(new BaseUrl("https://news.example/hub/").of(request("http", "x", 80, "")))
                .isEqualTo("https://news.example/hub");
    }

    record Case(String scheme, String host, int port, String context, String base) {}

    @Test
    void eachRequestGetsTheBaseOfItsOwnSchemeHostPortAndContextPathAlsoAfterAnother() {
        // In this order: a repeat, then each part changing alone, then back to the first.
        List<Case> cases =
                List.of(
                        new Case("http", "a.example", 80, "", "http://a.example"),
                        new Case("http", "a.example", 80, "", "http://a.example"),
                        new Case("http", "b.example", 80, "", "http://b.example"),
                        new Case("http", "b.example", 8080, "", "http://b.example:8080"),
                        new Case("https", "b.example", 8080, "", "https://b.example:8080"),
                        new Case(
                                "https",
                                "b.example",
                                8080,
                                "/feeds",
                                "https://b.example:8080/feeds"),
                        new Case("http", "a.example", 80, "", "http://a.example"));
        for (Case c : cases)
            assertThat(fromRequests.of(request(c.scheme(), c.host(), c.port(), c.context())))
                    .as(c.toString())
                    .isEqualTo(c.base());
    }
}

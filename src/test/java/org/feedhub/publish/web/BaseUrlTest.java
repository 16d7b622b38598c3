package org.feedhub.publish.web;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void eachRequestGetsTheBaseOfItsOwnSchemeHostPortAndContextPathAlsoAfterAnother() {
        assertThat(fromRequests.of(request("http", "a.example", 80, "")))
                .isEqualTo("http://a.example");
        assertThat(fromRequests.of(request("http", "a.example", 80, "")))
                .isEqualTo("http://a.example");
        assertThat(fromRequests.of(request("http", "b.example", 80, "")))
                .isEqualTo("http://b.example");
        assertThat(fromRequests.of(request("http", "b.example", 8080, "")))
                .isEqualTo("http://b.example:8080");
        assertThat(fromRequests.of(request("https", "b.example", 8080, "")))
                .isEqualTo("https://b.example:8080");
        assertThat(fromRequests.of(request("https", "b.example", 8080, "/feeds")))
                .isEqualTo("https://b.example:8080/feeds");
        assertThat(fromRequests.of(request("http", "a.example", 80, "")))
                .isEqualTo("http://a.example");
    }
}

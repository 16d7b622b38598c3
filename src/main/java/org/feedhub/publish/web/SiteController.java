package org.feedhub.publish.web;

import jakarta.servlet.http.HttpServletRequest;
import org.feedhub.publish.LinkStyle;
import org.feedhub.publish.Site;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /}, {@code /topics.opml} and {@code /sources.opml}. */
@RestController
class SiteController {
    private static final MediaType HTML = MediaType.parseMediaType("text/html; charset=utf-8");
    private static final MediaType OPML = MediaType.parseMediaType("text/x-opml; charset=utf-8");
    private final Site site;
    private final BaseUrl baseUrl;

    SiteController(Site site, BaseUrl baseUrl) {
        this.site = site;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/")
    ResponseEntity<String> index() {
        return ResponseEntity.ok()
                .contentType(HTML)
                .cacheControl(CacheControl.noCache())
                .body(site.index(LinkStyle.SERVER));
    }

    @GetMapping("/topics.opml")
    ResponseEntity<byte[]> topicsOpml(HttpServletRequest request) {
        return ResponseEntity.ok().contentType(OPML).body(site.topicsOpml(baseUrl.of(request)));
    }

    @GetMapping("/sources.opml")
    ResponseEntity<byte[]> sourcesOpml() {
        return ResponseEntity.ok().contentType(OPML).body(site.sourcesOpml());
    }
}

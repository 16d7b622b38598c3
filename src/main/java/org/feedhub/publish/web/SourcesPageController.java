package org.feedhub.publish.web;

import java.time.Clock;
import org.feedhub.publish.Site;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /sources}: what every source is doing, for editors and operators. Read-only. */
@RestController
class SourcesPageController {
    private static final MediaType HTML = MediaType.parseMediaType("text/html; charset=utf-8");
    private final Site site;
    private final Clock clock;

    SourcesPageController(Site site, Clock clock) {
        this.site = site;
        this.clock = clock;
    }

    @GetMapping("/sources")
    ResponseEntity<String> sources() {
        return ResponseEntity.ok()
                .contentType(HTML)
                .cacheControl(CacheControl.noCache())
                .body(site.sourcesPage(clock.instant()));
    }
}

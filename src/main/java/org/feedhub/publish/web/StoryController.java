package org.feedhub.publish.web;

import jakarta.servlet.http.HttpServletRequest;
import org.feedhub.publish.Site;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /stories/ID}: a story's own page, the link of every entry that has no safe link. */
@RestController
class StoryController {
    private static final MediaType HTML = MediaType.parseMediaType("text/html; charset=utf-8");
    private final Site site;
    private final BaseUrl baseUrl;

    StoryController(Site site, BaseUrl baseUrl) {
        this.site = site;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/stories/{id}")
    ResponseEntity<?> story(@PathVariable String id, HttpServletRequest request) {
        long storyId = parse(id);
        if (storyId < 1) return FeedController.notFound("no story '" + id + "'");
        return site.storyPage(storyId, baseUrl.of(request))
                .<ResponseEntity<?>>map(
                        html ->
                                ResponseEntity.ok()
                                        .contentType(HTML)
                                        .cacheControl(CacheControl.noCache())
                                        .body(html))
                .orElse(FeedController.notFound("no story '" + id + "'"));
    }

    /** A positive row number of at most 18 digits, else -1. */
    static long parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18) return -1;
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') return -1;
        }
        return Long.parseLong(id);
    }
}

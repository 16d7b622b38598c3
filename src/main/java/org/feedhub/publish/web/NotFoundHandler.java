package org.feedhub.publish.web;

import jakarta.servlet.http.HttpServletRequest;
import org.feedhub.publish.NotFoundPage;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Any address nothing answers (an unknown path, a topic URL with a trailing slash) gets an HTML 404
 * page with the way back, instead of Spring's JSON error.
 */
@ControllerAdvice
class NotFoundHandler {
    private static final MediaType HTML = MediaType.parseMediaType("text/html; charset=utf-8");

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> noResource(HttpServletRequest request) {
        return page(NotFoundPage.forPath(request.getRequestURI()));
    }

    static ResponseEntity<?> page(NotFoundPage page) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(HTML)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)))
                .body(page.render());
    }
}

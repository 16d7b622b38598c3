package org.feedhub.publish.web;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.feedhub.websub.Signatures;
import org.feedhub.websub.subscribe.Subscriber;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /websub/callback/TOKEN}: where the hubs of feedhub's sources verify subscriptions (GET)
 * and push content (POST). Unknown tokens and intents feedhub has not asked for get 404. Pushes are
 * counted in {@code feedhub_websub_pushes_total{outcome}}; a push whose signature is missing or
 * wrong is answered 202, as WebSub asks, and dropped.
 */
@RestController
class WebSubCallbackController {
    private final Subscriber subscriber;
    private final MeterRegistry meters;

    WebSubCallbackController(Subscriber subscriber, MeterRegistry meters) {
        this.subscriber = subscriber;
        this.meters = meters;
    }

    @GetMapping(Subscriber.CALLBACK_PATH + "{token}")
    ResponseEntity<String> verify(
            @PathVariable String token,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.topic", required = false) String topic,
            @RequestParam(name = "hub.challenge", required = false) String challenge,
            @RequestParam(name = "hub.lease_seconds", required = false) String lease,
            @RequestParam(name = "hub.reason", required = false) String reason) {
        String answer = subscriber.verify(token, mode, topic, challenge, lease, reason);
        if (answer == null) return text(HttpStatus.NOT_FOUND, "no such intent is pending");
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(answer);
    }

    @PostMapping(Subscriber.CALLBACK_PATH + "{token}")
    ResponseEntity<String> push(@PathVariable String token, HttpServletRequest request)
            throws IOException {
        long max = subscriber.settings().maxPushBytes();
        if (request.getContentLengthLong() > max)
            return answer(Subscriber.PushOutcome.TOO_LARGE, max);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        Subscriber.PushOutcome outcome =
                subscriber.push(
                        token,
                        body,
                        request.getContentType(),
                        request.getHeader(Signatures.HEADER));
        return answer(outcome, max);
    }

    private ResponseEntity<String> answer(Subscriber.PushOutcome outcome, long max) {
        meters.counter("feedhub.websub.pushes", "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .increment();
        return switch (outcome) {
            case ACCEPTED -> text(HttpStatus.ACCEPTED, "accepted");
            case UNKNOWN -> text(HttpStatus.NOT_FOUND, "no such subscription");
            // WebSub: acknowledge, and ignore the content
            case UNSIGNED, BAD_SIGNATURE -> text(HttpStatus.ACCEPTED, "accepted");
            case TOO_LARGE ->
                    text(HttpStatus.CONTENT_TOO_LARGE, "body larger than " + max + " bytes");
            case RATE_LIMITED ->
                    text(HttpStatus.TOO_MANY_REQUESTS, "too many pushes for this source");
            case BUSY -> text(HttpStatus.SERVICE_UNAVAILABLE, "busy; push again later");
        };
    }

    private static ResponseEntity<String> text(HttpStatus status, String line) {
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(line + "\n");
    }
}

package org.feedhub.publish.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.feedhub.fetch.UrlSafety;
import org.feedhub.websub.HubIntake;
import org.feedhub.websub.HubRequest;
import org.feedhub.websub.HubRequestException;
import org.feedhub.websub.NetworkKey;
import org.feedhub.websub.Subscription;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /hub}, the WebSub hub's endpoint: a form-encoded subscribe or unsubscribe request is
 * answered {@code 202 Accepted} at once and verified with the subscriber afterwards; a malformed
 * one {@code 400} with a one-line reason. {@code /api/hub}: the subscriptions' state, for
 * operators.
 */
@RestController
class HubController {
    private final HubIntake hub;
    private final BaseUrl baseUrl;

    HubController(HubIntake hub, BaseUrl baseUrl) {
        this.hub = hub;
        this.baseUrl = baseUrl;
    }

    @PostMapping("/hub")
    ResponseEntity<String> post(HttpServletRequest request) throws IOException {
        String client = NetworkKey.ofClient(request.getRemoteAddr());
        try {
            hub.admit(client);
        } catch (HubRequestException e) {
            return text(HttpStatus.valueOf(e.status()), e.getMessage());
        }
        String type =
                request.getContentType() == null
                        ? ""
                        : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            return text(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "send the request as application/x-www-form-urlencoded");
        }
        long max = hub.settings().maxRequestBytes();
        if (request.getContentLengthLong() > max) return tooLarge(max);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (body.length > max) return tooLarge(max);
        boolean allowPrivate = hub.settings().allowPrivateNetworks();
        try {
            HubRequest r =
                    HubRequest.parse(
                            new String(body, StandardCharsets.UTF_8),
                            baseUrl.of(request),
                            hub.settings(),
                            callback -> UrlSafety.refusal(callback, allowPrivate));
            hub.accept(r, client);
        } catch (HubRequestException e) {
            return text(HttpStatus.valueOf(e.status()), e.getMessage());
        }
        return text(
                HttpStatus.ACCEPTED, "accepted: the hub will verify the request with the callback");
    }

    @GetMapping("/hub")
    ResponseEntity<String> about(HttpServletRequest request) {
        String base = baseUrl.of(request);
        return text(
                HttpStatus.OK,
                "This is a WebSub hub (https://www.w3.org/TR/websub/). Subscribe to a topic feed with\n"
                        + "  POST "
                        + base
                        + "/hub  (application/x-www-form-urlencoded)\n"
                        + "  hub.mode=subscribe&hub.topic="
                        + base
                        + "/topics/ID.atom&hub.callback=URL"
                        + "[&hub.lease_seconds=N][&hub.secret=S]");
    }

    record SubscriptionJson(
            String topic,
            String format,
            String callbackHost,
            String state,
            int consecutiveFailures,
            Integer lastStatus,
            String lastError,
            Instant lastAttempt,
            Instant lastSuccess,
            Instant nextAttempt,
            Instant leaseUntil,
            Instant verified,
            boolean signed) {}

    record HubJson(int pendingVerifications, List<SubscriptionJson> subscriptions) {}

    /**
     * Every subscription without its callback URL or secret (callback URLs often carry tokens):
     * host and state.
     */
    @GetMapping("/api/hub")
    HubJson api() {
        Instant now = hub.now();
        List<SubscriptionJson> subs = hub.subscriptions().stream().map(s -> json(s, now)).toList();
        return new HubJson(hub.pendingVerifications(), subs);
    }

    private static SubscriptionJson json(Subscription s, Instant now) {
        return new SubscriptionJson(
                s.topicId(),
                s.format().extension(),
                s.callbackHost(),
                s.visibleState(now),
                s.failures(),
                s.lastStatus(),
                s.lastError(),
                s.lastAttemptAt(),
                s.lastSuccessAt(),
                s.nextAttemptAt(),
                s.leaseUntil(),
                s.verifiedAt(),
                s.secret() != null);
    }

    private static ResponseEntity<String> tooLarge(long max) {
        return text(HttpStatus.CONTENT_TOO_LARGE, "request body larger than " + max + " bytes");
    }

    private static ResponseEntity<String> text(HttpStatus status, String line) {
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(line + "\n");
    }
}

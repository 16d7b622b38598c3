package org.feedhub.publish;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedhub.store.SourceState;

/**
 * One row of the {@code /sources} page: what a source is doing, in words.
 *
 * @param state what to sort and colour by
 * @param since when the state began (failing since, retired at), may be null
 * @param until when it ends (backing off until), may be null
 * @param movedTo the address the source now lives at, for {@link State#MOVED}
 * @param error the last error in words, null when the last fetch worked
 */
public record SourceRow(
        String id,
        String name,
        String url,
        State state,
        Instant since,
        Instant until,
        String movedTo,
        String error,
        int failures,
        Instant lastFetch,
        long storyCount,
        Instant nextPoll) {

    /** In the order the page lists them: problems first. */
    public enum State {
        FAILING("failing"),
        BACKING_OFF("backing off"),
        RETIRED("retired"),
        MOVED("moved"),
        NEW("not polled yet"),
        OK("ok");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String cssClass() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Failing, backing off or retired: needs an editor. */
        public boolean problem() {
            return ordinal() <= RETIRED.ordinal();
        }
    }

    /** The row of a source's stored state, at {@code now}. */
    public static SourceRow of(SourceState s, Instant now) {
        String moved =
                s.effectiveUrl() != null && !s.effectiveUrl().equals(s.url())
                        ? s.effectiveUrl()
                        : null;
        State state;
        Instant since = null;
        Instant until = null;
        if (s.retiredAt() != null) {
            state = State.RETIRED;
            since = s.retiredAt();
        } else if (s.failures() > 0) {
            since = s.failingSince() != null ? s.failingSince() : s.lastFetchAt();
            if (s.nextDueAt() != null && s.nextDueAt().isAfter(now)) {
                state = State.BACKING_OFF;
                until = s.nextDueAt();
            } else {
                state = State.FAILING;
            }
        } else if (moved != null) {
            state = State.MOVED;
        } else if (s.lastFetchAt() == null) {
            state = State.NEW;
        } else {
            state = State.OK;
        }
        String name = s.title() != null && !s.title().isBlank() ? s.title() : s.id();
        return new SourceRow(
                s.id(),
                name,
                s.url(),
                state,
                since,
                until,
                moved,
                s.failures() > 0 || s.retiredAt() != null ? inWords(s.lastError()) : null,
                s.failures(),
                s.lastFetchAt(),
                s.storyCount(),
                s.retiredAt() != null ? null : s.nextDueAt());
    }

    /** Problems first (the longest-failing first), then moved, new and working sources by id. */
    public static final Comparator<SourceRow> ORDER =
            Comparator.comparing(SourceRow::state)
                    .thenComparing(
                            SourceRow::since, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(SourceRow::id);

    public static List<SourceRow> rows(List<SourceState> states, Instant now) {
        return states.stream()
                .filter(SourceState::active)
                .map(s -> of(s, now))
                .sorted(ORDER)
                .toList();
    }

    // Bounded and anchored: linear on any error text.
    private static final Pattern BARE_STATUS = Pattern.compile("HTTP (\\d{3})");

    /** A bare {@code HTTP 404} said in words; any other recorded reason is already a sentence. */
    static String inWords(String error) {
        if (error == null || error.isBlank()) return "no reason was recorded";
        Matcher m = BARE_STATUS.matcher(error.strip());
        if (!m.matches()) return error;
        int status = Integer.parseInt(m.group(1));
        String words =
                switch (status) {
                    case 400 -> "the server refused the request";
                    case 401, 407 -> "the server asks for a login";
                    case 403 -> "the server refuses access";
                    case 404 -> "the server says there is no feed at this address";
                    case 406 -> "the server will not send a feed to feedhub";
                    case 408, 504 -> "the server timed out";
                    case 429 -> "the server says feedhub asks too often";
                    case 500 -> "the server had an internal error";
                    case 502 -> "the server's upstream failed (bad gateway)";
                    case 503 -> "the server is unavailable for now";
                    default ->
                            status >= 500
                                    ? "the server failed"
                                    : status >= 400 ? "the server refused the request" : null;
                };
        return words == null ? error : words + " (HTTP " + status + ")";
    }
}

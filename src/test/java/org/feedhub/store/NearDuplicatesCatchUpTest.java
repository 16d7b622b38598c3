package org.feedhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.feedhub.dedup.DedupSettings;
import org.feedhub.dedup.Traits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances on one database: the in-memory index of one must see what the other stores, even a
 * story with a lower id whose transaction commits after a higher id was read (real H2, real
 * migrations; the "other instance" writes rows as StoryStore does).
 */
class NearDuplicatesCatchUpTest {
    static final Instant T0 = Instant.parse("2026-03-14T12:00:00Z");
    static final String TEXT =
            "Maple Rail agreed on Tuesday to buy Fjord Cargo for $3.1 billion, creating the largest"
                    + " freight operator in northern Europe. Maple Rail chief executive Anna Berg said the"
                    + " deal would close in the second half of the year.\nFjord Cargo shareholders will"
                    + " receive 52,000 Maple Rail shares per lot, the companies said.";
    static final String REWRITE =
            "Maple and Fjord to combine in 3.1 bln dollar rail deal. Anna Berg, who runs Maple Rail,"
                    + " said on Tuesday that the takeover of Fjord Cargo should be completed in the second"
                    + " half.\nHolders of Fjord Cargo stock get 52 000 Maple Rail shares per lot under the"
                    + " agreement.";

    JdbcTemplate jdbc;
    MutableClock clock;
    NearDuplicates instance;

    static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void database() {
        jdbc = org.feedhub.TestDatabase.migratedH2("catchup");
        clock = new MutableClock();
        instance = new NearDuplicates(jdbc, DedupSettings.DEFAULTS, clock);
    }

    /** A story another instance stored: the row with its traits, first seen at {@code seen}. */
    void storedElsewhere(long id, String title, String text, Instant seen) {
        storedElsewhere(id, title, text, seen, T0);
    }

    void storedElsewhere(long id, String title, String text, Instant seen, Instant published) {
        Traits t = NearDuplicates.traits(title, text, published);
        jdbc.update(
                "INSERT INTO story (id, title, text_content, published_at, updated_at, content_hash,"
                        + " first_seen_at, fingerprint, dedup_traits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                title,
                text,
                Sql.ts(published),
                Sql.ts(published),
                "h" + id,
                Sql.ts(seen),
                HexFormat.of().formatHex(t.fingerprint().toBytes()),
                t.encode());
    }

    /** {@code n} unrelated stories (ids 101 on), first seen at T0, the i-th published then. */
    void councils(int n, java.util.function.IntFunction<Instant> published) {
        for (int i = 1; i <= n; i++)
            storedElsewhere(
                    100 + i,
                    "Council " + i + " approves budget",
                    "The council of town number "
                            + i
                            + " approved its budget on Monday after a long debate about roads,"
                            + " schools, the library, the swimming pool and the new bus station.",
                    T0,
                    published.apply(i));
    }

    Traits rewrite() {
        return NearDuplicates.traits("Maple, Fjord to combine in $3.1 bln rail deal", REWRITE, T0);
    }

    @Test
    void aLowerIdCommittedAfterAHigherOneIsStillFound() {
        storedElsewhere(
                20,
                "Acme Grain profit misses forecasts",
                "Acme Grain said on Tuesday its quarterly profit fell to 41 million euros, below the"
                        + " 55 million analysts had expected, as wheat prices in Ukraine and Romania dropped."
                        + " Chief executive Lars Holm said the company would cut 300 jobs in Poland.",
                T0);
        clock.now = T0.plusSeconds(30);
        assertThat(instance.find(rewrite(), T0)).isEmpty(); // reads id 20
        // Story 10 was inserted first (lower id) but its transaction commits only now.
        storedElsewhere(10, "Maple Rail to buy Fjord Cargo for $3.1 billion", TEXT, T0);
        clock.now = T0.plusSeconds(60);
        assertThat(instance.find(rewrite(), T0)).contains(10L);
    }

    @Test
    void aCommitLongerThanTheOverlapIsFoundByTheNextFullRescan() {
        clock.now = T0.plus(Duration.ofMinutes(20));
        assertThat(instance.find(rewrite(), T0)).isEmpty(); // first look: the whole window
        clock.now = T0.plus(Duration.ofMinutes(40));
        assertThat(instance.find(rewrite(), T0)).isEmpty();
        // first seen 40 minutes ago, committed only now: older than the last look minus the overlap
        storedElsewhere(5, "Maple Rail to buy Fjord Cargo for $3.1 billion", TEXT, T0);
        clock.now = T0.plus(Duration.ofMinutes(41));
        assertThat(instance.find(rewrite(), T0)).isEmpty();
        clock.now = T0.plus(Duration.ofMinutes(20)).plus(NearDuplicates.RESCAN).plusSeconds(1);
        assertThat(instance.find(rewrite(), T0)).contains(5L);
    }

    @Test
    void theOverlapReadsNoStoryTwice() {
        storedElsewhere(7, "Maple Rail to buy Fjord Cargo for $3.1 billion", TEXT, T0);
        for (int i = 1; i <= 5; i++) {
            clock.now = T0.plusSeconds(i);
            assertThat(instance.find(rewrite(), T0)).contains(7L);
        }
        assertThat(instance.indexed()).isEqualTo(1);
    }

    @Test
    void aBusyStoreIsNotReadAgainAtEachLookup() {
        // 300 unrelated stories in the last minute: the first look reads them; later catch-ups
        // read the overlap as ids only, and whole rows only for stories not held yet.
        councils(300, i -> T0);
        clock.now = T0.plusSeconds(10);
        assertThat(instance.find(rewrite(), T0)).isEmpty();
        assertThat(instance.rowsRead()).isEqualTo(300);
        for (int i = 1; i <= 20; i++) {
            clock.now = T0.plusSeconds(10 + 3 * i);
            assertThat(instance.find(rewrite(), T0)).isEmpty();
        }
        assertThat(instance.rowsRead()).as("no row read whole twice").isEqualTo(300);
        storedElsewhere(7, "Maple Rail to buy Fjord Cargo for $3.1 billion", TEXT, T0);
        clock.now = clock.now.plusSeconds(3);
        assertThat(instance.find(rewrite(), T0)).contains(7L);
        assertThat(instance.rowsRead()).isEqualTo(301);
    }

    @Test
    void anotherInstancesStoryIsFoundOnceTheCatchUpIntervalHasPassed() {
        clock.now = T0.plusSeconds(10);
        assertThat(instance.find(rewrite(), T0)).isEmpty(); // first look
        storedElsewhere(7, "Maple Rail to buy Fjord Cargo for $3.1 billion", TEXT, T0);
        clock.now = T0.plusSeconds(11);
        assertThat(instance.find(rewrite(), T0)).as("looked a moment ago").isEmpty();
        clock.now = T0.plusSeconds(10).plus(NearDuplicates.CATCH_UP_EVERY);
        assertThat(instance.find(rewrite(), T0)).contains(7L);
    }

    @Test
    void aWindowLargerThanTheCapKeepsTheNewestPublishedAndStillFindsThem() {
        NearDuplicates capped = new NearDuplicates(jdbc, DedupSettings.DEFAULTS, clock, 50);
        councils(300, i -> T0.minus(Duration.ofMinutes(301 - i))); // the higher, the newer
        storedElsewhere(7, "Maple Rail to buy Fjord Cargo for $3.1 billion", TEXT, T0, T0);
        clock.now = T0.plusSeconds(10);

        assertThat(capped.find(rewrite(), T0)).contains(7L); // the newest story is held
        assertThat(capped.indexed()).isLessThanOrEqualTo(50);
        assertThat(capped.dropped()).isGreaterThanOrEqualTo(251);
        assertThat(instance.find(rewrite(), T0)).contains(7L); // uncapped: all 301 held
        assertThat(instance.indexed()).isEqualTo(301);
    }

    @Test
    void whatTheCappedIndexDroppedIsReadAgainOnceNotAtEveryLookup() {
        NearDuplicates capped = new NearDuplicates(jdbc, DedupSettings.DEFAULTS, clock, 50);
        councils(300, i -> T0.minus(Duration.ofMinutes(301 - i)));
        storedElsewhere(7, "Maple Rail to buy Fjord Cargo for $3.1 billion", TEXT, T0, T0);
        clock.now = T0.plusSeconds(10);
        assertThat(capped.find(rewrite(), T0)).contains(7L); // the first look reads the window
        assertThat(capped.rowsRead()).isEqualTo(301);
        int held = capped.indexed();
        clock.now = clock.now.plus(NearDuplicates.CATCH_UP_EVERY);
        assertThat(capped.find(rewrite(), T0)).contains(7L);
        long afterOneCatchUp = capped.rowsRead();
        assertThat(afterOneCatchUp - 301)
                .as("the dropped ones, asked for once")
                .isEqualTo(301 - held);
        for (int i = 0; i < 20; i++) {
            clock.now = clock.now.plus(NearDuplicates.CATCH_UP_EVERY);
            assertThat(capped.find(rewrite(), T0)).contains(7L);
        }
        assertThat(capped.rowsRead()).as("no row asked for again").isEqualTo(afterOneCatchUp);
    }

    @Test
    void aStoryTooShortToCompareIsNotAskedForAtEveryLookup() {
        for (int id = 1; id <= 30; id++)
            jdbc.update(
                    "INSERT INTO story (id, title, published_at, updated_at, content_hash,"
                            + " first_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                    id,
                    "Short " + id,
                    Sql.ts(T0),
                    Sql.ts(T0),
                    "s" + id,
                    Sql.ts(T0));
        clock.now = T0.plusSeconds(10);
        assertThat(instance.find(rewrite(), T0)).isEmpty();
        assertThat(instance.rowsRead()).as("the window: no row with a fingerprint").isZero();
        for (int i = 1; i <= 10; i++) {
            clock.now = clock.now.plus(NearDuplicates.CATCH_UP_EVERY);
            assertThat(instance.find(rewrite(), T0)).isEmpty();
        }
        assertThat(instance.rowsRead()).as("each asked for once").isEqualTo(30);
        storedElsewhere(31, "Maple Rail to buy Fjord Cargo for $3.1 billion", TEXT, T0);
        clock.now = clock.now.plus(NearDuplicates.CATCH_UP_EVERY);
        assertThat(instance.find(rewrite(), T0)).contains(31L);
        assertThat(instance.rowsRead()).isEqualTo(31);
    }
}

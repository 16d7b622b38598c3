package org.feedhub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.feedhub.dedup.NearDuplicateIndex.Match;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

    static final Instant T0 = Instant.parse("2019-03-01T12:00:00Z");
    static final DedupSettings SETTINGS = DedupSettings.DEFAULTS;

    static Fingerprint random(Random rnd) {
        int[] s = new int[Fingerprint.SLOTS];
        for (int k = 0; k < s.length; k++) {
            s[k] = rnd.nextInt(1 << 16);
        }
        return Fingerprint.ofSlots(s);
    }

    /** {@code fp} with {@code changed} slots (chosen at random) given new values. */
    static Fingerprint perturb(Fingerprint fp, int changed, Random rnd) {
        int[] s = fp.slots();
        int[] order = rnd.ints(0, Fingerprint.SLOTS).distinct().limit(changed).toArray();
        for (int k : order) {
            s[k] = (s[k] + 1 + rnd.nextInt((1 << 16) - 1)) & 0xFFFF;
        }
        return Fingerprint.ofSlots(s);
    }

    @Test
    void findsANearDuplicateAmongManyRandomFingerprints() {
        Random rnd = new Random(42);
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS, 100_000);
        Fingerprint[] stored = new Fingerprint[100_000];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = random(rnd);
            index.add(1000 + i, stored[i], T0.plusSeconds(i % 86_400));
        }
        assertThat(index.size()).isEqualTo(100_000);
        int found = 0;
        for (int q = 0; q < 200; q++) {
            int target = rnd.nextInt(stored.length);
            Fingerprint near = perturb(stored[target], 40, rnd); // similarity 24/64 = 0.375
            var match = index.find(near, T0.plusSeconds(target % 86_400).plus(Duration.ofHours(5)));
            if (match.isPresent()) {
                assertThat(match.get()).isEqualTo(new Match(1000 + target, 40));
                found++;
            }
            assertThat(index.find(random(rnd), T0)).isEmpty();
        }
        // Two of 24 unchanged slots in one band: 1 - (1 - (24/64)(23/63))^32 ≈ 0.99 per query.
        assertThat(found).isGreaterThanOrEqualTo(190);
        assertThat(index.candidatesChecked())
                .isLessThan(220); // unrelated stories are (almost) never compared
    }

    @Test
    void respectsTheDistanceThreshold() {
        Random rnd = new Random(7);
        NearDuplicateIndex index =
                new NearDuplicateIndex(new DedupSettings(10, Duration.ofDays(3)));
        Fingerprint fp = random(rnd);
        index.add(1, fp, T0);
        assertThat(index.find(fp, T0)).contains(new Match(1, 0));
        assertThat(index.find(perturb(fp, 10, rnd), T0)).contains(new Match(1, 10));
        assertThat(index.find(perturb(fp, 11, rnd), T0)).isEmpty();
    }

    @Test
    void respectsTheTimeWindow() {
        Random rnd = new Random(1);
        NearDuplicateIndex index =
                new NearDuplicateIndex(new DedupSettings(20, Duration.ofDays(3)));
        Fingerprint fp = random(rnd);
        index.add(1, fp, T0);
        assertThat(index.find(fp, T0.plus(Duration.ofDays(3)))).isPresent();
        assertThat(index.find(fp, T0.minus(Duration.ofDays(3)))).isPresent();
        assertThat(index.find(fp, T0.plus(Duration.ofDays(3)).plusSeconds(1))).isEmpty();
        assertThat(index.find(fp, T0.minus(Duration.ofDays(10)))).isEmpty();
        NearDuplicateIndex hourly =
                new NearDuplicateIndex(new DedupSettings(20, Duration.ofHours(1)));
        hourly.add(1, fp, T0);
        assertThat(hourly.find(fp, T0.plus(Duration.ofMinutes(59)))).isPresent();
        assertThat(hourly.find(fp, T0.plus(Duration.ofMinutes(61)))).isEmpty();
    }

    @Test
    void returnsTheClosestAndOnATieTheEarliest() {
        Random rnd = new Random(3);
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS);
        Fingerprint fp = random(rnd);
        index.add(1, perturb(fp, 30, rnd), T0);
        index.add(2, perturb(fp, 12, rnd), T0.plusSeconds(60));
        index.add(3, perturb(fp, 20, rnd), T0.plusSeconds(120));
        assertThat(index.find(fp, T0)).contains(new Match(2, 12));
        index.add(4, fp, T0.plusSeconds(600));
        index.add(5, fp, T0.plusSeconds(300));
        assertThat(index.find(fp, T0)).contains(new Match(5, 0));
    }

    @Test
    void removeWorks() {
        Random rnd = new Random(5);
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS);
        Fingerprint a = random(rnd);
        Fingerprint b = perturb(a, 5, rnd);
        index.add(1, a, T0);
        index.add(2, b, T0);
        assertThat(index.remove(1)).isTrue();
        assertThat(index.remove(1)).isFalse();
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.find(a, T0)).contains(new Match(2, 5));
        assertThat(index.remove(2)).isTrue();
        assertThat(index.find(a, T0)).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void addingAStoryAgainReplacesIt() {
        Random rnd = new Random(11);
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS);
        Fingerprint a = random(rnd);
        Fingerprint b = random(rnd);
        index.add(1, a, T0);
        index.add(1, b, T0);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.find(a, T0)).isEmpty();
        assertThat(index.find(b, T0)).contains(new Match(1, 0));
        index.add(1, Fingerprint.NONE, T0);
        assertThat(index.size()).isZero();
        assertThat(index.find(Fingerprint.NONE, T0)).isEmpty();
    }

    @Test
    void staysCorrectThroughGrowthAndManyRemovals() {
        Random rnd = new Random(99);
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS, 0);
        int n = 20_000;
        Fingerprint[] fps = new Fingerprint[n];
        for (int i = 0; i < n; i++) {
            fps[i] = random(rnd);
            index.add(i, fps[i], T0.plusSeconds(i));
        }
        for (int i = 0; i < n; i += 2) {
            assertThat(index.remove(i)).isTrue();
        }
        for (int round = 0; round < 3; round++) { // churn: tombstones and in-place rebuilds
            for (int i = 0; i < n; i += 2) {
                index.add(i, fps[i], T0.plusSeconds(i));
            }
            for (int i = 0; i < n; i += 2) {
                index.remove(i);
            }
        }
        assertThat(index.size()).isEqualTo(n / 2);
        for (int i = 0; i < n; i++) {
            var m = index.find(fps[i], T0.plusSeconds(i));
            if (i % 2 == 0) {
                assertThat(m).as("removed %d", i).isEmpty();
            } else {
                assertThat(m).as("kept %d", i).contains(new Match(i, 0));
            }
        }
        assertThat(index.removeOlderThan(T0.plusSeconds(n / 2))).isEqualTo(n / 4);
        assertThat(index.size()).isEqualTo(n / 4);
        assertThat(index.find(fps[1], T0.plusSeconds(1))).isEmpty();
        assertThat(index.find(fps[n - 1], T0.plusSeconds(n - 1))).contains(new Match(n - 1, 0));
    }

    @Test
    void manyStoriesWithTheSameFingerprint() {
        Random rnd = new Random(13);
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS, 0);
        Fingerprint same = random(rnd);
        for (int i = 0; i < 500; i++) {
            index.add(i, same, T0.plusSeconds(1000 - i));
            index.add(10_000 + i, random(rnd), T0);
        }
        assertThat(index.find(same, T0)).contains(new Match(499, 0)); // the earliest published
        for (int i = 499; i > 0; i--) {
            assertThat(index.remove(i)).isTrue();
        }
        assertThat(index.find(same, T0)).contains(new Match(0, 0));
        assertThat(index.remove(0)).isTrue();
        assertThat(index.find(same, T0)).isEmpty();
        assertThat(index.size()).isEqualTo(500);
    }

    @Test
    void settingsFromASimilarity() {
        assertThat(DedupSettings.ofSimilarity(0.25, Duration.ofDays(3)).maxDistance())
                .isEqualTo(48);
        assertThat(DedupSettings.ofSimilarity(1.0, Duration.ofDays(3)).maxDistance()).isZero();
        assertThat(DedupSettings.DEFAULTS.window()).isEqualTo(Duration.ofDays(3));
        assertThat(DedupSettings.DEFAULTS.minSimilarity()).isBetween(0.15, 0.3);
    }

    @Test
    void keepsAStoredStorysTermsButNotTheirSpellings() {
        Traits story =
                Traits.of(
                        "Lavrov to visit Ankara on Tuesday",
                        "Sergei Lavrov will meet Turkish officials in Ankara, the ministry said."
                                + " Talks on grain exports worth $3.1 billion are expected.",
                        T0);
        int name = story.names[0];
        assertThat(story.label(name)).doesNotStartWith("#");
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS);
        index.add(7, story, T0);

        Traits stored = index.traitsOf(7).orElseThrow();
        assertThat(stored.encode()).isEqualTo(story.encode());
        assertThat(stored.fingerprint).isEqualTo(story.fingerprint);
        assertThat(stored.label(name)).startsWith("#");
    }

    @Test
    void atItsCapAnAddFirstDropsTheOldestPublishedTwentieth() {
        Random rnd = new Random(5);
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS);
        index.capAt(100);
        Fingerprint[] fps = new Fingerprint[101];
        for (int i = 0; i < 101; i++) {
            fps[i] = random(rnd);
            // published in reverse order of id: the oldest are the highest ids
            index.add(i, fps[i], T0.minusSeconds(60L * i));
        }
        assertThat(index.size()).isEqualTo(96); // 100, then 5 dropped, then the 101st added
        assertThat(index.dropped()).isEqualTo(5);
        for (int i = 95; i < 100; i++) {
            assertThat(index.contains(i)).as("story %d", i).isFalse();
        }
        assertThat(index.contains(100)).isTrue(); // the newest add is kept even if oldest
        assertThat(index.contains(0)).isTrue();
        assertThat(index.find(perturb(fps[3], 4, rnd), T0).map(Match::storyId)).contains(3L);
        assertThat(index.find(fps[97], T0)).isEmpty();
    }

    @Test
    void aCapBelowTheStoriesHeldDropsTheOldestAtOnce() {
        Random rnd = new Random(6);
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS);
        for (int i = 0; i < 30; i++) {
            index.add(i, random(rnd), T0.plusSeconds(i));
        }
        index.capAt(10);
        assertThat(index.size()).isEqualTo(10);
        assertThat(index.dropped()).isEqualTo(20);
        assertThat(index.contains(19)).isFalse();
        assertThat(index.contains(20)).isTrue();
    }

    /** An index capped at {@code cap}, after adding stories 0.. with random fingerprints. */
    static NearDuplicateIndex capped(
            int cap, int stories, java.util.function.IntFunction<Instant> published, Random rnd) {
        NearDuplicateIndex index = new NearDuplicateIndex(SETTINGS);
        index.capAt(cap);
        for (int i = 0; i < stories; i++) {
            index.add(i, random(rnd), published.apply(i));
        }
        return index;
    }

    @Test
    void storiesPublishedAtOneTimeAreDroppedNoMoreThanNeeded() {
        NearDuplicateIndex index = capped(40, 41, i -> T0, new Random(7)); // all at once
        assertThat(index.size()).isEqualTo(40 - 2 + 1);
        assertThat(index.dropped()).isEqualTo(2);
    }

    @Test
    void theDefaultCapIsAThirdOfTheHeapAtOneKilobyteAStory() {
        assertThat(NearDuplicateIndex.defaultCap(256L << 20)).isEqualTo(87_381);
        assertThat(NearDuplicateIndex.defaultCap(0)).isEqualTo(1);
        assertThat(NearDuplicateIndex.defaultCap(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void atItsCapAStoryNoNewerThanThoseDroppedIsNotAdded() {
        Random rnd = new Random(8);
        NearDuplicateIndex index = capped(20, 21, i -> T0.plusSeconds(60L * i), rnd); // 0 dropped
        assertThat(index.contains(0)).isFalse();
        assertThat(index.dropped()).isEqualTo(1);

        index.add(0, random(rnd), T0); // read again, as a re-read of the window does
        index.add(99, random(rnd), T0.minusSeconds(1));
        assertThat(index.contains(0)).isFalse();
        assertThat(index.contains(99)).isFalse();
        assertThat(index.dropped()).as("nothing else dropped for them").isEqualTo(1);
        assertThat(index.size()).isEqualTo(20);

        index.add(100, random(rnd), T0.plusSeconds(30)); // newer than the dropped: room is made
        assertThat(index.contains(100)).isTrue();
        assertThat(index.dropped()).isEqualTo(2);
    }
}

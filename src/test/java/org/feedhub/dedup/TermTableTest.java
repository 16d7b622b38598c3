package org.feedhub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TermTableTest {

    private static List<Integer> rare(TermTable t, int term) {
        List<Integer> out = new ArrayList<>();
        t.forEachRare(term, out::add);
        return out;
    }

    @Test
    void anUnknownTermHasNoCountAndNoPostings() {
        TermTable t = new TermTable();
        assertThat(t.count(42)).isZero();
        assertThat(rare(t, 42)).isEmpty();
        assertThat(t.size()).isZero();
    }

    @Test
    void countsEveryStoryCarryingATermAndListsThemWhileRare() {
        TermTable t = new TermTable();
        for (int slot = 0; slot < 5; slot++) {
            t.add(7, slot);
        }
        t.add(8, 3);
        assertThat(t.count(7)).isEqualTo(5);
        assertThat(rare(t, 7)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(rare(t, 8)).containsExactly(3);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.postings()).isEqualTo(6);
    }

    @Test
    void aTermInMoreThanRareStoriesKeepsItsCountButFindsNoCandidates() {
        TermTable t = new TermTable();
        for (int slot = 0; slot < TermTable.RARE; slot++) {
            t.add(7, slot);
        }
        assertThat(rare(t, 7)).hasSize(TermTable.RARE);
        t.add(7, TermTable.RARE);
        assertThat(t.count(7)).isEqualTo(TermTable.RARE + 1);
        assertThat(rare(t, 7)).isEmpty();
        assertThat(t.postings()).isZero();
    }

    @Test
    void aCommonTermGetsPostingsBackOnlyOnceItHasLeftTheIndex() {
        TermTable t = new TermTable();
        for (int slot = 0; slot <= TermTable.RARE; slot++) {
            t.add(7, slot);
        }
        for (int slot = 0; slot < TermTable.RARE; slot++) {
            t.remove(7, slot);
        }
        assertThat(t.count(7)).isEqualTo(1);
        assertThat(rare(t, 7)).isEmpty();
        t.remove(7, TermTable.RARE);
        assertThat(t.size()).isZero();
        t.add(7, 100);
        assertThat(rare(t, 7)).containsExactly(100);
    }

    @Test
    void removingAStoryDropsItsPostingAndTheTermWithTheLast() {
        TermTable t = new TermTable();
        t.add(7, 1);
        t.add(7, 2);
        t.add(7, 3);
        t.remove(7, 2);
        assertThat(rare(t, 7)).containsExactlyInAnyOrder(1, 3);
        assertThat(t.count(7)).isEqualTo(2);
        t.remove(7, 1);
        t.remove(7, 3);
        assertThat(t.count(7)).isZero();
        assertThat(t.size()).isZero();
        t.remove(7, 3); // an unknown term: nothing happens
        assertThat(t.size()).isZero();
    }

    @Test
    void theBatchedWalkVisitsWhatOneByOneDoes() {
        TermTable t = new TermTable();
        for (int slot = 0; slot < 100; slot++) {
            t.add(slot % 7, slot);
            t.add(1000 + slot % 2, slot); // 50 stories each: common
        }
        int[] query = {0, 3, 6, 1000, 1001, 99999};
        List<Integer> batched = new ArrayList<>();
        int[] counts = new int[query.length];
        t.forEachRare(query, query.length, batched::add, counts);
        assertThat(counts).containsExactly(15, 14, 14, 50, 50, 0);
        List<Integer> single = new ArrayList<>();
        for (int term : query) {
            t.forEachRare(term, single::add);
        }
        assertThat(batched).containsExactlyElementsOf(single);
        assertThat(batched).hasSize(15 + 14 + 14); // terms 0, 3 and 6
    }

    @Test
    void agreesWithASimpleModelThroughGrowthAndManyRemovals() {
        TermTable t = new TermTable();
        Map<Integer, Set<Integer>> model = new HashMap<>();
        Map<Integer, Boolean> common = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(3);
        List<int[]> live = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            if (live.isEmpty() || rnd.nextInt(10) < 6) {
                int term = rnd.nextInt(3000) * (rnd.nextBoolean() ? 1 : -7919);
                int slot = step;
                t.add(term, slot);
                live.add(new int[] {term, slot});
                Set<Integer> s = model.computeIfAbsent(term, k -> new HashSet<>());
                s.add(slot);
                if (s.size() > TermTable.RARE) {
                    common.put(term, true);
                }
            } else {
                int[] e = live.remove(rnd.nextInt(live.size()));
                t.remove(e[0], e[1]);
                Set<Integer> s = model.get(e[0]);
                s.remove(e[1]);
                if (s.isEmpty()) {
                    model.remove(e[0]);
                    common.remove(e[0]);
                }
            }
        }
        assertThat(t.size()).isEqualTo(model.size());
        long postings = 0;
        for (Map.Entry<Integer, Set<Integer>> e : model.entrySet()) {
            int term = e.getKey();
            assertThat(t.count(term)).as("count of %d", term).isEqualTo(e.getValue().size());
            if (common.containsKey(term)) {
                assertThat(rare(t, term)).isEmpty();
            } else {
                assertThat(rare(t, term)).containsExactlyInAnyOrderElementsOf(e.getValue());
                postings += e.getValue().size();
            }
        }
        assertThat(t.postings()).isEqualTo(postings);
    }
}

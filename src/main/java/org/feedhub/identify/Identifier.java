package org.feedhub.identify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.feedhub.dedup.GuidPolicy;
import org.feedhub.normalize.Story;

/**
 * The identify stage: decides, for each normalized item, whether it is NEW, MERGEs into a story
 * already stored, UPDATEs the story it was, is UNCHANGED, or was FORGOTTEN (purged). It asks
 * storage what it knows ({@link KnownItems}) and never writes; the store carries the decisions out.
 *
 * <p>Two steps, because they need different moments. {@link #ownItems} runs right after
 * normalization, before full text and enrichment, so unchanged items cost nothing more: only the
 * polled source writes its own items, so what it carries cannot change meanwhile. {@link
 * #acrossSources} runs in the store's transaction, item by item, because another source may have
 * stored the same story a moment ago (same canonical URL, else nearly the same text).
 */
public final class Identifier {
    private final KnownItems known;
    private final NearDuplicateMatcher nearDuplicates;

    public Identifier(KnownItems known, NearDuplicateMatcher nearDuplicates) {
        this.known = known;
        this.nearDuplicates = nearDuplicates;
    }

    /**
     * Each item against what this source carries: guid (or link, for sources whose guids cannot be
     * trusted), then tombstones, then the same link under a new guid. Items unknown to the source
     * come out NEW; {@link #acrossSources} may still turn them into MERGE.
     */
    public Identification ownItems(String sourceId, List<Story> stories) {
        KnownItems.SourceMemory memory = known.carriedBy(sourceId);
        boolean byLink = memory.identifiesByLink();
        String because = null;
        if (!byLink && GuidPolicy.guidsReused(stories)) {
            byLink = true;
            because = "the feed gives one guid to different links";
        }
        Map<String, Story> byKey = new LinkedHashMap<>();
        for (Story s : stories) {
            Story keyed = byLink ? GuidPolicy.keyedByLink(s) : s;
            byKey.putIfAbsent(keyed.itemKey(), keyed); // a feed listing an item twice
        }
        List<Identified> out = new ArrayList<>(byKey.size());
        Set<String> newLinks = new HashSet<>();
        for (Story s : byKey.values()) {
            KnownItems.Known k = memory.byItemKey().get(s.itemKey());
            if (k != null) {
                out.add(sameOrChanged(s, k));
                continue;
            }
            if (known.tombstoned(sourceId, s.itemKey())) {
                out.add(Identified.of(s, Decision.FORGOTTEN, 0));
                continue;
            }
            // An unknown key but a link this source already carries: the feed gave the item a new
            // guid.
            String link = s.canonicalUrl();
            KnownItems.Known sameLink = link == null ? null : memory.byLink().get(link);
            if (sameLink != null || (link != null && newLinks.contains(link))) {
                if (!byLink) {
                    byLink = true;
                    because = "the feed gave a known link a new guid";
                }
                out.add(
                        sameLink != null
                                ? sameOrChanged(s, sameLink)
                                : Identified.of(s, Decision.UNCHANGED, 0));
                continue;
            }
            if (link != null) newLinks.add(link);
            out.add(Identified.of(s, Decision.NEW, 0));
        }
        return new Identification(out, because);
    }

    /**
     * The same items identified again against what is stored now, keeping the enrichment already
     * done: for a write that found some of them stored meanwhile (the same source written twice,
     * for instance after its claim ran out while it was polled).
     */
    public Identification again(String sourceId, Identification before) {
        Map<String, Identified> done = new java.util.HashMap<>();
        for (Identified i : before.items()) done.putIfAbsent(i.story().itemKey(), i);
        Identification now =
                ownItems(sourceId, before.items().stream().map(Identified::story).toList());
        return now.withWorkDone(
                i -> {
                    Identified was = done.get(i.story().itemKey());
                    return was != null && was.needsWork()
                            ? i.enriched(was.story(), was.topics())
                            : i;
                });
    }

    /**
     * Prepares a NEW item's cross-source check on the caller's thread (a polling thread), ahead of
     * {@link #acrossSources} in the writer.
     */
    public void prepare(Identified item) {
        if (item.decision() == Decision.NEW) nearDuplicates.prepare(item.story());
    }

    /**
     * A NEW item against every source's stories: the same canonical URL, then nearly the same text
     * (see {@link NearDuplicateMatcher}). Any other decision comes back as it was.
     */
    public Identified acrossSources(Identified item) {
        if (item.decision() != Decision.NEW) return item;
        Story s = item.story();
        Optional<Long> same =
                s.canonicalUrl() == null ? Optional.empty() : known.storyWithUrl(s.canonicalUrl());
        if (same.isEmpty()) same = nearDuplicates.find(s);
        return same.map(id -> item.decided(Decision.MERGE, id)).orElse(item);
    }

    private static Identified sameOrChanged(Story s, KnownItems.Known k) {
        return k.contentHash() != null && k.contentHash().equals(s.contentHash())
                ? Identified.of(s, Decision.UNCHANGED, k.storyId())
                : Identified.of(s, Decision.UPDATE, k.storyId());
    }
}

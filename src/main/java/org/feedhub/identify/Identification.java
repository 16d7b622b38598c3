package org.feedhub.identify;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The items of one poll, each with its decision, in feed order.
 *
 * @param identifyByLinkBecause set when this poll showed the source's guids cannot be trusted: the
 *     store then records that the source's items are identified by link from now on
 */
public record Identification(List<Identified> items, String identifyByLinkBecause) {
    public static final Identification NONE = new Identification(List.of(), null);

    public Identification {
        items = List.copyOf(items);
    }

    public long count(Decision d) {
        return items.stream().filter(i -> i.decision() == d).count();
    }

    /** The same, with each item that needs work replaced by {@code work}'s result. */
    public Identification withWorkDone(UnaryOperator<Identified> work) {
        return new Identification(
                items.stream().map(i -> i.needsWork() ? work.apply(i) : i).toList(),
                identifyByLinkBecause);
    }
}

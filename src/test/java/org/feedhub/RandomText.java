package org.feedhub;

import java.util.Random;

/**
 * Random texts made of given pieces, for tests that check a fast path against the code it replaced
 * on many inputs. Seeded, so a failure names an input that fails again.
 */
public final class RandomText {
    private final Random random;
    private final String[] pieces;

    public RandomText(long seed, String... pieces) {
        this.random = new Random(seed);
        this.pieces = pieces.clone();
    }

    /** One piece per character of {@code alphabet}. */
    public static RandomText ofChars(long seed, String alphabet) {
        return new RandomText(
                seed, alphabet.chars().mapToObj(Character::toString).toArray(String[]::new));
    }

    /** Fewer than {@code max} pieces (maybe none), each drawn at random. */
    public String next(int max) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(max); n > 0; n--)
            sb.append(pieces[random.nextInt(pieces.length)]);
        return sb.toString();
    }
}

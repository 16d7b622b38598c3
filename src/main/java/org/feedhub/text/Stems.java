package org.feedhub.text;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The word stems of a text, for matching that sees past inflection: one Lucene analysis chain for
 * phrases and texts alike.
 *
 * <ol>
 *   <li>{@link StandardTokenizer}: Unicode word boundaries (UAX #29), in any script;
 *   <li>lower case, then {@link TextFold}: the same case and accent folding as exact matching
 *       ({@code é} → {@code e}, {@code ё} → {@code е});
 *   <li>{@link EnglishPossessiveFilter}: {@code Lavrov's} → {@code lavrov};
 *   <li>by the script of the word: Latin words through Krovetz's stemmer ({@link KStemFilter}),
 *       which is dictionary-backed and conservative: {@code sanctions}/{@code sanctioned} → {@code
 *       sanction}, and it maps demonyms to their country ({@code Syrian} → {@code syria}, {@code
 *       Iranian} → {@code iran}, {@code Chinese} → {@code china}) where Porter and Snowball do not;
 *       Cyrillic words through {@link RussianLightStemFilter}, applied twice so that a surname in
 *       -ов/-ев meets its case forms ({@code Лавров} and {@code Лаврова} both give {@code лавр}).
 *       Words in other scripts keep their folded form.
 * </ol>
 *
 * Thread-safe (Lucene keeps one chain per thread).
 */
public final class Stems {

    private static final Analyzer ANALYZER =
            new Analyzer() {
                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    Tokenizer source = new StandardTokenizer();
                    TokenStream ts = new LowerCaseFilter(source);
                    ts = new FoldFilter(ts);
                    ts = new EnglishPossessiveFilter(ts);
                    ts = new ScriptFilter(ts, Character.UnicodeScript.LATIN, KStemFilter::new);
                    ts =
                            new ScriptFilter(
                                    ts,
                                    Character.UnicodeScript.CYRILLIC,
                                    in ->
                                            new RussianLightStemFilter(
                                                    new RussianLightStemFilter(in)));
                    return new TokenStreamComponents(source, ts);
                }
            };

    /**
     * Stems of single words, cached: news repeats its words, and running the analysis chain on
     * every word of every story was a tenth of a cold pass (the names of near-duplicate detection
     * ask for every lower-case word of a story). Bounded by entries; longer words are not kept.
     */
    private static final Cache<String, List<String>> WORDS =
            Caffeine.newBuilder().maximumSize(200_000).build();

    private static final int CACHED_WORD_LENGTH = 40;

    private Stems() {}

    /**
     * The stems of one word, as {@link #of} gives them (one, as a rule; none for a word the chain
     * drops); the same list for the same word.
     */
    public static List<String> ofWord(String word) {
        if (word.length() > CACHED_WORD_LENGTH) {
            return of(word);
        }
        return WORDS.get(word, w -> List.copyOf(of(w)));
    }

    /** The stems of {@code text} in order; empty for null or blank text. */
    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (TokenStream ts = ANALYZER.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 0) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return out;
    }

    /**
     * {@link TextFold} on each word that is not plain ASCII (ASCII is already folded by
     * lower-casing).
     */
    private static final class FoldFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        FoldFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            char[] buf = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                if (buf[i] >= 0x80) {
                    String folded = TextFold.fold(term.toString()).replace(" ", "");
                    if (!folded.isEmpty()) {
                        term.setEmpty().append(folded);
                    }
                    break;
                }
            }
            return true;
        }
    }

    /** Applies a stemmer only to words whose first letter is in one script. */
    private static final class ScriptFilter extends ConditionalTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Character.UnicodeScript script;

        ScriptFilter(
                TokenStream in,
                Character.UnicodeScript script,
                Function<TokenStream, TokenStream> stemmer) {
            super(in, stemmer);
            this.script = script;
        }

        @Override
        protected boolean shouldFilter() {
            String t = term.toString();
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                if (Character.isLetter(cp)) {
                    return Character.UnicodeScript.of(cp) == script;
                }
                i += Character.charCount(cp);
            }
            return false;
        }
    }
}

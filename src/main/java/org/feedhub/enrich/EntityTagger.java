package org.feedhub.enrich;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.feedhub.config.TagDef;
import org.feedhub.text.Stems;
import org.feedhub.text.TextClean;
import org.feedhub.text.TextFold;

/**
 * Names of people, places and organisations a story keeps coming back to, as tags: plain heuristics
 * for English and Russian news text, no model.
 *
 * <ul>
 *   <li>Candidates come from the story's own text (captions, credits, bylines and boilerplate are
 *       left out; headlines are too, being capitalised throughout): runs of capitalised words,
 *       joined by "of", "de", "bin"… ("Ministry of Foreign Affairs", "Bashar al-Assad"), and names
 *       after a title ("Foreign Minister Ri Yong-ho", "President Putin": the title is dropped, so
 *       is a nationality before it).
 *   <li>Not names: words from the stop list (sentence starters, pronouns, months, days, kickers), a
 *       sentence's first word when the story also uses it in lower case ("Talks"), acronyms in
 *       capitals (they end a name), nationality adjectives ("North Korean", "Middle Eastern"), and
 *       a title alone ("Russian President").
 *   <li>A candidate needs two words or a title before it, and must recur: two mentions or more in
 *       the title and text, where a mention of a person's surname alone counts ("Sergei Lavrov …
 *       Lavrov said"). Mentions compare by {@link Stems}, so Russian case forms count as one name
 *       ("Сергей Лавров", "Сергея Лаврова").
 *   <li>At most {@value #MAX} per story, the most mentioned first; none that repeats a tag the
 *       story already has or that the vocabulary covers ("Sergei Lavrov" when "lavrov" is a phrase
 *       of a tag).
 * </ul>
 *
 * Immutable and thread-safe. Recurrence is judged within one story, not across the stories of a
 * pass.
 */
public final class EntityTagger {

    static final int MAX = 5;
    private static final int MIN_MENTIONS = 2;

    private static final Pattern TOKEN =
            Pattern.compile(
                    "(?:\\p{Lu}\\.){2,}"
                            + "|(?:al|el|ad|as|bin|ibn|abu|ben)-\\p{Lu}[\\p{L}\\p{M}\\p{Nd}]*(?:['-][\\p{L}\\p{M}\\p{Nd}]+)*"
                            + "|[\\p{L}\\p{M}\\p{Nd}]+(?:['-][\\p{L}\\p{M}\\p{Nd}]+)*");
    private static final Pattern DOTTED = Pattern.compile("(?:\\p{Lu}\\.){2,}");

    /**
     * Dotted capitals that are places or bodies, not a person's initials ("J.K. Rowling", "В.В.
     * Путин").
     */
    private static final Set<String> DOTTED_ACRONYMS =
            Set.of("u.s.", "u.k.", "u.n.", "e.u.", "u.a.e.", "d.c.", "u.s.a.", "u.s.s.r.");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * A place in the genitive, as it stands between a Russian title and a name: "России",
     * "Украины", "Китая".
     */
    private static final Pattern GENITIVE = Pattern.compile("\\p{L}{2,}(?:ии|ы|а|я|и)");

    private static final Pattern DOT_SPACES = Pattern.compile("\\.\\s+");

    /**
     * Lower-case words inside a name: "Bank of England", "Charles de Gaulle", "Osama bin Laden".
     */
    private static final Set<String> CONNECTORS =
            Set.of(
                    "of", "for", "de", "del", "della", "da", "di", "du", "des", "la", "le", "van",
                    "von", "der", "den", "bin", "ibn", "al", "el", "y");

    /** Title abbreviations whose period does not end a name: "Gen. John Smith". */
    private static final Set<String> DOTTED_TITLES =
            Set.of(
                    "mr", "mrs", "ms", "dr", "gen", "sen", "gov", "rep", "st", "lt", "col", "capt",
                    "sgt", "prof", "adm", "maj", "amb", "rev", "hon", "pres");

    /** Words that end a title: the name follows them ("Foreign Minister Sergei Lavrov"). */
    private static final Set<String> TITLES =
            Set.of(
                    "president",
                    "minister",
                    "secretary",
                    "chancellor",
                    "premier",
                    "king",
                    "queen",
                    "prince",
                    "princess",
                    "pope",
                    "general",
                    "gen",
                    "colonel",
                    "col",
                    "admiral",
                    "adm",
                    "senator",
                    "sen",
                    "governor",
                    "gov",
                    "mayor",
                    "ambassador",
                    "spokesman",
                    "spokeswoman",
                    "spokesperson",
                    "chairman",
                    "chairwoman",
                    "chair",
                    "chief",
                    "director",
                    "mr",
                    "mrs",
                    "ms",
                    "dr",
                    "prof",
                    "professor",
                    "sir",
                    "lord",
                    "lady",
                    "judge",
                    "leader",
                    "commander",
                    "lt",
                    "sgt",
                    "capt",
                    "captain",
                    "maj",
                    "major",
                    "rep",
                    "representative",
                    "envoy",
                    "counterpart",
                    "ceo",
                    "founder",
                    "sheikh",
                    "emir",
                    "ayatollah",
                    "patriarch",
                    "cardinal",
                    "bishop",
                    "archbishop",
                    "rev",
                    "hon",
                    "amb",
                    "pres",
                    "dictator",
                    "tsar",
                    "czar",
                    "sultan",
                    "crown",
                    "emperor",
                    "empress",
                    "secretary-general",
                    "deputy",
                    "vice",
                    "first",
                    "foreign",
                    "prime",
                    "defence",
                    "defense",
                    "interior",
                    "finance",
                    "state");

    /**
     * Of {@link #TITLES}, those that qualify another title word rather than end a title ("Foreign
     * Minister").
     */
    private static final Set<String> TITLE_MODIFIERS =
            Set.of(
                    "deputy",
                    "vice",
                    "first",
                    "foreign",
                    "prime",
                    "defence",
                    "defense",
                    "interior",
                    "finance",
                    "crown",
                    "state");

    /** Russian titles, written in lower case before a name: "глава МИД России Сергей Лавров". */
    private static final Set<String> RU_TITLES =
            Set.of(
                    "президент",
                    "президента",
                    "президентом",
                    "министр",
                    "министра",
                    "министром",
                    "глава",
                    "главы",
                    "главой",
                    "премьер",
                    "премьера",
                    "премьер-министр",
                    "премьер-министра",
                    "госсекретарь",
                    "госсекретаря",
                    "посол",
                    "посла",
                    "канцлер",
                    "канцлера",
                    "лидер",
                    "лидера",
                    "председатель",
                    "председателя",
                    "спикер",
                    "спикера",
                    "пресс-секретарь",
                    "пресс-секретаря",
                    "губернатор",
                    "губернатора",
                    "мэр",
                    "мэра",
                    "генсек",
                    "генсека",
                    "генеральный",
                    "директор",
                    "директора",
                    "замминистра",
                    "представитель",
                    "представителя",
                    "коллега",
                    "коллегой",
                    "коллеги");

    /**
     * Last words of places and bodies ("White House", "Black Sea"): such a name is no person with a
     * surname.
     */
    private static final Set<String> PLACE_OR_BODY =
            Set.of(
                    "house",
                    "union",
                    "sea",
                    "ocean",
                    "gulf",
                    "bay",
                    "lake",
                    "river",
                    "island",
                    "islands",
                    "mountain",
                    "mountains",
                    "valley",
                    "coast",
                    "peninsula",
                    "strait",
                    "canal",
                    "street",
                    "road",
                    "avenue",
                    "square",
                    "bridge",
                    "tower",
                    "park",
                    "palace",
                    "hall",
                    "church",
                    "airport",
                    "station",
                    "city",
                    "state",
                    "states",
                    "republic",
                    "kingdom",
                    "federation",
                    "nations",
                    "region",
                    "province",
                    "county",
                    "district",
                    "party",
                    "council",
                    "committee",
                    "commission",
                    "ministry",
                    "department",
                    "office",
                    "agency",
                    "service",
                    "bank",
                    "court",
                    "army",
                    "forces",
                    "navy",
                    "guard",
                    "police",
                    "university",
                    "institute",
                    "school",
                    "college",
                    "hospital",
                    "center",
                    "centre",
                    "foundation",
                    "company",
                    "group",
                    "corporation",
                    "association",
                    "organisation",
                    "organization",
                    "league",
                    "club",
                    "assembly",
                    "parliament",
                    "senate",
                    "congress",
                    "news",
                    "times",
                    "post",
                    "journal",
                    "war",
                    "summit",
                    "conference",
                    "treaty",
                    "accord",
                    "agreement",
                    "act",
                    "prize",
                    "cup",
                    "games",
                    "east",
                    "west",
                    "north",
                    "south");

    /** Capitalised words that are not names, or not on their own. */
    private static final Set<String> STOP =
            Set.of(
                    "the",
                    "a",
                    "an",
                    "this",
                    "that",
                    "these",
                    "those",
                    "there",
                    "here",
                    "he",
                    "she",
                    "it",
                    "they",
                    "we",
                    "i",
                    "you",
                    "his",
                    "her",
                    "its",
                    "their",
                    "our",
                    "my",
                    "your",
                    "but",
                    "and",
                    "or",
                    "so",
                    "yet",
                    "nor",
                    "in",
                    "on",
                    "at",
                    "as",
                    "after",
                    "before",
                    "when",
                    "while",
                    "if",
                    "however",
                    "meanwhile",
                    "also",
                    "some",
                    "many",
                    "most",
                    "both",
                    "then",
                    "now",
                    "what",
                    "why",
                    "how",
                    "who",
                    "whom",
                    "where",
                    "which",
                    "for",
                    "with",
                    "without",
                    "within",
                    "during",
                    "since",
                    "according",
                    "one",
                    "two",
                    "three",
                    "several",
                    "earlier",
                    "later",
                    "last",
                    "next",
                    "yesterday",
                    "today",
                    "tomorrow",
                    "tonight",
                    "not",
                    "no",
                    "yes",
                    "all",
                    "every",
                    "each",
                    "other",
                    "such",
                    "despite",
                    "although",
                    "though",
                    "because",
                    "unlike",
                    "like",
                    "from",
                    "to",
                    "by",
                    "of",
                    "under",
                    "over",
                    "between",
                    "among",
                    "against",
                    "amid",
                    "about",
                    "through",
                    "following",
                    "speaking",
                    "asked",
                    "still",
                    "even",
                    "only",
                    "just",
                    "instead",
                    "thus",
                    "indeed",
                    "further",
                    "moreover",
                    "again",
                    "more",
                    "less",
                    "once",
                    "until",
                    "unless",
                    "whether",
                    "do",
                    "does",
                    "did",
                    "is",
                    "are",
                    "was",
                    "were",
                    "be",
                    "will",
                    "would",
                    "can",
                    "could",
                    "should",
                    "may",
                    "might",
                    "must",
                    "let",
                    "please",
                    "thanks",
                    "thank",
                    "dear",
                    "hello",
                    "oh",
                    "well",
                    "okay",
                    "ok",
                    "mon",
                    "tue",
                    "wed",
                    "thu",
                    "fri",
                    "sat",
                    "sun",
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                    "january",
                    "february",
                    "march",
                    "april",
                    "june",
                    "july",
                    "august",
                    "september",
                    "october",
                    "november",
                    "december",
                    "jan",
                    "feb",
                    "mar",
                    "apr",
                    "jun",
                    "jul",
                    "aug",
                    "sep",
                    "sept",
                    "oct",
                    "nov",
                    "dec",
                    "read",
                    "click",
                    "share",
                    "subscribe",
                    "follow",
                    "photo",
                    "photos",
                    "image",
                    "images",
                    "video",
                    "breaking",
                    "update",
                    "updated",
                    "exclusive",
                    "opinion",
                    "analysis",
                    "news",
                    "live",
                    "watch",
                    "listen",
                    "editor",
                    "editors",
                    "note",
                    "comment",
                    "comments",
                    "related",
                    "source",
                    "sources",
                    "report",
                    "reports",
                    "reuters",
                    "ap",
                    "afp",
                    "getty",
                    "ppio",
                    "tass",
                    "ria",
                    "week",
                    "weekend",
                    "month",
                    "year",
                    "gmt",
                    "utc",
                    "а",
                    "и",
                    "но",
                    "в",
                    "во",
                    "на",
                    "по",
                    "с",
                    "со",
                    "к",
                    "о",
                    "об",
                    "от",
                    "до",
                    "за",
                    "из",
                    "у",
                    "не",
                    "как",
                    "так",
                    "это",
                    "этот",
                    "эта",
                    "эти",
                    "он",
                    "она",
                    "оно",
                    "они",
                    "мы",
                    "я",
                    "вы",
                    "ты",
                    "при",
                    "после",
                    "однако",
                    "также",
                    "тогда",
                    "кроме",
                    "ранее",
                    "позже",
                    "вчера",
                    "сегодня",
                    "завтра",
                    "когда",
                    "если",
                    "что",
                    "где",
                    "кто",
                    "его",
                    "ее",
                    "её",
                    "их",
                    "все",
                    "всё",
                    "уже",
                    "еще",
                    "ещё",
                    "ну",
                    "да",
                    "нет",
                    "фото",
                    "видео",
                    "читайте",
                    "подписывайтесь",
                    "понедельник",
                    "вторник",
                    "среда",
                    "среду",
                    "четверг",
                    "пятница",
                    "пятницу",
                    "суббота",
                    "субботу",
                    "воскресенье",
                    "январь",
                    "января",
                    "февраль",
                    "февраля",
                    "март",
                    "марта",
                    "апрель",
                    "апреля",
                    "май",
                    "мая",
                    "июнь",
                    "июня",
                    "июль",
                    "июля",
                    "август",
                    "августа",
                    "сентябрь",
                    "сентября",
                    "октябрь",
                    "октября",
                    "ноябрь",
                    "ноября",
                    "декабрь",
                    "декабря");

    private record Token(
            String text,
            String key,
            boolean capitalised,
            boolean acronym,
            boolean sentenceStart,
            boolean joinsNext) {}

    /** One candidate name: its words' stems (the identity) and the spellings seen. */
    private static final class Candidate {
        final List<String> stems;
        final Map<String, Integer> spellings = new LinkedHashMap<>();
        boolean person;
        int mentions;

        Candidate(List<String> stems) {
            this.stems = stems;
        }

        String spelling() {
            String best = null;
            int most = 0;
            for (Map.Entry<String, Integer> e : spellings.entrySet()) {
                if (e.getValue() > most) {
                    best = e.getKey();
                    most = e.getValue();
                }
            }
            return best;
        }
    }

    /**
     * Stems of every vocabulary tag name and phrase: a name the editors already tag is not tagged
     * again.
     */
    private final Set<String> known = new HashSet<>();

    /**
     * An entity tagger that leaves out names the vocabulary already covers (by its tags' names or
     * phrases).
     */
    public EntityTagger(List<TagDef> vocabulary) {
        for (TagDef t : vocabulary == null ? List.<TagDef>of() : vocabulary) {
            known.add(String.join(" ", Stems.of(t.name())));
            for (String phrase : t.phrases()) {
                known.add(String.join(" ", Stems.of(phrase)));
            }
        }
        known.remove("");
    }

    /**
     * The names to add as tags, at most {@value #MAX}.
     *
     * @param existing the story's tags so far: a name equal to one of them (or whose last word is)
     *     is left out, as is one the vocabulary covers ("Sergei Lavrov" when "lavrov" is a phrase)
     */
    public List<String> entities(String title, List<String> paragraphs, List<String> existing) {
        List<List<Token>> sentences = new ArrayList<>();
        Set<String> lowerWords = new HashSet<>();
        for (String raw : paragraphs == null ? List.<String>of() : paragraphs) {
            String p = TextClean.clean(raw);
            if (Boilerplate.isNotStory(p)) {
                continue;
            }
            for (String sentence : Sentences.split(p)) {
                List<Token> tokens = tokens(Boilerplate.stripLead(sentence));
                for (Token t : tokens) {
                    if (!t.capitalised && !t.acronym) {
                        lowerWords.add(t.key);
                    }
                }
                sentences.add(tokens);
            }
        }
        Map<String, List<String>> stemCache = new HashMap<>();
        Map<List<String>, Candidate> candidates = new LinkedHashMap<>();
        for (List<Token> sentence : sentences) {
            for (Name name : names(sentence, lowerWords)) {
                List<String> stems = new ArrayList<>();
                for (Token t : name.tokens) {
                    stems.add(stem(t.key, stemCache));
                }
                Candidate c = candidates.computeIfAbsent(stems, Candidate::new);
                c.spellings.merge(
                        String.join(" ", name.tokens.stream().map(Token::text).toList()),
                        1,
                        Integer::sum);
                Token last = name.tokens.get(name.tokens.size() - 1);
                c.person |=
                        name.afterTitle
                                || name.tokens.size() >= 2
                                        && !PLACE_OR_BODY.contains(last.key)
                                        && name.tokens.stream()
                                                .noneMatch(
                                                        t ->
                                                                CONNECTORS.contains(
                                                                        t.text)); // not "Bank of
                // England"
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        // every mention, in the title and text: the stems of each word, and whether it was
        // capitalised
        List<String> stems = new ArrayList<>();
        List<Boolean> caps = new ArrayList<>();
        for (Token t : tokens(TextClean.clean(title))) {
            stems.add(stem(t.key, stemCache));
            caps.add(t.capitalised);
        }
        stems.add("\n");
        caps.add(false);
        for (List<Token> sentence : sentences) {
            for (Token t : sentence) {
                stems.add(stem(t.key, stemCache));
                caps.add(t.capitalised);
            }
            stems.add("\n");
            caps.add(false);
        }
        List<Candidate> multi = new ArrayList<>();
        List<Candidate> single = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            (c.stems.size() > 1 ? multi : single).add(c);
        }
        Set<Candidate> dropped = new HashSet<>();
        // "Putin" after "President" is the same person as "Vladimir Putin": the longer form stands
        // for both
        for (Candidate s : single) {
            for (Candidate m : multi) {
                if (m.person && m.stems.get(m.stems.size() - 1).equals(s.stems.get(0))) {
                    dropped.add(s);
                    break;
                }
            }
        }
        // one name inside another: a person's full name stands for its tail ("Jean-Yves Le Drian",
        // "Le Drian");
        // otherwise the shorter stands for both ("Ministry of Foreign Affairs", "Russian Ministry
        // of …")
        for (Candidate a : multi) {
            for (Candidate b : multi) {
                if (a == b
                        || b.stems.size() <= a.stems.size()
                        || indexOf(b.stems, a.stems, 0) < 0) {
                    continue;
                }
                boolean tail = indexOf(b.stems, a.stems, b.stems.size() - a.stems.size()) >= 0;
                dropped.add(b.person && tail ? a : b);
            }
        }
        List<Candidate> kept = new ArrayList<>();
        int order = 0;
        Map<Candidate, Integer> firstMention = new HashMap<>();
        for (Candidate c : candidates.values()) {
            if (dropped.contains(c)) {
                continue;
            }
            boolean[] covered = new boolean[stems.size()];
            int mentions = 0;
            int first = Integer.MAX_VALUE;
            for (int i = indexOf(stems, c.stems, 0);
                    i >= 0;
                    i = indexOf(stems, c.stems, i + c.stems.size())) {
                mentions++;
                first = Math.min(first, i);
                for (int j = i; j < i + c.stems.size(); j++) {
                    covered[j] = true;
                }
            }
            if (c.person && c.stems.size() > 1) {
                String surname = c.stems.get(c.stems.size() - 1);
                for (int i = 0; i < stems.size(); i++) {
                    if (!covered[i] && caps.get(i) && stems.get(i).equals(surname)) {
                        mentions++;
                        first = Math.min(first, i);
                    }
                }
            }
            c.mentions = mentions;
            firstMention.put(c, first == Integer.MAX_VALUE ? stems.size() + order++ : first);
            if (mentions >= MIN_MENTIONS) {
                kept.add(c);
            }
        }
        kept.sort(
                (a, b) ->
                        a.mentions != b.mentions
                                ? Integer.compare(b.mentions, a.mentions)
                                : Integer.compare(firstMention.get(a), firstMention.get(b)));
        Set<String> taken = new HashSet<>();
        for (String tag : existing == null ? List.<String>of() : existing) {
            taken.add(TextFold.fold(tag));
        }
        List<String> out = new ArrayList<>();
        for (Candidate c : kept) {
            String name = c.spelling();
            String[] words = name.split(" ");
            if (taken.contains(TextFold.fold(name))
                    || taken.contains(TextFold.fold(words[words.length - 1]))
                    || known.contains(String.join(" ", c.stems))
                    || known.contains(c.stems.get(c.stems.size() - 1))) {
                continue;
            }
            taken.add(TextFold.fold(name));
            out.add(name);
            if (out.size() == MAX) {
                break;
            }
        }
        return List.copyOf(out);
    }

    private record Name(List<Token> tokens, boolean afterTitle) {}

    /** The candidate names of one sentence. */
    private static List<Name> names(List<Token> sentence, Set<String> lowerWords) {
        List<Name> out = new ArrayList<>();
        List<Token> run = new ArrayList<>();
        for (int i = 0; i <= sentence.size(); i++) {
            Token t = i < sentence.size() ? sentence.get(i) : null;
            boolean inName = t != null && isNameWord(t, lowerWords);
            if (!inName
                    && t != null
                    && !run.isEmpty()
                    && CONNECTORS.contains(t.key)
                    && t.joinsNext
                    && i + 1 < sentence.size()
                    && isNameWord(sentence.get(i + 1), lowerWords)) {
                inName = true; // "Bank of England": a connector between two name words
            }
            if (inName) {
                run.add(t);
                if (t.joinsNext) {
                    continue; // the name may go on
                }
            }
            // a word that is no name word, or a comma, possessive or the like after one: the run is
            // complete
            if (!run.isEmpty()) {
                name(run, sentence, out);
                run = new ArrayList<>();
            }
        }
        return out;
    }

    private static boolean isNameWord(Token t, Set<String> lowerWords) {
        if (!t.capitalised || STOP.contains(t.key)) {
            return false;
        }
        // a sentence's first word is capitalised anyway: a name only if the story never writes it
        // in lower case
        return !(t.sentenceStart && lowerWords.contains(t.key));
    }

    /**
     * A run of name words into a name: the title before a person's name dropped; titles and
     * adjectives alone refused.
     */
    private static void name(List<Token> run, List<Token> sentence, List<Name> out) {
        List<Token> words = run;
        while (!words.isEmpty() && CONNECTORS.contains(words.get(words.size() - 1).key)) {
            words = words.subList(0, words.size() - 1);
        }
        int lastTitle = -1;
        for (int i = 0; i < words.size(); i++) {
            String key = words.get(i).key;
            boolean endsTitle =
                    TITLES.contains(key)
                            && (!TITLE_MODIFIERS.contains(key)
                                    || key.equals("state")
                                            && i >= 2
                                            && words.get(i - 1).key.equals("of")
                                            && words.get(i - 2).key.equals("secretary"));
            if (endsTitle) {
                lastTitle = i;
            }
        }
        boolean afterTitle = lastTitle >= 0;
        if (afterTitle) {
            words = words.subList(lastTitle + 1, words.size());
            while (!words.isEmpty() && CONNECTORS.contains(words.get(0).key)) {
                words = words.subList(1, words.size());
            }
        }
        if (words.isEmpty()) {
            return;
        }
        if (!afterTitle
                && words.size() >= 3
                && isCyrillic(words.get(0).text)
                && GENITIVE.matcher(words.get(0).key).matches()
                && followsRussianTitle(run.get(0), sentence)) {
            words =
                    words.subList(
                            1, words.size()); // "министр иностранных дел России Сергей Лавров"
            afterTitle = true;
        }
        if (words.size() < 2 && !afterTitle) {
            return;
        }
        if (isAdjective(words.get(words.size() - 1))) {
            return; // "North Korean", "Middle Eastern"
        }
        out.add(new Name(List.copyOf(words), afterTitle));
    }

    private static boolean followsRussianTitle(Token first, List<Token> sentence) {
        int at = sentence.indexOf(first);
        for (int i = Math.max(0, at - 4); i < at; i++) {
            if (RU_TITLES.contains(sentence.get(i).key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A nationality or direction adjective: "Korean" (which the stemmer takes back to "korea"),
     * "Eastern".
     */
    private static boolean isAdjective(Token t) {
        String k = t.key;
        if (k.endsWith("ern") || k.endsWith("ese") || k.endsWith("ish")) {
            return !k.equals("bern");
        }
        if (!isLatin(t.text) || k.endsWith("s")) {
            return false;
        }
        List<String> stems = Stems.of(k);
        return !stems.isEmpty() && !stems.get(0).equals(k) && (k.endsWith("an") || k.endsWith("i"));
    }

    private static String stem(String key, Map<String, List<String>> cache) {
        List<String> s = cache.computeIfAbsent(key, Stems::of);
        return s.isEmpty() ? key : String.join(" ", s);
    }

    /**
     * Words of a sentence, each knowing whether it may run on into the next one as part of a name.
     */
    static List<Token> tokens(String sentence) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            String word = sentence.substring(start, end);
            String gap = i + 1 < spans.size() ? sentence.substring(end, spans.get(i + 1)[0]) : ".";
            boolean possessive = false;
            if (word.length() > 2 && (word.endsWith("'s") || word.endsWith("'S"))) {
                word = word.substring(0, word.length() - 2);
                possessive = true;
            }
            String key = TextFold.fold(word);
            boolean dotted = DOTTED.matcher(word).matches();
            boolean acronym =
                    dotted
                            ? DOTTED_ACRONYMS.contains(key)
                            : word.length() >= 2
                                    && word.codePoints()
                                            .filter(Character::isLetter)
                                            .allMatch(Character::isUpperCase)
                                    && word.codePoints().anyMatch(Character::isLetter);
            boolean dottedOn =
                    DOT_SPACES.matcher(gap).matches()
                            && (DOTTED_TITLES.contains(key) || isInitial(word));
            boolean joins = !possessive && (SPACES.matcher(gap).matches() || dottedOn);
            if (dottedOn) {
                word = word + "."; // "George W. Bush"
            }
            int first = word.codePointAt(0);
            boolean upper =
                    Character.isUpperCase(first)
                            || word.matches("(?:al|el|ad|as|bin|ibn|abu|ben)-\\p{Lu}.*");
            out.add(new Token(word, key, upper && !acronym, acronym, i == 0, joins));
        }
        return out;
    }

    private static boolean isInitial(String word) {
        return word.codePointCount(0, word.length()) == 1
                && Character.isUpperCase(word.codePointAt(0));
    }

    private static boolean isCyrillic(String word) {
        return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.CYRILLIC;
    }

    private static boolean isLatin(String word) {
        return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.LATIN;
    }

    private static <T> int indexOf(List<T> haystack, List<T> needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.size() <= haystack.size(); i++) {
            for (int j = 0; j < needle.size(); j++) {
                if (!haystack.get(i + j).equals(needle.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

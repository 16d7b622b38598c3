package org.feedhub.enrich;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes paragraphs that come with a story but are not its text: photo captions and credits,
 * bylines, lone datelines, and site boilerplate ("Read more", "Subscribe", WordPress' "The post …
 * appeared first on …"). Expects text already passed through {@link org.feedhub.text.TextClean}
 * (ASCII quotes and dashes). Heuristics for English and Russian news text; they err towards keeping
 * a paragraph.
 */
final class Boilerplate {

    /** "… in Helsinki on July 16, 2018 [PPIO]": a caption ending in its credit. */
    private static final Pattern BRACKET_CREDIT_END = Pattern.compile("\\[[^\\[\\]]{1,60}]$");

    private static final Pattern PAREN_END = Pattern.compile("\\(([^()]{1,60})\\)$");
    private static final Pattern CREDIT_WORDS =
            Pattern.compile(
                    "(?i)\\b(photo|photos|image|picture|credit|"
                            + "reuters|afp|ap|getty|epa|shutterstock|file|courtesy|pool|tass|ria|sputnik|xinhua|anadolu|bloomberg|"
                            + "upi|dpa|istock|wikimedia|twitter|facebook|instagram|youtube|screenshot|handout|фото)\\b");
    private static final Set<String> NAME_CONNECTORS =
            Set.of(
                    "and", "&", "of", "the", "for", "via", "by", "de", "van", "von", "der", "den",
                    "la", "le", "du", "di", "da", "bin", "al", "el", "in", "at", "staff", "и");

    private static final Pattern WHOLLY_BRACKETED = Pattern.compile("^[\\[(][^\\[\\]()]*[\\])]$");
    private static final Pattern CAPTION_START =
            Pattern.compile(
                    "(?iu)^(?:(?:photos?|images?|pictures?|pictured|"
                            + "video|foto|фото|видео|illustration|graphic|caption|credit|source|top image|main image|header image)"
                            + "\\s*[:|]|(?:image|photo|picture|video)\\s+(?:credit|courtesy|by|source)\\b|file\\s+(?:photo|image|"
                            + "picture)\\b)");
    private static final Pattern BYLINE = Pattern.compile("(?iu)^by\\s+(.{2,100})$");
    private static final Pattern CREDIT_LINE =
            Pattern.compile(
                    "(?iu)^(?:(?:additional\\s+)?reporting|writing|"
                            + "editing|compiled|written|posted|published|text|words)\\s+by\\b|^(?:author|автор)\\s*:");
    private static final Pattern BOILERPLATE =
            Pattern.compile(
                    "(?iu)^(?:read more|read also|also read|"
                            + "read the full|read:|related:|related (?:stories|articles|coverage)|click here|subscribe|share this|"
                            + "share on|continue reading|sign up|follow us|like us on|watch:|listen:|download (?:the|our) app|"
                            + "all rights reserved|copyright\\s*(?:\\(c\\)|\\d{4})|\\(c\\)\\s*\\d{4}|©|читайте также|подписывайтесь|"
                            + "смотрите также)(?=\\W|$)|^(?:advertisement|advert|ad|sponsored|sponsored content|реклама)$"
                            + "|^the post .+ appeared first on .+$|^this (?:article|story) (?:was |first )?(?:originally )?"
                            + "(?:published|appeared)");
    private static final String MONTH =
            "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?"
                    + "|январ\\p{L}*|феврал\\p{L}*|март\\p{L}*|апрел\\p{L}*|ма[йя]|июн\\p{L}*|июл\\p{L}*|август\\p{L}*"
                    + "|сентябр\\p{L}*|октябр\\p{L}*|ноябр\\p{L}*|декабр\\p{L}*";

    /** A date or time: "July 16", "16 июля", "2018-07-16", "16.07.2018", "10:30". */
    private static final Pattern DATE =
            Pattern.compile(
                    "(?iu)(?:\\b(?:"
                            + MONTH
                            + ")\\s+\\d{1,4}\\b|\\b\\d{1,2}\\.?\\s+(?:"
                            + MONTH
                            + ")|\\b\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}\\b|\\b\\d{1,2}:\\d{2}\\b|\\bago$)");

    private static final Pattern UPDATED_LINE =
            Pattern.compile(
                    "(?iu)^(?:updated|published|posted|last updated|"
                            + "modified|обновлено|опубликовано)\\b");

    /** Kicker labels editors put before a headline or lead; "BREAKING: Lavrov to visit …". */
    private static final Pattern KICKER =
            Pattern.compile(
                    "^(?:(?iu:breaking(?: news)?|updated?|exclusive|just in|"
                            + "developing|watch|live|urgent|flash|analysis|opinion|video|photos?|срочно|молния|эксклюзив|"
                            + "обновлено)\\s*:\\s+|(?:BREAKING(?: NEWS)?|UPDATE|EXCLUSIVE|JUST IN|DEVELOPING|URGENT|FLASH)\\s*[-|]\\s+)");

    /** "MOSCOW (Reuters) - ", "WASHINGTON, July 16 (AP) - ", "NEW DELHI: ". */
    private static final Pattern DATELINE =
            Pattern.compile(
                    "^\\p{Lu}[\\p{Lu}\\p{M}.' ]*\\p{Lu}\\.?"
                            + "(?:,\\s*\\p{Lu}[\\p{L}. ]{0,20}?(?:\\s\\d{1,2})?)?(?:\\s*\\([^()]{1,30}\\))?(?:\\s+-|:)\\s+(?=\\p{Lu}|\")");

    /** "LAVROV: Challenging the dangerous policies …": a short labelled caption. */
    private static final Pattern CAPTION_LABEL =
            Pattern.compile("^\\p{Lu}[\\p{Lu}\\p{M}' .-]{1,30}:\\s+\\S");

    private Boilerplate() {}

    /** Whether a (cleaned) paragraph is something other than the story's own text. */
    static boolean isNotStory(String paragraph) {
        String p = paragraph == null ? "" : paragraph.strip();
        if (p.isEmpty() || !p.codePoints().anyMatch(Character::isLetter)) {
            return true;
        }
        return isCaption(p)
                || isByline(p)
                || isDateline(p)
                || BOILERPLATE.matcher(p).find()
                || CREDIT_LINE.matcher(p).find();
    }

    /**
     * Site boilerplate: "Read more …", "Subscribe …", "Related: …", "The post … appeared first on
     * …".
     */
    static boolean isPrompt(String p) {
        return p != null
                && BOILERPLATE.matcher(p.strip()).lookingAt(); // every alternative is anchored at ^
    }

    /**
     * What never tells what a story is about, so it stays out of tag and topic matching: prompts
     * and related links ({@link #isPrompt}), bylines and credit lines. (Captions stay in: they name
     * the story's subject.)
     */
    static boolean isNotMatchable(String paragraph) {
        String p = paragraph == null ? "" : paragraph.strip();
        return isPrompt(p) || CREDIT_LINE.matcher(p).lookingAt() || isByline(p);
    }

    /**
     * The paragraphs that tell what a story is about ({@link #isNotMatchable}), joined by newlines.
     */
    static String matchable(List<String> paragraphs) {
        if (paragraphs == null || paragraphs.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String p : paragraphs) {
            if (p == null || isNotMatchable(p)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    static boolean isCaption(String p) {
        if (WHOLLY_BRACKETED.matcher(p).matches()
                || CAPTION_START.matcher(p).find()
                || BRACKET_CREDIT_END.matcher(p).find()) {
            return true;
        }
        Matcher paren = PAREN_END.matcher(p);
        if (paren.find() && looksLikeCredit(paren.group(1))) {
            return true;
        }
        return CAPTION_LABEL.matcher(p).find()
                && !KICKER.matcher(p).find()
                && p.length() <= 120
                && Sentences.split(p).size() == 1;
    }

    /**
     * "(Reuters)", "(AFP/Getty Images)", "(Photo: Maxim Shemetov)" but not "(1700 GMT)" or "(in a
     * statement)".
     */
    private static boolean looksLikeCredit(String inner) {
        if (CREDIT_WORDS.matcher(inner).find()) {
            return true;
        }
        String[] words = inner.strip().split("[\\s/,;:]+");
        if (words.length == 0 || words.length > 6) {
            return false;
        }
        for (String w : words) {
            if (!w.isEmpty()
                    && !NAME_CONNECTORS.contains(w.toLowerCase(Locale.ROOT))
                    && !Character.isUpperCase(w.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    /**
     * "By John Smith and Jane Doe, Reuters": every word a name or a connector, unlike "By Tuesday,
     * the army …".
     */
    static boolean isByline(String p) {
        Matcher m = BYLINE.matcher(p);
        if (!m.matches()) {
            return false;
        }
        String[] words = m.group(1).split("[\\s,;|]+");
        int names = 0;
        for (String w : words) {
            if (w.isEmpty() || NAME_CONNECTORS.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (!Character.isUpperCase(w.codePointAt(0))) {
                return false;
            }
            names++;
        }
        return names > 0 && words.length <= 12;
    }

    /**
     * A paragraph that is only a place and/or a date: "MOSCOW", "July 16, 2018", "Updated 10:30
     * GMT".
     */
    static boolean isDateline(String p) {
        if (p.length() > 80) {
            return false;
        }
        boolean hasDate = DATE.matcher(p).find();
        if (hasDate && UPDATED_LINE.matcher(p).find()) {
            return true;
        }
        int words = p.split("\\s+").length;
        // in capitals: "MOSCOW"; a script without case (Chinese, Arabic) has no capitals and no
        // datelines in them
        boolean noLowercase =
                p.codePoints().anyMatch(Character::isUpperCase)
                        && p.codePoints().noneMatch(Character::isLowerCase);
        if (noLowercase && p.length() <= 40 && words <= 5) {
            return true; // "MOSCOW", "WASHINGTON, D.C."
        }
        boolean endsLikeSentence =
                p.matches("(?s).*[.!?]\"?$") && !p.endsWith("a.m.") && !p.endsWith("p.m.");
        if (p.length() > 60 || words > 8 || endsLikeSentence) {
            return false;
        }
        return noLowercase || (hasDate && words <= 6);
    }

    /** A sentence without a leading kicker ("BREAKING:") or dateline ("MOSCOW (Reuters) -"). */
    static String stripLead(String sentence) {
        String s = KICKER.matcher(sentence).replaceFirst("");
        return DATELINE.matcher(s).replaceFirst("").strip();
    }
}

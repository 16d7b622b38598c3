package org.feedhub.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spellings of one figure meet; different figures do not. */
class FiguresTest {
    static final LocalDate SAT = LocalDate.parse("2026-03-14"); // a Saturday

    static List<String> of(String s) {
        return Figures.of(s, SAT, 32);
    }

    @Test
    void billionsInEveryScaleSpelling() {
        assertThat(of("for $3.1 billion")).containsExactly("3.10e9");
        assertThat(of("a 3.1 bln dollar deal")).containsExactly("3.10e9");
        assertThat(of("за 3,1 млрд долларов")).containsExactly("3.10e9");
        assertThat(of("3.1bn")).containsExactly("3.10e9");
    }

    @Test
    void millionsAndThousands() {
        assertThat(of("2.3 mln")).isEqualTo(of("2.3 million"));
        assertThat(of("52,000 cars")).containsExactly("5.20e4");
        assertThat(of("52 000 машин")).containsExactly("5.20e4");
        assertThat(of("52\u00A0000")).containsExactly("5.20e4");
        assertThat(of("52 тыс. машин")).containsExactly("5.20e4");
        assertThat(of("1,250,000")).containsExactly("1.25e6");
    }

    @Test
    void aYearFollowedByANumberIsNotOneNumber() {
        assertThat(of("in 2026 300 workers")).containsExactly("2026", "300");
    }

    @Test
    void percentsAndBasisPoints() {
        assertThat(of("5%")).containsExactly("5%");
        assertThat(of("5 percent")).containsExactly("5%");
        assertThat(of("5 per cent")).containsExactly("5%");
        assertThat(of("5 процентов")).containsExactly("5%");
        assertThat(of("by 250 basis points")).isEqualTo(of("by 2.5 percentage points"));
        assertThat(of("на 50 базисных пунктов")).isEqualTo(of("0.5%"));
    }

    @Test
    void decimalCommaInRussian() {
        assertThat(of("15,25%")).isEqualTo(of("15.25%"));
        assertThat(of("31,4 per cent")).isEqualTo(of("31.4%"));
    }

    @Test
    void scoresAndNotRanges() {
        assertThat(of("won 2-1")).containsExactly("2:1");
        assertThat(of("со счетом 2:1")).containsExactly("2:1");
        assertThat(of("21-го тура")).containsExactly("21");
    }

    @Test
    void datesByNameAndByWeekday() {
        assertThat(of("on March 14")).containsExactly("d2026-03-14");
        assertThat(of("14 марта")).containsExactly("d2026-03-14");
        assertThat(of("on Saturday")).containsExactly("d2026-03-14");
        assertThat(of("on Tuesday")).containsExactly("d2026-03-10");
        assertThat(of("во вторник")).containsExactly("d2026-03-10");
        assertThat(of("yesterday")).containsExactly("d2026-03-13");
    }

    @Test
    void coarseFiguresMeetAcrossRounding() {
        assertThat(Figures.coarse("7.90e3")).isEqualTo(Figures.coarse("8.00e3"));
        assertThat(Figures.coarse("5.20e4")).isNotEqualTo(Figures.coarse("3.10e4"));
        assertThat(Figures.coarse("2:1")).isEqualTo("2:1");
    }

    @Test
    void longInputIsBoundedAndLinear() {
        String digits = "1,".repeat(50_000);
        assertThat(Figures.of(digits, SAT, 32)).hasSizeLessThanOrEqualTo(32);
    }

    /** The scanner spells out only the words a check may read: the figures are the same. */
    @Test
    void randomTextsGiveTheFiguresOfEveryWordSpelledOut() {
        String[] pieces = {
            "3",
            "14",
            "2026",
            "1,250",
            " ",
            " ",
            " ",
            "-",
            ":",
            "%",
            "$",
            "€",
            ".",
            ",",
            "\u00A0",
            "March",
            "MARCH",
            "mar",
            "марта",
            "Май",
            "Sept",
            "Friday",
            "пятницу",
            "yesterday",
            "Вчера",
            "billion",
            "bn",
            "B",
            "m",
            "M",
            "тыс",
            "млн",
            "percent",
            "Percentage",
            "процентов",
            "bp",
            "BPS",
            "basis",
            "points",
            "Point",
            "базисных",
            "пункта",
            "per",
            "cent",
            "Cent",
            "permits",
            "pointless",
            "monday",
            "Mondays",
            "Marching",
            "decibel",
            "İstanbul",
            "POİNT",
            "ёлка",
            "words",
            "Лавров",
            "the",
            "Ü"
        };
        org.feedhub.RandomText texts = new org.feedhub.RandomText(5, pieces);
        for (int i = 0; i < 20_000; i++) {
            String s = texts.next(24);
            assertThat(Figures.of(s, SAT, 32)).as(s).isEqualTo(Figures.of(s, SAT, 32, true));
        }
    }

    @Test
    void everyWordACheckReadsIsSpelledOut() {
        for (String w :
                List.of(
                        "Yesterday",
                        "ВЧЕРА",
                        "bp",
                        "Basis",
                        "per",
                        "cent",
                        "percentage",
                        "Пунктов",
                        "базисных",
                        "points",
                        "December",
                        "dec",
                        "сентября",
                        "Wednesday",
                        "среду",
                        "k",
                        "Trillion",
                        "трлн",
                        "mn")) {
            assertThat(Figures.Scanner.mayBeRead(w.charAt(0), w.length())).as(w).isTrue();
        }
        assertThat(Figures.Scanner.mayBeRead('w', 5)).as("words").isFalse();
        assertThat(Figures.Scanner.mayBeRead('Л', 6)).as("Лавров").isFalse();
    }
}

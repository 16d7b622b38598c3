package org.feedhub.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SelectorSpecTest {

    @Test
    void plainSelectorTakesText() {
        assertThat(SelectorSpec.parse("h2.headline a"))
                .isEqualTo(new SelectorSpec("h2.headline a", null));
    }

    @Test
    void trailingAttributeIsSplitOff() {
        assertThat(SelectorSpec.parse("img.lead@src"))
                .isEqualTo(new SelectorSpec("img.lead", "src"));
        assertThat(SelectorSpec.parse("time @datetime"))
                .isEqualTo(new SelectorSpec("time", "datetime"));
        assertThat(SelectorSpec.parse("meta@data-x.y"))
                .isEqualTo(new SelectorSpec("meta", "data-x.y"));
    }

    @Test
    void atSignInsideAttributeSelectorIsPartOfTheSelector() {
        assertThat(SelectorSpec.parse("a[href^=mailto:me@x]"))
                .isEqualTo(new SelectorSpec("a[href^=mailto:me@x]", null));
        assertThat(SelectorSpec.parse("a[title='a@b']@href"))
                .isEqualTo(new SelectorSpec("a[title='a@b']", "href"));
    }

    @Test
    void invalidSelectorIsRefused() {
        assertThatThrownBy(() -> SelectorSpec.parse("div[@"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a valid CSS selector");
    }

    @Test
    void attributeWithoutSelectorIsRefused() {
        assertThatThrownBy(() -> SelectorSpec.parse("@href"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no CSS selector before the @");
    }
}

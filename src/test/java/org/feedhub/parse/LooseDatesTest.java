package org.feedhub.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LooseDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2018-04-12T20:00:00Z                 | 2018-04-12T20:00:00Z",
            "2018-04-12T20:00:00+02:00            | 2018-04-12T18:00:00Z",
            "2018-04-12T20:00:00.250Z             | 2018-04-12T20:00:00.250Z",
            "2018-04-12T20:00:00                  | 2018-04-12T20:00:00Z",
            "2018-04-12T20:00                     | 2018-04-12T20:00:00Z",
            "2018-04-12                           | 2018-04-12T00:00:00Z",
            "2018-04-12 20:00                     | 2018-04-12T20:00:00Z",
            "2018-04-12 20:00:30                  | 2018-04-12T20:00:30Z",
            "2018/04/12                           | 2018-04-12T00:00:00Z",
            "2018/04/12 07:05                     | 2018-04-12T07:05:00Z",
            "Thu, 12 Apr 2018 20:00:00 GMT        | 2018-04-12T20:00:00Z",
            "Thu, 12 Apr 2018 20:00:00 +0300      | 2018-04-12T17:00:00Z",
            "12 Apr 2018 20:00:00 GMT             | 2018-04-12T20:00:00Z",
            "April 12, 2018                       | 2018-04-12T00:00:00Z",
            "april 12, 2018                       | 2018-04-12T00:00:00Z",
            "Apr 12, 2018                         | 2018-04-12T00:00:00Z",
            "Apr. 12, 2018                        | 2018-04-12T00:00:00Z",
            "12 Apr 2018                          | 2018-04-12T00:00:00Z",
            "12 April 2018                        | 2018-04-12T00:00:00Z",
            "12 Apr 2018 20:00                    | 2018-04-12T20:00:00Z",
            "12 April 2018 20:00:15               | 2018-04-12T20:00:15Z",
            "April 12, 2018 20:00                 | 2018-04-12T20:00:00Z",
            "April 12, 2018 8:00 PM               | 2018-04-12T20:00:00Z",
            "Apr 12, 2018 8:05 am                 | 2018-04-12T08:05:00Z",
            "Thursday, April 12, 2018             | 2018-04-12T00:00:00Z",
            "Thu, Apr 12, 2018                    | 2018-04-12T00:00:00Z",
            "'  April   12,\n 2018 '              | 2018-04-12T00:00:00Z",
    })
    void parses(String raw, String expected) {
        assertThat(LooseDates.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "yesterday", "3 hours ago", "2018-13-45", "April 31, 2018", "12/04/2018", "Thursday evening"})
    void unreadableIsNull(String raw) {
        assertThat(LooseDates.parse(raw)).isNull();
    }
}

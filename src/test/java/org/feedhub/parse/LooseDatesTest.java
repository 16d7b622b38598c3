package org.feedhub.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LooseDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
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
                // zones the text names
                "2018-04-12 20:00+03:00               | 2018-04-12T17:00:00Z",
                "12 Apr 2018 20:00 MSK                | 2018-04-12T17:00:00Z",
                "April 12, 2018 8:00 PM EDT           | 2018-04-13T00:00:00Z",
                "'April 12, 2018, 8:00 p.m. EST'      | 2018-04-13T01:00:00Z",
                "April 12, 2018 at 8:00 pm (UTC)      | 2018-04-12T20:00:00Z",
                "12 Apr 2018 20:00 GMT+3              | 2018-04-12T17:00:00Z",
                "12 Apr 2018 20:00 UTC-05:00          | 2018-04-13T01:00:00Z",
                "Thu, 12 Apr 2018 20:00:00 PDT        | 2018-04-13T03:00:00Z",
                "Thu, 12 Apr 2018 20:00:00 +0000      | 2018-04-12T20:00:00Z",
                "Thu, 12 Apr 2018 20:00               | 2018-04-12T20:00:00Z",
                // day-first with dots, Russian month names
                "12.04.2018                           | 2018-04-12T00:00:00Z",
                "12.04.2018 14:30                     | 2018-04-12T14:30:00Z",
                "12 апреля 2018                       | 2018-04-12T00:00:00Z",
                "'12 апреля 2018, 14:30'              | 2018-04-12T14:30:00Z",
                "12 апреля 2018 г.                    | 2018-04-12T00:00:00Z",
                "'14:30, 3 мая 2018'                  | 2018-05-03T14:30:00Z",
                "1 марта 2018 в 09:05                 | 2018-03-01T09:05:00Z",
                "Sept. 3, 2018                        | 2018-09-03T00:00:00Z",
            })
    void parses(String raw, String expected) {
        assertThat(LooseDates.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "yesterday",
                "3 hours ago",
                "2018-13-45",
                "April 31, 2018",
                "12/04/2018",
                "Thursday evening"
            })
    void unreadableIsNull(String raw) {
        assertThat(LooseDates.parse(raw)).isNull();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2018-04-12T20:00                     | Europe/Moscow | 2018-04-12T17:00:00Z",
                "April 12, 2018                       | +02:00        | 2018-04-11T22:00:00Z",
                "12 Jan 2018 12:00                    | Europe/Berlin | 2018-01-12T11:00:00Z",
                "12 Jul 2018 12:00                    | Europe/Berlin | 2018-07-12T10:00:00Z",
                "12 Jul 2018 12:00 GMT                | Europe/Berlin | 2018-07-12T12:00:00Z",
                "2018-07-12T12:00:00-04:00            | Europe/Berlin | 2018-07-12T16:00:00Z",
            })
    void aDateWithoutZoneIsReadInTheZoneGiven(String raw, String zone, String expected) {
        assertThat(LooseDates.parse(raw, LooseDates.zoneOf(zone)))
                .isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Europe/Moscow | Europe/Moscow",
                "+03:00 | +03:00",
                "UTC+3 | +03:00",
                "GMT-0530 | -05:30",
                "MSK | +03:00",
                "utc | Z",
                "-05 | -05:00"
            })
    void zonesAsPagesNameThem(String text, String expected) {
        assertThat(LooseDates.zoneOf(text)).hasToString(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Mars/Olympus", "XYZ", "+25:00", "soon"})
    void unreadableZonesAreNull(String text) {
        assertThat(LooseDates.zoneOf(text)).isNull();
    }
}

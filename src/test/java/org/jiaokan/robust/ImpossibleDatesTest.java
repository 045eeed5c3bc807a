package org.jiaokan.robust;

import org.jiaokan.meta.IsoDate;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only values the calendar has reach {@code @when}: misprinted dates in sources must not make invalid TEI. */
class ImpossibleDatesTest {
    @Test
    void realValuesAreAccepted() {
        for (String v : new String[]{"2019", "2019-05", "2019-05-30", "--05-30", "--02-29", "2020-02-29", "2019-06-12T09:15:00"}) {
            assertTrue(IsoDate.real(v), v);
        }
    }

    @Test
    void impossibleValuesAreRefused() {
        for (String v : new String[]{"--02-30", "2021-02-29", "2020-02-30", "2019-13-45", "2019-13", "2019-13-45T99:99:00",
                "2019-06-12T25:61:61", "--13-01", "12021-02-05", "-1234-01-01", "", "2019-6-1"}) {
            assertFalse(IsoDate.real(v), v);
        }
    }
}

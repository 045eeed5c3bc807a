package org.jiaokan.meta;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** Whether a value for {@code @when} names a day, month or moment that exists in the calendar. */
public final class IsoDate {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_DAY = Pattern.compile("--(\\d{2})-(\\d{2})");

    private IsoDate() {}

    /**
     * True for "2019", "2019-05", "2019-05-30", "--05-30" and "2019-05-30T09:15:00" when the calendar
     * has that date: sources misprint (2月30日, 2019-13-45), and schema types refuse such values.
     */
    public static boolean real(String when) {
        try {
            if (YEAR.matcher(when).matches()) return true;
            var md = MONTH_DAY.matcher(when);
            if (md.matches()) {
                // A month and day without a year: 29 February is real in some years.
                LocalDate.of(2000, Integer.parseInt(md.group(1)), Integer.parseInt(md.group(2)));
                return true;
            }
            if (when.length() == 7 && when.charAt(4) == '-') {
                YearMonth.parse(when);
                return true;
            }
            if (when.length() == 10) {
                LocalDate.parse(when);
                return true;
            }
            if (when.length() == 19 && when.charAt(10) == 'T') {
                LocalDateTime.parse(when);
                return true;
            }
            return false;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }
}

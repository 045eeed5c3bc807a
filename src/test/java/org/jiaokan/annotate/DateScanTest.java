package org.jiaokan.annotate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The date recogniser tries its Chinese pattern only at numerals, and only in texts that have 年 or 月: the
 * matches it visits are those of {@code find} over the whole text, empty matches left out, with their groups.
 */
class DateScanTest {
    /** Every match that is not empty, by {@code find}: start, end and the groups the recogniser reads. */
    private static List<String> byFind(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = DateRecognizer.CHINESE.matcher(s);
        while (m.find()) {
            if (m.end() > m.start()) out.add(m.start() + "-" + m.end() + " " + m.group("y") + " " + m.group("m") + " " + m.group("d"));
        }
        return out;
    }

    private static List<String> byScan(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = DateRecognizer.CHINESE.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        int first = s.indexOf('年') >= 0 || s.indexOf('月') >= 0 ? 0 : s.length();
        for (int from = first; DateRecognizer.nextChinese(m, s, from); from = m.end()) {
            out.add(m.start() + "-" + m.end() + " " + m.group("y") + " " + m.group("m") + " " + m.group("d"));
        }
        return out;
    }

    @Provide
    Arbitrary<String> dateLike() {
        return Arbitraries.strings().withChars("0123456789０１２９〇零○一二三四五六七八九十年月日号度份会议, 　-".toCharArray())
                .ofMaxLength(30);
    }

    @Property(tries = 20000)
    void visitsWhatFindVisits(@ForAll("dateLike") String s) {
        assertEquals(byFind(s), byScan(s), s);
    }

    @Test
    void theExampleEditionsSourcesLineByLine() throws Exception {
        int lines = 0, dates = 0;
        try (Stream<Path> files = Files.walk(Path.of("tei", "sources"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readString(f, StandardCharsets.UTF_8).split("\n")) {
                    assertEquals(byFind(line), byScan(line), line);
                    lines++;
                    dates += byScan(line).size();
                }
            }
        }
        assertTrue(lines > 50 && dates > 5, lines + " lines, " + dates + " dates");
        for (String s : new String[] {"2019年5月30日", "二〇一九年五月三十日", "1２019年5月", "5月30日", "十月一日", "2019年度", "年月日", "9月份",
                "会议于2020年3月25日18:08召开", "１２月", "一月一月一月", "2019年5月30号2020年"}) {
            assertEquals(byFind(s), byScan(s), s);
        }
    }
}

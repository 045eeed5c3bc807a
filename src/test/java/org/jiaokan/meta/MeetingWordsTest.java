package org.jiaokan.meta;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The meeting words are counted as the pattern that names them finds them, one after the other. */
class MeetingWordsTest {
    private static int byPattern(String text, int enough) {
        Matcher m = MetadataExtractor.MEETING.matcher(text);
        int found = 0;
        while (found < enough && m.find()) found++;
        return found;
    }

    @Test
    void countsAsThePatternFinds() {
        assertEquals(2, MetadataExtractor.meetingWords("会议会上", 5));
        assertEquals(1, MetadataExtractor.meetingWords("會上会議", 5)); // 会議 mixes the scripts: not a word
        assertEquals(1, MetadataExtractor.meetingWords("会会议", 5));
        assertEquals(1, MetadataExtractor.meetingWords("会议会议", 1));
        assertEquals(0, MetadataExtractor.meetingWords("会", 5));
        String alphabet = "会會议議上下 。";
        Random random = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = sb.toString();
            int enough = 1 + random.nextInt(4);
            assertEquals(byPattern(text, enough), MetadataExtractor.meetingWords(text, enough), text);
        }
    }
}

package org.jiaokan.meta;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Internal evidence for the year of a document that gives only month and day (anniversaries, dated events). */
final class DatingEvidence {
    private record Rule(boolean anniversary, Pattern pattern, String base, String note) {}

    /** A year found in the text, with the sentence that explains it. */
    record Found(int year, String monthDay, String note) {}

    private static final List<Rule> RULES = load();

    private DatingEvidence() {}

    private static List<Rule> load() {
        List<Rule> rules = new ArrayList<>();
        try (InputStream in = DatingEvidence.class.getResourceAsStream("dating-evidence.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                rules.add(new Rule(f[0].equals("anniversary"), Pattern.compile(f[1]), f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(rules);
    }

    /**
     * The first piece of evidence in {@code text} that dates a document whose month and day are
     * {@code monthDay} ("--MM-DD").
     */
    static Optional<Found> find(String text, String monthDay) {
        for (Rule rule : RULES) {
            // a date's rule dates only a document of its month and day: for any other its matches say nothing
            if (!rule.anniversary() && !monthDay.equals("--" + rule.base().substring(5))) continue;
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                if (rule.anniversary()) {
                    int n = ChineseNumerals.parse(m.group("n"));
                    if (n <= 0) continue;
                    int year = Integer.parseInt(rule.base()) + n;
                    return Optional.of(new Found(year, "", fill(rule.note(), m.group(), year)));
                }
                // a date's rule of this month and day (the others were skipped above)
                int year = Integer.parseInt(rule.base().substring(0, 4));
                return Optional.of(new Found(year, monthDay, fill(rule.note(), m.group(), year)));
            }
        }
        return Optional.empty();
    }

    private static String fill(String note, String match, int year) {
        return note.replace("{match}", match).replace("{year}", Integer.toString(year));
    }
}

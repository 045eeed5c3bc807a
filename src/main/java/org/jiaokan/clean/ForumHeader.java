package org.jiaokan.clean;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts in a forum's "last edited by" notice ({@code 本帖最后由 老刘 于 2019-6-12 09:15 编辑}),
 * for the metadata stage.
 *
 * @param editorName who last edited the post, as written
 * @param dateTime   when, as an ISO 8601 local date-time ("2019-06-12T09:15", with seconds when given)
 */
public record ForumHeader(String editorName, String dateTime) {

    /** Simplified and traditional spellings; the date as Discuz prints it (unpadded month and day). */
    static final Pattern NOTICE = Pattern.compile(
            "本帖最[后後]由[\\s\\u3000]*(\\S(?:.*?\\S)?)[\\s\\u3000]*[于於][\\s\\u3000]*"
                    + "(\\d{4})[-/年](\\d{1,2})[-/月](\\d{1,2})日?[\\s\\u3000]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
                    + "[\\s\\u3000]*[编編][辑輯]");

    /** The notice in {@code line}, if it holds one. */
    public static Optional<ForumHeader> parse(String line) {
        Matcher m = NOTICE.matcher(line);
        if (!m.find()) return Optional.empty();
        return Optional.of(from(m));
    }

    static ForumHeader from(Matcher m) {
        String time = String.format(java.util.Locale.ROOT, "%s-%02d-%02dT%02d:%s", m.group(2), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6));
        // xs:dateTime needs seconds; a notice without them means the minute it names.
        time += ":" + (m.group(7) != null ? m.group(7) : "00");
        return new ForumHeader(m.group(1), time);
    }
}

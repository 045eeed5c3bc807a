package org.jiaokan.publish.cite;

import java.util.ArrayList;
import java.util.List;

/**
 * A RIS record ({@code TY  - ELEC}) from a document's header data. RIS is one tag per line, so a
 * value can only break the record through a line break: line breaks and controls become spaces.
 * Lines end in CRLF, as the format's specification asks.
 */
public final class Ris {

    private Ris() {}

    public static String record(TeiHeaderData d, EditionInfo edition) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[]{"TY", "ELEC"});
        if (!d.id().isEmpty()) lines.add(new String[]{"ID", d.id()});
        for (TeiHeaderData.Author a : d.authors()) lines.add(new String[]{"AU", a.name()});
        if (!d.title().isEmpty()) lines.add(new String[]{"TI", d.title()});
        if (!edition.title().isEmpty()) lines.add(new String[]{"T2", edition.title()});
        if (d.date() != null) {
            lines.add(new String[]{"PY", String.format("%04d", d.date().year())});
            TeiHeaderData.IssuedDate t = d.date();
            lines.add(new String[]{"DA", String.format("%04d/%s/%s/", t.year(),
                    t.month() > 0 ? String.format("%02d", t.month()) : "", t.month() > 0 && t.day() > 0 ? String.format("%02d", t.day()) : "")});
        }
        if (!edition.publisher().isEmpty()) lines.add(new String[]{"PB", edition.publisher()});
        if (!d.url().isEmpty()) lines.add(new String[]{"UR", d.url()});
        if (!d.language().isEmpty()) lines.add(new String[]{"LA", d.language()});
        if (d.devisedTitle()) lines.add(new String[]{"N1", "Title devised by the editors"});
        if (!d.originalSource().isEmpty()) lines.add(new String[]{"N1", "Original source: " + d.originalSource()});
        if (!d.originalUrl().isEmpty()) lines.add(new String[]{"N1", "Original URL: " + d.originalUrl()});

        StringBuilder b = new StringBuilder();
        for (String[] l : lines) {
            String v = clean(l[1]);
            if (!v.isEmpty()) b.append(l[0]).append("  - ").append(v).append("\r\n");
        }
        return b.append("ER  - \r\n").toString();
    }

    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85) b.append(' ');
            else b.appendCodePoint(c);
        });
        return b.toString().replaceAll(" {2,}", " ").strip();
    }
}

package org.jiaokan.publish.cite;

import java.util.ArrayList;
import java.util.List;

/**
 * A BibTeX entry ({@code @misc}, with the biblatex {@code date} and {@code url} fields that
 * reference managers read) from a document's header data. Every value is braced and escaped, so no
 * string from a source can end the field or become a TeX command.
 */
public final class BibTeX {

    private BibTeX() {}

    public static String entry(TeiHeaderData d, EditionInfo edition) {
        List<String[]> fields = new ArrayList<>();
        if (!d.authors().isEmpty()) {
            List<String> names = new ArrayList<>();
            // Each name braced whole: a Chinese name or a body is not split into first and last names.
            for (TeiHeaderData.Author a : d.authors()) names.add("{" + escape(a.name()) + "}");
            fields.add(new String[]{"author", String.join(" and ", names)});
        }
        if (!d.title().isEmpty()) fields.add(new String[]{"title", "{" + escape(d.title()) + "}"});
        if (d.date() != null) {
            fields.add(new String[]{"year", String.format("%04d", d.date().year())});
            fields.add(new String[]{"date", d.date().iso()});
        }
        if (!edition.title().isEmpty()) fields.add(new String[]{"howpublished", escape(edition.title())});
        if (!edition.publisher().isEmpty()) fields.add(new String[]{"publisher", escape(edition.publisher())});
        if (!d.url().isEmpty()) fields.add(new String[]{"url", url(d.url())});
        if (!d.language().isEmpty()) fields.add(new String[]{"language", escape(d.language())});
        List<String> note = new ArrayList<>();
        if (d.devisedTitle()) note.add("Title devised by the editors");
        if (!d.originalSource().isEmpty()) note.add("Original source: " + escape(d.originalSource()));
        if (!d.originalUrl().isEmpty()) note.add("\\url{" + url(d.originalUrl()) + "}");
        if (!note.isEmpty()) fields.add(new String[]{"note", String.join(". ", note)});

        StringBuilder b = new StringBuilder("@misc{").append(key(d.id())).append(",\n");
        for (int i = 0; i < fields.size(); i++) {
            b.append("  ").append(fields.get(i)[0]).append(" = {").append(fields.get(i)[1]).append('}');
            b.append(i + 1 < fields.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    /** A citation key: letters, digits and {@code _-:.} only. */
    static String key(String id) {
        String k = id == null ? "" : id.replaceAll("[^A-Za-z0-9_:.\\-]", "_");
        return k.isEmpty() ? "item" : k;
    }

    /** Escapes the characters TeX treats specially; line breaks and controls become spaces. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '%', '&', '$', '#', '_' -> b.append('\\').append(c);
                case '^' -> b.append("\\textasciicircum{}");
                case '~' -> b.append("\\textasciitilde{}");
                default -> b.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return b.toString().replaceAll(" {2,}", " ").strip();
    }

    /**
     * A URL for a {@code url} field or the url command: braces, backslashes, white space and controls
     * percent-encoded (they would break the field), {@code %} and {@code #} escaped as the url
     * package expects in an argument.
     */
    static String url(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '{' -> b.append("%7B");
                case '}' -> b.append("%7D");
                case '\\' -> b.append("%5C");
                default -> {
                    if (Character.isWhitespace(c) || Character.isISOControl(c)) b.append(String.format("%%%02X", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString().replace("%", "\\%").replace("#", "\\#");
    }
}

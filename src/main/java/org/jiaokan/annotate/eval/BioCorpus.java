package org.jiaokan.annotate.eval;

import org.jiaokan.annotate.NamedEntities.Entity;
import org.jiaokan.annotate.NamedEntities.Label;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gold corpus in character BIO format: one {@code char<TAB or space>tag} per line, a blank line
 * between sentences, tags O, B-X, I-X with X one of PER, LOC, ORG. Offsets are code points.
 */
public record BioCorpus(Path file, List<Sentence> sentences) {

    /** One sentence: its text and its gold entities. */
    public record Sentence(String text, List<Entity> gold) { }

    /** A corpus that cannot be read, with the file and line where it went wrong. */
    public static final class FormatException extends Exception {
        public FormatException(String message) { super(message); }
    }

    /** Number of code points in all sentences. */
    public long codePoints() {
        long n = 0;
        for (Sentence s : sentences) n += s.text.codePointCount(0, s.text.length());
        return n;
    }

    /** The same corpus with gold entities of other types dropped. */
    public BioCorpus restrictedTo(java.util.Collection<Label> labels) {
        List<Sentence> out = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            out.add(new Sentence(s.text, s.gold.stream().filter(e -> labels.contains(e.label())).toList()));
        }
        return new BioCorpus(file, List.copyOf(out));
    }

    /** Reads a corpus; an I-X that does not continue an X opens a new entity, as conlleval does. */
    public static BioCorpus read(Path file) throws IOException, FormatException {
        List<Sentence> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Builder b = new Builder();
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) {
                    b.flush(out);
                    continue;
                }
                int sep = line.indexOf('\t');
                if (sep < 0) sep = line.lastIndexOf(' ');
                String ch = sep < 0 ? "" : line.substring(0, sep);
                String tag = sep < 0 ? line.strip() : line.substring(sep + 1).strip();
                // A space separator with the character itself a space leaves an empty field: keep the space.
                if (ch.isEmpty() && sep == 0) ch = " ";
                if (ch.codePointCount(0, ch.length()) != 1) {
                    throw new FormatException(file + ":" + lineNo + ": expected one character, a tab or space, and a tag: " + line);
                }
                b.add(ch, tag, file, lineNo);
            }
            b.flush(out);
        }
        return new BioCorpus(file, List.copyOf(out));
    }

    /** Collects one sentence's characters and entities. */
    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Entity> gold = new ArrayList<>();
        private int cp;
        private int openStart = -1;
        private Label openLabel;
        private int openUtf16;

        void add(String ch, String tag, Path file, int lineNo) throws FormatException {
            if (tag.equals("O")) {
                close();
            } else {
                if (tag.length() < 3 || tag.charAt(1) != '-' || (tag.charAt(0) != 'B' && tag.charAt(0) != 'I')) {
                    throw new FormatException(file + ":" + lineNo + ": unknown tag " + tag);
                }
                Label label;
                try {
                    label = Label.valueOf(tag.substring(2));
                } catch (IllegalArgumentException e) {
                    throw new FormatException(file + ":" + lineNo + ": unknown entity type in tag " + tag);
                }
                if (tag.charAt(0) == 'B' || openLabel != label) {
                    close();
                    openStart = cp;
                    openUtf16 = text.length();
                    openLabel = label;
                }
            }
            text.append(ch);
            cp++;
        }

        private void close() {
            if (openLabel != null) gold.add(new Entity(openStart, cp, openLabel, text.substring(openUtf16)));
            openLabel = null;
            openStart = -1;
        }

        void flush(List<Sentence> out) {
            close();
            if (text.length() > 0) out.add(new Sentence(text.toString(), List.copyOf(gold)));
            text.setLength(0);
            gold.clear();
            cp = 0;
        }
    }
}

package org.jiaokan.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The largest TEI document each output format takes. The site's page and the print edition of one
 * document are made as wholes (an XSLT transformation of the whole tree, FOP's layout of the whole
 * text), so their memory grows with the document; a document over a format's limit is left out of
 * that format with one line naming the file, its size and the limits, and the other documents (and
 * the other formats) are still published. The catalogue records read only the header.
 *
 * <p>Limits in MiB, from the system property {@code jiaokan.limit.FORMAT} (e.g.
 * {@code -Djiaokan.limit.pdf=8}, through {@code JIAOKAN_JAVA_OPTS} for the launcher); 0 means none.
 * Defaults: html 16, pdf 2, catalog 256, each of which a 512 MB heap takes.
 */
public final class DocumentLimits {
    private DocumentLimits() {}

    private static final Map<String, Long> DEFAULT_MIB = Map.of("html", 16L, "pdf", 2L, "catalog", 256L);

    /** The limit of a format in bytes, or {@link Long#MAX_VALUE} for none. */
    public static long limit(String format) {
        String set = System.getProperty("jiaokan.limit." + format);
        long mib = DEFAULT_MIB.getOrDefault(format, 0L);
        if (set != null && set.strip().matches("\\d{1,9}")) mib = Long.parseLong(set.strip());
        return mib <= 0 ? Long.MAX_VALUE : mib << 20;
    }

    /** Whether {@code format} takes {@code doc}: its size is within the format's limit, as {@link #split} has it. */
    static boolean fits(Path doc, String format) {
        return size(doc) <= limit(format);
    }

    /** A document's size in bytes; 0 where it cannot be read (the format's own reading then says why). */
    private static long size(Path doc) {
        try {
            return Files.size(doc);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The inputs of each format of the run ({@code formats}), without the documents over its limit; one line
     * ({@code FILE: reason}) per document left out of any format goes to {@code errors}.
     */
    public static Map<String, Publisher.Inputs> split(Publisher.Inputs in, Set<String> formats, List<String> errors) {
        Map<String, List<Path>> kept = new LinkedHashMap<>();
        for (String f : formats) kept.put(f, new ArrayList<>());
        for (Path doc : in.documents()) {
            long size = size(doc);
            List<String> over = new ArrayList<>();
            for (String f : formats) {
                if (size > limit(f)) over.add(f + " (" + (limit(f) >> 20) + " MiB)");
                else kept.get(f).add(doc);
            }
            if (!over.isEmpty()) {
                errors.add(doc + ": " + String.format(Locale.ROOT, "%.1f", size / 1048576.0) + " MiB is over the size limit of "
                        + String.join(" and ", over) + "; not published " + (over.size() == 1 ? "in that format" : "in those formats")
                        + " (raise it with -Djiaokan.limit.FORMAT=MiB and a larger heap)");
            }
        }
        // The identifiers of the documents left out of a format keep them there (DocumentClaims.LeftOut), each read once.
        Map<Path, String> ids = new java.util.HashMap<>();
        Map<String, DocumentClaims.LeftOut> leftOut = new LinkedHashMap<>();
        for (String f : formats) {
            if (kept.get(f).size() == in.documents().size()) {
                leftOut.put(f, DocumentClaims.LeftOut.NONE);
                continue;
            }
            Set<Path> in_f = new java.util.HashSet<>(kept.get(f));
            Map<Path, String> out_f = new java.util.HashMap<>();
            for (Path doc : in.documents()) {
                if (in_f.contains(doc)) continue;
                String id = ids.computeIfAbsent(doc, d -> java.util.Objects.requireNonNullElse(Publisher.docid(d), ""));
                if (!id.isEmpty()) out_f.put(doc, id);
            }
            leftOut.put(f, new DocumentClaims.LeftOut(in.documents(), out_f));
        }
        Map<String, Publisher.Inputs> out = new LinkedHashMap<>();
        for (String f : formats) {
            out.put(f, new Publisher.Inputs(in.edition(), in.registers(), List.copyOf(kept.get(f)), in.sourceDirs(), in.themeDir(),
                    leftOut.get(f)));
        }
        return out;
    }
}

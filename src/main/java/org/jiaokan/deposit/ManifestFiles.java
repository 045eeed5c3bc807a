package org.jiaokan.deposit;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bag's manifest files as RFC 8493 (section 2.1.3) writes them: one line per file, its checksum, two spaces and its
 * path, {@code /}-separated, with {@code %}, CR and LF in the path percent-encoded ({@code %25}, {@code %0D},
 * {@code %0A}). The BagIt library's writer and reader encode the line ends only, so a source named {@code 50%25.txt}
 * would be listed as a name every other BagIt tool reads as {@code 50%.txt}.
 */
final class ManifestFiles {
    private ManifestFiles() {}

    /** Reads {@code file} once, each of {@code digests} updated with its bytes (a manifest's checksums under every algorithm). */
    static void digest(Path file, Iterable<java.security.MessageDigest> digests) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) for (java.security.MessageDigest d : digests) d.update(buf, 0, n);
        }
    }

    /** A path as a manifest lists it. */
    static String encode(String path) {
        if (path.indexOf('%') < 0 && path.indexOf('\n') < 0 && path.indexOf('\r') < 0) return path;
        StringBuilder b = new StringBuilder(path.length() + 8);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '\n' -> b.append("%0A");
                case '\r' -> b.append("%0D");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A manifest's path as the file's name: {@code %25}, {@code %0A} and {@code %0D} decoded, any other {@code %} kept. */
    static String decode(String path) {
        if (path.indexOf('%') < 0) return path;
        StringBuilder b = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                String code = path.substring(i + 1, i + 3).toUpperCase(java.util.Locale.ROOT);
                char d = switch (code) {
                    case "25" -> '%';
                    case "0A" -> '\n';
                    case "0D" -> '\r';
                    default -> 0;
                };
                if (d != 0) {
                    b.append(d);
                    i += 2;
                    continue;
                }
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Writes {@code file}: each path (relative to the bag's root) and its checksum, in the map's order. */
    static void write(Path file, Map<String, String> checksums) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : checksums.entrySet()) {
                w.write(e.getValue());
                w.write("  ");
                w.write(encode(e.getKey()));
                w.write('\n');
            }
        }
    }

    /**
     * Reads {@code file}: each decoded path (relative to the bag's root, as written) and its checksum, in the file's
     * order. A line without a checksum and a path is refused.
     */
    static Map<String, String> read(Path file) throws IOException {
        return read(file, StandardCharsets.UTF_8);
    }

    /** As {@link #read(Path)}, in the encoding {@code bagit.txt} declares for the tag files; a byte-order mark is not part of the first line. */
    static Map<String, String> read(Path file, java.nio.charset.Charset encoding) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        String text = Files.readString(file, encoding);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        for (String line : text.split("\r\n|\n|\r")) {
            n++;
            if (line.isEmpty()) continue;
            int sp = 0;
            while (sp < line.length() && line.charAt(sp) != ' ' && line.charAt(sp) != '\t') sp++;
            int path = sp;
            while (path < line.length() && (line.charAt(path) == ' ' || line.charAt(path) == '\t')) path++;
            if (sp == 0 || path == sp || path == line.length()) {
                throw new IOException(file.getFileName() + " line " + n + ": not a checksum and a path");
            }
            out.put(decode(line.substring(path)), line.substring(0, sp));
        }
        return out;
    }
}

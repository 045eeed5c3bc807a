package org.jiaokan.read;

import org.jiaokan.model.SourceDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads any supported source file: picks the reader by the file's content first and its name
 * second (DOCX, HTML, else plain text), and turns every failure into a one-line reason.
 */
public final class Readers {

    /** What kind of source a file is. */
    enum Kind { DOCX, HTML, TEXT }

    private static final Pattern HTML_START = Pattern.compile(
            "^(?:\\s|<\\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\\s+html|html)[\\s>]",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A TEI document: what convert writes, so most likely given by mistake (convert out/*.xml). */
    private static final Pattern TEI_START = Pattern.compile(
            "^(?:\\s|<\\?xml[^>]*>|<!--.*?-->|<\\?xml-model[^>]*>|<\\?xml-stylesheet[^>]*>)*<(?:TEI|teiCorpus)[\\s>]",
            Pattern.DOTALL);
    private static final int SNIFF_BYTES = 2048;

    private Readers() {}

    /**
     * Reads {@code file} into a source document.
     *
     * @param file          the source file
     * @param forcedOrNull  the encoding the user named, or null to detect it (ignored for DOCX)
     * @throws ReadException with a short reason for "jiaokan: error: FILE: reason"
     */
    public static SourceDocument read(Path file, Charset forcedOrNull) throws ReadException {
        byte[] bytes = readBytes(file);
        FileFacts.requireNonEmpty(bytes);
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return switch (kindOf(fileName, bytes)) {
            case DOCX -> new DocxReader().read(fileName, bytes, forcedOrNull);
            case HTML -> new HtmlReader().read(fileName, bytes, forcedOrNull);
            case TEXT -> new TextReader().read(fileName, bytes, forcedOrNull);
        };
    }

    /**
     * How many bytes of a decoded text its encoding could not decode: each is kept in the text as an
     * escape (a lone low surrogate U+DC00 + byte), never dropped.
     */
    public static int damagedBytes(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (DamagedDecoding.isEscape(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) n++;
        }
        return n;
    }

    /** The kind of source: content sniffing first, the file name's extension second. */
    static Kind kindOf(String fileName, byte[] bytes) throws ReadException {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (isZip(bytes)) {
            if (zipHasWordDocument(bytes)) return Kind.DOCX;
            throw new ReadException(name.endsWith(".docx")
                    ? "corrupt DOCX: no word/document.xml in the archive"
                    : "unsupported file type: ZIP archive that is not a DOCX document");
        }
        if (name.endsWith(".docx")) throw new ReadException("corrupt DOCX: not a ZIP archive");
        String unsupported = unsupportedFormat(bytes);
        if (unsupported != null) throw new ReadException("unsupported file type: " + unsupported);
        if (HTML_START.matcher(head(bytes)).find()) return Kind.HTML;
        if (TEI_START.matcher(head(bytes)).find()) {
            throw new ReadException("unsupported file type: TEI XML, already an edition document (convert takes raw sources)");
        }
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml") || name.endsWith(".shtml")) {
            return Kind.HTML;
        }
        return Kind.TEXT;
    }

    /** The largest source read (a document of this size is far beyond any real report or page). */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static byte[] readBytes(Path file) throws ReadException {
        if (Files.isDirectory(file)) throw new ReadException("cannot read: is a directory");
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) throw new ReadException("cannot read: not a regular file");
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size > MAX_BYTES) {
                throw new ReadException("too large: " + size + " bytes (the limit is " + MAX_BYTES / (1024 * 1024) + " MiB)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ReadException("cannot read: no such file", e);
        } catch (AccessDeniedException e) {
            throw new ReadException("cannot read: permission denied", e);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ReadException("cannot read: " + reason.lines().findFirst().orElse(""), e);
        }
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean zipHasWordDocument(byte[] bytes) throws ReadException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) return true;
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            throw new ReadException("corrupt ZIP archive: " + (e.getMessage() == null ? "unreadable" : e.getMessage()), e);
        }
    }

    /** Formats users are likely to try that have no reader; named so the message says what to do. */
    private static String unsupportedFormat(byte[] b) {
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return "legacy Office document (OLE2, e.g. .doc); save it as .docx";
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) return "PDF";
        if (startsWith(b, '{', '\\', 'r', 't', 'f')) return "RTF; save it as .docx";
        return null;
    }

    /** The file's first bytes as characters, enough to see what markup it opens with. */
    private static String head(byte[] bytes) {
        EncodingDetector.Bom bom = EncodingDetector.bom(bytes);
        int from = bom == null ? 0 : bom.length();
        Charset charset = bom == null ? StandardCharsets.ISO_8859_1 : bom.charset();
        if (bom == null && bytes.length >= 2) {
            // UTF-16 markup without a byte-order mark: an ASCII character and a zero byte.
            if (asciiMarkup(bytes[0]) && bytes[1] == 0) charset = StandardCharsets.UTF_16LE;
            else if (bytes[0] == 0 && asciiMarkup(bytes[1])) charset = StandardCharsets.UTF_16BE;
        }
        int length = Math.min(bytes.length - from, SNIFF_BYTES);
        return new String(bytes, from, length, charset);
    }

    private static boolean asciiMarkup(byte b) {
        return b == '<' || b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}

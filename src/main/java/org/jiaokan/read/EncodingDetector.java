package org.jiaokan.read;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Finds the character encoding of Chinese text bytes from evidence in the bytes: a byte-order mark,
 * strict UTF-8 validity, and for the legacy encodings (GB18030, Big5) which of the strict decodings
 * reads as plausible Chinese. Every answer carries the evidence as one sentence.
 */
final class EncodingDetector {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset BIG5 = Charset.forName("Big5");
    /**
     * Big5's extensions, tried in this order where strict Big5 fails: the Hong Kong set (HKSCS: 嘅 咗, and the ETEN
     * characters Taiwanese text uses, 碁 F9D6, 裏 F9D8), then Windows' code page 950 (which reads the user-defined area
     * as private-use characters). Strict Big5 refused a text with one such character, and GB18030, which decodes nearly
     * any bytes, read it as nonsense.
     */
    static final java.util.List<Charset> BIG5_EXTENSIONS = java.util.stream.Stream.of("Big5-HKSCS", "x-windows-950")
            .filter(Charset::isSupported).map(Charset::forName).toList();

    /** A strict decoding as one of {@link #BIG5_EXTENSIONS}, with the extension. */
    record Big5Decoding(StrictDecoding decoding, Charset charset) {}

    /** The first of {@link #BIG5_EXTENSIONS} that decodes {@code bytes} strictly, or null: for bytes strict Big5 refuses. */
    static Big5Decoding big5Extension(byte[] bytes) {
        for (Charset c : BIG5_EXTENSIONS) {
            StrictDecoding d = StrictDecoding.decode(bytes, 0, c);
            if (d.ok()) return new Big5Decoding(d, c);
        }
        return null;
    }

    static final String BINARY = "binary data, not text";

    private EncodingDetector() {}

    /** A byte-order mark at the start of a file: which encoding it names and how many bytes it takes. */
    record Bom(Charset charset, int length) {}

    /** The byte-order mark {@code bytes} start with, or null. UTF-32 marks are not recognised (unsupported). */
    static Bom bom(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return new Bom(StandardCharsets.UTF_8, 3);
        if (startsWith(bytes, 0xFF, 0xFE)) return new Bom(StandardCharsets.UTF_16LE, 2);
        if (startsWith(bytes, 0xFE, 0xFF)) return new Bom(StandardCharsets.UTF_16BE, 2);
        return null;
    }

    /**
     * Decodes {@code bytes} with the forced encoding if given, else by byte-order mark, else by
     * detection ({@link #detect}).
     */
    static DecodedText decode(byte[] bytes, Charset forced) throws ReadException {
        return decode(bytes, forced, false);
    }

    /**
     * As {@link #decode(byte[], Charset)}, for plain text, which may hold a few NULs (a stray byte of a converter or a
     * scraper: at most one character in a hundred), each then a control character the TEI keeps by reference, as any
     * other; binary data holds many. A web page's NUL is dropped by any HTML parser, so there one is still refused.
     */
    static DecodedText decodeText(byte[] bytes, Charset forced) throws ReadException {
        return decode(bytes, forced, true);
    }

    private static DecodedText decode(byte[] bytes, Charset forced, boolean fewNuls) throws ReadException {
        if (forced != null) return decodeForced(bytes, forced, fewNuls);
        if (startsWith(bytes, 0xFF, 0xFE, 0, 0) || startsWith(bytes, 0, 0, 0xFE, 0xFF)) {
            throw new ReadException("UTF-32 text is not supported; save it as UTF-8");
        }
        Bom bom = bom(bytes);
        if (bom != null) return decodeWithBom(bytes, bom, fewNuls);
        return detect(bytes, fewNuls);
    }

    /**
     * Decodes strictly with an encoding the user named. A byte-order mark is not text: it is dropped
     * whether the decoder consumes it (generic "UTF-16") or passes it on as U+FEFF.
     */
    static DecodedText decodeForced(byte[] bytes, Charset forced) throws ReadException {
        return decodeForced(bytes, forced, false);
    }

    private static DecodedText decodeForced(byte[] bytes, Charset forced, boolean fewNuls) throws ReadException {
        Bom bom = bom(bytes);
        int from = bom != null && bom.charset().equals(forced) ? bom.length() : 0;
        StrictDecoding d = StrictDecoding.decode(bytes, from, forced);
        if (!d.ok()) {
            throw new ReadException("not valid " + forced.name() + " (forced by --encoding): undecodable byte at offset "
                    + d.errorOffset());
        }
        boolean markLeft = d.text().startsWith("\uFEFF");
        String text = markLeft ? d.text().substring(1) : d.text();
        requireText(text, fewNuls);
        boolean bomDropped = from > 0 || markLeft || (bom != null && forced.name().equals("UTF-16"));
        return new DecodedText(text, forced.name(),
                "forced by --encoding" + (bomDropped ? " (byte-order mark removed)" : ""));
    }

    /** Decodes strictly with the encoding a byte-order mark names. */
    static DecodedText decodeWithBom(byte[] bytes, Bom bom) throws ReadException {
        return decodeWithBom(bytes, bom, false);
    }

    private static DecodedText decodeWithBom(byte[] bytes, Bom bom, boolean fewNuls) throws ReadException {
        StrictDecoding d = StrictDecoding.decode(bytes, bom.length(), bom.charset());
        if (!d.ok()) {
            throw new ReadException("not valid " + bom.charset().name() + " despite its byte-order mark: undecodable byte at offset "
                    + d.errorOffset());
        }
        requireText(d.text(), fewNuls);
        return new DecodedText(d.text(), bom.charset().name(), bom.charset().name() + " byte-order mark");
    }

    /**
     * Detects the encoding of bytes without a byte-order mark: strict UTF-8 first; otherwise the
     * strict decodings as GB18030 and Big5 that succeed, the more plausible Chinese winning.
     *
     * @throws ReadException with {@link #BINARY} when the bytes hold NULs or decode in no candidate
     */
    static DecodedText detect(byte[] bytes) throws ReadException {
        return detect(bytes, false);
    }

    private static DecodedText detect(byte[] bytes, boolean fewNuls) throws ReadException {
        if (indexOf(bytes, (byte) 0) >= 0) {
            DecodedText utf16 = utf16WithoutBom(bytes);
            if (utf16 != null) return utf16;
            // plain text with a few NULs goes on: requireText takes their share of the decoded text
            if (!fewNuls) throw new ReadException(BINARY);
        }
        StrictDecoding utf8 = StrictDecoding.decode(bytes, 0, StandardCharsets.UTF_8);
        if (utf8.ok()) {
            requireText(utf8.text(), fewNuls);
            int sequences = multiByteSequences(bytes);
            String evidence = sequences == 0
                    ? "ASCII only (valid UTF-8 without multi-byte sequences)"
                    : "valid UTF-8 (" + sequences + " multi-byte sequence" + (sequences == 1 ? "" : "s") + ")";
            return new DecodedText(utf8.text(), "UTF-8", evidence);
        }
        StrictDecoding gb = StrictDecoding.decode(bytes, 0, GB18030);
        StrictDecoding big5 = StrictDecoding.decode(bytes, 0, BIG5);
        String utf8Failure = "UTF-8 fails at byte " + utf8.errorOffset();
        if (gb.ok() && big5.ok()) return choosePlausible(gb.text(), big5.text(), BIG5, utf8Failure, fewNuls);
        double gbScore = gb.ok() ? HanPlausibility.score(gb.text()) : 0;
        if (gbScore < PLAUSIBLE) {
            // GB18030 fails, or decodes into something hardly Chinese (it decodes nearly any bytes): Big5 with characters
            // of its extensions (Windows' 碁 裏, Hong Kong's 嘅 咗), which strict Big5 refuses, may be the text.
            Big5Decoding extended = big5Extension(bytes);
            if (extended != null && HanPlausibility.score(extended.decoding().text()) > gbScore) {
                return single(extended.decoding().text(), extended.charset(), utf8Failure + ", Big5 at byte " + big5.errorOffset()
                        + (gb.ok() ? ", GB18030 reads as Chinese with " + percent(gbScore) + " frequent characters" : ", GB18030 at byte " + gb.errorOffset()), fewNuls);
            }
            Charset widest = BIG5_EXTENSIONS.isEmpty() ? BIG5 : BIG5_EXTENSIONS.get(0); // HKSCS: no private-use readings
            DamagedDecoding nearBig5 = gb.ok() ? DamagedDecoding.decode(bytes, 0, widest) : null;
            if (nearBig5 != null && acceptable(nearBig5, bytes.length) && HanPlausibility.score(nearBig5.text()) > gbScore) {
                return damagedText(nearBig5, widest, fewNuls);
            }
        }
        if (gb.ok()) return single(gb.text(), GB18030, utf8Failure + ", Big5 at byte " + big5.errorOffset(), fewNuls);
        if (big5.ok()) return single(big5.text(), BIG5, utf8Failure + ", GB18030 at byte " + gb.errorOffset(), fewNuls);
        DecodedText utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) return utf16;
        DecodedText damaged = damaged(bytes, fewNuls);
        if (damaged != null) return damaged;
        if (mostlyAscii(bytes)) {
            throw new ReadException("text in an unsupported encoding: not UTF-8, GB18030 or Big5 (undecodable byte at offset "
                    + utf8.errorOffset() + "); name its encoding with --encoding");
        }
        throw new ReadException(BINARY);
    }

    /** The share of frequent Chinese characters below which a decoding hardly reads as Chinese. */
    static final double PLAUSIBLE = 0.3;

    /** At most this share of a text's bytes may be damaged for it to be read as damaged text rather than refused. */
    static final double MAX_DAMAGE = 0.02;
    /** A short text may have this many damaged bytes whatever its length. */
    static final int MIN_DAMAGE_ALLOWED = 8;

    /**
     * Text in UTF-8, GB18030 or Big5 with a few bytes that do not decode (at most {@link #MAX_DAMAGE}
     * of them, or {@link #MIN_DAMAGE_ALLOWED} in a short text, inside plausible Chinese text: four Chinese
     * characters or more for each damaged byte): decoded, the damaged
     * bytes kept as escapes ({@link DamagedDecoding}). The encoding with the fewest damaged bytes
     * wins; UTF-8, then GB18030, on a tie. Null when no encoding comes close.
     */
    private static DecodedText damaged(byte[] bytes, boolean fewNuls) throws ReadException {
        // UTF-8 first: its strictness makes a near-valid decoding strong evidence. Then the legacy
        // encodings, which decode each other's bytes with few errors, by how plausible their Chinese is.
        DamagedDecoding utf8 = DamagedDecoding.decode(bytes, 0, StandardCharsets.UTF_8);
        if (acceptable(utf8, bytes.length)) return damagedText(utf8, StandardCharsets.UTF_8, fewNuls);
        DamagedDecoding gb = DamagedDecoding.decode(bytes, 0, GB18030);
        DamagedDecoding big5 = DamagedDecoding.decode(bytes, 0, BIG5);
        boolean gbOk = acceptable(gb, bytes.length), big5Ok = acceptable(big5, bytes.length);
        if (gbOk && big5Ok) {
            return HanPlausibility.score(big5.text()) > HanPlausibility.score(gb.text()) ? damagedText(big5, BIG5, fewNuls) : damagedText(gb, GB18030, fewNuls);
        }
        if (gbOk) return damagedText(gb, GB18030, fewNuls);
        if (big5Ok) return damagedText(big5, BIG5, fewNuls);
        return null;
    }

    private static boolean acceptable(DamagedDecoding d, int length) {
        if (d.damaged() == 0 || d.damaged() > Math.max(MIN_DAMAGE_ALLOWED, length * MAX_DAMAGE)) return false;
        // Damage inside Chinese text: what decodes must read as Chinese, well beyond the damage. Other
        // text with undecodable bytes (Latin-1, Windows-1252) is in an unsupported encoding, not damaged.
        long han = org.jiaokan.script.Han.count(d.text());
        return han >= 4 && han >= 4L * d.damaged() && HanPlausibility.score(d.text()) >= 0.3;
    }

    private static DecodedText damagedText(DamagedDecoding d, Charset charset, boolean fewNuls) throws ReadException {
        requireText(d.text(), fewNuls);
        return new DecodedText(d.text(), charset.name(), "decodes as " + charset.name() + " but for " + d.damaged()
                + " damaged byte" + (d.damaged() == 1 ? "" : "s") + " (the first at offset " + d.first()
                + "), kept as damage with their raw values");
    }

    private static DecodedText single(String text, Charset charset, String failures, boolean fewNuls) throws ReadException {
        requireText(text, fewNuls);
        return new DecodedText(text, charset.name(), "decodes as " + charset.name() + " without errors ("
                + percent(HanPlausibility.score(text)) + " frequent Chinese characters); " + failures);
    }

    private static DecodedText choosePlausible(String gbText, String big5Text, Charset big5Charset, String utf8Failure,
                                              boolean fewNuls) throws ReadException {
        double gbScore = HanPlausibility.score(gbText);
        double big5Score = HanPlausibility.score(big5Text);
        // GB18030 wins ties: it is the more common legacy encoding and a superset of GBK/GB2312.
        boolean big5Wins = big5Score > gbScore;
        String text = big5Wins ? big5Text : gbText;
        requireText(text, fewNuls);
        String winner = big5Wins ? big5Charset.name() : "GB18030";
        String loser = big5Wins ? "GB18030" : big5Charset.name();
        return new DecodedText(text, winner, "decodes as both GB18030 and " + big5Charset.name() + " (" + utf8Failure + "); "
                + winner + " reads as Chinese with " + percent(Math.max(gbScore, big5Score))
                + " frequent characters against " + percent(Math.min(gbScore, big5Score)) + " as " + loser);
    }

    /**
     * Refuses decoded text that is mostly control characters: bytes that happen to decode are not
     * necessarily text.
     */
    static void requireText(String text) throws ReadException {
        requireText(text, false);
    }

    /** As {@link #requireText(String)}; with {@code fewNuls}, NULs are control characters up to one in a hundred, binary data beyond. */
    private static void requireText(String text, boolean fewNuls) throws ReadException {
        int controls = 0;
        int nuls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 && (!fewNuls || ++nuls * 100L > text.length())) throw new ReadException(BINARY);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B && c != 0x1B) controls++;
        }
        if (controls > 0 && controls * 20L > text.length()) throw new ReadException(BINARY);
    }

    /**
     * UTF-16 without a byte-order mark, little- or big-endian, or null. Both byte orders are decoded
     * strictly; a decoding counts only if nearly every character is one that text is made of (see
     * {@link #textLike}) and its non-ASCII characters read as Chinese ({@link HanPlausibility}) or
     * there are none. The wrong byte order of real text fails both tests (ASCII becomes rare Han
     * characters, Chinese becomes symbols), and so does binary data, whose 16-bit units spread over
     * the whole repertoire. The zero bytes (the high bytes of ASCII characters) are part of the evidence.
     */
    static DecodedText utf16WithoutBom(byte[] bytes) {
        if (bytes.length < 2 || bytes.length % 2 != 0) return null;
        int[] nuls = new int[2];
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == 0) nuls[i % 2]++;
        Utf16Reading le = utf16Reading(bytes, StandardCharsets.UTF_16LE);
        Utf16Reading be = utf16Reading(bytes, StandardCharsets.UTF_16BE);
        // Zero bytes are mostly the high bytes of ASCII characters: odd offsets in LE, even ones in BE.
        // When both byte orders read as text, they decide; the plausibility of the text otherwise.
        Utf16Reading best;
        if (le == null || be == null) best = le == null ? be : le;
        else if (nuls[1] != nuls[0]) best = nuls[1] > nuls[0] ? le : be;
        else best = be.rank() > le.rank() ? be : le;
        if (best == null) return null;
        Utf16Reading other = best == le ? be : le;
        int highZeros = best.charset() == StandardCharsets.UTF_16LE ? nuls[1] : nuls[0];
        String evidence = best.charset().name() + " without a byte-order mark: "
                + (highZeros == 0 ? "no zero bytes" : highZeros + " zero high bytes of " + bytes.length / 2 + " characters")
                + ", " + (best.han() == 0 ? "ASCII text"
                        : "reads as Chinese with " + percent(best.han()) + " frequent characters")
                + (other == null ? "; the other byte order does not decode as text" : "");
        return new DecodedText(best.text(), best.charset().name(), evidence);
    }

    /** A strict UTF-16 decoding that reads as text: the text, its share of frequent Chinese, and the byte order. */
    private record Utf16Reading(String text, Charset charset, double han, double textLike) {
        double rank() {
            return textLike + han;
        }
    }

    private static Utf16Reading utf16Reading(byte[] bytes, Charset charset) {
        StrictDecoding d = StrictDecoding.decode(bytes, 0, charset);
        if (!d.ok()) return null;
        String text = d.text();
        try {
            requireText(text);
        } catch (ReadException e) {
            return null;
        }
        int chars = 0;
        int textLike = 0;
        boolean nonAscii = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLowSurrogate(c)) continue;
            chars++;
            if (c >= 0x80) nonAscii = true;
            if (textLike(c)) textLike++;
        }
        double share = chars == 0 ? 0 : (double) textLike / chars;
        double han = HanPlausibility.score(text);
        if (share < 0.95) return null;
        if (nonAscii && han < 0.25) return null;
        return new Utf16Reading(text, charset, han, share);
    }

    /**
     * Characters that Chinese and Latin text is made of: ASCII printable characters and line breaks,
     * Latin-1 letters, general punctuation, CJK ideographs (with extension A and the compatibility
     * block), CJK punctuation, kana, bopomofo, full-width forms, and supplementary-plane characters
     * (a valid surrogate pair, CJK extensions B and beyond).
     */
    private static boolean textLike(char c) {
        return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t'
                || (c >= 0xA0 && c <= 0x24F)
                || (c >= 0x2000 && c <= 0x206F)
                || (c >= 0x2460 && c <= 0x24FF) // enclosed numerals ①
                || (c >= 0x3000 && c <= 0x312F)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFFEF)
                || Character.isHighSurrogate(c);
    }

    /** Printable ASCII and line breaks make up most of the bytes: text in some 8-bit encoding, not binary data. */
    private static boolean mostlyAscii(byte[] bytes) {
        int ascii = 0;
        for (byte b : bytes) if ((b >= 0x20 && b < 0x7F) || b == '\n' || b == '\r' || b == '\t') ascii++;
        return ascii * 10L >= bytes.length * 7L;
    }

    static int multiByteSequences(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            if ((b & 0xC0) == 0xC0) n++;
        }
        return n;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) return i;
        }
        return -1;
    }
}

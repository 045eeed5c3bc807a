package org.jiaokan.publish.pdf;

import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.io.InternalResourceResolver;
import org.apache.fop.fonts.CustomFont;
import org.apache.fop.fonts.EmbeddingMode;
import org.apache.fop.fonts.EncodingMode;
import org.apache.fop.fonts.FontCollection;
import org.apache.fop.fonts.FontLoader;
import org.apache.fop.fonts.FontUris;
import org.apache.fop.fonts.MultiByteFont;
import org.apache.fop.render.intermediate.IFContext;
import org.apache.fop.render.intermediate.IFDocumentHandlerConfigurator;
import org.apache.fop.render.pdf.PDFDocumentHandler;
import org.apache.fop.render.pdf.PDFRendererConfig;
import org.apache.fop.render.pdf.PDFRendererConfigurator;
import org.jiaokan.publish.fonts.CjkFonts;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The print edition's faces parsed once per run and handed to every rendering as its own copy. FOP's own set-up
 * gives each rendering a lazy font that reads and parses the whole TrueType collection again (20 MB for AR PL UMing)
 * the first time the rendering uses it: twice per PDF, as each PDF is laid out twice. Here each face is loaded once
 * with FOP's font loader, as that lazy font would load it (CID encoding, subset embedding, kerning, the complex
 * scripts' tables), and each rendering gets a copy that shares the parsed tables (widths, bounding boxes, character
 * map, kerning, glyph tables), which no rendering changes, and has its own state: the glyphs its PDF uses (the
 * subset), its cache of frequent glyphs, its warnings and the listener of its events. So subsets stay per document
 * and renderings run in parallel.
 */
final class SharedFonts {
    /**
     * One face: its family name in XSL-FO, the font as loaded (never used to render itself), and its character map
     * as tables: the glyph of each BMP character and of each character beyond the BMP, 0 for none.
     */
    private record Loaded(String family, MultiByteFont master, int[] bmp, Map<Integer, Integer> beyond, int[] chars) {}

    private final List<Loaded> faces = new ArrayList<>();
    private final Map<String, Loaded> byFamily = new HashMap<>();
    private final InternalResourceResolver resolver;

    SharedFonts(CjkFonts fonts, InternalResourceResolver resolver, boolean kerning, boolean complexScripts) throws IOException {
        this.resolver = resolver;
        for (CjkFonts.Face f : fonts.faces()) {
            URI uri = f.file().toAbsolutePath().toUri();
            CustomFont font;
            try {
                font = FontLoader.loadFont(new FontUris(uri, null), f.subFont() == null ? "" : f.subFont(), true,
                        EmbeddingMode.SUBSET, EncodingMode.CID, kerning, complexScripts, resolver, false, false, false);
            } catch (RuntimeException e) {
                throw new IOException(f.file() + ": FOP cannot read it (" + e.getMessage() + ")", e);
            }
            if (!(font instanceof MultiByteFont m)) throw new IOException(f.file() + ": not loaded as a CID font by FOP");
            // MultiByteFont.findGlyphIndex: the first segment holding the character that gives a glyph other than 0.
            // And the way back (findCharacterFromGlyphIndex): the character of the first segment holding the glyph.
            int[] bmp = new int[0x10000];
            Map<Integer, Integer> beyond = new HashMap<>();
            int glyphs = 0;
            for (org.apache.fop.fonts.CMapSegment seg : m.getCMap()) {
                glyphs = Math.max(glyphs, seg.getGlyphStartIndex() + seg.getUnicodeEnd() - seg.getUnicodeStart() + 1);
            }
            int[] chars = new int[Math.max(0, glyphs)];
            for (org.apache.fop.fonts.CMapSegment seg : m.getCMap()) {
                for (int cp = seg.getUnicodeStart(); cp <= seg.getUnicodeEnd(); cp++) {
                    int glyph = seg.getGlyphStartIndex() + cp - seg.getUnicodeStart();
                    if (cp < 0x10000) {
                        if (bmp[cp] == 0) bmp[cp] = glyph;
                    } else if (glyph != 0) {
                        beyond.putIfAbsent(cp, glyph);
                    }
                    if (glyph >= 0 && chars[glyph] == 0) chars[glyph] = cp;
                }
            }
            // A no-break space is a space that does not break: a face without one (WenQuanYi Zen Hei) sets the space's
            // glyph for it, as FOP would otherwise report a missing glyph for a title copied from a web page.
            if (bmp[0xA0] == 0 && bmp[0x20] != 0) bmp[0xA0] = bmp[0x20];
            faces.add(new Loaded(f.family(), m, bmp, Map.copyOf(beyond), chars));
            // under the name the FO gives it (PdfEngine.quoted takes apostrophes out of a family's name)
            byFamily.putIfAbsent(f.family().replace("'", ""), faces.get(faces.size() - 1));
        }
    }

    /** The faces for one rendering, each under its family name in the four styles, after FOP's base 14 fonts. */
    FontCollection collection() {
        return (start, info) -> {
            int n = start;
            for (Loaded f : faces) {
                String key = "F" + n++;
                info.addMetrics(key, copy(f));
                for (int weight : new int[]{400, 700}) {
                    for (String style : List.of("normal", "italic")) info.addFontProperties(key, f.family(), style, weight);
                }
            }
            return n;
        };
    }

    /** A PDF document handler of a rendering whose fonts are these. */
    PDFDocumentHandler pdfHandler(FOUserAgent agent) throws FOPException {
        PDFDocumentHandler handler = new PDFDocumentHandler(new IFContext(agent)) {
            @Override
            public IFDocumentHandlerConfigurator getConfigurator() {
                return new PDFRendererConfigurator(getUserAgent(), new PDFRendererConfig.PDFRendererConfigParser()) {
                    @Override
                    protected FontCollection getCustomFontCollection(InternalResourceResolver r, String mimeType) {
                        return collection();
                    }
                };
            }
        };
        handler.getConfigurator().configure(handler);
        return handler;
    }

    private static final List<Field> FIELDS = fields();
    private static final java.lang.reflect.Method ELIDE_CONTROLS = method("elideControls", org.apache.fop.complexscripts.util.GlyphSequence.class);
    private static final java.lang.reflect.Method CHARACTER_OF_GLYPH = method("findCharacterFromGlyphIndex", int.class);

    private static java.lang.reflect.Method method(String name, Class<?>... parameters) {
        try {
            java.lang.reflect.Method m = MultiByteFont.class.getDeclaredMethod(name, parameters);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("FOP's font classes changed: " + e, e);
        }
    }

    private static List<Field> fields() {
        List<Field> all = new ArrayList<>();
        for (Class<?> k = MultiByteFont.class; k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                int mod = f.getModifiers();
                // The final fields (the glyph set of the subset, the resource resolver) are the constructor's.
                if (Modifier.isStatic(mod) || Modifier.isFinal(mod)) continue;
                f.setAccessible(true);
                all.add(f);
            }
        }
        return List.copyOf(all);
    }

    /**
     * A copy of a loaded font with a glyph set of its own: the tables are shared, the mutable parts (arrays, lists,
     * sets, maps of the first level, such as the cache of frequent glyphs and the used glyph names) are copied, and
     * no event listener is taken over (the rendering's font set-up gives it its own).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private MultiByteFont copy(Loaded face) {
        MultiByteFont master = face.master();
        MultiByteFont c = new Copy(resolver, master.getEmbeddingMode(), face.bmp(), face.beyond(), face.chars());
        try {
            for (Field f : FIELDS) {
                Object v = f.get(master);
                if (f.getName().equals("eventListener")) v = null;
                else if (v instanceof int[] a) v = a.clone();
                else if (v instanceof LinkedHashMap m) v = new LinkedHashMap(m);
                else if (v instanceof HashMap m && !f.getName().equals("kerning")) v = new HashMap(m);
                else if (v instanceof Set s) v = new HashSet(s);
                else if (v instanceof List l) v = new ArrayList((Collection) l);
                f.set(c, v);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("FOP's font classes changed: " + e.getMessage(), e);
        }
        return c;
    }

    /** Whether the face of the family has a glyph for the code point (false for a family no face has). */
    boolean has(String family, int cp) {
        Loaded f = byFamily.get(family);
        return f != null && (cp >= 0 && cp < 0x10000 ? f.bmp()[cp] != 0 : f.beyond().containsKey(cp));
    }

    /** Whether any face has a glyph for the code point. */
    boolean has(int cp) {
        for (Loaded f : faces) {
            if (cp >= 0 && cp < 0x10000 ? f.bmp()[cp] != 0 : f.beyond().containsKey(cp)) return true;
        }
        return false;
    }

    /** For the tests: a copy of a face that looks characters up as FOP does, segment by segment. */
    MultiByteFont plainCopy(MultiByteFont copy) {
        for (Loaded f : faces) {
            if (f.master().getFullName().equals(copy.getFullName())) {
                MultiByteFont plain = new MultiByteFont(resolver, f.master().getEmbeddingMode());
                try {
                    for (Field field : FIELDS) field.set(plain, field.get(copy(f)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                return plain;
            }
        }
        throw new IllegalArgumentException(copy.getFullName());
    }

    /** For the tests: a copy of each face for one rendering, in the order of the faces. */
    List<MultiByteFont> copies() {
        return faces.stream().map(this::copy).toList();
    }

    /**
     * A face's copy for one rendering. FOP looks each character up in the character map's segments one after
     * another (4,866 of them in AR PL UMing), for every character set and for every face the fallback asks; here
     * it is a look-up in the tables made once. A private-use character goes the old way, since FOP maps glyphs a
     * substitution makes that have no character of their own to private-use characters, per rendering.
     */
    static final class Copy extends MultiByteFont {
        private final int[] bmp;
        private final Map<Integer, Integer> beyond;
        private final int[] chars;

        Copy(InternalResourceResolver resolver, EmbeddingMode mode, int[] bmp, Map<Integer, Integer> beyond, int[] chars) {
            super(resolver, mode);
            this.bmp = bmp;
            this.beyond = beyond;
            this.chars = chars;
        }

        /**
         * As {@link MultiByteFont#performSubstitution}, with the glyphs mapped back to characters through the table
         * made once instead of a walk through the segments per glyph. A glyph the table lacks (one a substitution made,
         * which FOP gives a private-use character per rendering) goes FOP's own way.
         */
        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public CharSequence performSubstitution(CharSequence cs, String script, String language, List associations, boolean retainControls) {
            org.apache.fop.complexscripts.fonts.GlyphSubstitutionTable gsub = getGSUB();
            if (gsub == null) return cs;
            CharSequence pre = gsub.preProcess(cs, script, this, associations);
            org.apache.fop.complexscripts.util.GlyphSequence in = charSequenceToGlyphSequence(pre, associations);
            org.apache.fop.complexscripts.util.GlyphSequence out = gsub.substitute(in, script, language);
            if (associations != null) {
                associations.clear();
                associations.addAll(out.getAssociations());
            }
            try {
                if (!retainControls) out = (org.apache.fop.complexscripts.util.GlyphSequence) ELIDE_CONTROLS.invoke(null, out);
                StringBuilder text = new StringBuilder(out.getGlyphCount());
                for (int i = 0, n = out.getGlyphCount(); i < n; i++) {
                    int glyph = out.getGlyph(i);
                    int c = glyph >= 0 && glyph < chars.length ? chars[glyph] : 0;
                    if (c == 0) c = (Integer) CHARACTER_OF_GLYPH.invoke(this, glyph);
                    if (c == 0 || c > Character.MAX_CODE_POINT) c = '#';
                    text.appendCodePoint(c);
                }
                char[] a = new char[text.length()];
                text.getChars(0, a.length, a, 0);
                return java.nio.CharBuffer.wrap(a);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("FOP's font classes changed: " + e, e);
            }
        }

        @Override
        public int findGlyphIndex(int c) {
            if (c >= 0xE000 && c <= 0xF8FF || c >= 0xF0000) return super.findGlyphIndex(c);
            if (c >= 0 && c < 0x10000) return bmp[c];
            return beyond.getOrDefault(c, 0);
        }
    }
}

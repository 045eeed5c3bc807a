package org.jiaokan.publish.pdf;

import org.apache.fop.apps.io.ResourceResolverFactory;
import org.apache.fop.fonts.MultiByteFont;
import org.jiaokan.publish.fonts.CjkFonts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The faces parsed once: each rendering's copy finds the glyphs FOP's own look-up finds, and keeps its own subset. */
class SharedFontsTest {
    static CjkFonts fonts;
    static SharedFonts shared;

    @BeforeAll
    static void load() throws IOException {
        try {
            fonts = CjkFonts.locate();
        } catch (IOException e) {
            Assumptions.abort("skipped: " + e.getMessage());
        }
        shared = new SharedFonts(fonts, ResourceResolverFactory.createDefaultInternalResourceResolver(
                fonts.serif().file().toAbsolutePath().getParent().toUri()), true, true);
    }

    @Test
    void theCopiesFindTheGlyphsFopsLookUpFinds() {
        List<MultiByteFont> copies = shared.copies();
        assertEquals(fonts.faces().size(), copies.size());
        for (MultiByteFont copy : copies) {
            MultiByteFont plain = shared.plainCopy(copy);
            // Every BMP character (every third in the big collection, whose segments FOP walks one by one), and beyond.
            int step = copy.getCMap().length > 1000 ? 3 : 1;
            for (int cp = 0; cp < 0x10000; cp += step) {
                if (cp >= 0xD800 && cp <= 0xDFFF) continue;
                int c = cp;
                // A face without a no-break space sets the space's glyph for it.
                int expected = cp == 0xA0 && plain.findGlyphIndex(0xA0) == 0 ? plain.findGlyphIndex(0x20) : plain.findGlyphIndex(cp);
                assertEquals(expected, copy.findGlyphIndex(cp), () -> copy.getFullName() + " " + Integer.toHexString(c));
            }
            for (int cp : new int[]{0x20000, 0x2A6D6, 0x1F600, 0x13000, 0x10FFFD}) {
                assertEquals(plain.findGlyphIndex(cp), copy.findGlyphIndex(cp), copy.getFullName() + " " + Integer.toHexString(cp));
            }
        }
        assertTrue(copies.get(0).hasChar('東') && copies.get(0).hasChar('东'), "the serif has both scripts");
        for (MultiByteFont copy : copies) assertTrue(copy.hasChar('\u00A0'), copy.getFullName() + " sets a no-break space");
    }

    @Test
    void eachCopyHasItsOwnSubsetAndTheyMayBeUsedInParallel() throws Exception {
        String simplified = "东湖区公安分局召开专项整治部署会";
        String traditional = "東湖區公安分局召開專項整治部署會";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<MultiByteFont>> jobs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String text = i % 2 == 0 ? simplified : traditional;
                jobs.add(pool.submit(() -> {
                    MultiByteFont f = shared.copies().get(0);
                    for (int k = 0; k < 200; k++) text.chars().forEach(ch -> f.mapChar((char) ch));
                    return f;
                }));
            }
            List<MultiByteFont> used = new ArrayList<>();
            for (Future<MultiByteFont> j : jobs) used.add(j.get());
            for (int i = 0; i < used.size(); i++) {
                String text = i % 2 == 0 ? simplified : traditional;
                // .notdef and one glyph per distinct character, no more: nothing of another rendering's text.
                assertEquals(1 + text.chars().distinct().count(), used.get(i).getUsedGlyphs().size(), "copy " + i);
                if (i > 0) assertNotSame(used.get(i - 1).getCIDSet(), used.get(i).getCIDSet());
            }
        } finally {
            pool.shutdown();
        }
    }
}

package org.jiaokan.publish.html;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Stylesheets#parse(Processor, byte[], String)} keeps one parser per thread: every parse is judged on its own
 * bytes (an earlier document's errors are not counted again), and the parser stays as secure after any document.
 */
class SecureParseTest {
    private static final Processor P = Stylesheets.newProcessor();

    private static XdmNode parse(String xml, String name) throws SaxonApiException {
        return Stylesheets.parse(P, xml.getBytes(StandardCharsets.UTF_8), "file:///t/" + name);
    }

    @Test
    void aDocumentAfterOneThatIsNotWellFormedIsRead() throws Exception {
        assertEquals("a", parse("<r>a</r>", "1.xml").getStringValue());
        SaxonApiException e = assertThrows(SaxonApiException.class, () -> parse("<r><x></r>", "bad.xml"));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), String.valueOf(e.getMessage()));
        for (int i = 0; i < 3; i++) {
            XdmNode n = parse("<r xmlns='urn:x'>b" + i + "</r>", i + ".xml");
            assertEquals("b" + i, n.getStringValue());
            assertEquals("file:///t/" + i + ".xml", n.getDocumentURI().toString());
        }
        assertThrows(SaxonApiException.class, () -> parse("<r>", "bad2.xml"));
        assertEquals("c", parse("<r>c</r>", "2.xml").getStringValue());
    }

    @Test
    void doctypesAndEntitiesAreRefusedOnEveryParse() throws Exception {
        String dtd = "<!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><r>&e;</r>";
        for (int i = 0; i < 3; i++) {
            assertThrows(SaxonApiException.class, () -> parse(dtd, "dtd.xml"));
            assertEquals("ok", parse("<r>ok</r>", "ok.xml").getStringValue());
        }
    }

    @Test
    void eachThreadParsesOnItsOwn() throws Exception {
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        if (i % 7 == 3) {
                            assertThrows(SaxonApiException.class, () -> parse("<r><x></r>", "bad.xml"));
                        } else {
                            assertEquals(id + ":" + i, parse("<r><k>" + id + ":" + i + "</k></r>", "d.xml").getStringValue());
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        assertTrue(failures.isEmpty(), failures.toString());
    }
}

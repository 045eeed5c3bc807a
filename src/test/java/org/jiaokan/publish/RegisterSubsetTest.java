package org.jiaokan.publish;

import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmNode;
import org.jiaokan.publish.html.Stylesheets;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document's part of the registers made by copying the entries' trees ({@link RegisterKeys#subsetTree}) is the tree
 * its XML ({@link RegisterKeys#subset}) parses to: the same nodes, names, namespaces and text, for every document of
 * the example edition and for ids the registers do not hold.
 */
class RegisterSubsetTest {

    @Test
    void theCopiedSubsetIsTheParsedOne() throws Exception {
        Processor p = Stylesheets.newProcessor();
        Path registers = Path.of("tei/docs/registers.xml");
        XdmNode whole = Stylesheets.parse(p, Files.readAllBytes(registers), registers.toUri().toString());
        Map<String, String> entries = RegisterKeys.entriesOf(whole);
        assertTrue(entries != null && entries.size() > 10, "the example registers' entries");
        List<Set<String>> idSets = new ArrayList<>();
        try (var docs = Files.list(Path.of("tei/docs"))) {
            for (Path d : docs.filter(f -> f.getFileName().toString().startsWith("jk-")).sorted().toList()) {
                idSets.add(RegisterKeys.idsOf(Stylesheets.parse(p, Files.readAllBytes(d), d.toUri().toString())));
            }
        }
        assertEquals(5, idSets.size());
        idSets.add(new TreeSet<>(entries.keySet()));          // every entry at once
        idSets.add(Set.of("per-nobody", "pl-nowhere"));        // none the registers hold
        idSets.add(Set.of());
        Map<String, net.sf.saxon.om.NodeInfo> trees = new ConcurrentHashMap<>();
        net.sf.saxon.s9api.XPathCompiler xp = p.newXPathCompiler();
        xp.declareVariable(new QName("a"));
        xp.declareVariable(new QName("b"));
        // deep-equal compares names, attributes and text; the namespaces in scope of every element are compared too
        XPathSelector same = xp.compile("deep-equal($a, $b) and count($a//*) = count($b//*) and "
                + "(every $i in 1 to count($a//*) satisfies (let $x := ($a//*)[$i], $y := ($b//*)[$i] return "
                + "deep-equal(sort(in-scope-prefixes($x)) ! (. || '=' || namespace-uri-for-prefix(., $x)), "
                + "sort(in-scope-prefixes($y)) ! (. || '=' || namespace-uri-for-prefix(., $y)))))").load();
        for (int round = 0; round < 2; round++) { // the second time from the kept trees
            for (Set<String> ids : idSets) {
                String uri = registers.toAbsolutePath().toUri().toString();
                XdmNode parsed = Stylesheets.parse(p, RegisterKeys.subset(entries, ids).getBytes(StandardCharsets.UTF_8), uri);
                XdmNode copied = RegisterKeys.subsetTree(p, entries, ids, uri, trees);
                same.setVariable(new QName("a"), parsed);
                same.setVariable(new QName("b"), copied);
                assertTrue(same.effectiveBooleanValue(), "subset of " + ids);
                assertEquals(parsed.toString(), copied.toString(), "serialised subset of " + ids);
                assertEquals(uri, copied.getDocumentURI().toString());
            }
        }
        assertEquals(entries.size(), trees.size());
    }
}

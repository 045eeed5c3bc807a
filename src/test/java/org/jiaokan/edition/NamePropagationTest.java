package org.jiaokan.edition;

import org.jiaokan.model.Block;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The edition's dictionary: a name recognised with confidence in one document is marked where it occurs in others. */
class NamePropagationTest {
    private static Block p(String text, Mention... mentions) {
        return new Block(Block.Type.P, text, List.of(), List.of(mentions), "");
    }

    private static EditionDocument doc(Block... blocks) {
        return new EditionDocument("d", null, null, List.of(blocks));
    }

    private static String marked(Block b) {
        StringBuilder sb = new StringBuilder();
        for (Mention m : b.mentions()) {
            sb.append(m.start()).append('-').append(m.end()).append(' ').append(m.type()).append(' ').append(m.text())
                    .append('=').append(m.key()).append(' ').append(m.confidence()).append(';');
        }
        return sb.toString();
    }

    @Test
    void namesAreMarkedWhereverTheyOccurInEitherScriptAndNowhereElse() {
        NamePropagation dictionary = new NamePropagation();
        dictionary.addNames(NamePropagation.names(doc(
                p("副市长林晓峰出席会议。", new Mention(3, 6, EntityType.PERSON, "林晓峰", "林晓峰", 0.95, "")),
                p("青川县公安局通报了案情。", new Mention(0, 6, EntityType.ORG, "青川县公安局", "青川县公安局", 0.95, "")),
                // below the confirming confidence: not a dictionary entry
                p("会见了周建国。", new Mention(3, 6, EntityType.PERSON, "周建国", "周建国", 0.6, "")))));

        EditionDocument out = dictionary.apply(doc(
                p("会上林晓峰作了讲话，青川县公安局负责人参加。"),
                p("林曉峰在會上強調，青川縣公安局要加強巡邏。"),
                p("会见了周建国，林晓"),
                p("峰会在林晓峰主持下召开", new Mention(0, 2, EntityType.TERM, "峰会", "峰会", 0.9, ""))));

        assertEquals("2-5 PERSON 林晓峰=林晓峰 0.8;10-16 ORG 青川县公安局=青川县公安局 0.8;", marked(out.blocks().get(0)));
        assertEquals("0-3 PERSON 林曉峰=林晓峰 0.8;9-15 ORG 青川縣公安局=青川县公安局 0.8;", marked(out.blocks().get(1)));
        assertEquals("", marked(out.blocks().get(2)));
        assertEquals("0-2 TERM 峰会=峰会 0.9;3-6 PERSON 林晓峰=林晓峰 0.8;", marked(out.blocks().get(3)));
    }

    /**
     * The spellings' trie finds exactly the places where a substring of the text is a spelling, every length at once:
     * checked against a look-up of every substring, on texts made of the spellings' own characters (so that spellings
     * overlap, nest and share beginnings) with characters outside the BMP among them.
     */
    @Test
    void theSpellingsTrieFindsWhatALookUpOfEverySubstringFinds() {
        java.util.Random random = new java.util.Random(13);
        String alphabet = "林晓峰青川县公安局周建国\uD840\uDC00ab";
        for (int round = 0; round < 300; round++) {
            java.util.Set<String> spellings = new java.util.HashSet<>();
            int count = 1 + random.nextInt(40);
            for (int k = 0; k < count; k++) spellings.add(randomText(random, alphabet, 1 + random.nextInt(7)));
            NamePropagation.Spellings trie = new NamePropagation.Spellings(spellings);
            String text = randomText(random, alphabet, random.nextInt(60));
            java.util.Set<java.util.Map.Entry<String, Integer>> expected = new java.util.HashSet<>();
            for (int at = 0; at < text.length(); at++) {
                for (int end = at + 1; end <= text.length(); end++) {
                    if (spellings.contains(text.substring(at, end))) expected.add(java.util.Map.entry(text.substring(at, end), at));
                }
            }
            List<java.util.Map.Entry<String, Integer>> found = new java.util.ArrayList<>();
            for (int at = 0; at < text.length(); at++) trie.startingAt(text, at, found);
            assertEquals(expected, new java.util.HashSet<>(found), text + " " + spellings);
            assertEquals(expected.size(), found.size(), "each place once: " + text);
        }
    }

    private static String randomText(java.util.Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int i = random.nextInt(alphabet.length());
            if (Character.isLowSurrogate(alphabet.charAt(i))) i--;
            sb.appendCodePoint(alphabet.codePointAt(i));
        }
        return sb.toString();
    }
}

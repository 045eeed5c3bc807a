package org.jiaokan.tei;

import org.jiaokan.model.Block;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Content-derived, document-unique xml:ids for blocks: "b-" and six hex digits of the SHA-256 of
 * the block's text. The same source gives the same ids on every conversion; a paragraph keeps its
 * id when the recognition of other paragraphs changes, and when its own role is recognised
 * differently (a paragraph becoming a heading), which is why the prefix does not name the element.
 */
public final class BlockIds {
    private BlockIds() {}

    /** The blocks with their ids set. */
    public static List<Block> assign(List<Block> blocks) {
        Map<String, Integer> seen = new HashMap<>();
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            String base = "b-" + hash(b.text().strip());
            int n = seen.merge(base, 1, Integer::sum);
            out.add(b.withId(n == 1 ? base : base + "-" + n));
        }
        return out;
    }

    private static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

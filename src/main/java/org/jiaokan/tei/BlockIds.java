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
 * Content-derived, document-unique xml:ids for blocks: a prefix naming the element and six hex
 * digits of the SHA-256 of the block's text. The same source gives the same ids on every
 * conversion, and a paragraph keeps its id when the recognition of other paragraphs changes.
 */
public final class BlockIds {
    private static final Map<Block.Type, String> PREFIX = Map.ofEntries(
            Map.entry(Block.Type.P, "p"), Map.entry(Block.Type.HEAD, "h"), Map.entry(Block.Type.TITLE, "t"),
            Map.entry(Block.Type.SUBTITLE, "t"), Map.entry(Block.Type.BYLINE, "by"), Map.entry(Block.Type.DATELINE, "dl"),
            Map.entry(Block.Type.SALUTE, "s"), Map.entry(Block.Type.CLOSER, "s"), Map.entry(Block.Type.SIGNED, "sg"),
            Map.entry(Block.Type.FW, "fw"), Map.entry(Block.Type.NOISE, "ab"), Map.entry(Block.Type.NOTE, "n"));

    private BlockIds() {}

    /** The blocks with their ids set. */
    public static List<Block> assign(List<Block> blocks) {
        Map<String, Integer> seen = new HashMap<>();
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            String base = PREFIX.get(b.type()) + "-" + hash(b.text().strip());
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

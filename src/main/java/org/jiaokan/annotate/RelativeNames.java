package org.jiaokan.annotate;

import org.jiaokan.model.Block;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Metadata;
import org.jiaokan.model.RegisterKey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Register keys of organisations whose name depends on where the document stands: names relative
 * to the document's own place (市公安局, 县委政法委, 团市委) and names many places share (城关派出所,
 * 国保大队, a bare 司法局 in a list). When the document's place at the right level is known, and
 * only one, such a name is keyed by the full body (市公安局 in a document of 绵阳市 → 绵阳市公安局,
 * its spelling kept as a name of the entry); otherwise it gets an entry of its own document, keyed
 * {@code name--documentId} (see {@link RegisterKey}), never merged with the same spelling elsewhere.
 *
 * <p>The document's place is taken from its issuer, the place its metadata gives and the bodies it
 * names in full (绵阳市公安局 in the text gives 绵阳市 for 市).
 */
public final class RelativeNames {

    /** Confidence of a name that could not be resolved: its mark is reported as low. */
    static final double UNRESOLVED_CONFIDENCE = 0.65;

    private static final String NATIONAL = "中共,中国,国家,中央,全国,中华,首都";

    private RelativeNames() {}

    /** The blocks with the keys of their relative and generic organisation names resolved or made local. */
    public static List<Block> resolve(List<Block> blocks, Metadata meta, String documentId) {
        Lexicons lex = Lexicons.get();
        Set<Lexicons.Division> known = documentPlaces(lex, blocks, meta);
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            boolean changed = false;
            List<Mention> ms = new ArrayList<>(b.mentions().size());
            for (Mention m : b.mentions()) {
                Mention r = m.type() == EntityType.ORG ? resolved(lex, m, known, documentId) : m;
                changed |= r != m;
                ms.add(r);
            }
            out.add(changed ? b.withMentions(ms) : b);
        }
        return out;
    }

    /**
     * True for a name whose body depends on the document's place (市公安局, 城关派出所, 司法局), in
     * simplified script: such a spelling names a different body in every document, so it is never
     * matched across documents by spelling alone.
     */
    public static boolean dependsOnPlace(String simplifiedName) {
        Lexicons lex = Lexicons.get();
        return !simplifiedName.isEmpty() && (relativeLevel(lex, simplifiedName) != 0 || generic(lex, simplifiedName));
    }

    private static Mention resolved(Lexicons lex, Mention m, Set<Lexicons.Division> known, String documentId) {
        String key = m.key();
        if (key.isEmpty() || RegisterKey.isLocal(key)) return m;
        String full = null;
        char level = relativeLevel(lex, key);
        if (level != 0) {
            Lexicons.Division d = only(known, level);
            if (d != null) {
                // 团市委 → 团绵阳市委; 市公安局 → 绵阳市公安局.
                full = key.charAt(0) == '团' ? "团" + d.name() + key.substring(2) : d.name() + key.substring(1);
            }
        } else if (generic(lex, key)) {
            Lexicons.Division d = only(known, 'c');
            if (d == null) d = only(known, 'p');
            if (d != null) full = d.name() + key;
        } else {
            return m;
        }
        if (full != null) return new Mention(m.start(), m.end(), m.type(), m.text(), full, m.confidence(), m.code());
        return new Mention(m.start(), m.end(), m.type(), m.text(), RegisterKey.local(key, documentId),
                Math.min(m.confidence(), UNRESOLVED_CONFIDENCE), m.code());
    }

    /**
     * The level a relative name opens with (市 of 市公安局, 市 of 团市委), or 0 when the name is not
     * relative: it opens with a division of the gazetteer (市中区人民法院) or with no level.
     */
    static char relativeLevel(Lexicons lex, String key) {
        if (key.length() < 2 || !divisionsAtStart(lex, key).isEmpty()) return 0;
        if (key.charAt(0) == '团' && key.length() >= 3 && OrgRecognizer.LEVELS.indexOf(key.charAt(1)) >= 0 && key.charAt(2) == '委') {
            return key.charAt(1);
        }
        return OrgRecognizer.LEVELS.indexOf(key.charAt(0)) >= 0 ? key.charAt(0) : 0;
    }

    /**
     * A name many places share: a local unit or police unit (城关派出所, 国保大队) or a body named by
     * its field alone (司法局, 检察院); not a body that needs no place (公安部) or opens with one.
     */
    static boolean generic(Lexicons lex, String key) {
        if (!divisionsAtStart(lex, key).isEmpty() || lex.centralOrgs.contains(key) || lex.orgAliases.containsKey(key)
                || lex.orgAliases.containsValue(key)) {
            return false;
        }
        for (String n : NATIONAL.split(",")) if (key.startsWith(n)) return false;
        for (String h : List.of("派出所", "分局", "司法所", "中队", "大队", "支队", "街道办事处", "检查站")) {
            if (key.endsWith(h) && key.length() > h.length()) return true;
        }
        int i = 0;
        for (int stem; i < key.length() && (stem = lex.orgStems.longestAt(key, i)) > 0; ) i += stem;
        return i < key.length() && lex.orgSuffixes.contains(key.substring(i));
    }

    /** The one known division at a level ('c' county-level, 'p' prefecture), or of a name ending in the level character; null if none or several. */
    private static Lexicons.Division only(Set<Lexicons.Division> known, char level) {
        Lexicons.Division found = null;
        for (Lexicons.Division d : known) {
            boolean fits = switch (level) {
                case 'c' -> d.level().equals("county");
                case 'p' -> d.level().equals("prefecture");
                case '区' -> d.level().equals("county") && d.name().endsWith("区");
                case '省' -> d.level().equals("province") && d.name().endsWith("省");
                default -> d.name().endsWith(String.valueOf(level)) && !d.level().equals("province");
            };
            if (!fits) continue;
            if (found != null && !found.equals(d)) return null;
            found = d;
        }
        return found;
    }

    /** Places the document is of: its issuer's, its metadata place, and those that open its bodies named in full. */
    private static Set<Lexicons.Division> documentPlaces(Lexicons lex, List<Block> blocks, Metadata meta) {
        Set<Lexicons.Division> out = new LinkedHashSet<>();
        if (meta != null) {
            out.addAll(divisionsAtStart(lex, simplified(meta.issuer())));
            Lexicons.Division place = lex.divisions.get(simplified(meta.place()));
            if (place != null) out.add(place);
        }
        for (Block b : blocks) {
            for (Mention m : b.mentions()) {
                if (m.type() == EntityType.ORG && !RegisterKey.isLocal(m.key())) out.addAll(divisionsAtStart(lex, m.key()));
            }
        }
        return out;
    }

    /** The chain of gazetteer divisions a name opens with (四川省|绵阳市|公安局 → 四川省, 绵阳市). */
    static List<Lexicons.Division> divisionsAtStart(Lexicons lex, String name) {
        List<Lexicons.Division> out = new ArrayList<>(2);
        int i = 0;
        while (i < name.length()) {
            int found = 0;
            for (int len : lex.divisionLengths(name.charAt(i))) {
                if (i + len <= name.length() && lex.divisions.containsKey(name.substring(i, i + len))) {
                    found = len;
                    break;
                }
            }
            if (found == 0) break;
            out.add(lex.divisions.get(name.substring(i, i + found)));
            i += found;
        }
        return out;
    }

    private static String simplified(String s) {
        return s == null || s.isEmpty() ? "" : ScriptAlignment.of(s).simplified;
    }
}

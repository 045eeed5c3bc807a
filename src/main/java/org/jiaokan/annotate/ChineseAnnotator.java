package org.jiaokan.annotate;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Recognises persons, places, organisations, dates, titles and slogan terms in modern Chinese
 * official and news prose, simplified or traditional, with HanLP's dictionary segmenter as one
 * source of candidates and general rules (surnames, titles, organ names, a GB/T 2260 gazetteer,
 * context words) deciding. Thread-safe: its state is immutable and loaded once.
 *
 * <p>Keys: persons, places, organisations, titles and terms are keyed by their simplified-script
 * form, so 葉寒冰 and 叶寒冰 share one register entry; dates by their ISO value (see
 * {@link DateRecognizer}). Only mentions with confidence at least {@link #MIN_CONFIDENCE} are
 * returned.
 */
public final class ChineseAnnotator implements Annotator {

    /**
     * Confidence a candidate needs to be returned. Set so that a segmenter name guess with no
     * evidence but clean name statistics passes, and one contradicted by the dictionary does not.
     */
    public static final double MIN_CONFIDENCE = 0.5;

    /** Overlaps are settled in this order of types, then by confidence, then by length. */
    private static final List<EntityType> PRECEDENCE = List.of(
            EntityType.TITLE, EntityType.TERM, EntityType.DATE, EntityType.ORG, EntityType.PERSON, EntityType.ROLE, EntityType.PLACE);

    private final DateRecognizer dates = new DateRecognizer();
    private final TermRecognizer terms = new TermRecognizer();
    private final RoleRecognizer roles;
    private final PlaceRecognizer places;
    private final OrgRecognizer orgs;
    private final PersonRecognizer persons;
    private final java.util.Map<String, String> aliases;

    /** Loads the word lists and HanLP's dictionaries (a second or so, once per JVM). */
    public ChineseAnnotator() {
        Lexicons lex = Lexicons.get();
        roles = new RoleRecognizer(lex);
        places = new PlaceRecognizer(lex);
        orgs = new OrgRecognizer(lex);
        persons = new PersonRecognizer(lex, roles);
        aliases = lex.orgAliases;
        segmenter().seg("中共四川省委书记王某同志在成都市主持会议。");   // load dictionaries now, not on first use
    }

    /** Texts longer than this are segmented a stretch at a time: the segmenter's recognisers slow down on long inputs. */
    private static final int SEGMENT_STRETCH = 1000;

    /**
     * The segmentation of {@code s}, with offsets into {@code s}. A long text is cut after
     * sentence-final punctuation into stretches of about {@link #SEGMENT_STRETCH} characters, which
     * no name crosses, and each is segmented on its own.
     */
    static List<Term> segmented(String s) {
        if (s.length() <= 2 * SEGMENT_STRETCH) return segmenter().seg(s);
        List<Term> out = new ArrayList<>();
        Segment segment = segmenter();
        int from = 0;
        while (from < s.length()) {
            int to = Math.min(s.length(), from + SEGMENT_STRETCH);
            if (to < s.length()) {
                int cut = -1;
                for (int k = to; k < s.length() && k < from + 2 * SEGMENT_STRETCH && cut < 0; k++) {
                    if ("。！？；\n".indexOf(s.charAt(k)) >= 0) cut = k + 1;
                }
                to = cut > 0 ? cut : Math.min(s.length(), from + 2 * SEGMENT_STRETCH);
            }
            for (Term t : segment.seg(s.substring(from, to))) {
                t.offset += from;
                out.add(t);
            }
            from = to;
        }
        return out;
    }

    /** A new segmenter per call: cheap, and it keeps the segmenter's options out of shared state. */
    private static Segment segmenter() {
        return HanLP.newSegment()
                .enableNameRecognize(true)
                .enablePlaceRecognize(true)
                .enableOrganizationRecognize(true)
                .enableOffset(true);
    }

    /**
     * {@inheritDoc} Both scripts take the same road through the simplified form, so
     * {@code script} only documents the caller's knowledge and a wrong value does no harm.
     */
    @Override
    public List<Mention> annotate(String text, Script script) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) return List.of();
        // Traditional text is recognised through its simplified form; simplified text goes the same
        // way because the converter also regularises stray traditional forms in it.
        ScriptAlignment view = ScriptAlignment.of(text);
        String s = view.simplified;
        List<Term> seg = segmented(s);
        Analysis a = new Analysis(s, seg);

        List<Candidate> cands = new ArrayList<>();
        dates.find(a, cands);
        terms.find(a, cands);
        List<Candidate> roleCands = new ArrayList<>();
        roles.find(a, roleCands);
        List<Candidate> placeCands = new ArrayList<>();
        places.find(a, placeCands);
        orgs.find(a, placeCands, cands);
        persons.find(a, roleCands, placeCands, MIN_CONFIDENCE, cands);
        cands.addAll(roleCands);
        cands.addAll(placeCands);

        cands.removeIf(c -> c.confidence() < MIN_CONFIDENCE);
        // A periodical cited by the name of the body that publishes it (《人民日报》) keeps that name
        // as an organisation; any other title hides the names inside it.
        cands.removeIf(t -> t.type() == EntityType.TITLE && cands.stream().anyMatch(c -> c.type() == EntityType.ORG
                && c.start() == t.start() && c.end() == t.end() && c.confidence() >= 0.85));
        // A name dot between Han characters joins the parts of a personal name (穆罕默德·阿里夫):
        // no place or organisation starts right after one or ends right before one.
        cands.removeIf(c -> (c.type() == EntityType.PLACE || c.type() == EntityType.ORG) && besideNameDot(s, c));
        cands.sort(Comparator.comparingInt((Candidate c) -> PRECEDENCE.indexOf(c.type()))
                // Confidences are compared as they are reported, to three places, so that sums of
                // the same evidence in another order do not decide; the longer candidate then wins.
                .thenComparing(Comparator.comparingDouble((Candidate c) -> reported(c.confidence())).reversed())
                .thenComparing(Comparator.comparingInt(Candidate::length).reversed())
                .thenComparingInt(Candidate::start));
        boolean[] taken = new boolean[s.length()];
        List<Mention> out = new ArrayList<>();
        for (Candidate c : cands) {
            c = trimmed(s, c);
            if (c == null) continue;
            boolean free = true;
            for (int k = c.start(); k < c.end() && free; k++) free = !taken[k];
            if (!free) continue;
            for (int k = c.start(); k < c.end(); k++) taken[k] = true;
            int os = view.originalStart(c.start());
            int oe = view.originalEnd(c.end());
            if (oe <= os) continue;
            String key = c.key() != null ? c.key() : c.type() == EntityType.PERSON ? view.nameKey(c.start(), c.end()) : s.substring(c.start(), c.end());
            // Two names of one body share its entry, keyed by the full name (党中央 → 中共中央).
            if (c.type() == EntityType.ORG) key = aliases.getOrDefault(key, key);
            out.add(new Mention(os, oe, c.type(), text.substring(os, oe), key, Math.min(1.0, reported(c.confidence())), c.code()));
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return List.copyOf(out);
    }

    private static boolean besideNameDot(String s, Candidate c) {
        return ForeignNames.nameDotAt(s, c.start() - 1) || ForeignNames.nameDotAt(s, c.end());
    }

    /** A confidence as mentions report it: rounded to three places. */
    private static double reported(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }

    /** The candidate without white space at its edges (no mention starts or ends with it), or null if nothing is left. */
    private static Candidate trimmed(String s, Candidate c) {
        int a = c.start();
        int b = c.end();
        while (a < b && Analysis.isSpace(s.charAt(a))) a++;
        while (b > a && Analysis.isSpace(s.charAt(b - 1))) b--;
        if (a == b) return null;
        if (a == c.start() && b == c.end()) return c;
        return new Candidate(a, b, c.type(), c.key(), c.confidence(), c.code());
    }
}

package org.jiaokan.edition;

import org.jiaokan.annotate.Annotator;
import org.jiaokan.annotate.RelativeNames;
import org.jiaokan.clean.Cleaner;
import org.jiaokan.clean.ForumHeader;
import org.jiaokan.clean.LineContext;
import org.jiaokan.meta.IsoDate;
import org.jiaokan.meta.MetadataExtractor;
import org.jiaokan.model.Block;
import org.jiaokan.model.EditionDocument;
import org.jiaokan.model.EntityType;
import org.jiaokan.model.Intervention;
import org.jiaokan.model.Mention;
import org.jiaokan.model.Metadata;
import org.jiaokan.model.RegularisedText;
import org.jiaokan.model.Script;
import org.jiaokan.model.SourceDocument;
import org.jiaokan.model.SourceLine;
import org.jiaokan.script.ScriptDetector;
import org.jiaokan.structure.StructureRecogniser;
import org.jiaokan.tei.BlockIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The conversion pipeline for one document: clean → structure → annotate → metadata. Each stage is
 * a pure function of the previous stage's output; the stages are created once and shared.
 */
public final class Converter {
    private final Cleaner cleaner;
    private final StructureRecogniser structure;
    private final Annotator annotator;
    private final MetadataExtractor metadata;

    public Converter(Cleaner cleaner, StructureRecogniser structure, Annotator annotator, MetadataExtractor metadata) {
        this.cleaner = cleaner;
        this.structure = structure;
        this.annotator = annotator;
        this.metadata = metadata;
    }

    public Cleaner cleaner() { return cleaner; }

    /** Converts a decoded source into an edition document with the given identifier. */
    public EditionDocument convert(SourceDocument src, String id) {
        return convert(src, id, warning -> {});
    }

    /**
     * Converts a decoded source, telling {@code warnings} about blocks whose names could not be
     * marked (the document is still converted: names are additions, the text is whole without them).
     */
    public EditionDocument convert(SourceDocument src, String id, Consumer<String> warnings) {
        return convert(src, id, warnings, ConversionSteps.OFF);
    }

    /**
     * As {@link #convert(SourceDocument, String, Consumer)}, adding to {@code steps} the CPU time of the recogniser on
     * the document's blocks ({@link ConversionSteps.Step#RECOGNITION}) and of the rest ({@link ConversionSteps.Step#CONVERT}).
     */
    EditionDocument convert(SourceDocument src, String id, Consumer<String> warnings, ConversionSteps steps) {
        long t = steps.start();
        Script script = ScriptDetector.detect(src.text());
        List<SourceLine> lines = src.lines();
        List<List<Intervention>> judged = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            SourceLine line = lines.get(i);
            judged.add(cleaner.clean(line, new LineContext(script, i, lines.size(), line.hint())));
        }
        List<Block> blocks = structure.recognise(lines, judged);
        t = steps.done(ConversionSteps.Step.CONVERT, t);
        List<Block> annotated = new ArrayList<>(blocks.size());
        int unannotated = 0;
        String firstFailure = null;
        for (Block b : blocks) {
            List<Mention> mentions;
            try {
                mentions = annotate(b, script);
            } catch (RuntimeException | StackOverflowError e) {
                // A recogniser failure on one block costs that block its names, not the whole document.
                mentions = List.of();
                unannotated++;
                if (firstFailure == null) firstFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            annotated.add(b.withMentions(mentions));
        }
        t = steps.done(ConversionSteps.Step.RECOGNITION, t);
        if (unannotated > 0) {
            warnings.accept("names not marked in " + unannotated + " block" + (unannotated == 1 ? "" : "s")
                    + ", the recogniser failed (" + firstFailure.lines().findFirst().orElse("") + ")");
        }
        annotated = BlockIds.assign(annotated);
        Metadata meta = metadata.extract(src, script, annotated,
                line -> ForumHeader.parse(line).map(h -> new String[]{h.editorName(), h.dateTime()}));
        // Names relative to the document's place (市公安局) are keyed by the full body where the place is known.
        annotated = RelativeNames.resolve(annotated, meta, id);
        EditionDocument doc = new EditionDocument(id, src, meta, withDocumentYear(annotated, meta));
        steps.done(ConversionSteps.Step.CONVERT, t);
        return doc;
    }

    /** Confidence given to a date whose year is taken from the document's own date: the encoder writes cert="low". */
    static final double INFERRED_YEAR_CONFIDENCE = 0.5;

    /**
     * Dates in the text that give month and day only (5月30日, --05-30) take the year of the document's
     * own date when the header has one, stated or inferred; the year is an inference, so the date says
     * cert="low". With no year for the document they stay --MM-DD.
     */
    static List<Block> withDocumentYear(List<Block> blocks, Metadata meta) {
        if (meta.date() == null || !meta.date().when().matches("\\d{4}-.*")) return blocks;
        String year = meta.date().when().substring(0, 4);
        List<Block> out = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            List<Mention> ms = new ArrayList<>(b.mentions().size());
            boolean changed = false;
            for (Mention m : b.mentions()) {
                if (m.type() == EntityType.DATE && m.key().startsWith("--") && IsoDate.real(year + m.key().substring(1))) {
                    ms.add(new Mention(m.start(), m.end(), m.type(), m.text(), year + m.key().substring(1),
                            Math.min(m.confidence(), INFERRED_YEAR_CONFIDENCE), m.code()));
                    changed = true;
                } else {
                    ms.add(m);
                }
            }
            out.add(changed ? b.withMentions(ms) : b);
        }
        return out;
    }

    /** Mentions found on the block's regularised reading, anchored back in its source text. */
    private List<Mention> annotate(Block b, Script script) {
        if (b.type() == Block.Type.FW || b.type() == Block.Type.NOISE) return List.of();
        RegularisedText reg = RegularisedText.of(b.text(), b.interventions());
        List<Mention> out = new ArrayList<>();
        // A document number (江公通字〔2019〕12号) is a code: the body's abbreviation in it names no one.
        int[] code = {-1, -1};
        if (b.type() == Block.Type.BYLINE && Block.DOC_NUMBER.equals(b.detail())) {
            java.util.regex.Matcher n = StructureRecogniser.DOC_NUMBER.matcher(b.text());
            if (n.find()) code = new int[]{n.start(), n.end()};
        }
        for (Mention m : annotator.annotate(reg.text(), script)) {
            Optional<int[]> span = reg.sourceSpan(m.start(), m.end());
            if (span.isEmpty()) continue;
            int s = span.get()[0];
            int e = span.get()[1];
            if (s < code[1] && code[0] < e && m.type() != EntityType.DATE) continue;
            if (!out.isEmpty() && out.get(out.size() - 1).end() > s) continue;
            // A misprinted date (2月30日) is still a date, but it has no value @when can hold.
            String key = m.type() == EntityType.DATE && !m.key().isEmpty() && !IsoDate.real(m.key()) ? "" : m.key();
            out.add(new Mention(s, e, m.type(), b.text().substring(s, e), key, m.confidence(), m.code()));
        }
        return out;
    }
}

package org.jiaokan.cli;

import org.jiaokan.annotate.ChineseAnnotator;
import org.jiaokan.annotate.NamedEntities;
import org.jiaokan.annotate.NamedEntities.Entity;
import org.jiaokan.annotate.NamedEntities.Label;
import org.jiaokan.annotate.eval.BioCorpus;
import org.jiaokan.annotate.eval.HanlpBaseline;
import org.jiaokan.annotate.eval.NerBenchmark;
import org.jiaokan.annotate.eval.SpanScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code jiaokan bench ner}: exact-span precision, recall and F1 of the recogniser on BIO gold corpora, with its speed. */
@Command(name = "ner", mixinStandardHelpOptions = true,
        description = {"Scores the named-entity recogniser that `jiaokan convert` uses on gold corpora in character BIO "
                + "format (one `char<TAB or space>tag` per line, a blank line between sentences, tags O, B-PER, I-PER, "
                + "B-LOC, I-LOC, B-ORG, I-ORG).",
                "Prints exact-span precision, recall and F1 per type and overall, and characters per second on one "
                + "thread (after a warm-up on the first sentences)."})
final class BenchNerCommand implements Callable<Integer> {

    static final Path DEFAULT_CORPUS = Path.of("../shared/external/ner-zh-msra-test/msra_test_bio.txt");

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "A gold corpus in BIO format; repeat for several, each scored on its own "
                    + "(default: ${DEFAULT-VALUE}, the MSRA NER test split).",
            defaultValue = "../shared/external/ner-zh-msra-test/msra_test_bio.txt")
    List<Path> corpora;

    @Option(names = "--baseline",
            description = "Also score plain HanLP (Viterbi segmenter with name, place and organisation recognition; "
                    + "nr*/ns*/nt* words as PER/LOC/ORG) in the same run, for comparison.")
    boolean baseline;

    @Option(names = "--types", paramLabel = "TYPE", split = ",",
            description = "Score only these types (PER, LOC, ORG), for gold that marks only some; "
                    + "predictions of other types are ignored (default: all).")
    List<Label> types;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "400",
            description = "Sentences run untimed before timing (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Override
    public Integer call() throws IOException {
        return run(System.out);
    }

    int run(PrintStream out) throws IOException {
        List<BioCorpus> loaded = new ArrayList<>();
        for (Path p : corpora) {
            if (!Files.isRegularFile(p)) {
                Output.error(p + ": corpus not found" + (p.equals(DEFAULT_CORPUS)
                        ? " (the MSRA test split is not bundled; give a BIO file with --corpus FILE)" : ""));
                return 2;
            }
            try {
                BioCorpus c = BioCorpus.read(p);
                if (c.sentences().isEmpty()) {
                    Output.error(p + ": no sentences in corpus");
                    return 2;
                }
                loaded.add(c);
            } catch (BioCorpus.FormatException e) {
                Output.error(e.getMessage());
                return 2;
            }
        }
        NamedEntities recogniser = new NamedEntities(new ChineseAnnotator());
        HanlpBaseline hanlp = baseline ? new HanlpBaseline() : null;
        for (BioCorpus corpus : loaded) {
            BioCorpus c = corpus;
            SpanScores gold = new SpanScores();
            for (BioCorpus.Sentence s : c.sentences()) gold.add(List.of(), s.gold());
            out.printf("corpus %s: %d sentences, %d chars; gold PER %d, LOC %d, ORG %d; exact spans%n", c.file(),
                    c.sentences().size(), c.codePoints(), gold.of(Label.PER).gold(), gold.of(Label.LOC).gold(),
                    gold.of(Label.ORG).gold());
            List<NerBenchmark.Result> results = new ArrayList<>();
            if (types != null) {
                out.printf("scored types: %s%n", types);
                c = c.restrictedTo(types);
            }
            if (hanlp != null) results.add(NerBenchmark.run("hanlp-baseline", only(hanlp::find), c, warmUp));
            results.add(NerBenchmark.run("jiaokan", only(recogniser::find), c, warmUp));
            print(out, results);
        }
        return 0;
    }

    private Function<String, List<Entity>> only(Function<String, List<Entity>> recogniser) {
        if (types == null) return recogniser;
        return line -> recogniser.apply(line).stream().filter(e -> types.contains(e.label())).toList();
    }

    private static void print(PrintStream out, List<NerBenchmark.Result> results) {
        out.printf("%-16s", "");
        for (Label l : Label.values()) out.printf("  %-17s", l);
        out.printf("  %-17s  %s%n", "all", "chars/s");
        out.printf("%-16s", "");
        for (int i = 0; i <= Label.values().length; i++) out.printf("  %-5s %-5s %-5s", "P", "R", "F1");
        out.println();
        for (NerBenchmark.Result r : results) {
            out.printf("%-16s", r.name());
            for (Label l : Label.values()) cells(out, r.scores().of(l));
            cells(out, r.scores().overall());
            out.printf("  %,.0f%n", r.charsPerSecond());
        }
        for (NerBenchmark.Result r : results) {
            out.printf("%-16s", r.name());
            for (Label l : Label.values()) {
                SpanScores.Counts c = r.scores().of(l);
                out.printf("  %s tp %d found %d gold %d;", l, c.truePositives(), c.predicted(), c.gold());
            }
            out.println();
        }
    }

    private static void cells(PrintStream out, SpanScores.Counts c) {
        out.printf("  %.3f %.3f %.3f", c.precision(), c.recall(), c.f1());
    }
}

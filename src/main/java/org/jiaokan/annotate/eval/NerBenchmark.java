package org.jiaokan.annotate.eval;

import org.jiaokan.annotate.NamedEntities.Entity;

import java.util.List;
import java.util.function.Function;

/** Runs a recogniser over a gold corpus on one thread and scores it, with its speed. */
public final class NerBenchmark {

    /** Scores and speed of one recogniser on one corpus. */
    public record Result(String name, SpanScores scores, long codePoints, double seconds) {
        public double charsPerSecond() { return seconds <= 0 ? 0 : codePoints / seconds; }
    }

    private NerBenchmark() { }

    /**
     * Scores {@code recogniser} on {@code corpus}. The first {@code warmUpSentences} are run once
     * untimed before the timed pass, so the figure is the speed of a running process, not of JIT start-up.
     */
    public static Result run(String name, Function<String, List<Entity>> recogniser, BioCorpus corpus, int warmUpSentences) {
        List<BioCorpus.Sentence> ss = corpus.sentences();
        for (int i = 0; i < Math.min(warmUpSentences, ss.size()); i++) recogniser.apply(ss.get(i).text());
        SpanScores scores = new SpanScores();
        long t0 = System.nanoTime();
        @SuppressWarnings("unchecked")
        List<Entity>[] predicted = new List[ss.size()];
        for (int i = 0; i < ss.size(); i++) predicted[i] = recogniser.apply(ss.get(i).text());
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < ss.size(); i++) scores.add(predicted[i], ss.get(i).gold());
        return new Result(name, scores, corpus.codePoints(), seconds);
    }
}

package org.jiaokan.annotate;

import org.jiaokan.model.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput on one thread after warm-up, over the seed lines. Off by default (timings on a shared
 * machine make poor assertions): run with -Djiaokan.bench=true, or through {@link #main}.
 */
class AnnotatorThroughputTest {

    @Test
    @EnabledIfSystemProperty(named = "jiaokan.bench", matches = "true")
    void measure() throws IOException {
        main(new String[0]);
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Script> scripts = new ArrayList<>();
        for (String id : Seeds.IDS) {
            for (String line : Seeds.lines(id)) {
                lines.add(line);
                scripts.add(Seeds.script(id));
            }
        }
        ChineseAnnotator annotator = new ChineseAnnotator();
        long chars = 0;
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < lines.size(); i++) annotator.annotate(lines.get(i), scripts.get(i));
        }
        long t0 = System.nanoTime();
        for (int round = 0; round < 60; round++) {
            for (int i = 0; i < lines.size(); i++) {
                annotator.annotate(lines.get(i), scripts.get(i));
                chars += lines.get(i).length();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("annotated %d chars in %.2f s: %.0f chars/s on one thread%n", chars, seconds, chars / seconds);
    }
}

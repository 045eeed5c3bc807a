package org.jiaokan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code jiaokan bench --stages}: only the parts asked for run. */
class BenchStagesTest {
    @TempDir
    Path dir;

    @Test
    void conversionAlone() throws Exception {
        Path json = dir.resolve("figures.json");
        CliRun run = CliRun.of("bench", "--docs", "4", "--stages", "convert", "--work", dir.resolve("w").toString(),
                "--json", json.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        String figures = Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(figures.contains("\"stage\": \"clean\""), figures);
        assertTrue(figures.contains("\"stage\": \"recogniser alone, 1 thread\""), figures);
        // measured again after the warm builds, on the same lines, and the warm build compared with it as well
        assertTrue(figures.matches("(?s).*\"stage\": \"recogniser alone, 1 thread, after the builds\"[^}]*\"characters\": (?!0,)\\d+,.*"), figures);
        assertTrue(figures.contains("\"warmConversionShareOfRecogniserAfterTimesCores\""), figures);
        // and just before the last warm build: the two pooled are the yardstick of the minutes that build ran in
        assertTrue(figures.matches("(?s).*\"stage\": \"recogniser alone, 1 thread, just before the last warm build\"[^}]*\"characters\": (?!0,)\\d+,.*"), figures);
        assertTrue(number(figures, "warmConversionShareOfRecogniserAroundTimesCores") > 0, figures);
        assertTrue(run.out().contains("conversion, warm, against the recogniser measured around it (just before it and after the builds): "), run.out());
        // and the recognition step's part of the warm build's CPU time: no yardstick measured at other times
        double ownSeconds = number(figures, "warmBuildRecognitionShareOfCpu");
        assertTrue(ownSeconds > 0 && ownSeconds < 100, figures);
        java.util.regex.Matcher took = java.util.regex.Pattern.compile("conversion, warm, in the build's own seconds: the recognition step took "
                + "([0-9.]+) of the build's ([0-9.]+) CPU s = ([0-9.]+) %").matcher(run.out());
        assertTrue(took.find(), run.out());
        assertEquals(ownSeconds, Double.parseDouble(took.group(3)), 0.05, run.out());
        // the warm build's recognition step over the warm build's CPU time (not the first build's, not another row's)
        java.util.regex.Matcher warmRow = java.util.regex.Pattern.compile("\"stage\": \"build \\(convert all, warm\\)\"[^}]*\"cpuSeconds\": ([0-9.]+)").matcher(figures);
        java.util.regex.Matcher warmSteps = java.util.regex.Pattern.compile("\"warmBuildStepsCpuSeconds\": \\{[^}]*\"recognition\": ([0-9.]+)").matcher(figures);
        assertTrue(warmRow.find() && warmSteps.find(), figures);
        double cpu = Double.parseDouble(warmRow.group(1));
        double recognition = Double.parseDouble(warmSteps.group(1));
        // the row's CPU seconds are given to three places, the steps' to four
        assertEquals(100 * recognition / cpu, ownSeconds, 100 * (recognition * 0.0005 / (cpu * (cpu - 0.0005)) + 0.00005 / cpu) + 0.001, figures);
        // the mojibake judge on text it has not seen (the example edition's sources, its memo off), against the recogniser
        assertTrue(figures.matches("(?s).*\"stage\": \"mojibake judge, text not seen \\(example sources, memo off\\)\"[^}]*\"characters\": (?!0,)\\d+,.*"), figures);
        assertTrue(number(figures, "unseenJudgeTimesRecogniser") > 0, figures);
        assertEquals(number(figures, "unseenJudgeTimesRecogniser"),
                number(figures, "unseenJudgeCpuSeconds") / number(figures, "unseenRecogniserCpuSeconds"), 0.01, figures);
        assertTrue(run.out().contains("the mojibake judge on text it has not seen: "), run.out());
        assertTrue(run.out().contains("conversion, warm, against the recogniser measured after it: "), run.out());
        // the build, then the same build again in the warm JVM, into a folder of its own: every document converted
        // again; each with its CPU by step of its documents, under it
        assertTrue(figures.contains("\"stage\": \"of which conversion besides recognition (clean, structure, metadata)\""), figures);
        assertTrue(figures.contains("\"stage\": \"of which recognition (the recogniser on the documents' blocks)\""), figures);
        assertTrue(figures.contains("\"stage\": \"of which schema check\""), figures);
        assertTrue(figures.matches("(?s).*\"stage\": \"build \\(convert all, warm\\)\"[^}]*\"documents\": 4,.*"), figures);
        assertTrue(figures.contains("\"warmBuildFailures\": 0"), figures);
        // the warm builds repeat until one is less than 3 % faster (at most --warm-rounds): one row, every build's seconds
        assertEquals(1, figures.split("\"stage\": \"build \\(convert all, warm\\)\"", -1).length - 1, figures);
        assertTrue(figures.matches("(?s).*\"warmBuildRounds\": \\[\\s*\\d+\\.\\d+.*"), figures);
        for (String[] b : new String[][] {{"build (convert all)", "build", "conversion", "conversion: "},
                {"build (convert all, warm)", "warmBuild", "warmConversion", "conversion, warm: "}}) {
            assertTrue(figures.contains("\"stage\": \"" + b[0] + "\""), figures);
            assertTrue(figures.contains("\"" + b[2] + "ShareOfRecogniserTimesCores\""), figures);
            assertTrue(figures.matches("(?s).*\"" + b[1] + "StepsCpuSeconds\": \\{[^}]*\"convert\": (?!0\\.0000)\\d+\\.\\d+.*"), figures);
            assertTrue(figures.matches("(?s).*\"" + b[1] + "StepsCpuSeconds\": \\{[^}]*\"recognition\": (?!0\\.0000)\\d+\\.\\d+.*"), figures);
            assertTrue(run.out().contains(b[3]), run.out());
            // the build's CPU in two parts, each against the recogniser alone's time on its characters: the share is
            // one over their sum (the warm build's against the recogniser measured after it)
            double inside = number(figures, b[1] + "RecognitionTimesRecogniserAlone");
            double rest = number(figures, b[1] + "RestTimesRecogniserAlone");
            double share = number(figures, b[2] + "ShareOfRecogniser" + (b[1].equals("warmBuild") ? "After" : "") + "TimesCores");
            assertTrue(inside > 0 && rest > 0, figures);
            assertEquals(share, 100 / (inside + rest), share / 100, figures);
            assertTrue(run.out().contains(b[3].substring(0, b[3].length() - 2) + (b[1].equals("warmBuild") ? ", against the recogniser measured after it" : "")
                    + ": the recogniser in it "), run.out());
        }
        // the warm build wrote its own TEI, the same as the first build's
        java.util.List<Path> tei;
        try (java.util.stream.Stream<Path> list = Files.list(dir.resolve("w/edition/docs"))) {
            tei = list.sorted().toList();
        }
        assertTrue(tei.size() >= 5, tei.toString());
        for (Path p : tei) {
            assertEquals(-1L, Files.mismatch(p, dir.resolve("w/edition-warm/docs").resolve(p.getFileName())), p.toString());
        }
        // each warm build went into a folder of its own; the last stays as edition-warm, the others are gone
        try (java.util.stream.Stream<Path> list = Files.list(dir.resolve("w"))) {
            assertEquals(java.util.List.of(), list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("edition-warm-")).toList());
        }
        if (org.jiaokan.edition.Ordered.threads() > 1) {
            // the recogniser on the build's threads, the ceiling measured as the build is
            assertTrue(figures.contains("\"stage\": \"recogniser alone, " + org.jiaokan.edition.Ordered.threads() + " threads\""), figures);
            assertTrue(figures.contains("\"conversionShareOfRecogniserOnTheSameThreads\""), figures);
            // what the machine itself keeps of a core's speed with every core busy: a share above nothing
            assertTrue(number(figures, "machineSpeedPerCoreOnAllThreadsShare") > 0, figures);
            assertTrue(run.out().contains("the machine: a loop sharing nothing took "), run.out());
        }
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            // the build's CPU time split: the JIT compilers' and the collector's part of it
            assertTrue(figures.matches("(?s).*\"buildJitCpuSeconds\": \\d+\\.\\d+.*"), figures);
            assertTrue(figures.matches("(?s).*\"buildGcCpuSeconds\": \\d+\\.\\d+.*"), figures);
            assertTrue(run.out().contains("of which JIT compilation"), run.out());
        }
        assertFalse(figures.contains("publish"), figures);
        assertFalse(figures.contains("incremental"), figures);
        assertFalse(figures.contains("naive"), figures);
        assertFalse(figures.contains("\"search\""), figures);
        assertFalse(Files.exists(dir.resolve("w/site")), "nothing published");
    }

    @Test
    void theEditorsRoundIsReportedWithItsBuildAndItsPublication() throws Exception {
        Path json = dir.resolve("figures.json");
        CliRun run = CliRun.of("bench", "--docs", "8", "--stages", "incremental,publish", "--formats", "html", "--naive", "0",
                "--no-search", "--warm-rounds", "2", "--work", dir.resolve("w").toString(), "--json", json.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        String figures = Files.readString(json, StandardCharsets.UTF_8);
        for (String what : new String[]{"nothing changed", "1 changed"}) {
            assertTrue(figures.contains("\"stage\": \"build + publish html (incremental, " + what + ")\""), figures);
            assertTrue(figures.contains("\"stage\": \"of which build (" + what + ")\""), figures);
            assertTrue(figures.contains("\"stage\": \"of which publish html (" + what + ")\""), figures);
        }
        assertTrue(run.out().contains("  of which publish html (1 changed)"), run.out());
        assertTrue(figures.contains("\"loadAverage rebuild 1 changed\""), figures);
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            // the round's CPU time split: the JIT compilers' and the collector's part of it
            assertTrue(figures.matches("(?s).*\"rebuild 1 changed JitCpuSeconds\": \\d+\\.\\d+.*"), figures);
            assertTrue(figures.matches("(?s).*\"rebuild 1 changed GcCpuSeconds\": \\d+\\.\\d+.*"), figures);
            assertTrue(run.out().contains("round after one change: "), run.out());
        }
        // the rounds after a change repeat as the warm rounds do (at most --warm-rounds): one row, every round's seconds
        assertEquals(1, figures.split("\"stage\": \"build \\+ publish html \\(incremental, 1 changed\\)\"", -1).length - 1, figures);
        assertTrue(figures.matches("(?s).*\"rebuildOneChangedRounds\": \\[\\d+\\.\\d{4}(, \\d+\\.\\d{4})?\\].*"), figures);
        assertTrue(run.out().contains("build + publish html after one change, round by round: "), run.out());
        assertTrue(run.out().contains("building and publishing html again, 1 changed (incremental, round 1)"), run.out());
        // one cold row and one warm row, whatever the warm rounds before it; every round's seconds in the JSON
        assertEquals(1, figures.split("\"stage\": \"publish html \\(cold\\)\"", -1).length - 1, figures);
        assertEquals(1, figures.split("\"stage\": \"publish html \\(warm\\)\"", -1).length - 1, figures);
        assertTrue(figures.matches("(?s).*\"publishRounds html\": \\[\\d+\\.\\d{4}, \\d+\\.\\d{4}(, \\d+\\.\\d{4})?\\].*"), figures);
        assertTrue(run.out().contains("publishing html (warm, round 1)"), run.out());
    }

    /** A command line refused before anything is generated: exit code 2 and this error. */
    private void refused(String error, String... options) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("bench", "--docs", "4"));
        args.addAll(java.util.List.of(options));
        args.addAll(java.util.List.of("--work", dir.resolve("w").toString()));
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(2, run.exit());
        assertTrue(run.err().contains(error), run.err());
        assertFalse(Files.exists(dir.resolve("w")), "nothing generated");
    }

    @Test
    void warmRoundsAreAtLeastOne() {
        refused("--warm-rounds must be at least 1", "--warm-rounds", "0");
    }

    @Test
    void unknownPart() {
        refused("--stages: unknown part pdfs", "--stages", "convert,pdfs");
    }

    /** The number under {@code key} in the bench's JSON. */
    private static double number(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\": (-?[0-9.]+(?:[eE][-+]?\\d+)?)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}

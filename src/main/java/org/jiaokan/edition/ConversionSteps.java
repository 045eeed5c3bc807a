package org.jiaokan.edition;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CPU time of each step of a conversion's documents, summed over the threads that did them: where a build's time
 * goes besides the recogniser ({@code jiaokan bench} prints it under the build). Measured only when asked for
 * ({@link Conversion#withSteps}; otherwise {@link #OFF} takes the steps and measures nothing); a step's time is its thread's CPU time, so the JIT's and the collector's threads,
 * and the run's reduction on one thread, are not in it.
 */
public final class ConversionSteps {
    /** The steps, in the order a document passes through them. */
    public enum Step {
        READ("reading and decoding the sources"),
        CONVERT("conversion besides recognition (clean, structure, metadata)"),
        RECOGNITION("recognition (the recogniser on the documents' blocks)"),
        CACHE("the cache's entries (made and written)"),
        NAMES("name propagation"),
        TEI("TEI made, merged with the file before, written"),
        CHECK("schema check"),
        REGISTERS("register contributions and ids");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Measures nothing: what a conversion not asked to measure its steps adds them to. */
    static final ConversionSteps OFF = new ConversionSteps(false);

    private final Map<Step, LongAdder> cpu = new EnumMap<>(Step.class);
    private final boolean on;

    public ConversionSteps() {
        this(true);
    }

    private ConversionSteps(boolean on) {
        this.on = on;
        for (Step s : Step.values()) cpu.put(s, new LongAdder());
    }

    /** The current thread's CPU time, in nanoseconds (0 where nothing is measured): where a step starts. */
    long start() {
        return on ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** Adds the CPU time since {@code since} to {@code step}; returns now, where the next step starts. */
    long done(Step step, long since) {
        if (!on) return 0;
        long now = THREADS.getCurrentThreadCpuTime();
        cpu.get(step).add(now - since);
        return now;
    }

    /** Each step's CPU time so far, in nanoseconds, in the steps' order. */
    public Map<Step, Long> nanos() {
        Map<Step, Long> out = new EnumMap<>(Step.class);
        cpu.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}

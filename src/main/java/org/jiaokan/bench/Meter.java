package org.jiaokan.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;

/**
 * Measures one stage of a run: wall time, the process's CPU time (so cores used = CPU / wall, which
 * stays meaningful on a machine shared with other work) and the heap's peak (the sum of the heap pools'
 * peaks since the stage began).
 */
final class Meter {
    /** A stage measured. */
    record Figures(String stage, long wallNanos, long cpuNanos, long peakHeapBytes, int documents, long characters, int pages) {
        double seconds() { return wallNanos / 1e9; }

        double cores() { return wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos; }

        double docsPerSecond() { return wallNanos == 0 ? 0 : documents / seconds(); }

        double charsPerSecond() { return wallNanos == 0 ? 0 : characters / seconds(); }

        double pagesPerSecond() { return wallNanos == 0 ? 0 : pages / seconds(); }

        /** Characters per second of CPU time: the throughput of one core, whatever else the machine runs. */
        double charsPerCpuSecond() { return cpuNanos == 0 ? 0 : characters / (cpuNanos / 1e9); }
    }

    private final long wall0;
    private final long cpu0;

    private Meter() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) pool.resetPeakUsage();
        }
        wall0 = System.nanoTime();
        cpu0 = processCpu();
    }

    static Meter start() { return new Meter(); }

    Figures stop(String stage, int documents, long characters, int pages) {
        long wall = System.nanoTime() - wall0;
        long cpu = processCpu() - cpu0;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        return new Figures(stage, wall, cpu, peak, documents, characters, pages);
    }

    static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU time of the calling thread. */
    static long threadCpu() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        return t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : System.nanoTime();
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

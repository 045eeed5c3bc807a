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

    /**
     * As {@link #start}, after a full collection: the garbage the stages before left is collected before the
     * stage's clock starts, not during it (a command run on its own starts with an empty heap). The parts of a
     * stage measured on their own use {@link #start}, inside their stage's time.
     */
    static Meter startSettled() {
        System.gc();
        return new Meter();
    }

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

    /**
     * CPU time of the JVM's own threads by kind, from {@code /proc/self/task} (Linux): the JIT compilers
     * ({@code [0]}) and the garbage collector ({@code [1]}), in nanoseconds; null where the system does not
     * say. A compiler thread that ends during a stage takes its time with it, so the JIT figure is a floor.
     */
    static long[] vmThreadsCpu() {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) return null;
        long[] cpu = new long[2];
        try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(tasks)) {
            for (java.nio.file.Path t : list.toList()) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(t.resolve("stat"), java.nio.charset.StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                    continue; // the thread has ended
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                if (open < 0 || close < open) continue;
                String name = stat.substring(open + 1, close);
                int kind = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre") ? 0
                        : name.startsWith("GC Thread") || name.startsWith("G1 ") ? 1 : -1;
                if (kind < 0) continue;
                String[] f = stat.substring(close + 2).split(" ");
                // utime and stime, in clock ticks of 1/100 s (USER_HZ)
                cpu[kind] += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return cpu;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One timed step of a bench command: a warm-up, then the median of {@code runs}, printed as one line. */
final class MedianTiming {

    private MedianTiming() {
    }

    /** Runs {@code work} once untimed and {@code runs} times timed; prints and returns the median wall time in ms. */
    static double time(String label, int runs, PrintWriter out, Runnable work) {
        work.run();
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        List<Double> processMillis = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < runs; run++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long processStart = processCpuNanos();
            long start = System.nanoTime();
            work.run();
            millis.add((System.nanoTime() - start) / 1e6);
            cpuMillis.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            processMillis.add((processCpuNanos() - processStart) / 1e6);
        }
        double median = BenchCommand.median(millis);
        // thread CPU: this thread only, the wall time of single-threaded work on an idle core; process CPU: all
        // threads (work spread over a pool, but also the JIT and GC), an upper bound of the work on a loaded machine
        out.printf(Locale.ROOT, "%-42s median %7.1f ms wall (max %7.1f), %7.1f ms thread CPU, %7.1f ms process CPU%n",
                label, median, millis.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                BenchCommand.median(cpuMillis), BenchCommand.median(processMillis));
        out.flush();
        return median;
    }

    /** CPU time of the whole process (all threads) in nanoseconds; 0 where the JVM does not say. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}

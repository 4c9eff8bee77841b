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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < runs; run++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.run();
            millis.add((System.nanoTime() - start) / 1e6);
            cpuMillis.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
        }
        double median = BenchCommand.median(millis);
        // CPU time of this thread only: for single-threaded work it is the wall time on an idle core
        out.printf(Locale.ROOT, "%-42s median %7.1f ms wall (max %7.1f), %7.1f ms thread CPU%n", label, median,
                millis.stream().mapToDouble(Double::doubleValue).max().orElse(0), BenchCommand.median(cpuMillis));
        out.flush();
        return median;
    }
}

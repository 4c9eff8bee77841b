package org.learningsa.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.ForwardTrace;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.NpzArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lsa bench}: forward time per pair and per stage, and peak memory. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the LearningSA forward on one image pair: one warm-up run, then --runs timed runs; prints "
                + "per-stage medians (backbone, each level's transformer, correlation + readout), the peak resident "
                + "memory and, as the last line, forward_ms_median=<milliseconds>.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOptions network;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N", description = "timed runs after the warm-up (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--inputs", paramLabel = "PAIR.npz",
            description = "preprocessed 'source' and 'target' (1x3x320x320 float32); default: a fixed synthetic pair")
    Path inputs;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new UserFacingException("--runs must be at least 1, got " + runs);
        }
        PrintWriter out = spec.commandLine().getOut();
        float[][] pair = inputs == null ? syntheticPair() : readPair(inputs);
        long loadStart = System.nanoTime();
        try (LearningSaNetwork net = network.openNetwork()) {
            out.printf(Locale.ROOT, "weights: %s, device: %s, load %.0f ms, threads: %d cores%n", network.weightsLabel(),
                    net.device(), (System.nanoTime() - loadStart) / 1e6, Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "trained scalars: %s%n", net.trainedScalars());
            out.printf(Locale.ROOT, "rss after load: %s%n", memoryLine());
            out.flush();
            net.forward(pair[0], pair[1], ProgressListener.NONE, CancelToken.NEVER);
            out.println("warm-up done");
            List<Double> totals = new ArrayList<>();
            List<Double> cpuTotals = new ArrayList<>();
            Map<String, List<Double>> stages = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                ForwardTrace trace = ForwardTrace.timing();
                long cpuStart = processCpuMillis();
                long start = System.nanoTime();
                net.forward(pair[0], pair[1], ProgressListener.NONE, CancelToken.NEVER, trace);
                double millis = (System.nanoTime() - start) / 1e6;
                long cpu = processCpuMillis() - cpuStart;
                totals.add(millis);
                cpuTotals.add((double) cpu);
                trace.orderedStageNanos().forEach((stage, nanos) ->
                        stages.computeIfAbsent(stage, k -> new ArrayList<>()).add(nanos / 1e6));
                out.printf(Locale.ROOT, "run %d: %.0f ms wall, %d ms process CPU%n", run + 1, millis, cpu);
                out.flush();
            }
            for (Map.Entry<String, List<Double>> e : stages.entrySet()) {
                out.printf(Locale.ROOT, "stage %-22s median %8.1f ms%n", e.getKey(), median(e.getValue()));
            }
            out.printf(Locale.ROOT, "process CPU per forward: median %.0f ms (on a machine shared with other work, "
                    + "CPU time / threads estimates the uncontended wall time)%n", median(cpuTotals));
            out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
            out.printf(Locale.ROOT, "peak memory: %s%n", memoryLine());
            out.printf(Locale.ROOT, "forward_ms_median=%.1f%n", median(totals));
        }
        out.flush();
        return 0;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** VmHWM (peak RSS) and VmRSS from /proc/self/status, or a note where /proc does not exist. */
    static String memoryLine() {
        Path status = Paths.get("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "unavailable (no /proc/self/status)";
        }
        try {
            String peak = "?";
            String now = "?";
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    peak = mib(line);
                } else if (line.startsWith("VmRSS:")) {
                    now = mib(line);
                }
            }
            return "peak RSS (VmHWM) " + peak + ", current RSS " + now;
        } catch (IOException e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }

    /** utime + stime of this process from /proc/self/stat, in ms (−1 where /proc does not exist). */
    static long processCpuMillis() {
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unavailable";
        }
    }

    private static String mib(String line) {
        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }

    private float[][] readPair(Path file) {
        NpzArchive archive = NpzArchive.read(file);
        for (String name : new String[] {"source", "target"}) {
            if (!archive.contains(name) || !Arrays.equals(archive.shape(name), new long[] {1, 3, 320, 320})) {
                throw new UserFacingException(file + ": needs float32 arrays 'source' and 'target' of shape 1x3x320x320");
            }
        }
        return new float[][] {archive.floats("source"), archive.floats("target")};
    }

    /** Two different smooth images in the normalised input range (timing does not depend on the content). */
    public static float[][] syntheticPairForTests() {
        return syntheticPair();
    }

    static float[][] syntheticPair() {
        int n = 3 * 320 * 320;
        float[][] pair = new float[2][n];
        for (int img = 0; img < 2; img++) {
            for (int i = 0; i < n; i++) {
                pair[img][i] = (float) (1.5 * Math.sin(i * (0.0123 + 0.007 * img)) * Math.cos(i / 3071.0));
            }
        }
        return pair;
    }
}

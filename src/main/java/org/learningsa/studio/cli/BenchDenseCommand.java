package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.align.dense.DenseRefiner;
import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lsa bench-dense}: the cost of the per-pixel refinement against the coarse alignment, same run. */
@Command(name = "bench-dense", mixinStandardHelpOptions = true,
        description = "Dense-correspondence benchmark: a pair (default: the motorcycle stereo sample pair) resized to "
                + "SIZE x SIZE, aligned by the chosen aligner (the baseline, timed --runs times), then refined per "
                + "pixel in both directions (timed --runs times after one warm-up). Prints medians, process CPU, the "
                + "peak heap and the load; the last line is dense_ms_median=<milliseconds>.")
public final class BenchDenseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AlignerOptions alignerOptions;

    @Option(names = "--source", paramLabel = "IMAGE",
            description = "source image (default: assets/samples/motorcycle_left.png)")
    Path source;

    @Option(names = "--target", paramLabel = "IMAGE",
            description = "target image (default: assets/samples/motorcycle_right.png)")
    Path target;

    @Option(names = "--size", defaultValue = "512", paramLabel = "SIZE",
            description = "both images are resized to SIZE x SIZE (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "timed runs (default: ${DEFAULT-VALUE})")
    int runs;

    @Override
    public Integer call() {
        if (size < 32 || size > 4096 || runs < 1) {
            throw new UserFacingException("need 32 <= --size <= 4096 and --runs >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path samples = AppPaths.assetsDir().resolve("samples");
        RgbImage a = AreaResize.resize(ImageDecoder.decode(source != null ? source
                : samples.resolve("motorcycle_left.png")), size, size);
        RgbImage b = AreaResize.resize(ImageDecoder.decode(target != null ? target
                : samples.resolve("motorcycle_right.png")), size, size);
        try (ModelRegistry registry = AlignerOptions.registry(alignerOptions.checkedDevice(spec))) {
            Aligner aligner = alignerOptions.aligner(registry);
            Alignment alignment = null;
            List<Double> coarseMs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                alignment = aligner.align(DecodedImage.of(a), DecodedImage.of(b), ProgressListener.NONE,
                        CancelToken.NEVER);
                coarseMs.add(ms(start));
            }
            NetworkCorrespondence coarse = new NetworkCorrespondence(alignment, Readout.FUSED);
            DenseRefiner.refine(coarse, a, b, ProgressListener.NONE, CancelToken.NEVER); // warm-up: JIT
            System.gc();
            long heapBefore = heapUsedBytes();
            resetPeaks();
            List<Double> denseMs = new ArrayList<>();
            long cpu = BenchCommand.processCpuMillis();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                DenseRefiner.refine(coarse, a, b, ProgressListener.NONE, CancelToken.NEVER);
                denseMs.add(ms(start));
            }
            double cpuPerRun = (BenchCommand.processCpuMillis() - cpu) / (double) runs;
            double peakExtraMb = (peakHeapBytes() - heapBefore) / 1e6;
            double coarseMedian = median(coarseMs);
            double denseMedian = median(denseMs);
            out.printf(Locale.ROOT, "pair %dx%d, aligner: %s, cores: %d%n", size, size, alignment.modelName(),
                    Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "coarse alignment (baseline): median %.0f ms over %d runs%n", coarseMedian, runs);
            out.printf(Locale.ROOT, "dense refinement, both directions: median %.0f ms over %d runs (%.2f x the "
                    + "coarse alignment), process CPU %.0f ms per run, peak heap above the start %.0f MB%n",
                    denseMedian, runs, denseMedian / coarseMedian, cpuPerRun, peakExtraMb);
            out.printf(Locale.ROOT, "load average at the end: %s%n", BenchCommand.loadAverage());
            out.printf(Locale.ROOT, "dense_ms_median=%.0f%n", denseMedian);
        }
        out.flush();
        return 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static long heapUsedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since {@link #resetPeaks} (an upper bound of the true peak). */
    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

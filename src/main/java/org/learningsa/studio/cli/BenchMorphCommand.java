package org.learningsa.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.Morph;
import org.learningsa.studio.apps.MorphCanvas;
import org.learningsa.studio.apps.MorphEasing;
import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.export.AnimationFormat;
import org.learningsa.studio.export.FrameSource;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lsa bench-morph}: how fast the morph view scrubs and how long exports take, on a sample pair. */
@Command(name = "bench-morph", mixinStandardHelpOptions = true,
        description = "Morph benchmark on a pair (default: the cat-dog sample pair) fitted into a SIZE x SIZE canvas: "
                + "the time to read the dense maps once, the frame rate of scrubbing (frames rendered at times a "
                + "dragged slider produces, plus the copy into the view's buffer), and the time to export --frames "
                + "frames as GIF, MP4 and PNG folder (into a temporary folder, deleted after). The last line is "
                + "scrub_fps=<frames per second>.")
public final class BenchMorphCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AlignerOptions alignerOptions;

    @Option(names = "--source", paramLabel = "IMAGE", description = "source image (default: assets/samples/chelsea.png)")
    Path source;

    @Option(names = "--target", paramLabel = "IMAGE", description = "target image (default: assets/samples/dog.jpg)")
    Path target;

    @Option(names = "--size", defaultValue = "512", paramLabel = "SIZE", description = "canvas side (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--frames", defaultValue = "75", paramLabel = "N", description = "frames exported (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--scrub-frames", defaultValue = "240", paramLabel = "N",
            description = "frames rendered for the scrub rate (default: ${DEFAULT-VALUE})")
    int scrubFrames;

    @Override
    public Integer call() throws IOException {
        if (size < 16 || frames < 2 || scrubFrames < 10) {
            throw new UserFacingException("need --size >= 16, --frames >= 2 and --scrub-frames >= 10");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path samples = AppPaths.assetsDir().resolve("samples");
        DecodedImage a = ImageDecoder.decodeForNetwork(source != null ? source : samples.resolve("chelsea.png"));
        DecodedImage b = ImageDecoder.decodeForNetwork(target != null ? target : samples.resolve("dog.jpg"));
        try (ModelRegistry registry = AlignerOptions.registry(alignerOptions.checkedDevice(spec))) {
            var aligner = alignerOptions.aligner(registry);
            long start = System.nanoTime();
            Alignment alignment = aligner.align(a, b, ProgressListener.NONE, CancelToken.NEVER);
            out.printf(Locale.ROOT, "aligner: %s, align %.0f ms, cores: %d%n", alignment.modelName(), ms(start),
                    Runtime.getRuntime().availableProcessors());
            MorphCanvas canvas = MorphCanvas.fitted(a.originalWidth(), a.originalHeight(), b.originalWidth(),
                    b.originalHeight(), size, size);
            start = System.nanoTime();
            Morph morph = Morph.prepare(new NetworkCorrespondence(alignment, Readout.FUSED), a.pixels(), b.pixels(),
                    canvas, ProgressListener.NONE, CancelToken.NEVER);
            out.printf(Locale.ROOT, "dense maps at %dx%d: %.0f ms (once per alignment)%n", size, size, ms(start));
            out.flush();
            double fps = scrub(morph, out);
            Path dir = Files.createTempDirectory("lsa-bench-morph");
            try {
                for (AnimationFormat format : AnimationFormat.values()) {
                    Path file = dir.resolve(format == AnimationFormat.GIF ? "morph.gif"
                            : format == AnimationFormat.MP4 ? "morph.mp4" : "frames");
                    long cpu = BenchCommand.processCpuMillis();
                    start = System.nanoTime();
                    format.write(FrameSource.of(morph, frames, MorphEasing.LINEAR), 25, file, ProgressListener.NONE,
                            CancelToken.NEVER);
                    out.printf(Locale.ROOT, "export %-22s %d frames %dx%d: %6.2f s wall, %6.2f s process CPU, %s%n",
                            format.label(), frames, size, size, ms(start) / 1000,
                            (BenchCommand.processCpuMillis() - cpu) / 1000.0, sizeOf(file));
                    out.flush();
                }
            } finally {
                deleteTree(dir);
            }
            out.printf(Locale.ROOT, "load average at the end: %s%n", BenchCommand.loadAverage());
            out.printf(Locale.ROOT, "scrub_fps=%.1f%n", fps);
        }
        out.flush();
        return 0;
    }

    /** Renders the times a slider dragged back and forth produces, as the view does, and returns frames per second. */
    private double scrub(Morph morph, PrintWriter out) {
        int pixels = morph.canvas().width() * morph.canvas().height();
        int[] frame = new int[pixels];
        int[] viewBuffer = new int[pixels];
        for (int i = 0; i < 20; i++) {
            morph.render(i / 19.0, frame); // warm-up: the JIT compiles the render loop
        }
        List<Double> millis = new ArrayList<>();
        long cpuStart = BenchCommand.processCpuMillis();
        long total = System.nanoTime();
        for (int i = 0; i < scrubFrames; i++) {
            double phase = (double) i / (scrubFrames / 4.0);
            double t = 0.02 + 0.96 * Math.abs((phase % 2) - 1); // a triangle wave away from the exact end frames
            long start = System.nanoTime();
            morph.render(t, frame);
            System.arraycopy(frame, 0, viewBuffer, 0, pixels);
            millis.add(ms(start));
        }
        double seconds = (System.nanoTime() - total) / 1e9;
        double cpuPerFrame = (double) (BenchCommand.processCpuMillis() - cpuStart) / scrubFrames;
        millis.sort(Comparator.naturalOrder());
        double fps = scrubFrames / seconds;
        out.printf(Locale.ROOT, "scrub %dx%d: %d frames, %.1f fps, per frame median %.1f ms, 95th percentile %.1f ms, "
                + "process CPU %.1f ms per frame (rows run on all %d cores; on a shared machine CPU / cores estimates "
                + "the uncontended time)%n", morph.canvas().width(), morph.canvas().height(), scrubFrames, fps,
                millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)), cpuPerFrame,
                Runtime.getRuntime().availableProcessors());
        out.flush();
        return fps;
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static String sizeOf(Path file) throws IOException {
        long bytes;
        if (Files.isDirectory(file)) {
            try (Stream<Path> files = Files.list(file)) {
                bytes = files.mapToLong(p -> p.toFile().length()).sum();
            }
        } else {
            bytes = Files.size(file);
        }
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

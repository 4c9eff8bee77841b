package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.align.dense.DenseRefiner;
import org.learningsa.studio.apps.colorize.ColorizePreview;
import org.learningsa.studio.apps.colorize.Colorizer;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lsa bench-colorize}: how long a colorization takes once the correspondence is known, against the alignment's own cost. */
@Command(name = "bench-colorize", mixinStandardHelpOptions = true,
        description = "Colorization benchmark: brings the two images to --size x --size, times the alignment and its dense "
                + "refinement, which give the correspondence lsa colorize reads by default (median of --align-runs each, "
                + "after one warm-up), then (median of --runs, after one warm-up) the colorization once the correspondence "
                + "is known (read it, weight, propagate, upsample, render) and a strength change; reports the colorization "
                + "as a ratio of the correspondence's cost measured in the same run. The last line is "
                + "colorize_ms_median=<milliseconds>.")
public final class BenchColorizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "IMAGE", description = "default: assets/samples/horses.jpg (its lightness is coloured)")
    Path input = Path.of("assets", "samples", "horses.jpg");

    @Option(names = "--exemplar", paramLabel = "IMAGE", description = "default: assets/samples/horses.jpg")
    Path exemplar = Path.of("assets", "samples", "horses.jpg");

    @Option(names = "--size", defaultValue = "512", paramLabel = "PIXELS", description = "image side (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--runs", defaultValue = "15", paramLabel = "N", description = "timed colorizations (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--align-runs", defaultValue = "3", paramLabel = "N", description = "timed alignments (default: ${DEFAULT-VALUE})")
    int alignRuns;

    @Mixin
    AlignerOptions alignerOptions;

    @Override
    public Integer call() {
        if (runs < 1 || alignRuns < 1 || size < 16) {
            throw new UserFacingException("--runs and --align-runs must be at least 1 and --size at least 16");
        }
        var choice = alignerOptions.checkedDevice(spec);
        RgbImage in = AreaResize.resize(ImageDecoder.decode(input), size, size);
        RgbImage ex = AreaResize.resize(ImageDecoder.decode(exemplar), size, size);
        PrintWriter out = spec.commandLine().getOut();
        try (ModelRegistry registry = AlignerOptions.registry(choice)) {
            Aligner aligner = alignerOptions.aligner(registry);
            Alignment[] alignment = new Alignment[1];
            out.printf(Locale.ROOT, "%s coloured after %s at %dx%d, %s, %d cores%n", input.getFileName(),
                    exemplar.getFileName(), size, size, aligner.name(), Runtime.getRuntime().availableProcessors());
            double align = MedianTiming.time("alignment (the grid correspondence)", alignRuns, out,
                    () -> alignment[0] = aligner.align(in, ex, ProgressListener.NONE, CancelToken.NEVER));
            Correspondence grid = new NetworkCorrespondence(alignment[0], Readout.FUSED);
            // lsa colorize reads the refined per-pixel map by default (--dense refined): its cost counts too
            Correspondence[] refined = new Correspondence[1];
            double refine = MedianTiming.time("dense refinement of it", alignRuns, out,
                    () -> refined[0] = DenseRefiner.refine(grid, in, ex, ProgressListener.NONE, CancelToken.NEVER));
            Correspondence correspondence = refined[0];
            ColorizePreview[] preview = new ColorizePreview[1];
            double colorize = MedianTiming.time("colorization (prepare + render)", runs, out, () -> {
                preview[0] = Colorizer.prepare(correspondence, Direction.SOURCE_TO_TARGET, in, ex, CancelToken.NEVER);
                preview[0].render(1);
            });
            double[] strength = {0.5};
            MedianTiming.time("strength change (render only)", runs, out, () -> {
                strength[0] = 1.5 - strength[0];
                preview[0].render(strength[0]);
            });
            out.printf(Locale.ROOT, "colorization / correspondence (alignment + refinement) = %.3f (%.1f ms / %.1f ms)%n",
                    colorize / (align + refine), colorize, align + refine);
            out.printf(Locale.ROOT, "colorize_ms_median=%.1f%n", colorize);
        }
        out.flush();
        return 0;
    }
}

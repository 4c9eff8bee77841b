package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.style.PatchSettings;
import org.learningsa.studio.apps.style.PatchStyleTransfer;
import org.learningsa.studio.apps.style.StyleMethod;
import org.learningsa.studio.apps.style.StylePreview;
import org.learningsa.studio.apps.style.StyleSettings;
import org.learningsa.studio.apps.style.StyleTransfer;
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

/** {@code lsa bench-style}: how long a style transfer takes once the alignment is known. */
@Command(name = "bench-style", mixinStandardHelpOptions = true,
        description = {"Style-transfer benchmark: aligns the two images once, brings both to --size x --size, then times "
                + "(median of --runs, after one warm-up) the work after an alignment.",
            "--method colour (the default): the first preview (read the correspondence, fit, render), a strength change, "
                + "a window change and a render with texture detail; the last line is style_preview_ms_median=<ms> "
                + "(the first preview).",
            "--method patches: the colour method's first preview as the baseline of the same run, then the full patch "
                + "synthesis with the patch options given (--runs defaults to 3 here), its ratio to the baseline and the "
                + "peak Java heap it added; the last line is style_patches_ms_median=<ms>."})
public final class BenchStyleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "IMAGE", description = "default: assets/samples/person.jpg")
    Path input = Path.of("assets", "samples", "person.jpg");

    @Option(names = "--exemplar", paramLabel = "IMAGE", description = "default: assets/samples/scream.jpg")
    Path exemplar = Path.of("assets", "samples", "scream.jpg");

    @Option(names = "--size", defaultValue = "512", paramLabel = "PIXELS", description = "preview side (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--runs", defaultValue = "15", paramLabel = "N", description = "timed runs (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--method", defaultValue = "colour", paramLabel = "colour|patches",
            converter = StyleMethodOption.Converter.class, description = "which method to time (default: ${DEFAULT-VALUE})")
    StyleMethod method;

    @Mixin
    PatchOptions patchOptions = new PatchOptions();

    @Mixin
    AlignerOptions alignerOptions;

    /** The style window's patch preview side (StyleViewModel.PATCH_PREVIEW_SIDE; ui is not visible from here). */
    private static final int PREVIEW_SIDE = 256;

    /** Full patch renders take seconds: fewer runs unless --runs says otherwise. */
    private static final int PATCH_RUNS = 3;

    @Override
    public Integer call() {
        if (runs < 1 || size < 16) {
            throw new UserFacingException("--runs must be at least 1 and --size at least 16");
        }
        StyleMethodOption.requireOwnOptions(method, spec);
        var choice = alignerOptions.checkedDevice(spec);
        RgbImage in = AreaResize.resize(ImageDecoder.decode(input), size, size);
        RgbImage ex = AreaResize.resize(ImageDecoder.decode(exemplar), size, size);
        PrintWriter out = spec.commandLine().getOut();
        try (ModelRegistry registry = AlignerOptions.registry(choice)) {
            Aligner aligner = alignerOptions.aligner(registry);
            Alignment alignment = aligner.align(in, ex, ProgressListener.NONE, CancelToken.NEVER);
            Correspondence correspondence = new NetworkCorrespondence(alignment, Readout.FUSED);
            out.printf(Locale.ROOT, "%s styled after %s at %dx%d, %s, %d cores%n", input.getFileName(), exemplar.getFileName(),
                    size, size, correspondence.description(), Runtime.getRuntime().availableProcessors());
            if (method == StyleMethod.PATCHES) {
                benchPatches(correspondence, in, ex, out);
                out.flush();
                return 0;
            }
            StyleSettings base = StyleSettings.defaults();
            StylePreview[] preview = new StylePreview[1];
            double first = time("first preview (read correspondence + fit + render)", out, () -> {
                preview[0] = StyleTransfer.prepare(correspondence, Direction.SOURCE_TO_TARGET, in, ex, CancelToken.NEVER);
                return preview[0].render(base);
            });
            double[] strength = {0.5};
            time("strength change (blend only)", out, () -> {
                strength[0] = 1.5 - strength[0];
                return preview[0].render(base.withStrength(strength[0]));
            });
            double[] window = {0.06};
            time("window change (fit + render)", out, () -> {
                window[0] = window[0] == 0.06 ? 0.10 : 0.06;
                return preview[0].render(base.withWindow(window[0]).withStrength(0.8));
            });
            double[] texture = {0.5};
            time("texture change (fit + render + detail)", out, () -> {
                texture[0] = 1.5 - texture[0];
                return preview[0].render(base.withTexture(texture[0]));
            });
            out.printf(Locale.ROOT, "style_preview_ms_median=%.1f%n", first);
        }
        out.flush();
        return 0;
    }

    private void benchPatches(Correspondence correspondence, RgbImage in, RgbImage ex, PrintWriter out) {
        PatchSettings settings;
        try {
            settings = patchOptions.settings(1.0);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--runs")) {
            runs = PATCH_RUNS;
        }
        double colour = time("colour method, first preview (baseline)", out, () -> StyleTransfer.prepare(correspondence,
                Direction.SOURCE_TO_TARGET, in, ex, CancelToken.NEVER).render(StyleSettings.defaults()));
        long[] peakBytes = {0};
        List<Double> processCpuMillis = new ArrayList<>();
        double patches = time("patch method, full synthesis", out, () -> {
            long before = HeapPeak.reset();
            long cpuStart = processCpuNanos();
            RgbImage result = PatchStyleTransfer.prepare(correspondence, Direction.SOURCE_TO_TARGET, in, ex,
                    CancelToken.NEVER).render(settings, ProgressListener.NONE, CancelToken.NEVER);
            processCpuMillis.add((processCpuNanos() - cpuStart) / 1e6);
            peakBytes[0] = Math.max(peakBytes[0], HeapPeak.peak() - before);
            return result;
        });
        // the style window's live preview: the same synthesis on copies of at most 256 pixels
        int previewSide = Math.min(PREVIEW_SIDE, size);
        RgbImage smallIn = AreaResize.resize(in, previewSide, previewSide);
        RgbImage smallEx = AreaResize.resize(ex, previewSide, previewSide);
        List<Double> previewCpuMillis = new ArrayList<>();
        double preview = time("patch method, live preview at " + previewSide + "x" + previewSide, out, () -> {
            long cpuStart = processCpuNanos();
            RgbImage result = PatchStyleTransfer.prepare(correspondence, Direction.SOURCE_TO_TARGET, smallIn, smallEx,
                    CancelToken.NEVER).render(settings, ProgressListener.NONE, CancelToken.NEVER);
            previewCpuMillis.add((processCpuNanos() - cpuStart) / 1e6);
            return result;
        });
        int cores = Runtime.getRuntime().availableProcessors();
        double previewCpu = BenchCommand.median(previewCpuMillis.subList(1, previewCpuMillis.size()));
        out.printf(Locale.ROOT, "live preview: %.0f ms wall, process CPU %.0f ms (%.0f ms over %d idle cores)%n", preview,
                previewCpu, previewCpu / cores, cores);
        // the synthesis runs on all cores: its process CPU time over the cores is its wall time on an idle machine
        double cpu = BenchCommand.median(processCpuMillis.subList(1, processCpuMillis.size()));
        out.printf(Locale.ROOT, "patch method: %.1f x the colour method's wall time; process CPU %.0f ms (%.0f ms over %d "
                + "idle cores); peak Java heap above the start: %.0f MB (patch %d, levels %s, %d passes per level)%n",
                patches / colour, cpu, cpu / cores, cores, peakBytes[0] / 1048576.0, settings.patchSize(),
                settings.levels() == 0 ? "auto" : settings.levels(), settings.iterations());
        out.printf(Locale.ROOT, "style_patches_ms_median=%.1f%n", patches);
    }

    private static long processCpuNanos() {
        return MedianTiming.processCpuNanos();
    }

    private double time(String label, PrintWriter out, Supplier<RgbImage> work) {
        return MedianTiming.time(label, runs, out, work::get);
    }
}

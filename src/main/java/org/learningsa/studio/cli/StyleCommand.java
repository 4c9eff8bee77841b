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
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.style.PatchSettings;
import org.learningsa.studio.apps.style.PatchStyleTransfer;
import org.learningsa.studio.apps.style.StyleMethod;
import org.learningsa.studio.apps.style.StylePreview;
import org.learningsa.studio.apps.style.StyleSettings;
import org.learningsa.studio.apps.style.StyleTransfer;
import org.learningsa.studio.core.OutputGuard;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.export.StyleImages;
import org.learningsa.studio.export.figure.FigureFormat;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lsa style INPUT EXEMPLAR --out OUT.png}: the input re-made from the exemplar's patches (the default) or
 * recoloured after it, through the correspondence.
 */
@Command(name = "style", mixinStandardHelpOptions = true,
        description = {"Style transfer without a generator: aligns INPUT (source) to EXEMPLAR (target), as lsa match INPUT "
                + "EXEMPLAR would, so a points file saved in the editor for that pair applies as it is.",
            "--method patches (the default): the output is synthesised from the exemplar's own patches (its strokes, "
                + "texture and colours) arranged in the input's layout: PatchMatch over a coarse-to-fine pyramid, each "
                + "patch chosen by the input's structure (blurred lightness and gradients), near where the correspondence "
                + "maps the point (weighted by its confidence) and coherent with its neighbours, then voted.",
            "--method colour: photoreal recolouring: warps the exemplar onto the input and transfers local colour "
                + "statistics in Lab where the correspondence is confident (forward-backward consistency), a global "
                + "Reinhard transfer where it is not; the input keeps its texture, edges and shading.",
            "The result has the input's size. Without --checkpoint the best LearningSA checkpoint found is used, else the "
                + "weight-free default aligner."})
public final class StyleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "the image to restyle (JPEG, PNG, BMP, GIF, TIFF)")
    Path input;

    @Parameters(index = "1", paramLabel = "EXEMPLAR", description = "the image whose colours (and texture) to take")
    Path exemplar;

    @Mixin
    AlignerOptions alignerOptions;

    @Mixin
    PointsOptions pointsOptions = new PointsOptions();

    @Option(names = "--readout", defaultValue = "fused", paramLabel = "fused|1|2|3|4",
            converter = MatchCommand.ReadoutConverter.class,
            description = "the fused multi-scale readout or one backbone level (default: ${DEFAULT-VALUE})")
    Readout readout;

    @Option(names = "--method", defaultValue = "patches", paramLabel = "patches|colour",
            converter = StyleMethodOption.Converter.class,
            description = "patches: carry the exemplar's texture and strokes; colour: keep the input's texture and take "
                    + "only the exemplar's colours (default: ${DEFAULT-VALUE})")
    StyleMethod method;

    @Option(names = "--strength", defaultValue = "1.0", paramLabel = "0..1",
            description = "0 = the input unchanged, 1 = the full transfer (default: ${DEFAULT-VALUE})")
    double strength;

    @Mixin
    PatchOptions patchOptions = new PatchOptions();

    @Option(names = "--window", defaultValue = "" + StyleSettings.DEFAULT_WINDOW, paramLabel = "FRACTION",
            description = "(colour) radius of the local colour window as a fraction of the input's longer side, "
                    + StyleSettings.MIN_WINDOW + " to " + StyleSettings.MAX_WINDOW + " (default: ${DEFAULT-VALUE})")
    double window;

    @Option(names = "--smoothness", defaultValue = "" + StyleSettings.DEFAULT_SMOOTHNESS, paramLabel = "LAB",
            description = "(colour) regulariser of the local contrast ratio in Lab units: larger keeps the input's contrast "
                    + "and only shifts colours (default: ${DEFAULT-VALUE})")
    double smoothness;

    @Option(names = "--texture", defaultValue = "0", paramLabel = "0..1",
            description = "(colour) add the exemplar's fine luminance detail where matches are confident (default: ${DEFAULT-VALUE}, colour only)")
    double texture;

    @Option(names = "--out", required = true, paramLabel = "OUT.png", description = "the result, at the input's size")
    Path out;

    @Option(names = "--triptych", paramLabel = "FIG.png|FIG.svg|FIG.pdf",
            description = "also write the figure exemplar | input | result (two columns wide; PNG at 300 dpi, SVG or PDF)")
    Path triptych;

    @Option(names = "--confidence-mask", paramLabel = "MASK.png",
            description = "also write the correspondence's confidence over the input (viridis; dark = global fallback)")
    Path confidenceMask;

    @Override
    public Integer call() {
        StyleSettings settings;
        PatchSettings patchSettings;
        try {
            settings = new StyleSettings(strength, window, smoothness, texture);
            patchSettings = patchOptions.settings(strength);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        StyleMethodOption.requireOwnOptions(method, spec);
        DeviceChoice choice = alignerOptions.checkedDevice(spec);
        requirePng(out);
        if (triptych != null) {
            FigureFormat.of(triptych);
        }
        requirePng(confidenceMask);
        pointsOptions.check();
        // every output checked before any work: none may replace an input or another output
        OutputGuard.create().input("the input image", input).input("the exemplar image", exemplar)
                .input("the checkpoint", alignerOptions.checkpoint).input("--points", pointsOptions.points)
                .output("--out", out, ".png").output("--triptych", triptych, ".png", ".svg", ".pdf")
                .output("--confidence-mask", confidenceMask, ".png").check();
        // decode first: an unreadable image is reported before any model is loaded; the input at full size
        DecodedImage inputImage = ImageDecoder.decode(input, Integer.MAX_VALUE);
        DecodedImage exemplarImage = ImageDecoder.decodeForNetwork(exemplar);
        PrintWriter stdout = spec.commandLine().getOut();
        try (ModelRegistry registry = AlignerOptions.registry(choice)) {
            Aligner aligner = alignerOptions.aligner(registry);
            ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), "lsa style");
            Alignment alignment = aligner.align(inputImage, exemplarImage, progress, CancelToken.NEVER);
            Correspondence correspondence = pointsOptions.correspondence(alignment, readout, inputImage,
                    exemplarImage, input, exemplar, spec.commandLine().getErr(), progress, CancelToken.NEVER);
            long start = System.nanoTime();
            StylePreview preview = StyleTransfer.prepare(correspondence, Direction.SOURCE_TO_TARGET,
                    inputImage.pixels(), exemplarImage.pixels(), CancelToken.NEVER);
            RgbImage result = method == StyleMethod.PATCHES
                    ? patches(correspondence, preview, patchSettings, progress)
                    : preview.render(settings);
            ProgressLine.endOpenLine();
            double millis = (System.nanoTime() - start) / 1e6;
            StyleImages.writePng(result, out);
            stdout.printf(Locale.ROOT, "styled %s (%dx%d) after %s, method %s: %s, strength %.2f, mean confidence %.2f, "
                            + "transfer %.0f ms%n", input.getFileName(), result.width(), result.height(),
                    exemplar.getFileName(), method, correspondence.description(), strength, preview.meanConfidence(),
                    millis);
            stdout.println("wrote " + out);
            if (triptych != null) {
                StyleImages.writeTriptych(exemplarImage.pixels(), inputImage.pixels(), result,
                        String.format(Locale.ROOT, "%s method, %s, strength %.2f", method, correspondence.description(), strength), triptych);
                stdout.println("wrote " + triptych);
            }
            if (confidenceMask != null) {
                StyleImages.writePng(preview.confidenceMask(), confidenceMask);
                stdout.println("wrote " + confidenceMask);
            }
        }
        stdout.flush();
        return 0;
    }

    private RgbImage patches(Correspondence correspondence, StylePreview colourMethod, PatchSettings patchSettings,
                             ProgressLine progress) {
        try {
            return PatchStyleTransfer.prepare(correspondence, Direction.SOURCE_TO_TARGET, colourMethod,
                    CancelToken.NEVER).render(patchSettings, progress, CancelToken.NEVER);
        } catch (IllegalArgumentException e) {
            // the exemplar is too small for the patches
            throw new UserFacingException("cannot use exemplar " + exemplar + ": " + e.getMessage());
        }
    }

    private static void requirePng(Path file) {
        if (file != null) {
            StyleImages.requirePng(file);
        }
    }
}

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
import org.learningsa.studio.apps.colorize.ColorizePreview;
import org.learningsa.studio.apps.colorize.Colorizer;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.OutputGuard;
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

/** {@code lsa colorize INPUT EXEMPLAR --out OUT.png}: a grey photo coloured from an exemplar through the correspondence. */
@Command(name = "colorize", mixinStandardHelpOptions = true,
        description = {"Exemplar-based colorization: aligns INPUT (source) to EXEMPLAR (target), as lsa match INPUT EXEMPLAR "
                + "would, so a points file saved in the editor for that pair applies as it is. The result keeps the input's "
                + "CIELAB lightness exactly and takes its colour (a, b) from the exemplar where the correspondence lands, "
                + "weighted by its confidence; where that is low, colour is spread from confident pixels along the input's "
                + "own edges. A colour INPUT is accepted (its lightness is used: a recolouring); a grey EXEMPLAR gives a grey "
                + "result.",
            "Without --checkpoint the best LearningSA checkpoint found is used, else the weight-free default aligner."})
public final class ColorizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "the image to colour, grey or colour (JPEG, PNG, BMP, GIF, TIFF)")
    Path input;

    @Parameters(index = "1", paramLabel = "EXEMPLAR", description = "the colour image whose colours to take")
    Path exemplar;

    @Mixin
    AlignerOptions alignerOptions;

    @Mixin
    PointsOptions pointsOptions = new PointsOptions();

    @Option(names = "--readout", defaultValue = "fused", paramLabel = "fused|1|2|3|4",
            converter = MatchCommand.ReadoutConverter.class,
            description = "the fused multi-scale readout or one backbone level (default: ${DEFAULT-VALUE})")
    Readout readout;

    @Option(names = "--strength", defaultValue = "1.0", paramLabel = "0..1",
            description = "0 = the input unchanged, 1 = the exemplar's colours (chroma blended in between; the "
                    + "lightness is always the input's) (default: ${DEFAULT-VALUE})")
    double strength;

    @Option(names = "--out", required = true, paramLabel = "OUT.png", description = "the result, at the input's size")
    Path out;

    @Option(names = "--triptych", paramLabel = "FIG.png|FIG.svg|FIG.pdf",
            description = "also write the figure exemplar | input | result (two columns wide; PNG at 300 dpi, SVG or PDF)")
    Path triptych;

    @Option(names = "--confidence-mask", paramLabel = "MASK.png",
            description = "also write where colour was read through the correspondence (viridis: yellow) and where it "
                    + "was spread from neighbours (dark blue)")
    Path confidenceMask;

    @Override
    public Integer call() {
        if (!(strength >= 0 && strength <= 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--strength must be in [0, 1], got " + strength);
        }
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
        PrintWriter stderr = spec.commandLine().getErr();
        try (ModelRegistry registry = AlignerOptions.registry(choice)) {
            Aligner aligner = alignerOptions.aligner(registry);
            ProgressLine progress = new ProgressLine(stderr, "lsa colorize");
            Alignment alignment = aligner.align(inputImage, exemplarImage, progress, CancelToken.NEVER);
            Correspondence correspondence = pointsOptions.correspondence(alignment, readout, inputImage,
                    exemplarImage, input, exemplar, stderr, progress, CancelToken.NEVER);
            long start = System.nanoTime();
            ColorizePreview preview = Colorizer.prepare(correspondence, Direction.SOURCE_TO_TARGET,
                    inputImage.pixels(), exemplarImage.pixels(), CancelToken.NEVER);
            RgbImage result = preview.render(strength);
            double millis = (System.nanoTime() - start) / 1e6;
            for (String notice : preview.notices()) {
                stderr.println("note: " + notice);
            }
            stderr.flush();
            StyleImages.writePng(result, out);
            stdout.printf(Locale.ROOT, "colorized %s (%dx%d) after %s: %s, strength %.2f, mean confidence %.2f, "
                            + "colorization %.0f ms%n", input.getFileName(), result.width(), result.height(),
                    exemplar.getFileName(), correspondence.description(), strength, preview.meanConfidence(), millis);
            stdout.println("wrote " + out);
            if (triptych != null) {
                StyleImages.writeTriptych(exemplarImage.pixels(), inputImage.pixels(), result,
                        String.format(Locale.ROOT, "colorized, %s, strength %.2f", correspondence.description(), strength),
                        triptych);
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

    private static void requirePng(Path file) {
        if (file != null) {
            StyleImages.requirePng(file);
        }
    }
}

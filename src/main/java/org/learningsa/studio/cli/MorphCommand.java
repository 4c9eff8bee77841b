package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.Morph;
import org.learningsa.studio.apps.MorphCanvas;
import org.learningsa.studio.apps.MorphEasing;
import org.learningsa.studio.apps.MorphLimits;
import org.learningsa.studio.core.OutputGuard;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.export.AnimationFormat;
import org.learningsa.studio.export.FrameSource;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lsa morph SOURCE TARGET --out OUT.gif|OUT.mp4|DIR}: the morph between two images as an animation. */
@Command(name = "morph", mixinStandardHelpOptions = true,
        description = {"Morph SOURCE into TARGET along their correspondence: each matched point moves on a straight line "
                + "and its colour blends from one image to the other; frame 0 is SOURCE and the last frame TARGET.",
            "OUT.gif: a looping animated GIF; OUT.mp4: H.264 video; any other name: a folder of frame_0000.png ... "
                + "frame_{N-1}.png at t = i/(N-1).",
            "Images of the same size give frames of that size; otherwise both are scaled to one long side and "
                + "letterboxed on a canvas of the larger width and height."})
public final class MorphCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "the source image (JPEG, PNG, BMP, GIF, TIFF)")
    Path source;

    @Parameters(index = "1", paramLabel = "TARGET", description = "the target image")
    Path target;

    @Mixin
    AlignerOptions alignerOptions;

    @Mixin
    PointsOptions pointsOptions = new PointsOptions();

    @Option(names = "--readout", defaultValue = "fused", paramLabel = "fused|1|2|3|4",
            converter = MatchCommand.ReadoutConverter.class,
            description = "the fused multi-scale readout or one backbone level (default: ${DEFAULT-VALUE})")
    Readout readout;

    @Option(names = "--frames", defaultValue = "75", paramLabel = "N",
            description = "number of frames, 2 to 1000; frames × canvas pixels at most 100 M (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--fps", defaultValue = "25", paramLabel = "F",
            description = "frames per second, 0.1 to 100 (default: ${DEFAULT-VALUE}; a GIF stores whole 1/100 s, "
                    + "so 30 becomes 33.3)")
    double fps;

    @Option(names = "--size", paramLabel = "LONG_SIDE",
            description = "the long side of the frames in pixels, 16 to 8192, the canvas at most 4 M pixels "
                    + "(default: the images' own size, scaled down to those limits)")
    Integer size;

    @Option(names = "--easing", defaultValue = "linear", paramLabel = "linear|smooth",
            description = "linear: t = i/(N-1); smooth: slow at both ends (default: ${DEFAULT-VALUE})")
    String easing;

    @Option(names = "--out", required = true, paramLabel = "OUT.gif|OUT.mp4|DIR",
            description = "where to write the animation (atomically: never half a file)")
    Path out;

    @Override
    public Integer call() {
        DeviceChoice choice = alignerOptions.checkedDevice(spec);
        MorphLimits.checkFrames(frames, "--frames");
        MorphLimits.checkFps(fps, "--fps");
        if (size != null && (size < 16 || size > 8192)) {
            throw new UserFacingException("--size must be between 16 and 8192 pixels, got " + size);
        }
        MorphEasing easingChoice = easing(easing);
        AnimationFormat format = AnimationFormat.of(out);
        format.checkWritable(out);
        pointsOptions.check();
        // an animation file may not replace an input (a frame folder is checked by checkWritable above)
        OutputGuard.create().input("the source image", source).input("the target image", target)
                .input("the checkpoint", alignerOptions.checkpoint).input("--points", pointsOptions.points)
                .output("--out", format == AnimationFormat.PNG_FOLDER ? null : out).check();
        PrintWriter stdout = spec.commandLine().getOut();
        // decode first: an unreadable image is reported before any model is loaded
        DecodedImage sourceImage = ImageDecoder.decodeForNetwork(source);
        DecodedImage targetImage = ImageDecoder.decodeForNetwork(target);
        MorphCanvas canvas = canvas(sourceImage, targetImage);
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), "lsa morph");
        try (ModelRegistry registry = AlignerOptions.registry(choice)) {
            Aligner aligner = alignerOptions.aligner(registry);
            Alignment alignment = aligner.align(sourceImage, targetImage,
                    (stage, f) -> progress.progress(stage, f < 0 ? f : 0.4 * f), CancelToken.NEVER);
            Correspondence correspondence = pointsOptions.correspondence(alignment, readout, sourceImage,
                    targetImage, source, target, spec.commandLine().getErr(),
                    (stage, f) -> progress.progress(stage, f < 0 ? f : 0.4 + 0.1 * f), CancelToken.NEVER);
            Morph morph = Morph.prepare(correspondence, sourceImage.pixels(), targetImage.pixels(), canvas,
                    (stage, f) -> progress.progress(stage, 0.5 + 0.05 * Math.max(0, f)), CancelToken.NEVER);
            format.write(FrameSource.of(morph, frames, easingChoice), fps, out,
                    (stage, f) -> progress.progress(stage, 0.55 + 0.45 * Math.max(0, f)), CancelToken.NEVER);
            progress.progress("done", 1);
            stdout.printf(Locale.ROOT, "wrote %s: %s, %d frames %dx%d at %s fps, %s%n", out, format.label(), frames,
                    canvas.width(), canvas.height(), trim(fps), correspondence.description());
        }
        stdout.flush();
        return 0;
    }

    /** Checked before the model runs; a natural canvas too large for the limits is scaled down, and said so. */
    private MorphCanvas canvas(DecodedImage sourceImage, DecodedImage targetImage) {
        int sw = sourceImage.originalWidth();
        int sh = sourceImage.originalHeight();
        int tw = targetImage.originalWidth();
        int th = targetImage.originalHeight();
        MorphCanvas canvas = MorphLimits.canvas(sw, sh, tw, th, size, frames, "--size");
        if (size == null) {
            MorphCanvas natural = MorphCanvas.natural(sw, sh, tw, th);
            if (natural.width() != canvas.width() || natural.height() != canvas.height()) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf(Locale.ROOT, "note: the images' own size makes a %dx%d canvas; %s at most %,d pixels, "
                                + "so the frames are %dx%d (--size chooses another)%n", natural.width(), natural.height(),
                        MorphLimits.reason(frames), MorphLimits.maxCanvasPixels(frames), canvas.width(), canvas.height());
                err.flush();
            }
        }
        return canvas;
    }

    private static MorphEasing easing(String text) {
        for (MorphEasing e : MorphEasing.values()) {
            if (e.label().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new UserFacingException("unknown easing '" + text + "' (expected linear or smooth)");
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}

package org.learningsa.studio.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.learningsa.studio.core.UserFacingException;

/** The three ways an animation is written, chosen by the output name: {@code .gif}, {@code .mp4}, or a folder. */
public enum AnimationFormat {
    /** Looping animated GIF, one global palette, Floyd–Steinberg dithering. */
    GIF("animated GIF"),
    /** H.264 (Baseline) in an MP4 container. */
    MP4("MP4 (H.264)"),
    /** A folder of {@code frame_0000.png …}. */
    PNG_FOLDER("folder of PNG frames");

    private final String label;

    AnimationFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The format an output path asks for: {@code .gif}, {@code .mp4}, an existing folder or a name without an
     * extension (a folder to create).
     *
     * @throws UserFacingException naming the path for any other extension
     */
    public static AnimationFormat of(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gif")) {
            return GIF;
        }
        if (name.endsWith(".mp4")) {
            return MP4;
        }
        if (Files.isDirectory(out) || !name.contains(".")) {
            return PNG_FOLDER;
        }
        throw new UserFacingException("cannot write " + out + ": expected OUT.gif, OUT.mp4 or a folder for PNG frames");
    }

    /**
     * Fails early, before any frame is drawn, when {@code out} cannot be written: its folder does not exist, or (for
     * PNG frames) it is a file or a folder that holds anything but earlier frames.
     */
    public void checkWritable(Path out) {
        Path parent = out.toAbsolutePath().normalize().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserFacingException("cannot write " + out + ": " + (parent != null && java.nio.file.Files.exists(parent)
                    ? parent + " is a file, not a folder" : "the folder " + parent + " does not exist"));
        }
        if (this == PNG_FOLDER) {
            PngFrameFolder.checkReplaceable(out, out.toAbsolutePath().normalize());
        }
    }

    /** Writes the frames in this format; see the writers for what each does. */
    public void write(FrameSource frames, double fps, Path out, org.learningsa.studio.core.ProgressListener progress,
                      org.learningsa.studio.core.CancelToken cancel) {
        // the command checks its options first; this keeps every caller (the morph window too) within the limits
        org.learningsa.studio.apps.MorphLimits.checkFps(fps, "the frame rate");
        org.learningsa.studio.apps.MorphLimits.checkFrames(frames.frameCount(), "the number of frames");
        long pixels = (long) frames.width() * frames.height();
        if (pixels > org.learningsa.studio.apps.MorphLimits.maxCanvasPixels(frames.frameCount())) {
            throw new UserFacingException(String.format(java.util.Locale.ROOT, "cannot write %s: %d frames of %dx%d "
                            + "are beyond what an export may render (a frame at most %,d pixels, all frames together "
                            + "%,d); choose fewer frames or a smaller size", out, frames.frameCount(), frames.width(),
                    frames.height(), org.learningsa.studio.core.InputLimits.MORPH_MAX_CANVAS_PIXELS,
                    org.learningsa.studio.core.InputLimits.MORPH_MAX_EXPORT_PIXELS));
        }
        switch (this) {
            case GIF -> GifAnimationWriter.write(frames, fps, out, progress, cancel);
            case MP4 -> Mp4AnimationWriter.write(frames, fps, out, progress, cancel);
            case PNG_FOLDER -> PngFrameFolder.write(frames, out, progress, cancel);
            default -> throw new IllegalStateException(name());
        }
    }
}

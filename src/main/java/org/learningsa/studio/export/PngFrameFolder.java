package org.learningsa.studio.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;

/**
 * A folder of {@code frame_0000.png … frame_{N−1}.png}. Atomic as a whole: the frames are written into a hidden
 * folder beside the target, which is renamed to the target only when every frame is there; a target that exists
 * must be a folder of earlier frames (or empty), which the new one replaces. Nothing else is ever deleted: a
 * file the user drops into the folder while the frames are written is moved into the new folder, and the earlier
 * folder is removed only once it holds nothing but earlier frames.
 */
public final class PngFrameFolder {

    private static final Pattern FRAME_NAME = Pattern.compile("frame_\\d{4,}\\.png");

    private PngFrameFolder() {
    }

    /** The name of frame {@code index}. */
    public static String frameName(int index) {
        return String.format(Locale.ROOT, "frame_%04d.png", index);
    }

    public static void write(FrameSource frames, Path out, ProgressListener progress, CancelToken cancel) {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UserFacingException("cannot write " + out + ": " + (parent != null && java.nio.file.Files.exists(parent)
                    ? parent + " is a file, not a folder" : "the folder " + parent + " does not exist"));
        }
        checkReplaceable(out, target);
        Path temporary = null;
        try {
            temporary = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
            writeFrames(frames, temporary, progress, cancel);
            replace(temporary, target);
            temporary = null;
        } catch (IOException e) {
            throw new UserFacingException("cannot write " + out + ": " + org.learningsa.studio.core.IoReasons.describe(e), e);
        } finally {
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
    }

    private static void writeFrames(FrameSource frames, Path folder, ProgressListener progress, CancelToken cancel)
            throws IOException {
        int w = frames.width();
        int h = frames.height();
        int n = frames.frameCount();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        try (FramesAhead ahead = new FramesAhead(frames)) {
            for (int i = 0; i < n; i++) {
                image.setRGB(0, 0, w, h, ahead.next(cancel), 0, w);
                try (OutputStream stream = new java.io.BufferedOutputStream(
                        Files.newOutputStream(folder.resolve(frameName(i))), 1 << 16)) {
                    ImageIO.write(image, "png", stream);
                }
                progress.progress("frame " + (i + 1) + " of " + n, (i + 1.0) / n);
            }
        }
    }

    static void checkReplaceable(Path out, Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new UserFacingException("cannot write frames to " + out + ": it is a file, not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path entry : entries) {
                if (!Files.isRegularFile(entry) || !FRAME_NAME.matcher(entry.getFileName().toString()).matches()) {
                    throw new UserFacingException("cannot write frames to " + out + ": the folder holds "
                            + entry.getFileName() + ", which is not an earlier frame; choose an empty or new folder");
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot read the folder " + out + ": " + org.learningsa.studio.core.IoReasons.describe(e), e);
        }
    }

    /**
     * Renames the finished folder into place; the earlier folder is moved aside first, then its earlier frames
     * are deleted and anything else (what the user put there since the export started) moves into the new folder.
     */
    private static void replace(Path finished, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old.");
            Files.delete(old);
            move(target, old);
        }
        move(finished, target);
        if (old != null) {
            keepWhatIsNotAFrame(old, target);
        }
    }

    private static void keepWhatIsNotAFrame(Path old, Path target) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(old)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                if (Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        && FRAME_NAME.matcher(name.toString()).matches()) {
                    Files.delete(entry);
                } else if (!Files.exists(target.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    move(entry, target.resolve(name));
                }
            }
        }
        try {
            Files.delete(old);
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            // something of the user's could not move (a name the new frames took): the hidden folder keeps it
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover hidden temporary folder is harmless; the error that matters was reported
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}

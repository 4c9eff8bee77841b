package org.learningsa.studio.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;

/** What an export refuses before drawing a frame, and what it never deletes. */
class AnimationLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aFileDroppedIntoTheFrameFolderDuringAnExportIsKept() throws Exception {
        Path folder = dir.resolve("frames");
        PngFrameFolder.write(new AnimationWritersTest.Sliding(31, 17, 3), folder, ProgressListener.NONE, CancelToken.NEVER);
        Path dropped = folder.resolve("notes.txt");
        AnimationWritersTest.Sliding dropsAFile = new AnimationWritersTest.Sliding(31, 17, 2) {
            @Override
            public void render(int index, int[] argb) {
                super.render(index, argb);
                if (index == 1 && !Files.exists(dropped)) {
                    try {
                        Files.writeString(dropped, "mine");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        };
        PngFrameFolder.write(dropsAFile, folder, ProgressListener.NONE, CancelToken.NEVER);
        assertEquals("mine", Files.readString(dropped), "the user's file survives the export");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("frame_0000.png", "frame_0001.png", "notes.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "the earlier third frame is gone");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("frames"), files.map(p -> p.getFileName().toString()).toList(), "no hidden leftovers");
        }
    }

    @Test
    void aFrameRateOutsideTheRangeIsRefusedBeforeAnyFrame() {
        for (double fps : new double[] {0.001, 0.05, 0, -1, 101, Double.NaN}) {
            for (AnimationFormat format : AnimationFormat.values()) {
                Path out = dir.resolve(format == AnimationFormat.GIF ? "a.gif" : format == AnimationFormat.MP4 ? "a.mp4" : "a");
                UserFacingException e = assertThrows(UserFacingException.class, () -> format.write(
                        new AnimationWritersTest.Sliding(20, 20, 3) {
                            @Override
                            public void render(int index, int[] argb) {
                                throw new AssertionError("no frame is drawn");
                            }
                        }, fps, out, ProgressListener.NONE, CancelToken.NEVER), format + " at " + fps);
                assertTrue(e.getMessage().contains("between 0.1 and 100 frames per second"), e.getMessage());
                assertFalse(Files.exists(out));
            }
        }
    }

    @Test
    void tooManyFramePixelsAreRefusedBeforeAnyFrame() {
        UserFacingException e = assertThrows(UserFacingException.class, () -> AnimationFormat.GIF.write(
                new AnimationWritersTest.Sliding(1000, 1000, 101), 25, dir.resolve("a.gif"), ProgressListener.NONE,
                CancelToken.NEVER));
        assertTrue(e.getMessage().contains("101 frames of 1000x1000 are beyond what an export may render"), e.getMessage());
    }
}

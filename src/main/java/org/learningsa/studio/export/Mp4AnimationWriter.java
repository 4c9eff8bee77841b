package org.learningsa.studio.export;

import java.nio.file.Path;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;

/**
 * H.264 in MP4 through JCodec (pure Java, BSD licence): Baseline profile, YUV 4:2:0, which common players play.
 * 4:2:0 needs even sides (odd sizes make encoders fail), so an odd-sized animation gets its last column or row
 * repeated; the frame rate is stored exactly as a fraction (12.5 fps as 25/2). Written atomically.
 */
public final class Mp4AnimationWriter {

    private Mp4AnimationWriter() {
    }

    /** The even size an animation of {@code size} pixels is encoded at. */
    public static int evenSize(int size) {
        return size + (size & 1);
    }

    public static void write(FrameSource frames, double fps, Path out, ProgressListener progress, CancelToken cancel) {
        int w = frames.width();
        int h = frames.height();
        int n = frames.frameCount();
        int ew = evenSize(w);
        int eh = evenSize(h);
        AtomicFiles.writeChannel(out, channel -> {
            // finish() closes its channel, but AtomicFiles still has to force and close this one
            SequenceEncoder encoder = SequenceEncoder.createWithFps(new FileChannelWrapper(channel) {
                @Override
                public void close() {
                    // AtomicFiles closes the file
                }
            }, rate(fps));
            Picture picture = Picture.create(ew, eh, ColorSpace.RGB);
            byte[] data = picture.getPlaneData(0);
            try (FramesAhead ahead = new FramesAhead(frames)) {
                for (int i = 0; i < n; i++) {
                    fill(ahead.next(cancel), w, h, ew, eh, data);
                    encoder.encodeNativeFrame(picture);
                    progress.progress("frame " + (i + 1) + " of " + n, (i + 1.0) / (n + 1));
                }
            }
            encoder.finish();
            progress.progress("done", 1);
        });
    }

    /** The frame rate as a fraction with up to two decimals. */
    static Rational rate(double fps) {
        long hundredths = Math.round(fps * 100);
        if (hundredths % 100 == 0) {
            return Rational.R((int) (hundredths / 100), 1);
        }
        return Rational.R((int) hundredths, 100);
    }

    /** JCodec's 8-bit pictures hold value − 128, interleaved R, G, B. */
    private static void fill(int[] argb, int w, int h, int ew, int eh, byte[] data) {
        for (int y = 0; y < eh; y++) {
            int sy = Math.min(y, h - 1);
            for (int x = 0; x < ew; x++) {
                int p = argb[sy * w + Math.min(x, w - 1)];
                int o = 3 * (y * ew + x);
                data[o] = (byte) ((p >> 16 & 0xFF) - 128);
                data[o + 1] = (byte) ((p >> 8 & 0xFF) - 128);
                data[o + 2] = (byte) ((p & 0xFF) - 128);
            }
        }
    }
}

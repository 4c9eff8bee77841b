package org.learningsa.studio.export;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.learningsa.studio.align.dense.DenseFlow;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;

/**
 * A dense flow written for researchers: {@code .npy} float32 of shape (H, W, 2) with
 * {@code flow[y, x] = (x_other − x, y_other − y)} for pixel (x, y) of the image the direction starts from (x right,
 * y down, pixel centres at integers), or Middlebury {@code .flo} (tag 202021.25, width, height, then (u, v) per
 * pixel row by row, little-endian) with the same values; the confidence as {@code .npy} float32 (H, W) in [0, 1].
 * Files are written atomically.
 */
public final class FlowFiles {

    /** The extensions {@link #writeFlow} accepts. */
    public static final String[] FLOW_EXTENSIONS = {".npy", ".flo"};
    /** The Middlebury .flo tag, "PIEH" read as a little-endian float. */
    private static final float FLO_TAG = 202021.25f;

    private FlowFiles() {
    }

    /** The flow as .npy or .flo, by the file's extension. */
    public static void writeFlow(DenseFlow flow, Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".flo")) {
            writeFlo(flow, file);
        } else if (name.endsWith(".npy")) {
            float[] interleaved = new float[2 * flow.width() * flow.height()];
            for (int i = 0; i < flow.width() * flow.height(); i++) {
                interleaved[2 * i] = flow.dx()[i];
                interleaved[2 * i + 1] = flow.dy()[i];
            }
            writeNpy(interleaved, new int[] {flow.height(), flow.width(), 2}, file);
        } else {
            throw new UserFacingException("cannot write the flow to " + file + ": use a .npy or .flo name");
        }
    }

    /** The confidence as .npy float32 (H, W). */
    public static void writeConfidence(DenseFlow flow, Path file) {
        writeNpy(flow.confidence(), new int[] {flow.height(), flow.width()}, file);
    }

    private static void writeFlo(DenseFlow flow, Path file) {
        AtomicFiles.write(file, out -> {
            ByteBuffer buffer = ByteBuffer.allocate(12 + 8 * flow.width() * flow.height())
                    .order(ByteOrder.LITTLE_ENDIAN);
            buffer.putFloat(FLO_TAG).putInt(flow.width()).putInt(flow.height());
            for (int i = 0; i < flow.width() * flow.height(); i++) {
                buffer.putFloat(flow.dx()[i]).putFloat(flow.dy()[i]);
            }
            out.write(buffer.array());
        });
    }

    /** NumPy format 1.0: magic, header dict padded with spaces to a multiple of 64 bytes, then the data. */
    static void writeNpy(float[] values, int[] shape, Path file) {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        AtomicFiles.write(file, out -> writeNpy(out, header, values));
    }

    private static void writeNpy(OutputStream stream, String header, float[] values) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        byte[] headerBytes = header.getBytes(StandardCharsets.ISO_8859_1);
        out.write(headerBytes.length & 0xFF);
        out.write(headerBytes.length >> 8);
        out.write(headerBytes);
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        out.write(buffer.array());
        out.flush();
    }
}

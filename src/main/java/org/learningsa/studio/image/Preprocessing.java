package org.learningsa.studio.image;

/**
 * The reference preprocessing (spec §1.1, fixtures README §2): Pillow-exact bilinear resize to 288×288
 * (aspect ratio not kept), 16 zero pixels on every side (before normalisation), then per channel
 * {@code (v / 255f − mean) / std} in float32 step by step, which reproduces the reference tensors bit-exactly.
 */
public final class Preprocessing {

    private Preprocessing() {
    }

    /** Resize to 288×288 with {@link PilResize} and pad 16 zeros on every side: 320×320. */
    public static RgbImage resizeAndPad(RgbImage image) {
        RgbImage resized = PilResize.resize(image, PaperGeometry.RESIZED_SIZE, PaperGeometry.RESIZED_SIZE);
        return pad(resized, PaperGeometry.PAD);
    }

    /** Pads {@code image} with {@code pad} black pixels on every side. */
    public static RgbImage pad(RgbImage image, int pad) {
        int w = image.width() + 2 * pad;
        int h = image.height() + 2 * pad;
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.rgb(), y * image.width() * 3, out, ((y + pad) * w + pad) * 3, image.width() * 3);
        }
        return new RgbImage(w, h, out);
    }

    /**
     * The network input 1×3×320×320 (CHW, RGB) of a padded 320×320 image: {@code (v / 255f − mean[c]) / std[c]}
     * in float32, as torchvision's ToTensor + Normalize compute it.
     */
    public static float[] toNetworkInput(RgbImage padded) {
        int size = PaperGeometry.INPUT_SIZE;
        if (padded.width() != size || padded.height() != size) {
            throw new IllegalArgumentException("network input must be " + size + "x" + size + ", got "
                    + padded.width() + "x" + padded.height());
        }
        int plane = size * size;
        float[] out = new float[3 * plane];
        byte[] rgb = padded.rgb();
        for (int c = 0; c < 3; c++) {
            float mean = PaperGeometry.MEAN[c];
            float std = PaperGeometry.STD[c];
            for (int i = 0; i < plane; i++) {
                float v = (rgb[i * 3 + c] & 0xFF) / 255f;
                out[c * plane + i] = (v - mean) / std;
            }
        }
        return out;
    }

    /** Both steps: an image of any size to the 1×3×320×320 network input. */
    public static float[] networkInput(RgbImage image) {
        return toNetworkInput(resizeAndPad(image));
    }
}

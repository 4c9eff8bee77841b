package org.learningsa.studio.image;

/**
 * Downscaling by area averaging (each output pixel is the mean of the input area it covers), used
 * to bring very large photos to a size the preprocessing handles quickly. Separable, exact coverage.
 */
public final class AreaResize {

    private AreaResize() {
    }

    /** The image at most {@code side} pixels on its longer side, aspect kept (itself when already smaller). */
    public static RgbImage atMost(RgbImage image, int side) {
        int longer = Math.max(image.width(), image.height());
        if (longer <= side) {
            return image;
        }
        double scale = (double) side / longer;
        return resize(image, Math.max(1, (int) Math.round(image.width() * scale)),
                Math.max(1, (int) Math.round(image.height() * scale)));
    }

    /** {@link #resize}, or the image itself when it already has that size. */
    public static RgbImage toSize(RgbImage image, int width, int height) {
        return image.width() == width && image.height() == height ? image : resize(image, width, height);
    }

    public static RgbImage resize(RgbImage image, int outWidth, int outHeight) {
        float[] horizontal = resizeRows(image, outWidth);
        return resizeColumns(horizontal, outWidth, image.height(), outHeight);
    }

    private static float[] resizeRows(RgbImage image, int outWidth) {
        int w = image.width();
        int h = image.height();
        byte[] in = image.rgb();
        float[] out = new float[outWidth * h * 3];
        double scale = (double) w / outWidth;
        for (int ox = 0; ox < outWidth; ox++) {
            double start = ox * scale;
            double end = Math.min(w, start + scale);
            for (int ix = (int) Math.floor(start); ix < Math.ceil(end) && ix < w; ix++) {
                double weight = (Math.min(end, ix + 1) - Math.max(start, ix)) / scale;
                if (weight <= 0) {
                    continue;
                }
                for (int y = 0; y < h; y++) {
                    int i = (y * w + ix) * 3;
                    int o = (y * outWidth + ox) * 3;
                    out[o] += (float) (weight * (in[i] & 0xFF));
                    out[o + 1] += (float) (weight * (in[i + 1] & 0xFF));
                    out[o + 2] += (float) (weight * (in[i + 2] & 0xFF));
                }
            }
        }
        return out;
    }

    private static RgbImage resizeColumns(float[] in, int w, int h, int outHeight) {
        float[] out = new float[w * outHeight * 3];
        double scale = (double) h / outHeight;
        for (int oy = 0; oy < outHeight; oy++) {
            double start = oy * scale;
            double end = Math.min(h, start + scale);
            for (int iy = (int) Math.floor(start); iy < Math.ceil(end) && iy < h; iy++) {
                double weight = (Math.min(end, iy + 1) - Math.max(start, iy)) / scale;
                if (weight <= 0) {
                    continue;
                }
                int rowIn = iy * w * 3;
                int rowOut = oy * w * 3;
                for (int k = 0; k < w * 3; k++) {
                    out[rowOut + k] += (float) (weight * in[rowIn + k]);
                }
            }
        }
        byte[] bytes = new byte[out.length];
        for (int k = 0; k < out.length; k++) {
            bytes[k] = (byte) Math.max(0, Math.min(255, Math.round(out[k])));
        }
        return new RgbImage(w, outHeight, bytes);
    }
}

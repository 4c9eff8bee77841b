package org.learningsa.studio.image;

/** Applies an EXIF orientation (TIFF tag 274) so the image is shown the way the camera meant it. */
final class Orientation {

    private Orientation() {
    }

    /**
     * @param orientation 1 = as stored, 2 = mirrored, 3 = rotated 180°, 4 = flipped vertically,
     *                    5 = transposed, 6 = rotate 90° clockwise, 7 = transverse, 8 = rotate 90° counter-clockwise
     */
    static RgbImage apply(RgbImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        byte[] in = image.rgb();
        byte[] out = new byte[in.length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                System.arraycopy(in, (sy * w + sx) * 3, out, (y * outW + x) * 3, 3);
            }
        }
        return new RgbImage(outW, outH, out);
    }
}

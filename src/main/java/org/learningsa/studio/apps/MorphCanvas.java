package org.learningsa.studio.apps;

/**
 * The pixel frame a morph is drawn in, and where each image sits in it.
 *
 * <p>Canvas rules: when both images have the same size (and no other size is asked for) the canvas is that
 * size, both images fill it and frames share the images' pixel coordinates. Otherwise both images are first
 * scaled to the same long side (the larger of the two, or the one asked for); the canvas is the larger width
 * by the larger height of the two scaled images; each image is scaled uniformly to fit the canvas and centred
 * (letterboxed). The rectangle the morph covers moves linearly in time from the source's to the target's, so
 * the frame size is fixed (GIF and MP4 need one) while the picture's size is interpolated in time; what lies
 * outside that rectangle is black.
 *
 * <p>Coordinates: canvas and image pixels both have their centres at integers; an image of width W placed in a
 * rectangle of width w at offset o maps x to {@code o + (x + 0.5)·w/W − 0.5}.
 *
 * @param width  canvas width in pixels
 * @param height canvas height in pixels
 * @param source where the source image sits
 * @param target where the target image sits
 */
public record MorphCanvas(int width, int height, Placement source, Placement target) {

    /** An image of {@code imageWidth × imageHeight} original pixels drawn into the canvas rectangle (x, y, w, h). */
    public record Placement(int imageWidth, int imageHeight, int x, int y, int width, int height) {

        public double canvasX(double imageX) {
            return x + (imageX + 0.5) * width / imageWidth - 0.5;
        }

        public double canvasY(double imageY) {
            return y + (imageY + 0.5) * height / imageHeight - 0.5;
        }

        public double imageX(double canvasX) {
            return (canvasX - x + 0.5) * imageWidth / width - 0.5;
        }

        public double imageY(double canvasY) {
            return (canvasY - y + 0.5) * imageHeight / height - 0.5;
        }

        /** Whether the placement is the identity (same size, at the origin). */
        boolean identity() {
            return x == 0 && y == 0 && width == imageWidth && height == imageHeight;
        }
    }

    public MorphCanvas {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("canvas size must be positive: " + width + "x" + height);
        }
    }

    /** The canvas of the rules above at the images' own scale. */
    public static MorphCanvas natural(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight) {
        if (sourceWidth == targetWidth && sourceHeight == targetHeight) {
            return fitted(sourceWidth, sourceHeight, targetWidth, targetHeight, sourceWidth, sourceHeight);
        }
        return withLongSide(sourceWidth, sourceHeight, targetWidth, targetHeight,
                Math.max(Math.max(sourceWidth, sourceHeight), Math.max(targetWidth, targetHeight)));
    }

    /** The canvas of the rules above scaled so that its long side is {@code longSide} pixels. */
    public static MorphCanvas withLongSide(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight,
                                           int longSide) {
        if (longSide < 2) {
            throw new IllegalArgumentException("the long side must be at least 2 pixels: " + longSide);
        }
        double sourceScale = (double) longSide / Math.max(sourceWidth, sourceHeight);
        double targetScale = (double) longSide / Math.max(targetWidth, targetHeight);
        int width = (int) Math.max(1, Math.round(Math.max(sourceWidth * sourceScale, targetWidth * targetScale)));
        int height = (int) Math.max(1, Math.round(Math.max(sourceHeight * sourceScale, targetHeight * targetScale)));
        return fitted(sourceWidth, sourceHeight, targetWidth, targetHeight, width, height);
    }

    /** A canvas of exactly {@code width × height} with both images fitted into it, centred. */
    public static MorphCanvas fitted(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight,
                                     int width, int height) {
        return new MorphCanvas(width, height, fit(sourceWidth, sourceHeight, width, height),
                fit(targetWidth, targetHeight, width, height));
    }

    private static Placement fit(int imageWidth, int imageHeight, int width, int height) {
        double scale = Math.min((double) width / imageWidth, (double) height / imageHeight);
        int w = (int) Math.max(1, Math.min(width, Math.round(imageWidth * scale)));
        int h = (int) Math.max(1, Math.min(height, Math.round(imageHeight * scale)));
        return new Placement(imageWidth, imageHeight, (width - w) / 2, (height - h) / 2, w, h);
    }

    /** Whether both images cover the whole canvas (no letterbox at any time). */
    public boolean filled() {
        return source.x() == 0 && source.y() == 0 && source.width() == width && source.height() == height
                && target.x() == 0 && target.y() == 0 && target.width() == width && target.height() == height;
    }
}

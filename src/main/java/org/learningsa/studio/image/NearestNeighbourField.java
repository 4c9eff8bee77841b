package org.learningsa.studio.image;

/**
 * A nearest-neighbour field: for every pixel of a target grid ({@code width × height}) the centre of the
 * patch it takes from a source image, and that match's cost. Plain arrays, row-major, so callers (patch
 * synthesis, colorization) read and write them without copies.
 */
public final class NearestNeighbourField {

    private final int width;
    private final int height;
    private final int[] sourceX;
    private final int[] sourceY;
    private final float[] cost;

    public NearestNeighbourField(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("field size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.sourceX = new int[width * height];
        this.sourceY = new int[width * height];
        this.cost = new float[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Source patch centre x per target pixel (row-major). */
    public int[] sourceX() {
        return sourceX;
    }

    /** Source patch centre y per target pixel (row-major). */
    public int[] sourceY() {
        return sourceY;
    }

    /** The cost of each pixel's current match, as the last optimisation computed it. */
    public float[] cost() {
        return cost;
    }
}

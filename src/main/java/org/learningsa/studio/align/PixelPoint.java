package org.learningsa.studio.align;

/** A point in original pixel coordinates: x to the right, y down, pixel centres at integers. */
public record PixelPoint(double x, double y) {

    public double distance(PixelPoint other) {
        return Math.hypot(x - other.x, y - other.y);
    }
}

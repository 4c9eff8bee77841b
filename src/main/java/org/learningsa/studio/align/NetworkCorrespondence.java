package org.learningsa.studio.align;

import java.util.Objects;

/**
 * The network's correspondence for one readout, read through the exact mapping, with
 * forward–backward consistency as its confidence.
 */
public record NetworkCorrespondence(Alignment alignment, Readout readout) implements Correspondence {

    public NetworkCorrespondence {
        Objects.requireNonNull(alignment, "alignment");
        Objects.requireNonNull(readout, "readout");
    }

    @Override
    public ImageRef source() {
        return alignment.source();
    }

    @Override
    public ImageRef target() {
        return alignment.target();
    }

    @Override
    public PixelPoint map(Direction direction, double x, double y) {
        return alignment.map(direction, x, y, readout, Mapping.EXACT);
    }

    @Override
    public double confidence(Direction direction, double x, double y) {
        return alignment.confidence(direction, x, y, readout, ConfidenceKind.FORWARD_BACKWARD);
    }

    @Override
    public String description() {
        return alignment.modelName() + ", " + readout.label() + " readout";
    }

    @Override
    public boolean semantic() {
        return alignment.semantic();
    }
}

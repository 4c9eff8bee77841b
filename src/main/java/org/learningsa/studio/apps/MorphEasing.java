package org.learningsa.studio.apps;

/** How time runs through a morph: evenly, or slow at both ends (smoothstep), as Liao et al.'s player does. */
public enum MorphEasing {
    LINEAR("linear"), SMOOTH("smooth");

    private final String label;

    MorphEasing(String label) {
        this.label = label;
    }

    /** The morph time for a playback fraction in [0, 1]; 0 ↦ 0 and 1 ↦ 1 for both. */
    public double apply(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        return this == LINEAR ? f : f * f * (3 - 2 * f);
    }

    /** The time of frame {@code index} of {@code count}: i/(N − 1) eased, so the first and last are 0 and 1. */
    public double frameTime(int index, int count) {
        return count <= 1 ? 0 : apply((double) index / (count - 1));
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}

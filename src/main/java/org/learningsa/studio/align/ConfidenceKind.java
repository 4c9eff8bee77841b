package org.learningsa.studio.align;

/** The kinds of confidence a user can colour matches by. */
public enum ConfidenceKind {
    /** Maximum of the kernel soft-argmax distribution (1 = fully peaked). */
    PEAK_PROBABILITY("peak probability"),
    /** Forward–backward consistency: 1 when S→T→S returns to the start, falling with the distance. */
    FORWARD_BACKWARD("forward–backward consistency"),
    /** The learned weight a_L(t) of the fused readout's dominant level at the target cell. */
    LEVEL_WEIGHT("level weight");

    private final String label;

    ConfidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

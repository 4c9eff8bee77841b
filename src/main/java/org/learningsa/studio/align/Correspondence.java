package org.learningsa.studio.align;

/**
 * A dense correspondence between two images, both directions, in original pixels (x right, y down,
 * pixel centres at integers): what morphing, style transfer, figures, exports and match lists read.
 * The network's own readout is one ({@link NetworkCorrespondence}); the editor's corrected
 * correspondence (network map plus the user's points) is another, so no consumer needs to know
 * whether edits exist.
 */
public interface Correspondence {

    ImageRef source();

    ImageRef target();

    /** Where (x, y) of the image the direction starts from lands in the other image (clamped into it). */
    PixelPoint map(Direction direction, double x, double y);

    /**
     * How much to trust {@link #map} at (x, y), in [0, 1]; forward–backward consistency unless an
     * implementation says otherwise. Consumers use it to fall back (dissolve, global transfer) where low.
     */
    double confidence(Direction direction, double x, double y);

    /** In words, for captions and status lines: model, readout and whether user points are applied. */
    String description();

    /** Whether the model behind it matches by meaning (false for the weight-free default). */
    boolean semantic();
}

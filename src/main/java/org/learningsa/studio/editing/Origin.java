package org.learningsa.studio.editing;

import java.util.Locale;

/**
 * Where a user point came from. Unlocked {@link #NETWORK} and {@link #ACCEPTED} points are the network's
 * output and are re-read when the pair is run again with another model or readout; {@link #USER} points
 * and every locked point are kept as they are.
 */
public enum Origin {
    /** Placed or moved by the user (dragging either end of any point makes it a user point). */
    USER,
    /** A network match taken over without the user looking at it (e.g. written by a script from {@code lsa match}). */
    NETWORK,
    /** A network match the user accepted: bulk accept, or an added point whose pre-placed end was kept. */
    ACCEPTED,
    /**
     * A keypoint named on the source image and carried to the target by the network ({@code lsa batch --keypoints}),
     * for the user to review; re-read on a re-run like a network match until the user moves or locks it.
     */
    TRANSFERRED;

    /** "user", "network", "accepted", "transferred", as the points file spells them. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a re-run with another model or readout replaces the point's target (when not locked). */
    public boolean reReadOnRerun() {
        return this != USER;
    }

    /** @throws IllegalArgumentException for anything but user, network or accepted */
    public static Origin parse(String text) {
        for (Origin origin : values()) {
            if (origin.fileName().equals(text)) {
                return origin;
            }
        }
        throw new IllegalArgumentException("unknown origin '" + text + "' (expected user, network, accepted or transferred)");
    }
}

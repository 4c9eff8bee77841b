package org.learningsa.studio.apps.style;

import java.util.Locale;

/** The two ways the exemplar's style reaches the input. */
public enum StyleMethod {
    /** The output is synthesised from the exemplar's own patches: its strokes, texture and colours ({@link PatchStyleTransfer}). */
    PATCHES("Patches"),
    /** The input keeps its texture and takes the exemplar's colours region by region ({@link StyleTransfer}). */
    COLOUR("Colour only");

    private final String label;

    StyleMethod(String label) {
        this.label = label;
    }

    /** For menus and captions. */
    public String label() {
        return label;
    }

    /** The name on the command line: patches, colour. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package org.learningsa.studio.export.figure;

import java.util.Locale;

/** How the two images of a pair are placed: side by side (matches run across) or stacked (they run down). */
public enum FigureLayout {
    SIDE, STACKED;

    /** "side" or "stacked", as the CLI spells them. */
    public static FigureLayout parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "side", "side-by-side" -> SIDE;
            case "stacked", "stack" -> STACKED;
            default -> throw new IllegalArgumentException("unknown layout '" + text + "' (expected side or stacked)");
        };
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

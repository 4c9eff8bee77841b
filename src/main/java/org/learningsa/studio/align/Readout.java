package org.learningsa.studio.align;

/**
 * Which correspondence field to read: the fused multi-scale one (the paper's output) or one
 * backbone level alone. {@link #suffix()} is the suffix of the reference output names
 * ({@code grid_T2S}, {@code grid_T2S_1}, …).
 */
public enum Readout {
    FUSED(""), LEVEL_1("_1"), LEVEL_2("_2"), LEVEL_3("_3"), LEVEL_4("_4");

    private final String suffix;

    Readout(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    /** 0 for fused, 1..4 for the levels. */
    public int level() {
        return ordinal();
    }

    /** "fused", "1", … "4" as the CLI spells them. */
    public static Readout parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("fused") || t.equals("0")) {
            return FUSED;
        }
        return switch (t.replace("level", "").replace("_", "")) {
            case "1" -> LEVEL_1;
            case "2" -> LEVEL_2;
            case "3" -> LEVEL_3;
            case "4" -> LEVEL_4;
            default -> throw new IllegalArgumentException("unknown readout '" + text + "' (expected fused, 1, 2, 3 or 4)");
        };
    }

    public String label() {
        return this == FUSED ? "fused" : "level " + level();
    }
}

package org.learningsa.studio.ui.view;

import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * Colour maps for confidence in [0, 1], as evenly spaced stops interpolated linearly in sRGB.
 * The stops are those of matplotlib's maps (viridis, magma, turbo, RdYlGn) sampled at equal steps.
 */
public enum ColorMap {
    VIRIDIS("viridis", "#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58",
            "#b5de2b", "#fde725"),
    TURBO("turbo", "#30123b", "#4145ab", "#4675ed", "#39a2fc", "#1bcfd4", "#24eca6", "#61fc6c", "#a4fc3b",
            "#d1e834", "#f3c63a", "#fe9b2d", "#f36315", "#d93806", "#b11901", "#7a0403"),
    MAGMA("magma", "#000004", "#180f3d", "#440f76", "#721f81", "#9e2f7f", "#cd4071", "#f1605d", "#fd9668",
            "#feca8d", "#fcfdbf"),
    RED_YELLOW_GREEN("red–yellow–green", "#a50026", "#d73027", "#f46d43", "#fdae61", "#fee08b", "#ffffbf",
            "#d9ef8b", "#a6d96a", "#66bd63", "#1a9850", "#006837");

    private final String label;
    private final Color[] stops;

    ColorMap(String label, String... hexStops) {
        this.label = label;
        this.stops = new Color[hexStops.length];
        for (int i = 0; i < hexStops.length; i++) {
            stops[i] = Color.web(hexStops[i]);
        }
    }

    public String label() {
        return label;
    }

    /** The colour of {@code value}; values outside [0, 1] (and NaN, as 0) are clamped. */
    public Color at(double value) {
        double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
        double position = t * (stops.length - 1);
        int lower = Math.min((int) Math.floor(position), stops.length - 2);
        return stops[lower].interpolate(stops[lower + 1], position - lower);
    }

    /** The same colour as packed ARGB with the given opacity (0..1), for pixel buffers. */
    public int argb(double value, double opacity) {
        Color c = at(value);
        return ((int) Math.round(opacity * 255) << 24) | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8) | (int) Math.round(c.getBlue() * 255);
    }

    /** The map named {@code name} (enum name or label), or viridis. */
    public static ColorMap parse(String name) {
        for (ColorMap map : values()) {
            if (map.name().equalsIgnoreCase(name) || map.label.equalsIgnoreCase(name)) {
                return map;
            }
        }
        return VIRIDIS;
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}

package org.learningsa.studio.ui.figure;

import org.learningsa.studio.export.figure.FigureSize;

/** The unit the user types a figure's width in. */
public enum LengthUnit {
    MM("mm", 1), INCH("in", FigureSize.MM_PER_INCH);

    private final String label;
    private final double millimetres;

    LengthUnit(String label, double millimetres) {
        this.label = label;
        this.millimetres = millimetres;
    }

    public double toMm(double value) {
        return value * millimetres;
    }

    public double fromMm(double mm) {
        return mm / millimetres;
    }

    @Override
    public String toString() {
        return label;
    }
}

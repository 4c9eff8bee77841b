package org.learningsa.studio.align;

import org.learningsa.studio.image.PaperGeometry;

/**
 * The geometrically exact relation between original pixels, the 320×320 network canvas and the
 * 20×20 correspondence grid ({@link Mapping#EXACT}).
 *
 * <p>Pixel convention: x to the right, y down, pixel centres at integers, so pixel {@code i} covers
 * [i − 0.5, i + 0.5]. The reference preprocessing (spec §1.1) squashes the W×H image to 288×288 and
 * pads 16 pixels on every side. A resize by 288/W maps the pixel edge −0.5 to −0.5 and W − 0.5 to
 * 287.5, hence {@code canvas = (x + 0.5)·288/W − 0.5 + 16}, and its exact inverse
 * {@code x = (canvas − 16 + 0.5)·W/288 − 0.5}.
 *
 * <p>The grid: the 20 cells tile the 320 canvas, cell {@code i} covers canvas pixels 16i … 16i + 15,
 * so its centre is at 16i + 7.5; the 18 interior cells 1…18 tile the 288-pixel image exactly. The
 * soft-argmax reports positions as {@code linspace(−1, 1, 20)} over cell indices (align_corners=True,
 * spec §1.9), i.e. g = −1 + 2i/19. Together: g = −1 ↔ canvas 7.5 (centre of cell 0) and
 * g = +1 ↔ canvas 311.5 (centre of cell 19), {@code canvas = 7.5 + (g + 1)·152}.
 *
 * <p>Why this and not the backbone's own sampling positions: the backbone's stride-8 features sit at
 * canvas 8j and the align_corners=True resampling to 20 cells puts cell i at about 16.42·i (0 … 312);
 * that differs from the tiling by at most 7.5 canvas pixels (half a cell) at the border and is not
 * the same for layer 1. The tiling is the one model that is the same for every level, is exactly
 * invertible and makes the interior cells coincide with the image; the weight-free default aligner
 * computes its descriptors at exactly these cell centres.
 */
public final class ExactMapping {

    /** Grid cells per side (spec §1.3: the network only works on a 20×20 grid). */
    public static final int CELLS = PaperGeometry.CELLS;
    /** Canvas pixels per grid cell: 320 / 20. */
    public static final double CELL_SIZE = (double) PaperGeometry.INPUT_SIZE / PaperGeometry.CELLS;
    /** The image is squashed to this size before padding (spec §1.1: (20 − 2)·16). */
    public static final int IMAGE_SIZE = PaperGeometry.RESIZED_SIZE;
    /** Zero padding on every side (spec §1.1). */
    public static final int PAD = PaperGeometry.PAD;
    /** The network input side, 288 + 2·16. */
    public static final int CANVAS_SIZE = PaperGeometry.INPUT_SIZE;

    private ExactMapping() {
    }

    /** Original pixel coordinate (along an axis of {@code size} pixels) → canvas pixel coordinate. */
    public static double canvasFromOriginal(double original, int size) {
        return (original + 0.5) * IMAGE_SIZE / size - 0.5 + PAD;
    }

    /** Canvas pixel coordinate → original pixel coordinate along an axis of {@code size} pixels. */
    public static double originalFromCanvas(double canvas, int size) {
        return (canvas - PAD + 0.5) * size / IMAGE_SIZE - 0.5;
    }

    /** Canvas pixel coordinate → continuous cell index (0 = centre of cell 0, 19 = centre of cell 19). */
    public static double cellFromCanvas(double canvas) {
        return (canvas - CELL_SIZE / 2 + 0.5) / CELL_SIZE;
    }

    /** Continuous cell index → canvas pixel coordinate of that cell position. */
    public static double canvasFromCell(double cell) {
        return cell * CELL_SIZE + CELL_SIZE / 2 - 0.5;
    }

    /** Continuous cell index → the grid's normalised coordinate (linspace(−1, 1, 20)). */
    public static double normalisedFromCell(double cell) {
        return -1.0 + 2.0 * cell / (CELLS - 1);
    }

    /** The grid's normalised coordinate → continuous cell index. */
    public static double cellFromNormalised(double normalised) {
        return (normalised + 1.0) * (CELLS - 1) / 2.0;
    }

    /** Original pixel coordinate → continuous cell index. */
    public static double cellFromOriginal(double original, int size) {
        return cellFromCanvas(canvasFromOriginal(original, size));
    }

    /** Continuous cell index → original pixel coordinate. */
    public static double originalFromCell(double cell, int size) {
        return originalFromCanvas(canvasFromCell(cell), size);
    }

    /** A normalised grid value → original pixel coordinate of the image it points into. */
    public static double originalFromNormalised(double normalised, int size) {
        return originalFromCell(cellFromNormalised(normalised), size);
    }
}

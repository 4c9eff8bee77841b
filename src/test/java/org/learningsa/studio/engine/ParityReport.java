package org.learningsa.studio.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tolerance protocol of the parity fixtures' README §4: outputs within 1e-4 absolute where
 * {@code stable_<name>} is 1 (others skipped and counted), kernel argmax equal where the margin is at
 * least 1e-5, intermediates within 1e-4 × max|ref|. The measured float32 noise is 20–30× below these bounds.
 */
public final class ParityReport {

    public static final double OUTPUT_TOLERANCE = 1e-4;
    public static final double ARGMAX_MARGIN = 1e-5;
    public static final double RELATIVE_TOLERANCE = 1e-4;

    private final List<String> failures = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();
    private int skipped;
    private int compared;
    private double worstOutput;

    /** Compares one of the 40 outputs under its stability mask. */
    public void output(String name, float[] actual, NpzArchive expected) {
        float[] ref = expected.floats(name);
        float[] stable = expected.contains("stable_" + name) ? expected.floats("stable_" + name) : null;
        check(name, actual.length == ref.length, "length " + actual.length + " vs " + ref.length);
        double max = 0;
        int skip = 0;
        int bad = 0;
        for (int i = 0; i < Math.min(ref.length, actual.length); i++) {
            if (stable != null && stable[i] == 0f) {
                skip++;
                continue;
            }
            double d = Math.abs(actual[i] - ref[i]);
            if (!(d <= OUTPUT_TOLERANCE)) {
                bad++;
            }
            max = Math.max(max, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
            compared++;
        }
        skipped += skip;
        worstOutput = Math.max(worstOutput, max);
        log.append(String.format(Locale.ROOT, "  %-20s max|diff| %.3e  skipped %d%n", name, max, skip));
        check(name, bad == 0, bad + " stable elements differ by more than " + OUTPUT_TOLERANCE + " (max " + max + ")");
    }

    /** Compares an intermediate against 1e-4 × max|ref|. */
    public void intermediate(String name, float[] actual, float[] ref) {
        check(name, actual.length == ref.length, "length " + actual.length + " vs " + ref.length);
        double scale = 0;
        for (float v : ref) {
            scale = Math.max(scale, Math.abs(v));
        }
        double max = 0;
        for (int i = 0; i < Math.min(ref.length, actual.length); i++) {
            double d = Math.abs(actual[i] - ref[i]);
            max = Math.max(max, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
        }
        double relative = scale == 0 ? max : max / scale;
        log.append(String.format(Locale.ROOT, "  %-20s max|diff|/max|ref| %.3e%n", name, relative));
        check(name, relative <= RELATIVE_TOLERANCE, "relative diff " + relative + " > " + RELATIVE_TOLERANCE);
    }

    /** Kernel centres must agree where the reference margin is safe. */
    public void argmax(String stage, float[] actual, NpzArchive expected) {
        long[] ref = expected.get("gauss_argmax_" + stage).toLongArray();
        float[] margin = expected.floats("gauss_margin_" + stage);
        int differ = 0;
        int unsafe = 0;
        for (int i = 0; i < ref.length; i++) {
            if (margin[i] < ARGMAX_MARGIN) {
                unsafe++;
            } else if ((long) actual[i] != ref[i]) {
                differ++;
            }
        }
        log.append(String.format(Locale.ROOT, "  gauss_argmax_%-7s differ %d  (margin<1e-5: %d)%n", stage, differ, unsafe));
        check("gauss_argmax_" + stage, differ == 0, differ + " safe kernel centres differ");
    }

    private void check(String name, boolean ok, String message) {
        if (!ok) {
            failures.add(name + ": " + message);
        }
    }

    public int skipped() {
        return skipped;
    }

    public int compared() {
        return compared;
    }

    public double worstOutput() {
        return worstOutput;
    }

    public List<String> failures() {
        return failures;
    }

    public String summary() {
        return log + String.format(Locale.ROOT, "  outputs: %d compared, %d skipped (unstable), worst %.3e%n",
                compared, skipped, worstOutput);
    }
}

package org.learningsa.studio.ui.train;

import java.util.Locale;

/**
 * Where a running training is, as the status line says it: epoch, step of total, running loss (mean
 * over the epoch so far, as train.py prints it), step time, ETA, and how far the current epoch is.
 *
 * @param epochFraction done part of the current epoch in [0, 1], negative when the epoch size is unknown
 */
record RunStatus(int epoch, long step, long totalSteps, double runningLoss, double stepMillis, double etaSeconds,
                 double epochFraction) {

    String line() {
        return String.format(Locale.ROOT, "epoch %d · step %d%s · loss %.4f (epoch mean) · %s/step · ETA %s", epoch, step,
                totalSteps > 0 ? " of " + totalSteps : "", runningLoss, duration(stepMillis / 1000), duration(etaSeconds));
    }

    /** "850 ms", "12 s", "3 min 20 s", "5 h 02 min". */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        if (seconds < 1) {
            return Math.round(seconds * 1000) + " ms";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}

package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.learningsa.studio.core.ProgressListener;

/**
 * A terminal progress line on stderr: percentage, the current stage and an ETA estimated from the
 * elapsed time and the fraction done; redrawn in place (carriage return) at most a few times a second.
 */
final class ProgressLine implements ProgressListener {

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastLength;

    ProgressLine(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public synchronized void progress(String stage, double fraction) {
        long now = System.nanoTime();
        boolean done = fraction >= 1.0;
        if (!done && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        StringBuilder line = new StringBuilder(label);
        if (fraction >= 0) {
            line.append(String.format(Locale.ROOT, " %3.0f%%", 100 * Math.min(1, fraction)));
        }
        line.append("  ").append(stage);
        line.append("  elapsed ").append(duration(elapsed));
        if (fraction > 0.001 && !done) {
            line.append("  ETA ").append(duration(elapsed * (1 - fraction) / fraction));
        }
        String text = line.length() > 110 ? line.substring(0, 110) : line.toString();
        int pad = Math.max(0, lastLength - text.length());
        err.print("\r" + text + " ".repeat(pad));
        lastLength = text.length();
        if (done) {
            err.println();
        }
        err.flush();
    }

    /** "42s", "3m05s", "1h02m". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}

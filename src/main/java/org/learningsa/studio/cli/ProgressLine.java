package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.learningsa.studio.core.ProgressListener;

/**
 * A progress line on stderr: percentage, the current stage and an ETA estimated from the elapsed time and the
 * fraction done. On a terminal it is redrawn in place (carriage return) at most a few times a second; to a
 * file or a pipe (no console) every report is a whole line, written when the stage changes (at most once a second) and
 * otherwise every {@link #LOG_LINE_NANOS}, so a log never holds {@code \r} runs and an error line never lands inside one.
 */
final class ProgressLine implements ProgressListener {

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final long LOG_LINE_NANOS = 10_000_000_000L;
    /** A new stage is logged at most once a second (eval's stage names the pair, which changes every pair). */
    private static final long LOG_STAGE_NANOS = 1_000_000_000L;
    /** The redrawn line that is on screen without its newline yet, if any (one terminal per process). */
    private static volatile ProgressLine open;

    private final PrintWriter err;
    private final String label;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int lastLength;
    private String lastStage;

    ProgressLine(PrintWriter err, String label) {
        this(err, label, System.console() != null);
    }

    ProgressLine(PrintWriter err, String label, boolean terminal) {
        this.err = err;
        this.label = label;
        this.terminal = terminal;
    }

    /** Ends a progress line left open on the terminal, so that what is printed next starts on its own line. */
    static void endOpenLine() {
        ProgressLine line = open;
        if (line != null) {
            open = null;
            line.err.println();
            line.err.flush();
        }
    }

    @Override
    public synchronized void progress(String stage, double fraction) {
        long now = System.nanoTime();
        boolean done = fraction >= 1.0;
        boolean newStage = !stage.equals(lastStage);
        long since = now - lastDraw;
        boolean due = terminal ? since >= REDRAW_NANOS
                : lastDraw == 0 || since >= LOG_LINE_NANOS || (newStage && since >= LOG_STAGE_NANOS);
        if (!done && !due) {
            return;
        }
        lastStage = stage;
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
        if (!terminal) {
            err.println(text);
            err.flush();
            return;
        }
        int pad = Math.max(0, lastLength - text.length());
        err.print("\r" + text + " ".repeat(pad));
        lastLength = text.length();
        if (done) {
            err.println();
            open = null;
        } else {
            open = this;
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

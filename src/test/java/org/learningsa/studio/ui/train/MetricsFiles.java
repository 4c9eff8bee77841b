package org.learningsa.studio.ui.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Writes metrics.jsonl lines as {@code lsa train} does, for tests of the panel's readers. */
final class MetricsFiles {

    private MetricsFiles() {
    }

    /** Step line {@code step} of a run whose loss falls as 10/sqrt(step), with {@code pairs} pairs per epoch. */
    static String stepLine(long step, int pairs) {
        double loss = 10 / Math.sqrt(step);
        long epoch = (step - 1) / pairs;
        return String.format(Locale.ROOT, "{\"kind\": \"step\", \"step\": %d, \"epoch\": %d, \"pair\": %d, \"lr\": %s, "
                        + "\"loss\": %s, \"loss_fused\": %s, \"loss_level1\": %s, \"loss_level2\": %s, \"loss_level3\": %s, "
                        + "\"loss_level4\": %s, \"time_ms\": 812.5}",
                step, epoch, (step - 1) % pairs, epoch >= 29 ? "6e-06" : "3e-05", loss, loss / 5, loss / 4, loss / 5, loss / 6, loss / 7);
    }

    static String validationLine(int epoch, double pckVal, double pckTest) {
        return String.format(Locale.ROOT, "{\"kind\": \"validation\", \"epoch\": %d, \"pck_val_0.10\": %s, \"pck_test_0.05\": %s}",
                epoch, pckVal, pckTest);
    }

    static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole run: {@code steps} step lines and a validation line at the end of every epoch. */
    static void writeRun(Path folder, long steps, int pairs) {
        StringBuilder text = new StringBuilder();
        for (long s = 1; s <= steps; s++) {
            text.append(stepLine(s, pairs)).append('\n');
            if (s % pairs == 0) {
                int epoch = (int) ((s - 1) / pairs);
                text.append(validationLine(epoch, 0.5 + 0.3 * (1 - Math.exp(-epoch / 5.0)), 0.3 + 0.2 * (1 - Math.exp(-epoch / 5.0))))
                        .append('\n');
            }
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        append(folder.resolve(RunFolders.METRICS_FILE), text.toString());
    }
}

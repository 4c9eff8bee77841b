package org.learningsa.studio.export;

import java.nio.file.Path;
import java.util.Locale;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.core.AtomicFiles;

/**
 * Matches as CSV for spreadsheets and scripts: {@code x_source,y_source,x_target,y_target,confidence,mutual},
 * original pixels (x right, y down, pixel centres at integers), one row per match in the result's order.
 */
public final class MatchCsv {

    public static final String HEADER = "x_source,y_source,x_target,y_target,confidence,mutual";

    private MatchCsv() {
    }

    public static String toCsv(MatchSet matches) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Match match : matches.matches()) {
            csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,%.6f,%s\n", match.source().x(), match.source().y(),
                    match.target().x(), match.target().y(), match.confidence(), match.mutual()));
        }
        return csv.toString();
    }

    /** Writes the CSV atomically. */
    public static void write(MatchSet matches, Path file) {
        AtomicFiles.writeString(file, toCsv(matches));
    }
}

package org.learningsa.studio.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.learningsa.studio.core.InputLimits;

/**
 * Reads a metrics.jsonl line by line in bounded memory, whatever the file holds: a line longer than
 * {@link InputLimits#METRICS_MAX_LINE_BYTES} (3 GB of zeros is one such line) is skipped without being held,
 * a line that is not UTF-8 or not a metrics entry is skipped, and a last line without its newline (still being
 * written) is left out. What was skipped is counted, so a resume can say what it recovered.
 */
final class MetricsFileScan {

    /** Receives each complete line that decodes as UTF-8, with its entry (null when it holds none). */
    interface LineVisitor {
        /** @return false to stop reading */
        boolean line(String text, MetricsLog.Entry entry) throws IOException;
    }

    /** What a scan met besides entries. */
    static final class Counts {
        long entries;
        long notUtf8;
        long tooLong;
        long notAnEntry;
        boolean partialLastLine;

        /** "2 lines that are not UTF-8, 1 longer than 64 KB", or "" when nothing was skipped. */
        String skipped() {
            List<String> parts = new ArrayList<>();
            if (notUtf8 > 0) {
                parts.add(String.format(Locale.ROOT, "%,d not UTF-8", notUtf8));
            }
            if (tooLong > 0) {
                parts.add(String.format(Locale.ROOT, "%,d longer than %,d bytes", tooLong,
                        InputLimits.METRICS_MAX_LINE_BYTES));
            }
            if (notAnEntry > 0) {
                parts.add(String.format(Locale.ROOT, "%,d not a metrics entry", notAnEntry));
            }
            if (partialLastLine) {
                parts.add("a last line without its end");
            }
            return String.join(", ", parts);
        }
    }

    private MetricsFileScan() {
    }

    /** Scans {@code file} (a missing file is empty), calling {@code visitor} for each readable line. */
    static Counts scan(Path file, LineVisitor visitor) throws IOException {
        Counts counts = new Counts();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        boolean overlong = false;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int read;
            while ((read = in.read(buffer)) > 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != '\n') {
                        continue;
                    }
                    if (!overlong) {
                        line.write(buffer, start, i - start);
                    }
                    if (!finishLine(line, overlong, counts, utf8, visitor)) {
                        return counts;
                    }
                    line.reset();
                    overlong = false;
                    start = i + 1;
                }
                if (!overlong) {
                    line.write(buffer, start, read - start);
                    if (line.size() > InputLimits.METRICS_MAX_LINE_BYTES) {
                        overlong = true;
                        line.reset();
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return counts;
        }
        counts.partialLastLine = overlong || line.size() > 0;
        return counts;
    }

    private static boolean finishLine(ByteArrayOutputStream bytes, boolean overlong, Counts counts, CharsetDecoder utf8,
                                      LineVisitor visitor) throws IOException {
        if (overlong || bytes.size() > InputLimits.METRICS_MAX_LINE_BYTES) {
            counts.tooLong++;
            return true;
        }
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            counts.notUtf8++;
            return true;
        }
        MetricsLog.Entry entry = MetricsLog.parse(text);
        if (entry == null) {
            if (!text.isBlank()) {
                counts.notAnEntry++;
            }
            return true;
        }
        counts.entries++;
        return visitor.line(text, entry);
    }
}

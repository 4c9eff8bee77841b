package org.learningsa.studio.train;

/**
 * Parses single lines of {@code metrics.jsonl}, for readers that follow a growing log incrementally
 * (the training panel) instead of reading it whole with {@link MetricsLog#read}. Same rules as that
 * reader: a malformed line or an unknown kind gives null.
 */
public final class MetricsLines {

    private MetricsLines() {
    }

    /** The entry of one complete line (without its newline), or null when it holds none. */
    public static MetricsLog.Entry parse(String line) {
        return MetricsLog.parse(line);
    }
}

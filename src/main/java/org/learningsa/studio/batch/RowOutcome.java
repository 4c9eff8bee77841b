package org.learningsa.studio.batch;

/**
 * What became of one row of this process's shard.
 *
 * @param record  the finished row's record (DONE, ALREADY_DONE), else null
 * @param message why it failed (FAILED), else null
 */
public record RowOutcome(BatchRow row, Status status, RowRecord record, String message) {

    public enum Status {
        /** Run now and written. */
        DONE,
        /** Its folder was already complete: skipped. */
        ALREADY_DONE,
        /** Reported (with its row number) and skipped. */
        FAILED
    }
}

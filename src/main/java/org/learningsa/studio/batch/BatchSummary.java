package org.learningsa.studio.batch;

import java.util.List;

/**
 * The end of one process's run over its shard.
 *
 * @param rows        rows of the whole CSV
 * @param shardRows   rows this shard took
 * @param done        rows run and written now
 * @param alreadyDone rows skipped because an earlier run had finished them
 * @param failed      rows that failed, in row order
 * @param complete    false when the run was interrupted before its last row
 * @param seconds     wall time of the run
 */
public record BatchSummary(int rows, int shardRows, int done, int alreadyDone, List<RowOutcome> failed,
                           boolean complete, double seconds) {

    public BatchSummary {
        failed = List.copyOf(failed);
    }

    /** Rows of the shard neither done nor failed: left for a later run after an interruption. */
    public int notReached() {
        return shardRows - done - alreadyDone - failed.size();
    }
}

package org.learningsa.studio.core;


/**
 * One of {@code count} deterministic slices of a list: the rows {@code index}, {@code index + count},
 * {@code index + 2·count}… (0-based), so N processes started with 0/N … N-1/N share a list without talking to
 * each other and together cover it exactly once.
 *
 * @param index 0-based, below {@code count}
 * @param count how many shards the work is split into, at least 1
 */
public record Shard(int index, int count) {

    /** The whole list: one shard. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new UserFacingException("a shard is I/N with 0 <= I < N, got " + index + "/" + count);
        }
    }

    /**
     * Parses "I/N" as SLURM ({@code $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT}) and Kubernetes
     * ({@code $JOB_COMPLETION_INDEX}) number their tasks: I from 0.
     *
     * @throws UserFacingException for anything else, in words
     */
    public static Shard parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new UserFacingException("--shard must be I/N (e.g. 0/4: the first of 4 shards), got '" + trimmed + "'");
        }
        try {
            return new Shard(Integer.parseInt(trimmed.substring(0, slash).trim()),
                    Integer.parseInt(trimmed.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new UserFacingException("--shard must be I/N with whole numbers (e.g. 0/4), got '" + trimmed + "'");
        }
    }

    /** Whether the 0-based {@code position} belongs to this shard. */
    public boolean takes(int position) {
        return position % count == index;
    }

    /** Whether this is the whole list. */
    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}

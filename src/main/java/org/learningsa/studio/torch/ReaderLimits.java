package org.learningsa.studio.torch;

/**
 * Upper bounds that keep a hostile or corrupt file from exhausting memory or time. Each is far
 * above what a real checkpoint needs (the 1.3 GB LearningSA checkpoint: ~10k memo entries, nesting
 * depth 3, pickle of ~100 KB).
 */
final class ReaderLimits {

    static final int MAX_STACK = 1_000_000;
    static final int MAX_MARKS = 10_000;
    static final int MAX_MEMO = 1_000_000;
    /** Container nesting (dicts, lists, tuples inside each other). */
    static final int MAX_NESTING = 200;
    /** Items put into containers over a whole pickle. */
    static final long MAX_CONTAINER_ITEMS = 10_000_000L;
    /** Values a walk of the tree may visit, shared subtrees counted once per occurrence. */
    static final long MAX_EXPANDED_VALUES = 10_000_000L;
    static final int MAX_TEXT_BYTES = 64 << 20;
    static final long MAX_TOTAL_TEXT_BYTES = 256L << 20;
    static final int MAX_INT_BYTES = 1 << 16;
    static final int MAX_ZIP_ENTRIES = 1_000_000;
    static final int MAX_PICKLE_BYTES = Integer.MAX_VALUE - 8;

    private ReaderLimits() {
    }
}

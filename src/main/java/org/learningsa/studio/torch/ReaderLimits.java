package org.learningsa.studio.torch;

import org.learningsa.studio.core.InputLimits;

/**
 * The checkpoint reader's bounds, all defined (with their reasons) in {@link InputLimits}. Each is far above
 * what a real checkpoint needs (the 1.3 GB LearningSA checkpoint: ~10k memo entries, nesting depth 3, a
 * pickle of ~100 KB).
 */
final class ReaderLimits {

    static final int MAX_STACK = InputLimits.PICKLE_MAX_STACK;
    static final int MAX_MARKS = InputLimits.PICKLE_MAX_MARKS;
    static final int MAX_MEMO = InputLimits.PICKLE_MAX_MEMO;
    static final int MAX_NESTING = InputLimits.PICKLE_MAX_NESTING;
    static final long MAX_CONTAINER_ITEMS = InputLimits.PICKLE_MAX_CONTAINER_ITEMS;
    static final long MAX_EXPANDED_VALUES = InputLimits.PICKLE_MAX_EXPANDED_VALUES;
    static final int MAX_KEY_VALUES = InputLimits.PICKLE_MAX_KEY_VALUES;
    static final int MAX_TEXT_BYTES = InputLimits.PICKLE_MAX_TEXT_BYTES;
    static final long MAX_TOTAL_TEXT_BYTES = InputLimits.PICKLE_MAX_TOTAL_TEXT_BYTES;
    static final int MAX_INT_BYTES = InputLimits.PICKLE_MAX_INT_BYTES;
    static final int MAX_GLOBAL_NAME = InputLimits.PICKLE_MAX_GLOBAL_NAME;
    static final int MAX_ZIP_ENTRIES = InputLimits.ZIP_MAX_ENTRIES;
    static final int MAX_PICKLE_BYTES = Integer.MAX_VALUE - 8;

    private ReaderLimits() {
    }
}

package org.learningsa.studio.core;

/**
 * Every bound the app puts on what an input file may make it do, in one place (the README's "Limits"
 * section lists the same numbers). Each is far above what a real file of its kind needs, so only hostile or
 * broken files reach one; reaching one ends in a one-line error naming the file and the limit, never in a
 * hang, an {@code OutOfMemoryError} or a stack trace.
 */
public final class InputLimits {

    // --- torch.save checkpoints (the 1.3 GB LearningSA checkpoint: ~10k memo entries, depth 3, ~100 KB pickle)

    /** Pickle stack entries. */
    public static final int PICKLE_MAX_STACK = 1_000_000;
    /** Open MARKs of a pickle. */
    public static final int PICKLE_MAX_MARKS = 10_000;
    /** Memo entries of a pickle. */
    public static final int PICKLE_MAX_MEMO = 1_000_000;
    /** Container nesting (dicts, lists, tuples inside each other). */
    public static final int PICKLE_MAX_NESTING = 200;
    /** Items put into containers over a whole pickle. */
    public static final long PICKLE_MAX_CONTAINER_ITEMS = 10_000_000L;
    /**
     * Values of the object tree with shared subtrees counted once per occurrence (the "expanded" size that a
     * naive walk, print or comparison would visit). Every walk of the tree is linear in this bound or less.
     */
    public static final long PICKLE_MAX_EXPANDED_VALUES = 1_000_000L;
    /** Expanded values of one dict key or set item (real keys are strings or short tuples). */
    public static final int PICKLE_MAX_KEY_VALUES = 1_000;
    /** One string or bytes value, and all of them together. */
    public static final int PICKLE_MAX_TEXT_BYTES = 64 << 20;
    public static final long PICKLE_MAX_TOTAL_TEXT_BYTES = 256L << 20;
    /** Bytes of one LONG1/LONG4 integer. */
    public static final int PICKLE_MAX_INT_BYTES = 1 << 16;
    /** Module or name of a pickle global (GLOBAL and STACK_GLOBAL). */
    public static final int PICKLE_MAX_GLOBAL_NAME = 256;
    /** Entries of a checkpoint's zip directory. */
    public static final int ZIP_MAX_ENTRIES = 1_000_000;
    /** Tensors, values and containers {@code lsa inspect} lists (a real checkpoint lists ~1,000). */
    public static final int INSPECT_MAX_ENTRIES = 100_000;
    /**
     * Tensor elements {@code lsa inspect --json} may sum, as a multiple of the elements the file's storages
     * hold (plus a constant): views of one storage are summed once per distinct view, not once per reference.
     */
    public static final int INSPECT_SUM_WORK_PER_STORED_ELEMENT = 4;
    public static final long INSPECT_SUM_WORK_CONSTANT = 10_000_000L;

    /** Checkpoint files the best-checkpoint search opens (each read is linear in its file; the rest are skipped). */
    public static final int CHECKPOINT_SEARCH_MAX_FILES = 64;
    /** Seconds the search may spend opening files it has not judged before (opening a real checkpoint: < 1 s). */
    public static final int CHECKPOINT_SEARCH_BUDGET_SECONDS = 10;

    // --- images

    /** Longest side an image file may declare (JPEG allows 65535; a forged header is refused before decoding). */
    public static final int IMAGE_MAX_SIDE = 30_000;
    /** Pixels an image file may declare (width × height); decoding for the network subsamples, so memory stays small. */
    public static final long IMAGE_MAX_DECLARED_PIXELS = 400_000_000L;
    /** Pixels decoded at full resolution (the app's view): 64 M pixels is ~450 MB while decoding. */
    public static final long IMAGE_MAX_FULL_RESOLUTION_PIXELS = 64L << 20;
    /**
     * Metadata is read (for the EXIF orientation) only from JPEG and TIFF files, whose segments are bounded
     * (64 KB per JPEG segment); PNG text chunks (zTXt, iTXt) are never inflated.
     */
    public static final String IMAGE_METADATA_FORMATS = "JPEG, TIFF";

    // --- NumPy .npz

    /** Bytes one .npz member may hold once inflated (checked against its .npy header before inflating). */
    public static final long NPZ_MAX_MEMBER_BYTES = 512L << 20;
    /** Bytes all members of one .npz may hold together. */
    public static final long NPZ_MAX_TOTAL_BYTES = 2L << 30;
    /** Bytes of a .npy header. */
    public static final int NPY_MAX_HEADER_BYTES = 64 << 10;

    // --- datasets

    /** Characters of one CSV line (a PF row has at most a few hundred numbers, ~10 k characters). */
    public static final int CSV_MAX_LINE_CHARS = 1 << 20;
    /** Characters of one CSV field. */
    public static final int CSV_MAX_FIELD_CHARS = 256 << 10;
    /** Data rows of one CSV (PF-PASCAL has ~1,300, SPair-71k ~90,000 pairs in all). */
    public static final int CSV_MAX_ROWS = 1_000_000;
    /** Bytes of one SPair-71k annotation JSON (a real one is ~2 KB). */
    public static final long SPAIR_MAX_ANNOTATION_BYTES = 1L << 20;
    /** Keypoints of one annotated pair. */
    public static final int MAX_KEYPOINTS_PER_PAIR = 10_000;

    // --- points files (--points, the editor's .points.json; a real one: tens of points, a few KB)

    /** Bytes of a points file (500 points with 1,000-character labels take ~0.6 MB). */
    public static final long POINTS_MAX_FILE_BYTES = 16L << 20;
    /**
     * Points of one file, and of one correction: each direction solves a dense N×N system (O(N³) time,
     * 8 N² bytes), ~0.1 s and 2 MB at 500 on an idle 2-core machine, and every query of the map visits each point (a morph
     * queries every pixel); 20,000 would need 3.2 GB and minutes, so more are refused.
     */
    public static final int POINTS_MAX_POINTS = 500;
    /** JSON nesting of a points file (the format itself nests 3 deep). */
    public static final int POINTS_MAX_NESTING = 16;
    /** Characters of one JSON number (a coordinate written to 1/1000 px needs ~10). */
    public static final int POINTS_MAX_NUMBER_CHARS = 40;
    /** Characters of one JSON string (an image path; Linux paths are at most 4,096 bytes). */
    public static final int POINTS_MAX_STRING_CHARS = 8_192;
    /** Characters of a point's label and of its id. */
    public static final int POINTS_MAX_LABEL_CHARS = 1_000;
    public static final int POINTS_MAX_ID_CHARS = 100;

    // --- training run folders

    /** Bytes of one metrics.jsonl line (a real one is ~300); longer lines are skipped unread. */
    public static final int METRICS_MAX_LINE_BYTES = 64 << 10;
    /** Entries read from one metrics.jsonl for a view (train.py's 500 epochs of PF-PASCAL log ~650,000 steps). */
    public static final int METRICS_MAX_ENTRIES = 2_000_000;

    // --- morph export options (lsa morph, the morph window's export)

    /** Frames of one animation (40 s at 25 fps). */
    public static final int MORPH_MAX_FRAMES = 1_000;
    /** Frame rates: a GIF stores delays of 1/100 s up to 655 s, an MP4 the rate to 1/100 fps. */
    public static final double MORPH_MIN_FPS = 0.1;
    public static final double MORPH_MAX_FPS = 100;
    /**
     * Pixels of the canvas: the two dense maps a morph reads take 32 bytes per canvas pixel, so 4 M pixels
     * (2048 × 2048) are 128 MB. A natural-size canvas beyond this is scaled down (and the command says so).
     */
    public static final long MORPH_MAX_CANVAS_PIXELS = 4L << 20;
    /**
     * Frames × canvas pixels of one export: rendering and encoding take ~0.2–0.45 µs of CPU per pixel of a
     * frame (MP4 the most), so 100 M pixels stay under a minute on a 2-core machine.
     */
    public static final long MORPH_MAX_EXPORT_PIXELS = 100_000_000L;

    // --- what is echoed back

    /** Characters of a name from a file (key, global, entry, cell) echoed in a message; the rest is elided. */
    public static final int MAX_ECHOED_NAME_CHARS = 200;
    /** Characters of one error message line. */
    public static final int MAX_MESSAGE_CHARS = 2_000;

    private InputLimits() {
    }
}

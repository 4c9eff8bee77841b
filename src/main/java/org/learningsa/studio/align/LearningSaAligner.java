package org.learningsa.studio.align;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.engine.EncodedImage;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.NetworkOutputs;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.Preprocessing;

/**
 * LearningSA (the trained network) as an {@link Aligner}. Keeps the encoded features (backbone +
 * enhancement transformers, the expensive part) of the last few images, keyed by file, modification time
 * and size (or by the pixel array for in-memory images), so swapping only the target re-uses the source
 * side and re-aligning a pair only re-runs the correlation and readout. Owned by {@link ModelRegistry},
 * which closes it.
 */
public final class LearningSaAligner implements Aligner, AutoCloseable {

    /** Encoded images kept between interactive alignments. */
    static final int FEATURE_CACHE_SIZE = 6;
    /**
     * Native memory of one encoded image: the four enhanced levels, 256 + 512 + 1024 + 2048 = 3840 channels
     * × 20 × 20 cells × 4 bytes (float32) = 6,144,000 bytes.
     */
    public static final long ENCODED_IMAGE_BYTES = 3840L * 400 * 4;
    /** The most native memory a {@linkplain #reserveFeatureCache reserved} feature cache may hold (2 GiB ≈ 349 images). */
    public static final long FEATURE_CACHE_BUDGET_BYTES = 2L << 30;

    private final LearningSaNetwork network;
    private final String name;
    private final boolean semantic;
    private final Map<ImageCacheKey, EncodedImage> featureCache = new LinkedHashMap<>(16, 0.75f, true);
    private int encodings;
    private int capacity = FEATURE_CACHE_SIZE;

    /**
     * @param network the loaded network; this aligner closes it
     * @param name    shown to the user, e.g. "LearningSA (best_checkpoint_pascal.pt)"
     */
    public LearningSaAligner(LearningSaNetwork network, String name) {
        this(network, name, true);
    }

    /** @param semantic false for weights that were never trained (the parity fixtures' hashed weights) */
    public LearningSaAligner(LearningSaNetwork network, String name, boolean semantic) {
        this.network = network;
        this.name = name;
        this.semantic = semantic;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean semantic() {
        return semantic;
    }

    @Override
    public synchronized Alignment align(DecodedImage source, DecodedImage target, ProgressListener progress,
                                        CancelToken cancel) {
        EncodedImage encodedSource = encoded(source, scaled(progress, 0.0, 0.45), cancel);
        EncodedImage encodedTarget = encoded(target, scaled(progress, 0.45, 0.9), cancel);
        NetworkOutputs outputs = network.match(encodedSource, encodedTarget, scaled(progress, 0.9, 1.0), cancel);
        return Alignment.fromOutputs(Aligner.refOf(source), Aligner.refOf(target), name, semantic, outputs::get);
    }

    /** How many images were run through the backbone so far (the feature cache's misses). */
    public synchronized int encodings() {
        return encodings;
    }

    /**
     * Lets the feature cache hold {@code images} encoded images (an evaluation that will re-use that many images
     * at once), at least the interactive size and at most what fits {@link #FEATURE_CACHE_BUDGET_BYTES}.
     *
     * @return the capacity now in force
     */
    public synchronized int reserveFeatureCache(int images) {
        capacity = Math.max(FEATURE_CACHE_SIZE, Math.min(images, maxCachedImages()));
        evict();
        return capacity;
    }

    /** Back to the interactive cache size (the most recently used images stay). */
    public synchronized void releaseFeatureCache() {
        capacity = FEATURE_CACHE_SIZE;
        evict();
    }

    /** The most encoded images the memory budget allows. */
    public static int maxCachedImages() {
        return (int) (FEATURE_CACHE_BUDGET_BYTES / ENCODED_IMAGE_BYTES);
    }

    /** Drops the cached features of an image file that will not be aligned again (frees its native memory). */
    public synchronized void forget(Path image) {
        Path key = image.toAbsolutePath().normalize();
        Iterator<Map.Entry<ImageCacheKey, EncodedImage>> entries = featureCache.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<ImageCacheKey, EncodedImage> entry = entries.next();
            if (key.equals(entry.getKey().path())) {
                entry.getValue().close();
                entries.remove();
            }
        }
    }

    private EncodedImage encoded(DecodedImage image, ProgressListener progress, CancelToken cancel) {
        ImageCacheKey key = ImageCacheKey.of(image);
        EncodedImage cached = featureCache.get(key);
        if (cached != null) {
            progress.progress("features cached", 1.0);
            return cached;
        }
        float[] input = Preprocessing.networkInput(image.pixels());
        EncodedImage encoded = network.encode(input, progress, cancel);
        encodings++;
        featureCache.put(key, encoded);
        evict();
        return encoded;
    }

    private void evict() {
        Iterator<Map.Entry<ImageCacheKey, EncodedImage>> eldest = featureCache.entrySet().iterator();
        while (featureCache.size() > capacity && eldest.hasNext()) {
            Map.Entry<ImageCacheKey, EncodedImage> entry = eldest.next();
            entry.getValue().close();
            eldest.remove();
        }
    }

    private static ProgressListener scaled(ProgressListener progress, double from, double to) {
        return (stage, fraction) -> progress.progress(stage, fraction < 0 ? -1 : from + (to - from) * fraction);
    }

    @Override
    public synchronized void close() {
        featureCache.values().forEach(EncodedImage::close);
        featureCache.clear();
        network.close();
    }
}

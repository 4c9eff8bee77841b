package org.learningsa.studio.train;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learningsa.studio.core.FileVersion;

/**
 * The frozen part of the forward per image (backbone + resampling to 20×20: 3840 × 400 floats, 6 MB), kept
 * across epochs: the backbone never changes during fine-tuning, so an image is encoded once while it stays in
 * the cache. Least recently used images are dropped beyond the byte budget. Keyed by file, size and modification
 * time, so an image edited during a run is encoded again.
 */
final class FeatureCache {

    /** One image's cached features and its original size (the loss needs it). */
    record Entry(float[][] levels, int width, int height) {
        long bytes() {
            long n = 0;
            for (float[] level : levels) {
                n += 4L * level.length;
            }
            return n;
        }
    }

    private record Key(Path file, FileVersion version) {
    }

    private final long budgetBytes;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    FeatureCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** A budget of a quarter of the heap the JVM may use. */
    static FeatureCache sizedForHeap() {
        return new FeatureCache(Runtime.getRuntime().maxMemory() / 4);
    }

    interface Encoder {
        Entry encode(Path file);
    }

    Entry get(Path file, Encoder encoder) {
        Key key = keyOf(file);
        Entry entry = entries.get(key);
        if (entry != null) {
            hits++;
            return entry;
        }
        misses++;
        entry = encoder.encode(file);
        entries.put(key, entry);
        bytes += entry.bytes();
        Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > budgetBytes && entries.size() > 1 && oldest.hasNext()) {
            Map.Entry<Key, Entry> e = oldest.next();
            if (e.getKey().equals(key)) {
                continue;
            }
            bytes -= e.getValue().bytes();
            oldest.remove();
        }
        return entry;
    }

    long hits() {
        return hits;
    }

    long misses() {
        return misses;
    }

    private static Key keyOf(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new Key(absolute, FileVersion.of(absolute));
    }
}

package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.learningsa.studio.align.Alignment;

/**
 * Results already computed, per (model, source, target), so going back to a pair or a model shows
 * its matches at once. Least recently used entries go first; an alignment holds about 4 MB. The
 * evaluation window keeps its last results in one too, for "Open pair in main window".
 */
public final class AlignmentCache {

    /** Enough for flipping between a few pairs and models without holding much memory. */
    public static final int CAPACITY = 12;

    public record Key(String modelId, Path source, Path target) {
        public Key {
            source = source.toAbsolutePath().normalize();
            target = target.toAbsolutePath().normalize();
        }
    }

    private final Map<Key, Alignment> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Alignment> eldest) {
            return size() > CAPACITY;
        }
    };

    public Optional<Alignment> get(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    public void put(Key key, Alignment alignment) {
        entries.put(key, alignment);
    }

    public int size() {
        return entries.size();
    }
}

package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.core.FileVersion;

/**
 * Results already computed, per (model, source, target) and their file versions, so going back to a pair or a
 * model shows its matches at once. Least recently used entries go first; an alignment holds about 4 MB. The
 * evaluation window keeps its last results in one too, for "Open pair in main window".
 */
public final class AlignmentCache {

    /** Enough for flipping between a few pairs and models without holding much memory. */
    public static final int CAPACITY = 12;

    /**
     * A model and a pair, each with the version of its file: a checkpoint rewritten by a training run (or an image
     * edited elsewhere) under the same name is a different key, so its old result is not shown as current.
     */
    public record Key(String modelId, FileVersion modelVersion, Path source, FileVersion sourceVersion, Path target,
               FileVersion targetVersion) {

        public static Key of(ModelChoice model, Path source, Path target) {
            Path s = source.toAbsolutePath().normalize();
            Path t = target.toAbsolutePath().normalize();
            FileVersion weights = model.checkpoint() == null ? null : FileVersion.of(model.checkpoint());
            return new Key(model.id(), weights, s, FileVersion.of(s), t, FileVersion.of(t));
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

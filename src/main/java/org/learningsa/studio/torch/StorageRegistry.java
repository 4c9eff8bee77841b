package org.learningsa.studio.torch;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The storages a pickle refers to through persistent ids, one {@link TensorStorage} per key, so
 * tensors that share a storage in the file share one buffer here.
 */
final class StorageRegistry {

    private final Map<String, TensorStorage> byKey = new LinkedHashMap<>();
    private final boolean legacy;

    StorageRegistry(boolean legacy) {
        this.legacy = legacy;
    }

    /**
     * Zip: {@code ('storage', class, key, location, numel)}; legacy: the same plus view metadata,
     * which torch since 1.0 always writes as None.
     */
    TensorStorage resolve(Object persistentId) {
        if (!(persistentId instanceof PyTuple id) || id.size() != (legacy ? 6 : 5) || !"storage".equals(id.get(0))) {
            throw new MalformedInputException("unsupported persistent id (" + PickleTypes.describe(persistentId)
                    + "); expected ('storage', class, key, location, numel" + (legacy ? ", view)" : ")"));
        }
        if (!(id.get(1) instanceof StorageType type) || !(id.get(2) instanceof String key)
                || !(id.get(3) instanceof String) || !(id.get(4) instanceof Long numel) || numel < 0) {
            throw new MalformedInputException("malformed storage persistent id");
        }
        if (legacy && id.get(5) != null) {
            throw new MalformedInputException("storage views of torch < 1.0 are not supported");
        }
        if (numel > Long.MAX_VALUE / type.dtype().elementSize()) {
            throw new MalformedInputException("storage " + key + " claims " + numel + " elements");
        }
        TensorStorage known = byKey.get(key);
        if (known == null) {
            known = new TensorStorage(type.dtype(), numel);
            byKey.put(key, known);
        } else if (known.dtype() != type.dtype() || known.numel() != numel) {
            throw new MalformedInputException("storage " + key + " is referenced with two different dtypes or sizes");
        }
        return known;
    }

    TensorStorage get(String key) {
        return byKey.get(key);
    }

    Collection<Map.Entry<String, TensorStorage>> entries() {
        return byKey.entrySet();
    }
}

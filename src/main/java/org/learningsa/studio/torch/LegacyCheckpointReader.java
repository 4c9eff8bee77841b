package org.learningsa.studio.torch;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

/**
 * The legacy format of {@code torch.save(..., _use_new_zipfile_serialization=False)}: pickles of
 * the magic number, protocol version, system info, the object and the sorted storage keys, then
 * per key an int64 element count and the raw little-endian elements.
 */
final class LegacyCheckpointReader {

    static final BigInteger MAGIC_NUMBER = new BigInteger("1950a86a20f9469cfc6c", 16);
    static final long PROTOCOL_VERSION = 1001;

    private LegacyCheckpointReader() {
    }

    static Object read(MappedFile file) {
        ByteBuffer in = file.region(0, Math.min(file.size(), ReaderLimits.MAX_PICKLE_BYTES));
        GlobalWhitelist globals = new GlobalWhitelist();
        Function<Object, Object> noStorages = id -> {
            throw new MalformedInputException("persistent id in a legacy header pickle");
        };
        if (!MAGIC_NUMBER.equals(Unpickler.load(in, globals, noStorages))) {
            throw new MalformedInputException("not a torch.save file (legacy magic number missing)");
        }
        Object protocol = Unpickler.load(in, globals, noStorages);
        if (!Long.valueOf(PROTOCOL_VERSION).equals(protocol)) {
            throw new MalformedInputException("legacy protocol version " + protocol + " is not supported (1001 expected)");
        }
        Object systemInfo = Unpickler.load(in, globals, noStorages);
        if (!(systemInfo instanceof PyDict info) || !Boolean.TRUE.equals(info.get("little_endian"))) {
            throw new MalformedInputException("only little-endian legacy checkpoints are supported");
        }
        StorageRegistry storages = new StorageRegistry(true);
        Object root = Unpickler.load(in, globals, storages::resolve);
        if (!(Unpickler.load(in, globals, noStorages) instanceof List<?> keys)) {
            throw new MalformedInputException("legacy storage key list missing");
        }
        long at = in.position();
        for (Object key : keys) {
            TensorStorage storage = key instanceof String name ? storages.get(name) : null;
            if (storage == null) {
                throw new MalformedInputException("storage key " + PickleTypes.describe(key) + " in the data section is not used by any tensor");
            }
            if (storage.isAttached()) {
                throw new MalformedInputException("storage " + key + " is listed twice in the data section");
            }
            long count = file.region(at, 8).getLong(0);
            if (count != storage.numel()) {
                throw new MalformedInputException("storage " + key + " has " + count + " elements in the data section, "
                        + storage.numel() + " in the pickle");
            }
            storage.attach(file.region(at + 8, storage.byteSize()));
            at += 8 + storage.byteSize();
        }
        storages.entries().forEach(entry -> {
            if (!entry.getValue().isAttached()) {
                throw new MalformedInputException("storage " + entry.getKey() + " is missing from the data section");
            }
        });
        return root;
    }
}

package org.learningsa.studio.torch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.core.AtomicFiles;

/**
 * Writes object trees as {@code torch.save} files that {@code torch.load} reads back: the zip format
 * (default since torch 1.6) or the legacy format. Trees hold {@link PyDict} (or any Map:
 * LinkedHashMap becomes OrderedDict, others dict), List, {@link PyTuple}, Set, Integer/Long/BigInteger,
 * Double/Float, String, Boolean, byte[], null and {@link TensorData}; tensors sharing a
 * {@link TensorStorage} share it in the file. Files are written atomically.
 */
public final class TorchWriter {

    /** The archive folder inside the zip (torch 2.x writes the same name). */
    static final String ARCHIVE_PREFIX = "archive/";
    /** The zip format version torch 1.6 to 2.x write into {@code <prefix>/version}. */
    static final String FORMAT_VERSION = "3\n";

    private TorchWriter() {
    }

    public static void writeZip(Path file, Object tree) {
        writeAtomically(file, channel -> {
            PickleWriter pickler = new PickleWriter(false);
            byte[] pickle = pickler.pickle(tree);
            ZipWriter zip = new ZipWriter(channel);
            zip.addEntry(ARCHIVE_PREFIX + "data.pkl", ByteBuffer.wrap(pickle));
            for (Map.Entry<String, TensorStorage> storage : pickler.storages().entrySet()) {
                zip.addEntry(ARCHIVE_PREFIX + "data/" + storage.getKey(), storage.getValue().bytes());
            }
            zip.addEntry(ARCHIVE_PREFIX + "version", ByteBuffer.wrap(FORMAT_VERSION.getBytes(StandardCharsets.US_ASCII)));
            zip.finish();
        });
    }

    public static void writeLegacy(Path file, Object tree) {
        writeAtomically(file, channel -> {
            PickleWriter pickler = new PickleWriter(true);
            write(channel, pickler.pickle(LegacyCheckpointReader.MAGIC_NUMBER));
            write(channel, pickler.pickle(LegacyCheckpointReader.PROTOCOL_VERSION));
            PyDict typeSizes = PyDict.dict();
            typeSizes.put("short", 2L);
            typeSizes.put("int", 4L);
            typeSizes.put("long", 4L);
            PyDict systemInfo = PyDict.dict();
            systemInfo.put("protocol_version", LegacyCheckpointReader.PROTOCOL_VERSION);
            systemInfo.put("little_endian", Boolean.TRUE);
            systemInfo.put("type_sizes", typeSizes);
            write(channel, pickler.pickle(systemInfo));
            write(channel, pickler.pickle(tree));
            Map<String, TensorStorage> storages = pickler.storages();
            List<String> keys = new ArrayList<>(storages.keySet());
            keys.sort(null); // torch writes the keys sorted as strings
            write(channel, new PickleWriter(true).pickle(keys));
            for (String key : keys) {
                TensorStorage storage = storages.get(key);
                ByteBuffer count = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, storage.numel());
                write(channel, count);
                write(channel, storage.bytes());
            }
        });
    }

    private static void writeAtomically(Path file, AtomicFiles.ChannelWriter work) {
        AtomicFiles.writeChannel(file, work);
    }

    private static void write(FileChannel channel, byte[] bytes) throws IOException {
        write(channel, ByteBuffer.wrap(bytes));
    }

    private static void write(FileChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }
}

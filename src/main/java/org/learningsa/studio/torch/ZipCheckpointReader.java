package org.learningsa.studio.torch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The zip format of {@code torch.save}: {@code <prefix>/data.pkl}, one stored entry per storage
 * under {@code <prefix>/data/<key>}, {@code <prefix>/version} and (torch 2.1+) {@code byteorder}.
 */
final class ZipCheckpointReader {

    private static final String PICKLE = "data.pkl";

    private ZipCheckpointReader() {
    }

    /** The object tree and every entry's data with the CRC-32 the zip records for it. */
    record Contents(Object root, List<ChecksummedData> entries) {
    }

    static Contents read(MappedFile file) {
        ZipDirectory zip = ZipDirectory.read(file);
        String prefix = findPrefix(zip);
        zip.find(prefix + "byteorder").ifPresent(entry -> {
            String order = StandardCharsets.US_ASCII.decode(zip.data(entry)).toString().trim();
            if (!order.equals("little")) {
                throw new MalformedInputException("byte order '" + order + "' is not supported (little-endian only)");
            }
        });
        StorageRegistry storages = new StorageRegistry(false);
        ByteBuffer pickle = zip.data(zip.find(prefix + PICKLE).orElseThrow());
        Object root = Unpickler.load(pickle, new GlobalWhitelist(), storages::resolve);
        for (Map.Entry<String, TensorStorage> storage : storages.entries()) {
            ZipDirectory.Entry entry = zip.find(prefix + "data/" + storage.getKey()).orElseThrow(() ->
                    new MalformedInputException("storage entry " + prefix + "data/" + storage.getKey() + " is missing"));
            storage.getValue().attach(zip.data(entry));
        }
        List<ChecksummedData> entries = new ArrayList<>();
        for (ZipDirectory.Entry entry : zip.entries()) {
            entries.add(new ChecksummedData(entry.name(), entry.crc32(), zip.data(entry)));
        }
        return new Contents(root, entries);
    }

    private static String findPrefix(ZipDirectory zip) {
        for (ZipDirectory.Entry entry : zip.entries()) {
            String name = entry.name();
            if (name.equals(PICKLE)) {
                return "";
            }
            int slash = name.indexOf('/');
            if (slash >= 0 && name.substring(slash + 1).equals(PICKLE)) {
                return name.substring(0, slash + 1);
            }
        }
        boolean torchScript = zip.entries().stream().anyMatch(e -> e.name().endsWith("/constants.pkl"));
        throw new MalformedInputException(torchScript
                ? "a TorchScript archive (torch.jit.save), not a torch.save checkpoint"
                : "a zip file without data.pkl, not a torch.save checkpoint");
    }
}

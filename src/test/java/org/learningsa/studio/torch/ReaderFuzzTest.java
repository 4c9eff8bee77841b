package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the reader with broken versions of the fixtures: byte flips anywhere,
 * truncations, corrupted pickles inside intact zips, and random opcode streams (in zip and legacy
 * files), and random memo-sharing streams (tuple DAGs, shared dict keys, cycles). Whatever the input,
 * reading either succeeds (and then every tensor's values can be read) or throws
 * {@link TorchFormatException}; no other exception, no error, no hang escapes.
 */
class ReaderFuzzTest {

    private static final long SEED = 20261126L;
    private static final int CASES_PER_KIND = 500;
    /** Opcodes the random streams draw from: every one the reader implements, plus a few it refuses. */
    private static final String OPCODES = "\u0080\u0095.c\u0093qr\u0094hj()t\u0085\u0086\u0087]l}d\u008fae su\u0090\u0091R\u0081bQ"
            + "JKM\u008a\u008bGX\u008c\u008dTUBC\u008e\u0088\u0089N012IiPp\u00ff";

    @TempDir
    Path dir;

    @Test
    void onlyTorchFormatExceptionEscapesForBrokenInput() throws IOException {
        Random random = new Random(SEED);
        List<byte[]> fixtures = new ArrayList<>();
        List<PickleFiles.ZipFixture> zips = new ArrayList<>();
        for (Path checkpoint : TorchFixtures.checkpoints()) {
            fixtures.add(Files.readAllBytes(checkpoint));
            if (checkpoint.getFileName().toString().endsWith("_zip.pt")) {
                zips.add(PickleFiles.unpack(checkpoint));
            }
        }
        Path file = dir.resolve("fuzz.pt");
        byte[] legacyHeader = legacyHeader(Files.readAllBytes(TorchFixtures.file("checkpoint_legacy.pt")));
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CASES_PER_KIND; i++) {
                byte[] bytes = fixtures.get(random.nextInt(fixtures.size())).clone();
                int flips = 1 + random.nextInt(8);
                for (int f = 0; f < flips; f++) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                check(write(file, bytes), "byte flips, case " + i, outcomes);

                byte[] source = fixtures.get(random.nextInt(fixtures.size()));
                check(write(file, java.util.Arrays.copyOf(source, random.nextInt(source.length))), "truncation, case " + i, outcomes);

                PickleFiles.ZipFixture zip = zips.get(random.nextInt(zips.size()));
                byte[] pickle = zip.pickle().clone();
                for (int f = 0; f < 1 + random.nextInt(4); f++) {
                    pickle[random.nextInt(pickle.length)] = (byte) random.nextInt(256);
                }
                check(zipFile(file, pickle, zip.storages()), "corrupt pickle, case " + i, outcomes);

                check(zipFile(file, randomPickle(random, zip.pickle()), zip.storages()), "random opcodes, case " + i, outcomes);

                byte[] tail = randomPickle(random, zip.pickle());
                byte[] legacy = java.util.Arrays.copyOf(legacyHeader, legacyHeader.length + tail.length);
                System.arraycopy(tail, 0, legacy, legacyHeader.length, tail.length);
                check(write(file, legacy), "legacy file with random opcodes, case " + i, outcomes);

                check(zipFile(file, sharingPickle(random), zip.storages()), "shared references, case " + i, outcomes);
            }
        });
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "both outcomes occur: " + outcomes[0] + " read, " + outcomes[1] + " refused");
    }

    private static void check(Path file, String what, int[] outcomes) {
        try {
            TorchFile read = TorchFile.read(file);
            read.verifyChecksums();
            for (CheckpointContents.TensorEntry entry : CheckpointContents.of(read.root()).tensors()) {
                TensorData tensor = entry.tensor();
                tensor.sumAsDouble();
                tensor.contiguousBytes();
            }
            outcomes[0]++;
        } catch (TorchFormatException expected) {
            outcomes[1]++;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + " (seed " + SEED + "): " + e, e);
        }
    }

    /** Memo stores and reuses, tuple and container builders, keys and sets: random DAGs, cycles and shared keys. */
    private static final String[] SHARING_OPS = {")", "]", "}", "h\u0000", "h\u0001", "q\u0000", "q\u0001", "\u0085",
        "\u0086", "\u0087", "a", "s", "N", "K\u0001", "0", "(", "t", "u", "e", "\u0091", "\u008f(\u0090", "2"};

    private static byte[] sharingPickle(Random random) {
        StringBuilder ops = new StringBuilder("\u0080\u0002N)q\u0000q\u0001");
        for (int i = 0, n = 10 + random.nextInt(190); i < n; i++) {
            ops.append(SHARING_OPS[random.nextInt(SHARING_OPS.length)]);
        }
        return ops.append('.').toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Random opcodes with random argument bytes, sometimes spliced with a slice of a real pickle. */
    private static byte[] randomPickle(Random random, byte[] realPickle) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0x80);
        out.write(2);
        int length = 1 + random.nextInt(60);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(10) == 0) {
                int from = random.nextInt(realPickle.length);
                out.write(realPickle, from, Math.min(realPickle.length - from, 1 + random.nextInt(40)));
                continue;
            }
            char opcode = OPCODES.charAt(random.nextInt(OPCODES.length()));
            out.write(opcode);
            if (opcode == 'c') {
                String[] globals = {"collections\nOrderedDict\n", "torch\nFloatStorage\n", "torch._utils\n_rebuild_tensor_v2\n",
                    "os\nsystem\n", "torch\nSize\n", "builtins\nset\n", "_codecs\nencode\n"};
                out.writeBytes(globals[random.nextInt(globals.length)].getBytes(StandardCharsets.US_ASCII));
            } else {
                int argumentBytes = random.nextInt(5);
                for (int b = 0; b < argumentBytes; b++) {
                    out.write(random.nextInt(3) == 0 ? random.nextInt(256) : random.nextInt(4));
                }
            }
        }
        out.write('.');
        return out.toByteArray();
    }

    private static Path zipFile(Path file, byte[] pickle, Map<String, byte[]> storages) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ZipWriter zip = new ZipWriter(channel);
            zip.addEntry("archive/data.pkl", ByteBuffer.wrap(pickle));
            for (Map.Entry<String, byte[]> storage : storages.entrySet()) {
                zip.addEntry("archive/data/" + storage.getKey(), ByteBuffer.wrap(storage.getValue()));
            }
            zip.finish();
        }
        return file;
    }

    /** The magic, protocol and sys-info pickles that start every legacy file. */
    private static byte[] legacyHeader(byte[] legacyFile) {
        ByteBuffer in = ByteBuffer.wrap(legacyFile);
        for (int i = 0; i < 3; i++) {
            Unpickler.load(in, new GlobalWhitelist(), id -> {
                throw new AssertionError("no storages in the header");
            });
        }
        return java.util.Arrays.copyOf(legacyFile, in.position());
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        return Files.write(file, bytes);
    }
}

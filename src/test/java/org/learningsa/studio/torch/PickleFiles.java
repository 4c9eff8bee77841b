package org.learningsa.studio.torch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Test helper: hand-made pickles and the torch files around them. */
final class PickleFiles {

    private PickleFiles() {
    }

    /** A zip torch file whose {@code archive/data.pkl} is {@code pickle}, plus the given storages. */
    static Path zipWithPickle(Path file, byte[] pickle, byte[]... storages) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ZipWriter zip = new ZipWriter(channel);
            zip.addEntry("archive/data.pkl", ByteBuffer.wrap(pickle));
            for (int i = 0; i < storages.length; i++) {
                zip.addEntry("archive/data/" + i, ByteBuffer.wrap(storages[i]));
            }
            zip.addEntry("archive/version", ByteBuffer.wrap("3\n".getBytes(StandardCharsets.US_ASCII)));
            zip.finish();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pickle and the storages (by key) of a zip torch file. */
    record ZipFixture(byte[] pickle, java.util.Map<String, byte[]> storages) {
    }

    static ZipFixture unpack(Path checkpoint) throws IOException {
        try (MappedFile mapped = MappedFile.open(checkpoint)) {
            ZipDirectory zip = ZipDirectory.read(mapped);
            byte[] pickle = null;
            java.util.Map<String, byte[]> storages = new java.util.LinkedHashMap<>();
            for (ZipDirectory.Entry entry : zip.entries()) {
                ByteBuffer data = zip.data(entry);
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                if (entry.name().endsWith("/data.pkl")) {
                    pickle = bytes;
                } else if (entry.name().contains("/data/")) {
                    storages.put(entry.name().substring(entry.name().lastIndexOf('/') + 1), bytes);
                }
            }
            return new ZipFixture(pickle, storages);
        }
    }

    /** Builds pickle bytes from opcodes (chars) and raw arguments. */
    static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Builder op(int opcode) {
            out.write(opcode);
            return this;
        }

        Builder ops(String opcodes) {
            out.writeBytes(opcodes.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Builder global(String module, String name) {
            return ops("c" + module + "\n" + name + "\n");
        }

        Builder string(String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            op('X');
            for (int i = 0; i < 4; i++) {
                out.write(utf8.length >>> (8 * i));
            }
            out.writeBytes(utf8);
            return this;
        }

        Builder repeat(String opcodes, int times) {
            for (int i = 0; i < times; i++) {
                ops(opcodes);
            }
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    static Builder pickle() {
        return new Builder().op(0x80).op(2);
    }
}

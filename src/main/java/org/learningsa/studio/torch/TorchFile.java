package org.learningsa.studio.torch;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Any {@code torch.save} file, zip or legacy format, read safely: the object tree of the pickle
 * ({@link PyDict}, {@code List}, {@link PyTuple}, {@code Set}, Long/BigInteger, Double, Boolean,
 * String, byte[], null and {@link TensorData}) with tensor data memory-mapped, not copied.
 */
public final class TorchFile {

    /** The two container formats of torch.save. */
    public enum Format {
        ZIP("zip"), LEGACY("legacy");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Path file;
    private final Format format;
    private final Object root;
    private final List<ChecksummedData> checksummed;

    private TorchFile(Path file, Format format, Object root, List<ChecksummedData> checksummed) {
        this.file = file;
        this.format = format;
        this.root = root;
        this.checksummed = checksummed;
    }

    /** Reads the structure of a file; only {@link TorchFormatException} escapes for bad input. */
    public static TorchFile read(Path file) {
        return read(file, Integer.MAX_VALUE);
    }

    /** As {@link #read(Path)}; files over {@code wholeMappingLimit} bytes are mapped region by region. */
    static TorchFile read(Path file, long wholeMappingLimit) {
        if (!Files.isRegularFile(file)) {
            throw new TorchFormatException(file, Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        try (MappedFile mapped = MappedFile.open(file, wholeMappingLimit)) {
            Format format = detect(mapped);
            Object root;
            List<ChecksummedData> checksummed = List.of();
            if (format == Format.ZIP) {
                ZipCheckpointReader.Contents contents = ZipCheckpointReader.read(mapped);
                root = contents.root();
                checksummed = contents.entries();
            } else {
                root = LegacyCheckpointReader.read(mapped);
            }
            TreeValidator.validate(root);
            return new TorchFile(file, format, root, checksummed);
        } catch (MalformedInputException e) {
            throw new TorchFormatException(file, e.getMessage());
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new TorchFormatException(file, "file is truncated or corrupt", e);
        } catch (IOException e) {
            throw new TorchFormatException(file, "cannot read: " + e.getMessage(), e);
        } catch (InternalError e) {
            // the JVM's answer to SIGBUS on a mapped page: the file shrank while it was being read
            throw new TorchFormatException(file, "changed while it was being read (truncated or replaced?)", e);
        }
    }

    private static Format detect(MappedFile mapped) {
        if (mapped.size() < 4) {
            throw new MalformedInputException("not a torch.save file (only " + mapped.size() + " bytes)");
        }
        ByteBuffer head = mapped.region(0, 4);
        if (head.getInt(0) == 0x04034b50) {
            return Format.ZIP;
        }
        if ((head.get(0) & 0xff) == 0x80) {
            return Format.LEGACY;
        }
        if (mapped.size() > 262 && "ustar".equals(java.nio.charset.StandardCharsets.US_ASCII.decode(mapped.region(257, 5)).toString())) {
            throw new MalformedInputException("the tar format of torch < 0.4 is not supported");
        }
        throw new MalformedInputException("not a torch.save file (neither a zip archive nor a pickle)");
    }

    public Path file() {
        return file;
    }

    public Format format() {
        return format;
    }

    /**
     * Reads every byte of a zip file's entries and compares their CRC-32 with the zip directory
     * (opening does not, to stay fast). Returns the number of entries checked: 0 for the legacy
     * format, which has no checksums. Throws {@link TorchFormatException} naming a corrupt entry.
     */
    public int verifyChecksums() {
        for (ChecksummedData entry : checksummed) {
            if (!entry.matches()) {
                throw new TorchFormatException(file, "zip entry " + entry.name() + " is corrupt (CRC-32 mismatch)");
            }
        }
        return checksummed.size();
    }

    /** The top-level object of the pickle. */
    public Object root() {
        return root;
    }
}

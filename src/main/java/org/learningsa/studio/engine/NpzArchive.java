package org.learningsa.studio.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.EchoedText;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/**
 * A NumPy {@code .npz} archive (a zip of {@code .npy} entries, stored or DEFLATE-compressed) read into
 * memory, and written the way {@code numpy.savez_compressed} does. Only C-order, little-endian arrays
 * of the dtypes of {@link NpyArray} are supported; that covers every file the project exchanges.
 */
public final class NpzArchive {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private final Map<String, NpyArray> arrays;

    private NpzArchive(Map<String, NpyArray> arrays) {
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    public static NpzArchive of(Map<String, NpyArray> arrays) {
        return new NpzArchive(new LinkedHashMap<>(arrays));
    }

    /**
     * Reads every array of {@code file}; names lose their {@code .npy} suffix. Each member's .npy header is read
     * first and its declared shape and dtype bound what is inflated ({@link InputLimits#NPZ_MAX_MEMBER_BYTES},
     * {@link InputLimits#NPZ_MAX_TOTAL_BYTES}): a 5 MB archive whose member declares gigabytes is refused
     * before anything is allocated, and a member holding more than it declares is refused after reading at
     * most one byte past the declared size.
     */
    public static NpzArchive read(Path file) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String entryName = EchoedText.name(entry.getName());
                String name = entry.getName().endsWith(".npy")
                        ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                if (arrays.containsKey(name)) {
                    throw new UserFacingException(file + ": entry " + entryName + " appears twice");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    NpyArray array = readNpy(in, file, entryName, InputLimits.NPZ_MAX_TOTAL_BYTES - total);
                    total += array.rawBytes().length;
                    arrays.put(name, array);
                }
            }
        } catch (ZipException e) {
            throw new UserFacingException(file + ": not a NumPy .npz archive (" + e.getMessage() + ")", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserFacingException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return new NpzArchive(arrays);
    }

    static NpyArray parseNpy(byte[] bytes, Path file, String entry) {
        try {
            return readNpy(new java.io.ByteArrayInputStream(bytes), file, entry, InputLimits.NPZ_MAX_TOTAL_BYTES);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One .npy member from a stream: header, then exactly the bytes its shape and dtype declare. */
    private static NpyArray readNpy(InputStream in, Path file, String entry, long bytesLeft) throws IOException {
        byte[] preamble = in.readNBytes(12);
        if (preamble.length < 10) {
            throw new UserFacingException(file + ": entry " + entry + " is not a .npy array");
        }
        int major = preamble[6];
        ByteBuffer buffer = ByteBuffer.wrap(preamble).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8))
                : preamble.length == 12 ? Integer.toUnsignedLong(buffer.getInt(8)) : -1;
        int headerStart = major == 1 ? 10 : 12;
        if (headerLength < 0 || headerLength > InputLimits.NPY_MAX_HEADER_BYTES) {
            throw new UserFacingException(file + ": entry " + entry + " has a .npy header of " + headerLength
                    + " bytes (at most " + InputLimits.NPY_MAX_HEADER_BYTES + ")");
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(preamble, 0, preamble.length);
        int rest = (int) (headerStart + headerLength - preamble.length);
        if (rest < 0) {
            throw new UserFacingException(file + ": entry " + entry + " has a truncated .npy header");
        }
        head.write(in.readNBytes(rest));
        NpyHeader header = parseHeader(head.toByteArray(), file, entry);
        long declared = header.dataBytes();
        long limit = Math.min(InputLimits.NPZ_MAX_MEMBER_BYTES, bytesLeft);
        if (declared < 0 || declared > limit) {
            throw new UserFacingException(file + ": entry " + entry + " declares " + header.describe() + " ("
                    + (declared < 0 ? "an overflowing size" : declared + " bytes") + "), more than the "
                    + limit + " bytes an array may hold here");
        }
        byte[] data = in.readNBytes((int) declared);
        if (data.length < declared) {
            throw new UserFacingException(file + ": entry " + entry + " is truncated (" + data.length + " of "
                    + declared + " bytes)");
        }
        if (in.read() >= 0) {
            throw new UserFacingException(file + ": entry " + entry + " holds more bytes than its header declares");
        }
        return header.array(data, file, entry);
    }

    /** The dtype and shape of a .npy header. */
    private record NpyHeader(String descr, long[] shape) {
        /** Bytes the data declares; -1 when the count overflows or the dtype is unknown. */
        long dataBytes() {
            long bytes;
            try {
                bytes = NpyArray.itemSize(descr);
                for (long dim : shape) {
                    bytes = Math.multiplyExact(bytes, dim);
                }
            } catch (ArithmeticException | IllegalArgumentException e) {
                return -1;
            }
            return bytes;
        }

        String describe() {
            return EchoedText.name(descr) + " " + java.util.Arrays.toString(shape);
        }

        NpyArray array(byte[] data, Path file, String entry) {
            try {
                return new NpyArray(descr, shape, data);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(file + ": entry " + entry + ": " + e.getMessage(), e);
            }
        }
    }

    private static NpyHeader parseHeader(byte[] bytes, Path file, String entry) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length < 10 || bytes[i] != MAGIC[i]) {
                throw new UserFacingException(file + ": entry " + entry + " is not a .npy array");
            }
        }
        int headerStart = bytes[6] == 1 ? 10 : 12;
        String header = new String(bytes, headerStart, bytes.length - headerStart, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new UserFacingException(file + ": entry " + entry + " has an unreadable .npy header: "
                    + EchoedText.name(header.trim()));
        }
        if (fortran.group(1).equals("True")) {
            throw new UserFacingException(file + ": entry " + entry + " is Fortran-ordered; only C order is supported");
        }
        long[] dimensions;
        try {
            dimensions = java.util.Arrays.stream(shape.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new UserFacingException(file + ": entry " + entry + " has a shape that is not a list of integers: ("
                    + EchoedText.name(shape.group(1)) + ")");
        }
        for (long dim : dimensions) {
            if (dim < 0) {
                throw new UserFacingException(file + ": entry " + entry + " has a negative dimension");
            }
        }
        return new NpyHeader(descr.group(1), dimensions);
    }

    /** Writes {@code arrays} to {@code file} (DEFLATE), atomically: a temp file in the same folder, then a move. */
    public static void write(Path file, Map<String, NpyArray> arrays) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(6);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npyBytes(e.getValue()));
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    static byte[] npyBytes(NpyArray array) {
        StringBuilder shape = new StringBuilder("(");
        long[] dims = array.shape();
        for (int i = 0; i < dims.length; i++) {
            shape.append(dims[i]).append(dims.length == 1 ? "," : (i + 1 < dims.length ? ", " : ""));
        }
        shape.append(')');
        StringBuilder header = new StringBuilder("{'descr': '" + array.descr() + "', 'fortran_order': False, 'shape': "
                + shape + ", }");
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header.append(" ".repeat(pad)).append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + header.length() + array.rawBytes().length);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xFF);
        out.write((header.length() >> 8) & 0xFF);
        out.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(array.rawBytes());
        return out.toByteArray();
    }

    public Set<String> names() {
        return arrays.keySet();
    }

    public boolean contains(String name) {
        return arrays.containsKey(name);
    }

    public NpyArray get(String name) {
        NpyArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no array '" + name + "' in archive (has " + arrays.keySet() + ")");
        }
        return array;
    }

    public float[] floats(String name) {
        return get(name).toFloatArray();
    }

    public long[] shape(String name) {
        return get(name).shape();
    }

    public Map<String, NpyArray> arrays() {
        return arrays;
    }
}

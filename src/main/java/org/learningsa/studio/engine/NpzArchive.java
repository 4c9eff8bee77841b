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

    /** Reads every array of {@code file}; names lose their {@code .npy} suffix. */
    public static NpzArchive read(Path file) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().endsWith(".npy")
                        ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name, parseNpy(in.readAllBytes(), file, entry.getName()));
                }
            }
        } catch (ZipException e) {
            throw new UserFacingException(file + ": not a NumPy .npz archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return new NpzArchive(arrays);
    }

    static NpyArray parseNpy(byte[] bytes, Path file, String entry) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.length < 10 || bytes[i] != MAGIC[i]) {
                throw new UserFacingException(file + ": entry " + entry + " is not a .npy array");
            }
        }
        int major = bytes[6];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buffer.getShort(8));
            headerStart = 10;
        } else {
            headerLength = buffer.getInt(8);
            headerStart = 12;
        }
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shape.find()) {
            throw new UserFacingException(file + ": entry " + entry + " has an unreadable .npy header: " + header.trim());
        }
        if (fortran.group(1).equals("True")) {
            throw new UserFacingException(file + ": entry " + entry + " is Fortran-ordered; only C order is supported");
        }
        String[] dims = shape.group(1).split(",");
        long[] dimensions = java.util.Arrays.stream(dims).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        int dataStart = headerStart + headerLength;
        byte[] data = java.util.Arrays.copyOfRange(bytes, dataStart, bytes.length);
        try {
            return new NpyArray(descr.group(1), dimensions, data);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(file + ": entry " + entry + ": " + e.getMessage(), e);
        }
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

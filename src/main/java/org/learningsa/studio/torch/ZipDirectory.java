package org.learningsa.studio.torch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The central directory of a zip file, read by hand (java.util.zip does not expose data offsets),
 * including zip64 records, so stored entries can be handed out as slices of the mapped file.
 */
final class ZipDirectory {

    record Entry(String name, int method, long crc32, long compressedSize, long size, long localHeaderOffset) {
    }

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;

    private final MappedFile file;
    private final Map<String, Entry> entries;

    private ZipDirectory(MappedFile file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    static ZipDirectory read(MappedFile file) {
        long size = file.size();
        if (size < EOCD_SIZE) {
            throw new MalformedInputException("zip file is truncated (no end of central directory)");
        }
        long tailStart = Math.max(0, size - EOCD_SIZE - MAX_COMMENT);
        ByteBuffer tail = file.region(tailStart, size - tailStart);
        int eocd = -1;
        for (int at = tail.limit() - EOCD_SIZE; at >= 0; at--) {
            if (tail.getInt(at) == EOCD_SIGNATURE && at + EOCD_SIZE + (tail.getShort(at + 20) & 0xffff) <= tail.limit()) {
                eocd = at;
                break;
            }
        }
        if (eocd < 0) {
            throw new MalformedInputException("zip file is truncated or corrupt (no end of central directory)");
        }
        long count = tail.getShort(eocd + 10) & 0xffff;
        long directorySize = tail.getInt(eocd + 12) & 0xffffffffL;
        long directoryOffset = tail.getInt(eocd + 16) & 0xffffffffL;
        if (count == 0xffff || directorySize == 0xffffffffL || directoryOffset == 0xffffffffL) {
            long locator = tailStart + eocd - 20;
            ByteBuffer locatorBytes = file.region(Math.max(0, locator), 20);
            if (locator < 0 || locatorBytes.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
                throw new MalformedInputException("zip64 end of central directory locator missing");
            }
            ByteBuffer zip64 = file.region(locatorBytes.getLong(8), 56);
            if (zip64.getInt(0) != ZIP64_EOCD_SIGNATURE) {
                throw new MalformedInputException("zip64 end of central directory record missing");
            }
            count = zip64.getLong(32);
            directorySize = zip64.getLong(40);
            directoryOffset = zip64.getLong(48);
        }
        if (count < 0 || count > ReaderLimits.MAX_ZIP_ENTRIES) {
            throw new MalformedInputException("zip claims " + count + " entries");
        }
        ByteBuffer directory = file.region(directoryOffset, directorySize);
        Map<String, Entry> entries = new LinkedHashMap<>();
        int at = 0;
        for (long i = 0; i < count; i++) {
            Entry entry = readEntry(directory, at);
            // torch.load (miniz) and this reader would pick different entries of the same name: refuse the file
            if (entries.putIfAbsent(entry.name(), entry) != null) {
                throw new MalformedInputException("zip entry " + org.learningsa.studio.core.EchoedText.name(entry.name())
                        + " appears twice (readers disagree on which one counts)");
            }
            at += 46 + (directory.getShort(at + 28) & 0xffff) + (directory.getShort(at + 30) & 0xffff)
                    + (directory.getShort(at + 32) & 0xffff);
        }
        return new ZipDirectory(file, entries);
    }

    private static Entry readEntry(ByteBuffer directory, int at) {
        if (at > directory.limit() - 46 || directory.getInt(at) != CENTRAL_SIGNATURE) {
            throw new MalformedInputException("zip central directory is corrupt");
        }
        int flags = directory.getShort(at + 8) & 0xffff;
        int method = directory.getShort(at + 10) & 0xffff;
        long crc32 = directory.getInt(at + 16) & 0xffffffffL;
        long compressedSize = directory.getInt(at + 20) & 0xffffffffL;
        long size = directory.getInt(at + 24) & 0xffffffffL;
        int nameLength = directory.getShort(at + 28) & 0xffff;
        int extraLength = directory.getShort(at + 30) & 0xffff;
        int commentLength = directory.getShort(at + 32) & 0xffff;
        long localOffset = directory.getInt(at + 42) & 0xffffffffL;
        if (at + 46L + nameLength + extraLength + commentLength > directory.limit()) {
            throw new MalformedInputException("zip central directory is truncated");
        }
        byte[] nameBytes = new byte[nameLength];
        directory.get(at + 46, nameBytes);
        String name = new String(nameBytes, StandardCharsets.UTF_8);
        if ((flags & 1) != 0) {
            throw new MalformedInputException("zip entry " + name + " is encrypted");
        }
        int extra = at + 46 + nameLength;
        int extraEnd = extra + extraLength;
        while (extra + 4 <= extraEnd) {
            int id = directory.getShort(extra) & 0xffff;
            int length = directory.getShort(extra + 2) & 0xffff;
            int field = extra + 4;
            if (field + length > extraEnd) {
                throw new MalformedInputException("zip extra field of " + name + " is corrupt");
            }
            if (id == 1) {
                int fieldEnd = field + length;
                if (size == 0xffffffffL && field + 8 <= fieldEnd) {
                    size = directory.getLong(field);
                    field += 8;
                }
                if (compressedSize == 0xffffffffL && field + 8 <= fieldEnd) {
                    compressedSize = directory.getLong(field);
                    field += 8;
                }
                if (localOffset == 0xffffffffL && field + 8 <= fieldEnd) {
                    localOffset = directory.getLong(field);
                }
            }
            extra += 4 + length;
        }
        return new Entry(name, method, crc32, compressedSize, size, localOffset);
    }

    List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    Optional<Entry> find(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /** The bytes of a stored (uncompressed) entry, zero-copy from the mapping. */
    ByteBuffer data(Entry entry) {
        if (entry.method() != 0 || entry.compressedSize() != entry.size()) {
            throw new MalformedInputException("zip entry " + entry.name() + " is compressed (method " + entry.method()
                    + "); torch.save writes stored entries only");
        }
        return file.region(dataOffset(entry), entry.size());
    }

    /** Where the entry's data starts in the file (after its local header, whose extra field may differ). */
    long dataOffset(Entry entry) {
        ByteBuffer local = file.region(entry.localHeaderOffset(), 30);
        if (local.getInt(0) != LOCAL_SIGNATURE) {
            throw new MalformedInputException("zip local header of " + entry.name() + " is corrupt");
        }
        return entry.localHeaderOffset() + 30 + (local.getShort(26) & 0xffff) + (local.getShort(28) & 0xffff);
    }
}

package org.learningsa.studio.torch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a stored (uncompressed) zip the way PyTorch's writer does: every entry's data starts at
 * a multiple of 64 bytes (padding in the local header's extra field), zip64 records where sizes
 * or offsets pass 4 GiB.
 */
final class ZipWriter {

    static final int ALIGNMENT = 64;
    private static final long ZIP64_LIMIT = 0xffffffffL;
    private static final int PADDING_FIELD_ID = 0x4246; // "FB", as PyTorch's miniz writer uses

    private record Written(byte[] name, long crc, long size, long offset) {
    }

    private final FileChannel channel;
    private final long zip64Threshold;
    private final List<Written> written = new ArrayList<>();
    private long position;

    ZipWriter(FileChannel channel) {
        this(channel, ZIP64_LIMIT);
    }

    /** With a lower {@code zip64Threshold} tests exercise the zip64 records without writing 4 GiB. */
    ZipWriter(FileChannel channel, long zip64Threshold) {
        this.channel = channel;
        this.zip64Threshold = zip64Threshold;
    }

    void addEntry(String name, ByteBuffer data) throws IOException {
        ByteBuffer content = data.duplicate();
        CRC32 crc = new CRC32();
        crc.update(content.duplicate());
        long size = content.remaining();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        boolean zip64 = size >= zip64Threshold;
        int zip64Length = zip64 ? 20 : 0;
        long unpadded = position + 30 + nameBytes.length + zip64Length + 4;
        int padding = (int) ((ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT);
        ByteBuffer header = buffer(30 + nameBytes.length + zip64Length + 4 + padding);
        header.putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20)).putShort((short) 0).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt((int) crc.getValue())
                .putInt((int) (zip64 ? ZIP64_LIMIT : size)).putInt((int) (zip64 ? ZIP64_LIMIT : size))
                .putShort((short) nameBytes.length).putShort((short) (zip64Length + 4 + padding)).put(nameBytes);
        if (zip64) {
            header.putShort((short) 1).putShort((short) 16).putLong(size).putLong(size);
        }
        header.putShort((short) PADDING_FIELD_ID).putShort((short) padding);
        for (int i = 0; i < padding; i++) {
            header.put((byte) 'Z');
        }
        written.add(new Written(nameBytes, crc.getValue(), size, position));
        write(header.flip());
        write(content);
    }

    void finish() throws IOException {
        long directoryOffset = position;
        for (Written entry : written) {
            boolean bigSize = entry.size() >= zip64Threshold;
            boolean bigOffset = entry.offset() >= zip64Threshold;
            int extraLength = (bigSize || bigOffset) ? 4 + (bigSize ? 16 : 0) + (bigOffset ? 8 : 0) : 0;
            ByteBuffer central = buffer(46 + entry.name().length + extraLength);
            central.putInt(0x02014b50).putShort((short) 45).putShort((short) (extraLength > 0 ? 45 : 20))
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putInt((int) entry.crc())
                    .putInt((int) (bigSize ? ZIP64_LIMIT : entry.size())).putInt((int) (bigSize ? ZIP64_LIMIT : entry.size()))
                    .putShort((short) entry.name().length).putShort((short) extraLength).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt((int) (bigOffset ? ZIP64_LIMIT : entry.offset())).put(entry.name());
            if (extraLength > 0) {
                central.putShort((short) 1).putShort((short) (extraLength - 4));
                if (bigSize) {
                    central.putLong(entry.size()).putLong(entry.size());
                }
                if (bigOffset) {
                    central.putLong(entry.offset());
                }
            }
            write(central.flip());
        }
        long directorySize = position - directoryOffset;
        boolean zip64 = written.size() >= 0xffff || directoryOffset >= zip64Threshold || directorySize >= zip64Threshold;
        if (zip64) {
            long zip64Offset = position;
            ByteBuffer record = buffer(56 + 20);
            record.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(written.size()).putLong(written.size()).putLong(directorySize).putLong(directoryOffset);
            record.putInt(0x07064b50).putInt(0).putLong(zip64Offset).putInt(1);
            write(record.flip());
        }
        ByteBuffer end = buffer(22);
        short count = (short) (zip64 ? 0xffff : written.size());
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort(count).putShort(count)
                .putInt((int) (zip64 ? ZIP64_LIMIT : directorySize)).putInt((int) (zip64 ? ZIP64_LIMIT : directoryOffset))
                .putShort((short) 0);
        write(end.flip());
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private void write(ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            position += channel.write(data);
        }
    }
}

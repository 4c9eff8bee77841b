package org.learningsa.studio.torch;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/** A zip entry's (memory-mapped) data and the CRC-32 its central directory records. */
record ChecksummedData(String name, long expectedCrc32, ByteBuffer data) {

    boolean matches() {
        CRC32 crc = new CRC32();
        crc.update(data.duplicate());
        return crc.getValue() == expectedCrc32;
    }
}

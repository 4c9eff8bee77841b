package org.learningsa.studio.torch;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one pickle: opcodes and their arguments, each read checked against the end of the
 * data and the size limits, errors located at the opcode's byte offset.
 */
final class PickleInput {

    private final ByteBuffer in;
    private long textBytes;
    private int opcodeAt;

    PickleInput(ByteBuffer in) {
        this.in = in.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads the next opcode and remembers where it started, for messages. */
    int nextOpcode() {
        opcodeAt = in.position();
        return u8();
    }

    MalformedInputException fail(String problem) {
        return new MalformedInputException(problem + " (pickle byte " + opcodeAt + ")");
    }

    private void need(long count) {
        if (count > in.remaining()) {
            throw fail("pickle is truncated");
        }
    }

    int u8() {
        need(1);
        return in.get() & 0xff;
    }

    int u16() {
        need(2);
        return in.getShort() & 0xffff;
    }

    int i32() {
        need(4);
        return in.getInt();
    }

    long u32() {
        return i32() & 0xffffffffL;
    }

    long i64() {
        need(8);
        return in.getLong();
    }

    /** An 8-byte length; negative values (over 2^63) are corrupt. */
    long u64() {
        long value = i64();
        if (value < 0) {
            throw fail("negative length " + value);
        }
        return value;
    }

    double bigEndianDouble() {
        return Double.longBitsToDouble(Long.reverseBytes(i64()));
    }

    /** A newline-terminated module or name of GLOBAL: short and printable ASCII. */
    String line() {
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = u8();
            if (c == '\n') {
                return text.toString();
            }
            if (text.length() >= ReaderLimits.MAX_GLOBAL_NAME || c < 0x20 || c > 0x7e) {
                throw fail("GLOBAL name is not a short printable line");
            }
            text.append((char) c);
        }
    }

    byte[] bytes(long length) {
        if (length > ReaderLimits.MAX_TEXT_BYTES) {
            throw fail("string or bytes of " + length + " bytes exceeds the limit");
        }
        need(length);
        textBytes += length;
        if (textBytes > ReaderLimits.MAX_TOTAL_TEXT_BYTES) {
            throw fail("strings and bytes exceed " + ReaderLimits.MAX_TOTAL_TEXT_BYTES + " bytes in total");
        }
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        return bytes;
    }

    String utf8(long length) {
        return new String(bytes(length), StandardCharsets.UTF_8);
    }

    String latin1(long length) {
        return new String(bytes(length), StandardCharsets.ISO_8859_1);
    }

    /** A little-endian two's complement integer of LONG1/LONG4: Long when it fits, else BigInteger. */
    Object bigInt(long length) {
        if (length > ReaderLimits.MAX_INT_BYTES) {
            throw fail("integer of " + length + " bytes exceeds the limit");
        }
        byte[] littleEndian = bytes(length);
        if (length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < littleEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        BigInteger value = new BigInteger(bigEndian);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}

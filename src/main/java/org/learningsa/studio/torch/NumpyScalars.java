package org.learningsa.studio.torch;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * NumPy scalars, which training scripts often store as metrics ({@code 'best_pck': np.float64(...)}):
 * {@code numpy.dtype(typestr, align, copy)} plus its BUILD state, and
 * {@code numpy.core.multiarray.scalar(dtype, bytes)}. They become Double, Long/BigInteger or Boolean.
 * NumPy arrays are not supported.
 */
final class NumpyScalars {

    /** A numpy dtype of a scalar: kind ('f', 'i', 'u', 'b'), item size, byte order. */
    static final class NumpyDType implements Buildable {
        private final char kind;
        private final int itemSize;
        private boolean bigEndian;

        private NumpyDType(char kind, int itemSize) {
            this.kind = kind;
            this.itemSize = itemSize;
        }

        @Override
        public void build(Object state) {
            if (!(state instanceof PyTuple tuple) || tuple.size() < 2 || !(tuple.get(1) instanceof String order)) {
                throw new MalformedInputException("numpy.dtype with unexpected state");
            }
            bigEndian = order.equals(">");
        }
    }

    private NumpyScalars() {
    }

    /** {@code numpy.dtype('f8', False, True)}. */
    static Object dtype(PyTuple args) {
        if (args.size() < 1 || !(args.get(0) instanceof String typeString) || typeString.length() != 2) {
            throw new MalformedInputException("numpy.dtype with unexpected arguments");
        }
        char kind = typeString.charAt(0);
        int itemSize = typeString.charAt(1) - '0';
        boolean known = switch (kind) {
            case 'f' -> itemSize == 2 || itemSize == 4 || itemSize == 8;
            case 'i', 'u' -> itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
            case 'b' -> itemSize == 1;
            default -> false;
        };
        if (!known) {
            throw new MalformedInputException("numpy dtype '" + typeString + "' is not supported");
        }
        return new NumpyDType(kind, itemSize);
    }

    /** {@code numpy.core.multiarray.scalar(dtype, bytes)}. */
    static Object scalar(PyTuple args) {
        if (args.size() != 2 || !(args.get(0) instanceof NumpyDType dtype) || !(args.get(1) instanceof byte[] data)
                || data.length != dtype.itemSize) {
            throw new MalformedInputException("numpy scalar with unexpected arguments");
        }
        ByteBuffer bytes = ByteBuffer.wrap(data).order(dtype.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        return switch (dtype.kind) {
            case 'f' -> switch (dtype.itemSize) {
                case 2 -> (double) HalfFloats.halfToFloat(bytes.getShort());
                case 4 -> (double) bytes.getFloat();
                default -> bytes.getDouble();
            };
            case 'b' -> data[0] != 0;
            case 'i' -> switch (dtype.itemSize) {
                case 1 -> (long) bytes.get();
                case 2 -> (long) bytes.getShort();
                case 4 -> (long) bytes.getInt();
                default -> bytes.getLong();
            };
            default -> switch (dtype.itemSize) {
                case 1 -> (long) (bytes.get() & 0xff);
                case 2 -> (long) (bytes.getShort() & 0xffff);
                case 4 -> bytes.getInt() & 0xffffffffL;
                default -> unsigned(bytes.getLong());
            };
        };
    }

    private static Object unsigned(long value) {
        return value >= 0 ? (Object) value : BigInteger.valueOf(value).add(BigInteger.ONE.shiftLeft(64));
    }
}

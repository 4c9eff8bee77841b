package org.learningsa.studio.torch;

import java.util.Optional;

/** The element types of torch storages this reader knows, with their storage class and size in bytes. */
public enum DType {
    FLOAT32("float32", "FloatStorage", 4, true),
    FLOAT64("float64", "DoubleStorage", 8, true),
    FLOAT16("float16", "HalfStorage", 2, true),
    BFLOAT16("bfloat16", "BFloat16Storage", 2, true),
    INT64("int64", "LongStorage", 8, false),
    INT32("int32", "IntStorage", 4, false),
    INT16("int16", "ShortStorage", 2, false),
    INT8("int8", "CharStorage", 1, false),
    UINT8("uint8", "ByteStorage", 1, false),
    BOOL("bool", "BoolStorage", 1, false);

    private final String pythonName;
    private final String storageClass;
    private final int elementSize;
    private final boolean floatingPoint;

    DType(String pythonName, String storageClass, int elementSize, boolean floatingPoint) {
        this.pythonName = pythonName;
        this.storageClass = storageClass;
        this.elementSize = elementSize;
        this.floatingPoint = floatingPoint;
    }

    /** The name torch prints without the {@code torch.} prefix, e.g. {@code float32}. */
    public String pythonName() {
        return pythonName;
    }

    /** The legacy typed storage class in module {@code torch}, e.g. {@code FloatStorage}. */
    public String storageClass() {
        return storageClass;
    }

    public int elementSize() {
        return elementSize;
    }

    public boolean isFloatingPoint() {
        return floatingPoint;
    }

    /** The dtype of the storage class {@code torch.<name>}, if it is one this reader supports. */
    public static Optional<DType> ofStorageClass(String name) {
        for (DType dtype : values()) {
            if (dtype.storageClass.equals(name)) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }
}

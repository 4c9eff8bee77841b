package org.learningsa.studio.torch;

/** The value of a {@code torch.<X>Storage} global: names the dtype of a persistent storage id. */
record StorageType(DType dtype) {
}

package org.learningsa.studio.align;

/** Source → target or target → source. */
public enum Direction {
    SOURCE_TO_TARGET, TARGET_TO_SOURCE;

    public Direction reverse() {
        return this == SOURCE_TO_TARGET ? TARGET_TO_SOURCE : SOURCE_TO_TARGET;
    }
}

package org.learningsa.studio.data;

import java.nio.file.Path;

/** A source/target pair shipped in {@code assets/samples}, listed in {@code pairs.tsv}. */
public record SamplePair(String name, String kind, Path source, Path target, String description) {

    /** The kind of a pair that shows one scene twice (stereo, a moved camera): no semantics needed. */
    public static final String SAME_SCENE = "same-scene";

    /** "dog-horses (cross-instance)". */
    public String label() {
        return name + " (" + kind + ")";
    }
}

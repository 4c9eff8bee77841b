package org.learningsa.studio.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.learningsa.studio.data.KeypointPair;

/**
 * When each image of a run is used for the last time, so the encoded features of an image can be kept
 * from its first pair to its last and dropped right after: with room for {@link #maxInUse()} images every
 * image is encoded once, whatever the distance between the pairs that share it (PF-PASCAL's test pairs
 * re-use an image many rows apart).
 */
final class ImageUsePlan {

    private final List<List<Path>> doneAfter;
    private final int distinct;
    private final int maxInUse;

    private ImageUsePlan(List<List<Path>> doneAfter, int distinct, int maxInUse) {
        this.doneAfter = doneAfter;
        this.distinct = distinct;
        this.maxInUse = maxInUse;
    }

    static ImageUsePlan of(List<KeypointPair> pairs) {
        Map<Path, Integer> first = new HashMap<>();
        Map<Path, Integer> last = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            for (Path image : imagesOf(pairs.get(i))) {
                first.putIfAbsent(image, i);
                last.put(image, i);
            }
        }
        List<List<Path>> doneAfter = new ArrayList<>();
        int[] opened = new int[pairs.size() + 1];
        for (int i = 0; i < pairs.size(); i++) {
            doneAfter.add(new ArrayList<>());
        }
        last.forEach((image, index) -> doneAfter.get(index).add(image));
        first.forEach((image, index) -> opened[index]++);
        int inUse = 0;
        int max = 0;
        for (int i = 0; i < pairs.size(); i++) {
            inUse += opened[i];
            max = Math.max(max, inUse);
            inUse -= doneAfter.get(i).size();
        }
        return new ImageUsePlan(doneAfter, first.size(), max);
    }

    /** The two images of a pair as normalised absolute paths (one when source and target are the same file). */
    static Set<Path> imagesOf(KeypointPair pair) {
        Set<Path> images = new LinkedHashSet<>();
        images.add(pair.sourceImage().toAbsolutePath().normalize());
        images.add(pair.targetImage().toAbsolutePath().normalize());
        return images;
    }

    /** Images whose last pair is pair {@code index}. */
    List<Path> doneAfter(int index) {
        return doneAfter.get(index);
    }

    /** Distinct image files among the pairs. */
    int distinct() {
        return distinct;
    }

    /** The most images that are between their first and their last pair at any one pair. */
    int maxInUse() {
        return maxInUse;
    }
}

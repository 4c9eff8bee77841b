package org.learningsa.studio.torch;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Files over 2 GiB cannot be one Java buffer, so they are mapped region by region. Forcing that
 * path (limit 0) on every fixture must give the same trees as the single whole-file mapping.
 */
class RegionMappingTest {

    @Test
    void regionByRegionMappingReadsEveryFixtureLikeTheWholeFileMapping() {
        for (Path checkpoint : TorchFixtures.checkpoints()) {
            SampleTree.assertSameTree(TorchFile.read(checkpoint).root(), TorchFile.read(checkpoint, 0).root(),
                    checkpoint.getFileName().toString());
        }
    }
}

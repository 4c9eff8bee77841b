package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.task.ImmediateTaskRunner;

/** A checkpoint a training run writes appears in the model selector, named by run and epoch, once. */
class RunCheckpointsInModelSelectorTest {

    @Test
    void aRunCheckpointIsOfferedOnceAndKeepsItsPlaceWhenRewritten() {
        List<SamplePair> samples = SamplePairs.installed();
        assumeTrue(!samples.isEmpty(), "needs the sample pairs in assets/samples");
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/runmodels"));
        preferences.clear();
        SyntheticAligner aligner = new SyntheticAligner();
        AlignerCatalog catalog = new AlignerCatalog() {
            @Override
            public List<ModelChoice> available() {
                return List.of(ModelChoice.weightFreeDefault());
            }

            @Override
            public Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel) {
                return aligner;
            }
        };
        MainViewModel main = new MainViewModel(samples, catalog, new ImmediateTaskRunner(), new RecordingDialogService(), preferences);
        Path last = Path.of("/tmp/runs/run-1/last.pt");
        main.offerCheckpoint(last, "Run run-1 · last (epoch 0)");
        assertEquals(2, main.models().size());
        assertEquals("Run run-1 · last (epoch 0)", main.models().get(1).label());
        main.selectedModelProperty().set(main.models().get(1));
        main.offerCheckpoint(last, "Run run-1 · last (epoch 1)");
        assertEquals(2, main.models().size(), "last.pt rewritten after the next epoch: the same entry");
        assertEquals("Run run-1 · last (epoch 1)", main.selectedModelProperty().get().label(), "and it stays selected");
        main.offerCheckpoint(Path.of("/tmp/runs/run-1/epoch_010.pt"), "Run run-1 · epoch 10");
        assertEquals(3, main.models().size());
        main.refreshModels();
        assertEquals(3, main.models().size(), "looking for checkpoints again keeps the run's");
        assertEquals(last.toAbsolutePath(), main.selectedModelProperty().get().checkpoint());
    }
}

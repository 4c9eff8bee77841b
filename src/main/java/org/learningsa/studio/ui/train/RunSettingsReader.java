package org.learningsa.studio.ui.train;

import java.nio.file.Path;

/** Where a run came from, for the runs list: the start model and the dataset, "–" when the folder does not say. */
@FunctionalInterface
interface RunSettingsReader {

    record Origin(String startModel, String dataset) {
        static final Origin UNKNOWN = new Origin("–", "–");
    }

    Origin read(Path runFolder);
}

package org.learningsa.studio.ui;

import java.util.List;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;

/** The models the app offers and how each becomes an {@link Aligner}; tests replace it. */
public interface AlignerCatalog {

    /** The weight-free default first, then every checkpoint found in the search folders. */
    List<ModelChoice> available();

    /**
     * The aligner of {@code choice}, loading its checkpoint on first use (slow: call from a worker).
     *
     * @throws org.learningsa.studio.core.UserFacingException when the checkpoint is missing or rejected;
     *         the message names the file, what is wrong and what to do
     */
    Aligner load(ModelChoice choice, ProgressListener progress, CancelToken cancel);
}

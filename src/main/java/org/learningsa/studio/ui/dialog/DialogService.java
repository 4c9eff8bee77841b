package org.learningsa.studio.ui.dialog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the view models ask of the user or tell the user goes through here, so tests replace
 * it with a recording fake and the view models never open a window themselves.
 */
public interface DialogService {

    /** Shows a non-blocking notification; returns at once. */
    void notify(Notification notification);

    /**
     * Asks for an existing file.
     *
     * @param extensions patterns such as "*.png"; described by {@code filterName}
     */
    Optional<Path> chooseFileToOpen(String title, Path initialFolder, String filterName, List<String> extensions);

    /** Asks where to save a file; the default name is {@code suggestedName}. */
    Optional<Path> chooseFileToSave(String title, Path initialFolder, String suggestedName, String filterName,
            List<String> extensions);

    /**
     * Asks the user to pick one of {@code options} (a PF-PASCAL class, …); {@code initial} is preselected.
     * Empty when the user cancels; a service that cannot ask (a test's recorder) answers as a cancel.
     */
    default Optional<String> chooseOne(String title, String question, List<String> options, String initial) {
        return Optional.empty();
    }

    /** Shows a longer text (About, licences) in a window the user closes; returns at once. */
    void showText(String title, String header, String text);
}

package org.learningsa.studio.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.learningsa.studio.core.AppPaths;

/**
 * What the app shows (as Markdown) when asked how to get the LearningSA weights: {@code weights/README.md} of the
 * checkout or distribution as written, then the folders it searches. Read from disk each time, so
 * the text is the one next to the weights; a short built-in text stands in when no README is found.
 */
final class WeightsInstructions {

    private WeightsInstructions() {
    }

    static String text() {
        List<Path> folders = AppPaths.checkpointSearchDirs();
        StringBuilder text = new StringBuilder(readme(folders));
        text.append("\n\n### Where the app looks\n\nThe app looks for checkpoints in these folders (Model → Look for "
                + "checkpoints again):\n\n");
        for (Path folder : folders) {
            text.append("- `").append(folder).append('`').append(Files.isDirectory(folder) ? "" : " (does not exist yet)").append('\n');
        }
        text.append("\nOr open a checkpoint file anywhere with Model → Open checkpoint… (Ctrl+K).\n");
        return text.toString();
    }

    private static String readme(List<Path> folders) {
        for (Path folder : folders) {
            Path readme = folder.resolve("README.md");
            if (Files.isRegularFile(readme)) {
                try {
                    return Files.readString(readme, StandardCharsets.UTF_8).strip() + "\n\n*(from `" + readme + "`)*";
                } catch (IOException e) {
                    // an unreadable README is as good as none: the built-in text follows
                }
            }
        }
        return "Download best_checkpoint_pascal.pt and best_checkpoint_willow.pt from the LearningSA project "
                + "(github.com/lab-sun/LearningSA, \"Pretrained models\" in its README) and copy them, unchanged, "
                + "into one of the folders below. Each is about 1.3 GB; nothing in them is executed.";
    }
}

package org.learningsa.studio.train;

import java.nio.file.Files;
import org.learningsa.studio.core.UserFacingException;

/** The checks of a {@link TrainingSettings} that need no dataset: one clear message per problem. */
final class SettingsCheck {

    private SettingsCheck() {
    }

    static void check(TrainingSettings s) {
        check(s, false);
    }

    /** @param resuming the weights come from the run's last.pt: the starting checkpoint need not exist any more */
    static void check(TrainingSettings s, boolean resuming) {
        if (s.checkpoint() != null && s.hashedWeights()) {
            throw new UserFacingException("--checkpoint and --hashed-weights exclude each other; choose one");
        }
        if (s.checkpoint() == null && !s.hashedWeights()) {
            throw new UserFacingException("training needs starting weights: --checkpoint FILE or --hashed-weights");
        }
        if (!resuming && s.checkpoint() != null && !Files.isRegularFile(s.checkpoint())) {
            throw new UserFacingException("checkpoint " + s.checkpoint() + " does not exist");
        }
        if (!Files.isDirectory(s.dataDir())) {
            throw new UserFacingException("the data folder " + s.dataDir() + " does not exist or is not a folder");
        }
        if (s.csv() != null && !Files.isRegularFile(s.csv())) {
            throw new UserFacingException("the training CSV " + s.csv() + " does not exist");
        }
        if (s.epochs() <= 0) {
            throw new UserFacingException("--epochs must be at least 1, got " + s.epochs());
        }
        if (!(s.learningRate() > 0) || Double.isInfinite(s.learningRate())) {
            throw new UserFacingException("--lr must be a positive number, got " + s.learningRate());
        }
        if (!(s.gamma() > 0) || Double.isInfinite(s.gamma())) {
            throw new UserFacingException("--gamma must be a positive number, got " + s.gamma());
        }
        for (int m : s.decaySchedule()) {
            if (m < 0) {
                throw new UserFacingException("--decay-schedule milestones must not be negative, got " + m);
            }
        }
        if (s.validation()) {
            if (s.valCsv() != null && !Files.isRegularFile(s.valCsv())) {
                throw new UserFacingException("the validation CSV " + s.valCsv() + " does not exist");
            }
            if (s.testCsv() != null && !Files.isRegularFile(s.testCsv())) {
                throw new UserFacingException("the test CSV " + s.testCsv() + " does not exist");
            }
        }
    }
}

package org.learningsa.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiStepScheduleTest {

    /** train.py: scheduler.step() at the start of each epoch, so milestone 30 applies from epoch 29 (0-based). */
    @Test
    void milestoneTakesEffectOneEpochEarlyAsInTrainPy() {
        MultiStepSchedule s = new MultiStepSchedule(3e-5, 0.2, List.of(30));
        assertEquals(0, s.lastEpoch());
        assertEquals(1, s.stepCount());
        for (int epoch = 0; epoch < 40; epoch++) {
            s.step();
            double expected = epoch < 29 ? 3e-5 : 3e-5 * 0.2;
            assertEquals(expected, s.learningRate(), 0.0, "epoch " + epoch);
        }
        assertEquals(40, s.lastEpoch());
        assertEquals(41, s.stepCount());
    }

    @Test
    void repeatedMilestonesCountAsInTorchsCounter() {
        MultiStepSchedule s = new MultiStepSchedule(1.0, 0.5, List.of(2, 2, 3));
        s.step(); // last_epoch 1
        assertEquals(1.0, s.learningRate());
        s.step(); // 2: ×0.5²
        assertEquals(0.25, s.learningRate());
        s.step(); // 3: ×0.5
        assertEquals(0.125, s.learningRate());
        assertEquals(java.util.Map.of(2, 2, 3, 1), s.milestones());
    }
}

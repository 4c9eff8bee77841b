package org.learningsa.studio.ui.task;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What happens to work asked for after the runner closed (a result that arrives while the window closes). */
class FxTaskRunnerTest {

    @Test
    void workSubmittedAfterCloseEndsBeforeItStartsInsteadOfThrowing() {
        FxTaskRunner runner = new FxTaskRunner();
        runner.close();
        AtomicBoolean ran = new AtomicBoolean();
        TaskHandle handle = runner.submit(BackgroundTask.of("refine", (progress, cancel) -> {
            ran.set(true);
            return 1;
        }));
        assertFalse(handle.isRunning(), "nothing runs on a closed runner");
        assertTrue(handle.isCancelRequested(), "and the handle says it was stopped");
        assertFalse(ran.get());
    }
}

package org.learningsa.studio.ui.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.core.UserFacingException;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Cards fade by severity and never pile up; fading times shortened to 2 s and 4 s for the test. */
@ExtendWith(ApplicationExtension.class)
class NotificationAreaTest {

    private final NotificationArea area = new NotificationArea(Duration.seconds(2), Duration.seconds(4));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(area), 600, 500));
        stage.show();
    }

    @Test
    void informationAndWarningsFadeErrorsStayAndCardsNeverPileUp(FxRobot robot) throws Exception {
        int[] shownAtOnce = new int[2];
        robot.interact(() -> {
            area.show(Notification.error("Cannot open fake.jpg", new UserFacingException("fake.jpg is not an image")));
            area.show(Notification.warning("Nothing to align", "Open a pair first."));
            area.show(Notification.info("Exported", "view.png"));
            shownAtOnce[0] = area.getChildren().size();
        });
        assertEquals(3, shownAtOnce[0]);
        robot.interact(() -> {
            for (int i = 0; i < 5; i++) {
                area.show(Notification.info("Exported " + i, "view.png"));
            }
            area.show(Notification.error("Cannot open fake.jpg", new UserFacingException("fake.jpg is not an image")));
            shownAtOnce[1] = area.getChildren().size();
            shownAtOnce[0] = (int) area.getChildren().stream().filter(n -> n.getStyleClass().contains("error")).count();
        });
        assertEquals(NotificationArea.MAX_VISIBLE, shownAtOnce[1], "at most three cards");
        assertEquals(1, shownAtOnce[0], "the same error twice is one card");
        WaitForAsyncUtils.waitFor(12, TimeUnit.SECONDS, () -> area.getChildren().size() == 1);
        assertEquals(1, robot.lookup(".notification.error").queryAll().size(), "the error stays until closed");
        robot.interact(() -> area.show(Notification.warning("Nothing to align", "Open a pair first.")));
        WaitForAsyncUtils.waitFor(12, TimeUnit.SECONDS, () -> robot.lookup(".notification.warning").queryAll().isEmpty());
    }

    @Test
    void aCardWithChoicesStaysUntilAnsweredAndRunsTheChosenOne(FxRobot robot) throws Exception {
        java.util.List<String> chosen = new java.util.ArrayList<>();
        robot.interact(() -> area.show(Notification.warning("photo.jpg is damaged", "cut short")
                .withActions(new Notification.Action("Keep the previous image", () -> chosen.add("keep")),
                        new Notification.Action("Use it anyway", () -> chosen.add("use")))));
        Thread.sleep(5000);
        assertEquals(1, robot.lookup(".notification.warning").queryAll().size(), "a question does not fade away");
        robot.clickOn("Use it anyway");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.List.of("use"), chosen);
        assertTrue(robot.lookup(".notification.warning").queryAll().isEmpty(), "answering closes the card");
    }
}

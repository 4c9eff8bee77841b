package org.learningsa.studio.ui.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** "Keypoint labels" with no labelled points: disabled and unticked, the user's choice kept for later. */
@ExtendWith(ApplicationExtension.class)
class AvailableCheckTest {

    private final SimpleBooleanProperty choice = new SimpleBooleanProperty(true);
    private final SimpleBooleanProperty available = new SimpleBooleanProperty(false);
    private CheckBox box;

    @Start
    void start(Stage stage) {
        box = ExportFigureDialog.availableCheck("labels", choice, available);
        box.setText("Keypoint labels");
        stage.setScene(new Scene(new StackPane(box), 300, 100));
        stage.show();
    }

    @Test
    void aDisabledBoxIsShownUntickedAndTheChoiceComesBackWhenItApplies(FxRobot robot) {
        assertTrue(box.isDisabled());
        assertFalse(box.isSelected(), "disabled: not shown ticked");
        assertTrue(choice.get(), "the remembered choice is kept");
        robot.interact(() -> available.set(true));
        assertTrue(box.isSelected(), "available again: the choice shows");
        robot.clickOn(box);
        assertEquals(false, choice.get(), "the user's click changes the choice");
    }
}

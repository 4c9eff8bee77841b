package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.ui.view.ViewLink;
import org.learningsa.studio.ui.view.ZoomableImagePane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Zoom about the pointer, fit, 1:1 and linked views, on two 400×300 panes (tolerance 1e-9: plain arithmetic). */
@ExtendWith(ApplicationExtension.class)
class ZoomAndLinkTest {

    private final ZoomableImagePane left = new ZoomableImagePane("left");
    private final ZoomableImagePane right = new ZoomableImagePane("right");
    private final SimpleBooleanProperty linked = new SimpleBooleanProperty(false);

    @Start
    void start(Stage stage) {
        left.setPrefSize(400, 300);
        right.setPrefSize(400, 300);
        left.imageProperty().set(new WritableImage(200, 100));
        right.imageProperty().set(new WritableImage(800, 400));
        ViewLink.link(left, right, linked);
        stage.setScene(new Scene(new HBox(left, right), 800, 300));
        // the primary stage is shared by every TestFX class: one that resized it must not decide this layout
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void fitShowsTheWholeImageCentred(FxRobot robot) {
        robot.interact(left::fit);
        assertEquals(2.0, left.scaleProperty().get(), 1e-9, "200×100 in 400×300 fits at 2×");
        assertEquals(0, left.offsetXProperty().get(), 1e-9);
        assertEquals(50, left.offsetYProperty().get(), 1e-9, "centred vertically");
        assertTrue(left.fittedProperty().get());
    }

    @Test
    void zoomKeepsThePointUnderThePointerInPlace(FxRobot robot) {
        robot.interact(left::fit);
        Point2D before = left.toImagePixel(120, 80);
        robot.interact(() -> left.zoomAt(3, 120, 80));
        Point2D after = left.toImagePixel(120, 80);
        assertEquals(before.getX(), after.getX(), 1e-9);
        assertEquals(before.getY(), after.getY(), 1e-9);
        assertEquals(6.0, left.scaleProperty().get(), 1e-9);
        assertFalse(left.fittedProperty().get(), "a manual zoom leaves fit mode");
        robot.interact(left::actualSize);
        assertEquals(1.0, left.scaleProperty().get(), 1e-9);
    }

    @Test
    void pixelCentresAreAtIntegers(FxRobot robot) {
        robot.interact(left::fit);
        Point2D topLeftPixelCentre = left.toPane(0, 0);
        assertEquals(1.0, topLeftPixelCentre.getX(), 1e-9, "pixel 0 covers [0, 2) on screen at 2×");
        assertEquals(51.0, topLeftPixelCentre.getY(), 1e-9);
        Point2D back = left.toImagePixel(topLeftPixelCentre.getX(), topLeftPixelCentre.getY());
        assertEquals(0, back.getX(), 1e-9);
    }

    @Test
    void linkedViewsShowTheSameRelativeZoomAndPosition(FxRobot robot) {
        robot.interact(() -> {
            left.fit();
            right.fit();
            linked.set(true);
            left.zoomAt(2, 100, 150);
        });
        assertEquals(left.scaleProperty().get() / left.fitScale(), right.scaleProperty().get() / right.fitScale(), 1e-9);
        // the relative image position at the centre of both panes is the same
        Point2D l = left.toImagePixel(200, 150);
        Point2D r = right.toImagePixel(200, 150);
        assertEquals((l.getX() + 0.5) / 200, (r.getX() + 0.5) / 800, 1e-9);
        assertEquals((l.getY() + 0.5) / 100, (r.getY() + 0.5) / 400, 1e-9);
        robot.interact(() -> {
            linked.set(false);
            left.zoomAt(2, 100, 150);
        });
        assertEquals(2.0, left.scaleProperty().get() / left.fitScale() / (right.scaleProperty().get() / right.fitScale()), 1e-9,
                "unlinked, the other view stays");
    }
}

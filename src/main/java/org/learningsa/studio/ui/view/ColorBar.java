package org.learningsa.studio.ui.view;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

/** The legend of the match colours: a horizontal bar of the colour map from 0 to 1 with its title. */
public final class ColorBar extends VBox {

    private static final int GRADIENT_STOPS = 16;
    private final ObjectProperty<ColorMap> colorMap = new SimpleObjectProperty<>(ColorMap.VIRIDIS);
    private final StringProperty title = new SimpleStringProperty("confidence");
    /** A region, not a shape bound to this box's width: that binding would feed back into the pref width. */
    private final Region bar = new Region();

    public ColorBar() {
        super(2);
        setId("colorBar");
        getStyleClass().add("color-bar");
        Label caption = new Label();
        caption.textProperty().bind(title);
        caption.getStyleClass().add("color-bar-title");
        caption.setWrapText(true);
        bar.setMinSize(40, 12);
        bar.setPrefSize(200, 12);
        bar.setMaxSize(Double.MAX_VALUE, 12);
        Label low = new Label("0");
        Label mid = new Label("0.5");
        Label high = new Label("1");
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox ticks = new HBox(low, left, mid, right, high);
        ticks.setAlignment(Pos.CENTER);
        getChildren().addAll(caption, bar, ticks);
        colorMap.addListener(obs -> paint());
        paint();
    }

    private void paint() {
        Stop[] stops = new Stop[GRADIENT_STOPS];
        for (int i = 0; i < GRADIENT_STOPS; i++) {
            double t = i / (double) (GRADIENT_STOPS - 1);
            stops[i] = new Stop(t, colorMap.get().at(t));
        }
        bar.setBackground(new Background(new BackgroundFill(
                new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops), null, null)));
    }

    public ObjectProperty<ColorMap> colorMapProperty() {
        return colorMap;
    }

    public StringProperty titleProperty() {
        return title;
    }
}

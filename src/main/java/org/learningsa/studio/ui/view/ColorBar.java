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
    private final Label low = new Label();
    private final Label mid = new Label();
    private final Label high = new Label();

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
        low.setText("0");
        mid.setText("0.5");
        high.setText("1");
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

    /** The values written under the bar's ends and middle (the colour map spans them). */
    public void range(double lowValue, double highValue) {
        boolean unit = lowValue == 0 && highValue == 1;
        String format = unit ? "%.1f" : "%.3f";
        low.setText(unit ? "0" : String.format(java.util.Locale.ROOT, format, lowValue));
        mid.setText(String.format(java.util.Locale.ROOT, format, (lowValue + highValue) / 2));
        high.setText(unit ? "1" : String.format(java.util.Locale.ROOT, format, highValue));
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

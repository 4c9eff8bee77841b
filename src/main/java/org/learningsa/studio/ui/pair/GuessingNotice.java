package org.learningsa.studio.ui.pair;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.learningsa.studio.ui.MainViewModel;

/**
 * Says in the view, not only in the model name, that the weight-free aligner's matches on a
 * semantic pair (two different objects, a photo and a painting) are guesses, with the way to the
 * official weights, in words that fit the pair shown. Shown while {@link MainViewModel#guessingProperty()}
 * holds, below the images (never over them); closed, it stays away for the session (it said what it had to).
 */
final class GuessingNotice extends VBox {

    private final BooleanProperty dismissed = new SimpleBooleanProperty(false);

    GuessingNotice(MainViewModel main) {
        super(6);
        setId("guessingNotice");
        getStyleClass().add("guessing-notice");
        setPadding(new Insets(8, 12, 8, 12));
        setMaxWidth(560);
        setMaxHeight(USE_PREF_SIZE);
        setMinHeight(USE_PREF_SIZE);

        FontIcon icon = new FontIcon("mdi2a-alert-outline");
        icon.setIconSize(18);
        icon.getStyleClass().add("guessing-notice-icon");
        Label text = new Label();
        text.textProperty().bind(Bindings.createStringBinding(() -> text(main.pairKindProperty().get(),
                description(main)), main.pairKindProperty(), main.sourcePathProperty(), main.targetPathProperty()));
        text.setId("guessingNoticeText");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.getStyleClass().add("notification-close");
        close.setTooltip(new Tooltip("Hide for this session"));
        close.setOnAction(e -> dismissed.set(true));
        HBox top = new HBox(8, icon, text, close);
        top.setAlignment(Pos.TOP_LEFT);

        Button weights = new Button("How to get the LearningSA weights…");
        weights.setId("weightsInstructionsButton");
        weights.setOnAction(e -> main.showWeightsInstructions());
        // not "Open checkpoint…": that is the model menu's entry, and a second control with its text confuses lookups
        Button open = new Button("Open a checkpoint file…");
        open.setId("guessingOpenCheckpoint");
        open.setOnAction(e -> main.chooseCheckpoint());
        HBox buttons = new HBox(8, weights, open);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(top, buttons);

        visibleProperty().bind(Bindings.and(main.guessingProperty(), dismissed.not()));
        managedProperty().bind(visibleProperty());
    }

    /** The open sample pair's description ("A dog and a herd of horses: …"), null for the user's own images. */
    private static String description(MainViewModel main) {
        return main.samplePairs().stream().filter(p -> p.source().equals(main.sourcePathProperty().get())
                        && p.target().equals(main.targetPathProperty().get())
                        || p.source().equals(main.targetPathProperty().get()) && p.target().equals(main.sourcePathProperty().get()))
                .map(org.learningsa.studio.data.SamplePair::description).findFirst().orElse(null);
    }

    /** What the notice says for a pair of {@code kind} ("cross-instance", "photo-painting", null: the user's images). */
    static String text(String kind, String description) {
        String notWhat = "photo-painting".equals(kind) ? "the same features in a photo and a painting"
                : "cross-instance".equals(kind) ? "the same part on two different objects"
                : "the same part on two different objects, or in a photo and a painting";
        return "These matches are guesses. The weight-free default aligner is not semantic: it finds the same scene "
                + "seen twice, not " + notWhat + (description == null ? "" : " (" + description + ")")
                + ". Semantic pairs need the official LearningSA checkpoint.";
    }
}

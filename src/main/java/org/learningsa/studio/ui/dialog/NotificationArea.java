package org.learningsa.studio.ui.dialog;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Notifications inside the main window, stacked in its top-right corner over the images (below the
 * image captions, which the host keeps clear). They never take the focus or block input; information
 * fades after a few seconds, warnings after a little longer, errors stay until closed. A card with
 * the same title as one already shown replaces it, and at most three are shown, so they never pile up.
 * Each card offers its details on request.
 */
public final class NotificationArea extends VBox {

    static final int MAX_VISIBLE = 3;
    private final Duration infoVisibleFor;
    private final Duration warningVisibleFor;

    public NotificationArea() {
        this(Duration.seconds(6), Duration.seconds(15));
    }

    /** With other fading times (tests). */
    public NotificationArea(Duration infoVisibleFor, Duration warningVisibleFor) {
        super(8);
        this.infoVisibleFor = infoVisibleFor;
        this.warningVisibleFor = warningVisibleFor;
        setId("notificationArea");
        setAlignment(Pos.TOP_RIGHT);
        setPadding(new Insets(10));
        setPickOnBounds(false);
        setMaxWidth(USE_PREF_SIZE);
        setFillWidth(false);
    }

    public void show(Notification notification) {
        VBox card = card(notification);
        card.getProperties().put(Notification.class, notification.title());
        getChildren().removeIf(old -> notification.title().equals(old.getProperties().get(Notification.class)));
        getChildren().add(0, card);
        while (getChildren().size() > MAX_VISIBLE) {
            getChildren().remove(getChildren().size() - 1);
        }
        Duration visibleFor = !notification.actions().isEmpty() ? null : switch (notification.severity()) {
            case INFO -> infoVisibleFor;
            case WARNING -> warningVisibleFor;
            case ERROR -> null;
        };
        if (visibleFor != null) {
            PauseTransition wait = new PauseTransition(visibleFor);
            wait.setOnFinished(e -> getChildren().remove(card));
            wait.play();
        }
    }

    private VBox card(Notification notification) {
        String severity = notification.severity().name().toLowerCase(java.util.Locale.ROOT);
        FontIcon icon = new FontIcon(switch (notification.severity()) {
            case INFO -> "mdi2i-information-outline";
            case WARNING -> "mdi2a-alert-outline";
            case ERROR -> "mdi2a-alert-circle-outline";
        });
        icon.setIconSize(20);
        icon.getStyleClass().add("notification-icon");
        Label title = new Label(notification.title());
        title.getStyleClass().add("notification-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.getStyleClass().add("notification-close");
        close.setTooltip(new Tooltip("Dismiss"));
        HBox header = new HBox(8, icon, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label(notification.message());
        message.getStyleClass().add("notification-message");
        message.setWrapText(true);
        message.setMaxWidth(380);
        VBox card = new VBox(6, header, message);
        card.getStyleClass().addAll("notification", severity);
        card.setPrefWidth(400);
        card.setMaxWidth(400);
        if (!notification.details().isBlank()) {
            TextArea details = new TextArea(notification.details());
            details.setEditable(false);
            details.setWrapText(true);
            details.setPrefRowCount(4);
            details.getStyleClass().add("notification-details");
            details.setVisible(false);
            details.setManaged(false);
            Button toggle = new Button("Details");
            toggle.getStyleClass().add("notification-details-button");
            toggle.setOnAction(e -> {
                boolean show = !details.isVisible();
                details.setVisible(show);
                details.setManaged(show);
                toggle.setText(show ? "Hide details" : "Details");
            });
            card.getChildren().addAll(toggle, details);
        }
        if (!notification.actions().isEmpty()) {
            HBox choices = new HBox(8);
            choices.setAlignment(Pos.CENTER_RIGHT);
            for (Notification.Action action : notification.actions()) {
                Button choice = new Button(action.label());
                choice.getStyleClass().add("notification-action");
                choice.setOnAction(e -> {
                    getChildren().remove(card);
                    action.run().run();
                });
                choices.getChildren().add(choice);
            }
            card.getChildren().add(choices);
        }
        close.setOnAction(e -> getChildren().remove(card));
        return card;
    }
}

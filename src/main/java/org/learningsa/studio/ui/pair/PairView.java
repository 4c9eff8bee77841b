package org.learningsa.studio.ui.pair;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.image.Image;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ExactMapping;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.MainViewModel;
import org.learningsa.studio.ui.dialog.NotificationArea;
import org.learningsa.studio.ui.view.ColourRange;
import org.learningsa.studio.ui.view.FxImages;
import org.learningsa.studio.ui.view.MatchOverlay;
import org.learningsa.studio.ui.view.ViewLink;
import org.learningsa.studio.ui.view.ZoomableImagePane;

/**
 * The source and the target side by side, each zoomable, with the match overlay across both, the
 * heatmap of the picked point over the other image, drag and drop, and the notification area.
 */
public final class PairView extends StackPane {

    private final MainViewModel main;
    private final DisplayViewModel display;
    private final InspectorViewModel inspector;
    private final ZoomableImagePane sourcePane = new ZoomableImagePane("sourceView");
    private final ZoomableImagePane targetPane = new ZoomableImagePane("targetView");
    private final MatchOverlay overlay = new MatchOverlay(sourcePane, targetPane);
    private final SplitPane split;
    private final javafx.scene.layout.Pane captions = new javafx.scene.layout.Pane();
    /** Height kept free at the top for the image captions (one line of 13 px text with padding). */
    private static final double CAPTION_CLEARANCE = 26;

    public PairView(MainViewModel main, DisplayViewModel display, InspectorViewModel inspector, NotificationArea notifications) {
        this.main = main;
        this.display = display;
        this.inspector = inspector;
        setId("pairView");
        getStyleClass().add("pair-view");
        sourcePane.setId("sourcePane");
        targetPane.setId("targetPane");
        split = new SplitPane(side(sourcePane, "Source", main.sourcePathProperty(), main.sourcePixelsProperty()),
                side(targetPane, "Target", main.targetPathProperty(), main.targetPixelsProperty()));
        split.setDividerPositions(main.preferences().getDouble("layout.pairDivider", 0.5));
        overlay.widthProperty().bind(widthProperty());
        overlay.heightProperty().bind(heightProperty());
        overlay.setManaged(false);
        StackPane.setAlignment(notifications, Pos.TOP_RIGHT);
        // below the captions, so a card never hides the target's name and size
        StackPane.setMargin(notifications, new javafx.geometry.Insets(CAPTION_CLEARANCE, 0, 0, 0));
        captions.setMouseTransparent(true);
        captions.setManaged(false);
        GuessingNotice notice = new GuessingNotice(main);
        // below the images, in the layout: it takes room from them instead of covering the lower part of one
        javafx.scene.layout.BorderPane body = new javafx.scene.layout.BorderPane(split);
        body.setBottom(notice);
        javafx.scene.layout.BorderPane.setAlignment(notice, Pos.CENTER);
        javafx.scene.layout.BorderPane.setMargin(notice, new javafx.geometry.Insets(6));
        getChildren().addAll(body, overlay, captions, notifications);
        sourcePane.heatmapOpacityProperty().bind(display.heatmapOpacityProperty());
        targetPane.heatmapOpacityProperty().bind(display.heatmapOpacityProperty());

        ViewLink.link(sourcePane, targetPane, display.linkViewsProperty());
        sourcePane.setOnImageClicked(p -> inspector.pick(Direction.SOURCE_TO_TARGET, p.getX(), p.getY()));
        targetPane.setOnImageClicked(p -> inspector.pick(Direction.TARGET_TO_SOURCE, p.getX(), p.getY()));
        sourcePane.setOnImageHovered(p -> {
            if (display.followPointerProperty().get()) {
                inspector.pick(Direction.SOURCE_TO_TARGET, p.getX(), p.getY());
            }
        });
        targetPane.setOnImageHovered(p -> {
            if (display.followPointerProperty().get()) {
                inspector.pick(Direction.TARGET_TO_SOURCE, p.getX(), p.getY());
            }
        });
        installDrop(sourcePane, main::openSource, main::openTarget);
        installDrop(targetPane, main::openTarget, main::openSource);

        Observable[] inputs = {display.visibleMatchesProperty(), display.colorMapProperty(), display.showLinesProperty(),
            display.showPointsProperty(), display.showCellGridProperty(), inspector.inspectionProperty(),
            display.showLevelWeightsProperty(), display.readoutProperty(), inspector.userPointProperty(),
            main.sourcePixelsProperty(), main.targetPixelsProperty()};
        for (Observable input : inputs) {
            input.addListener(obs -> refreshOverlay());
        }
        inspector.inspectionProperty().addListener(obs -> refreshHeatmap());
        display.colorMapProperty().addListener(obs -> refreshHeatmap());
        refreshOverlay();
    }

    private StackPane side(ZoomableImagePane pane, String role, ReadOnlyObjectProperty<Path> path,
            ReadOnlyObjectProperty<RgbImage> pixels) {
        Label caption = new Label();
        caption.getStyleClass().add("image-caption");
        caption.setMouseTransparent(true);
        Label empty = new Label(role + ": drop an image here, or File → Open " + role.toLowerCase(Locale.ROOT) + "…");
        empty.getStyleClass().add("empty-hint");
        empty.setMouseTransparent(true);
        pixels.addListener((obs, old, now) -> {
            pane.imageProperty().set(now == null ? null : FxImages.toFxImage(now));
            updateCaption(caption, role, path.get(), now);
            empty.setVisible(now == null && path.get() == null);
        });
        path.addListener((obs, old, now) -> {
            updateCaption(caption, role, now, pixels.get());
            empty.setVisible(now == null);
        });
        updateCaption(caption, role, path.get(), pixels.get());
        empty.setVisible(path.get() == null);
        StackPane side = new StackPane(pane, empty);
        side.getStyleClass().add("image-side");
        // captions live in a layer above the match overlay, each following the top-left corner of its side
        caption.setManaged(false);
        captions.getChildren().add(caption);
        Runnable follow = () -> {
            javafx.geometry.Point2D corner = captions.sceneToLocal(side.localToScene(0, 0));
            caption.relocate(corner.getX(), corner.getY());
            caption.autosize();
        };
        side.localToSceneTransformProperty().addListener(obs -> follow.run());
        side.layoutBoundsProperty().addListener(obs -> follow.run());
        caption.textProperty().addListener(obs -> follow.run());
        return side;
    }

    private static void updateCaption(Label caption, String role, Path path, RgbImage pixels) {
        if (path == null) {
            caption.setText(role);
            return;
        }
        caption.setText(role + ": " + path.getFileName()
                + (pixels == null ? " (loading…)" : "  " + pixels.width() + "×" + pixels.height()));
    }

    private void installDrop(ZoomableImagePane pane, Consumer<Path> here, Consumer<Path> other) {
        pane.setOnDragOver((DragEvent e) -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        pane.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!files.isEmpty()) {
                here.accept(files.get(0).toPath());
                if (files.size() > 1) {
                    // two files dropped together: the second one goes to the other side
                    other.accept(files.get(1).toPath());
                }
            }
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
    }

    private void refreshOverlay() {
        // "Level weights a_L on fused view" applies wherever the fused readout is shown, here as in the strip
        overlay.showLevelWeights(display.showLevelWeightsProperty().get() && display.readoutProperty().get() == Readout.FUSED);
        // a user's point shown in the inspector is drawn by the editor; the network's pick line would contradict it
        Inspection inspection = inspector.userPointProperty().get() != null ? null : inspector.inspectionProperty().get();
        ColourRange range = display.colourRangeProperty().get();
        overlay.colourRange(range.low(), range.high());
        overlay.show(new MatchOverlay.Scene(display.alignmentProperty().get(), display.visibleMatchesProperty().get(),
                display.colorMapProperty().get(), display.showLinesProperty().get(), display.showPointsProperty().get(),
                display.showCellGridProperty().get(),
                inspection == null ? null : inspection.sourcePoint(),
                inspection == null ? null : inspection.targetPoint()));
    }

    private void refreshHeatmap() {
        Inspection inspection = inspector.inspectionProperty().get();
        Alignment alignment = display.alignmentProperty().get();
        if (inspection == null || alignment == null) {
            sourcePane.showHeatmap(null, 0, 0, 0, 0);
            targetPane.showHeatmap(null, 0, 0, 0, 0);
            return;
        }
        boolean overTarget = inspection.direction() == Direction.SOURCE_TO_TARGET;
        ZoomableImagePane other = overTarget ? targetPane : sourcePane;
        ZoomableImagePane picked = overTarget ? sourcePane : targetPane;
        ImageRef image = overTarget ? alignment.target() : alignment.source();
        Image heat = FxImages.heatmap(inspection.heatmap(), ExactMapping.CELLS, display.colorMapProperty().get());
        // the 20 cells span the whole 320 canvas, padding included; the pane clips them to the image
        double left = MatchOverlay.edge(0, image.width()) + 0.5;
        double right = MatchOverlay.edge(ExactMapping.CELLS, image.width()) + 0.5;
        double top = MatchOverlay.edge(0, image.height()) + 0.5;
        double bottom = MatchOverlay.edge(ExactMapping.CELLS, image.height()) + 0.5;
        other.showHeatmap(heat, left, top, right, bottom);
        picked.showHeatmap(null, 0, 0, 0, 0);
    }

    /**
     * Adds a drawing layer above the match overlay, sized like it (the point editor's markers); the
     * layer should be mouse-transparent so zoom, pan and picking keep working through it.
     */
    public void addLayer(javafx.scene.canvas.Canvas layer) {
        layer.widthProperty().bind(widthProperty());
        layer.heightProperty().bind(heightProperty());
        layer.setManaged(false);
        getChildren().add(getChildren().indexOf(overlay) + 1, layer);
    }

    public void fit() {
        sourcePane.fit();
        targetPane.fit();
    }

    public void actualSize() {
        sourcePane.actualSize();
        if (!display.linkViewsProperty().get()) {
            targetPane.actualSize();
        }
    }

    public void zoom(double factor) {
        sourcePane.zoomAt(factor, sourcePane.getWidth() / 2, sourcePane.getHeight() / 2);
        if (!display.linkViewsProperty().get()) {
            targetPane.zoomAt(factor, targetPane.getWidth() / 2, targetPane.getHeight() / 2);
        }
    }

    public Image sourceImage() {
        return sourcePane.imageProperty().get();
    }

    public Image targetImage() {
        return targetPane.imageProperty().get();
    }

    public ZoomableImagePane sourcePane() {
        return sourcePane;
    }

    public ZoomableImagePane targetPane() {
        return targetPane;
    }

    public MatchOverlay overlay() {
        return overlay;
    }

    public SplitPane split() {
        return split;
    }
}

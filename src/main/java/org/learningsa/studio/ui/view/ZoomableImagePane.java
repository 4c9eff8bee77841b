package org.learningsa.studio.ui.view;

import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * One image with zoom (wheel, pinch) about the pointer, pan (drag), fit and 1:1, and a layer for a
 * heatmap in image coordinates. Points are reported in original pixel coordinates: x right, y down,
 * pixel centres at integers (so the top-left pixel's area is [-0.5, 0.5]²).
 */
public final class ZoomableImagePane extends Region {

    private static final double WHEEL_ZOOM_PER_NOTCH = 1.15;
    private static final double MIN_SCALE = 0.02;
    private static final double MAX_SCALE = 64;
    /** A press and release closer than this (pixels) is a click, not a pan. */
    private static final double CLICK_SLOP = 4;

    private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
    private final DoubleProperty scale = new SimpleDoubleProperty(1);
    private final DoubleProperty offsetX = new SimpleDoubleProperty();
    private final DoubleProperty offsetY = new SimpleDoubleProperty();
    private final ReadOnlyBooleanWrapper fitted = new ReadOnlyBooleanWrapper(true);
    private final ImageView imageView = new ImageView();
    private final ImageView heatmapView = new ImageView();
    private final Group content = new Group(imageView, heatmapView);
    private Consumer<Point2D> onImageClicked = p -> { };
    private Consumer<Point2D> onImageHovered = p -> { };
    private double pressX;
    private double pressY;
    private double lastDragX;
    private double lastDragY;
    private boolean dragging;

    public ZoomableImagePane(String imageViewId) {
        getStyleClass().add("image-pane");
        imageView.setId(imageViewId);
        imageView.setSmooth(true);
        imageView.imageProperty().bind(image);
        heatmapView.setMouseTransparent(true);
        heatmapView.setOpacity(0.6);
        heatmapView.setSmooth(true);
        Translate translate = new Translate();
        translate.xProperty().bind(offsetX);
        translate.yProperty().bind(offsetY);
        Scale zoom = new Scale();
        zoom.xProperty().bind(scale);
        zoom.yProperty().bind(scale);
        content.getTransforms().addAll(translate, zoom);
        content.setManaged(false);
        getChildren().add(content);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinSize(80, 80);
        setPrefSize(600, 500);

        image.addListener((obs, old, now) -> {
            if (now != null && now.getProgress() < 1) {
                now.progressProperty().addListener((o, a, b) -> {
                    if (b.doubleValue() >= 1 && fitted.get()) {
                        fit();
                    }
                });
            }
            heatmapView.setImage(null);
            fit();
        });
        widthProperty().addListener((obs, old, now) -> refitIfFitted());
        heightProperty().addListener((obs, old, now) -> refitIfFitted());

        setOnScroll(this::onScroll);
        setOnZoom(this::onPinch);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(this::onReleased);
        setOnMouseMoved(e -> {
            if (hasImage()) {
                onImageHovered.accept(toImagePixel(e.getX(), e.getY()));
            }
        });
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    public ImageView imageView() {
        return imageView;
    }

    public DoubleProperty scaleProperty() {
        return scale;
    }

    public DoubleProperty offsetXProperty() {
        return offsetX;
    }

    public DoubleProperty offsetYProperty() {
        return offsetY;
    }

    /** True while the image is fitted to the pane (it stays fitted when the pane resizes). */
    public ReadOnlyBooleanProperty fittedProperty() {
        return fitted.getReadOnlyProperty();
    }

    public void setOnImageClicked(Consumer<Point2D> action) {
        this.onImageClicked = action;
    }

    public void setOnImageHovered(Consumer<Point2D> action) {
        this.onImageHovered = action;
    }

    public boolean hasImage() {
        Image current = image.get();
        return current != null && current.getWidth() > 0 && !current.isError();
    }

    public double imageWidth() {
        return hasImage() ? image.get().getWidth() : 0;
    }

    public double imageHeight() {
        return hasImage() ? image.get().getHeight() : 0;
    }

    /** The scale at which the whole image fits the pane. */
    public double fitScale() {
        if (!hasImage() || getWidth() <= 0 || getHeight() <= 0) {
            return 1;
        }
        return Math.min(getWidth() / imageWidth(), getHeight() / imageHeight());
    }

    /** Shows the whole image, centred, and keeps it so when the pane resizes. */
    public void fit() {
        fitted.set(true);
        if (!hasImage()) {
            return;
        }
        double s = fitScale();
        setView(s, (getWidth() - imageWidth() * s) / 2, (getHeight() - imageHeight() * s) / 2);
    }

    /** One image pixel per screen pixel, keeping the pane's centre on the same image point. */
    public void actualSize() {
        zoomAt(1 / scale.get(), getWidth() / 2, getHeight() / 2);
    }

    /** Multiplies the zoom by {@code factor}, keeping the image point under (x, y) in place. */
    public void zoomAt(double factor, double x, double y) {
        if (!hasImage()) {
            return;
        }
        double newScale = clamp(scale.get() * factor, MIN_SCALE, MAX_SCALE);
        double applied = newScale / scale.get();
        fitted.set(false);
        setView(newScale, x - (x - offsetX.get()) * applied, y - (y - offsetY.get()) * applied);
    }

    /** Sets zoom and position together (used by linked views). */
    public void setView(double newScale, double newOffsetX, double newOffsetY) {
        scale.set(newScale);
        offsetX.set(newOffsetX);
        offsetY.set(newOffsetY);
    }

    void markManual() {
        fitted.set(false);
    }

    private void refitIfFitted() {
        if (fitted.get()) {
            fit();
        }
    }

    /**
     * Runs {@code redraw} whenever this pane's view of its image moves on screen (zoom, pan, the pane's own
     * layout), for a layer drawn over it that must follow.
     */
    public void onViewMoved(Runnable redraw) {
        scale.addListener(obs -> redraw.run());
        offsetX.addListener(obs -> redraw.run());
        offsetY.addListener(obs -> redraw.run());
        boundsInParentProperty().addListener(obs -> redraw.run());
        localToSceneTransformProperty().addListener(obs -> redraw.run());
    }

    /** Where an image point (pixel-centre coordinates) appears in {@code layer}'s coordinates, through this pane's view. */
    public Point2D toLayer(javafx.scene.Node layer, double pixelX, double pixelY) {
        return layer.sceneToLocal(localToScene(toPane(pixelX, pixelY)));
    }

    /** Pane-local coordinates of an image point given in pixel-centre coordinates. */
    public Point2D toPane(double pixelX, double pixelY) {
        return new Point2D(offsetX.get() + (pixelX + 0.5) * scale.get(), offsetY.get() + (pixelY + 0.5) * scale.get());
    }

    /** The image point (pixel-centre coordinates) under the pane-local point (x, y). */
    public Point2D toImagePixel(double x, double y) {
        return new Point2D((x - offsetX.get()) / scale.get() - 0.5, (y - offsetY.get()) / scale.get() - 0.5);
    }

    /**
     * Shows {@code heatmap} over the image region [left, top] – [right, bottom] (image-local edge
     * coordinates, may extend past the image) or hides it when {@code heatmap} is null.
     */
    public void showHeatmap(Image heatmap, double left, double top, double right, double bottom) {
        heatmapView.setImage(heatmap);
        if (heatmap != null) {
            heatmapView.setX(left);
            heatmapView.setY(top);
            heatmapView.setFitWidth(right - left);
            heatmapView.setFitHeight(bottom - top);
            // the view's local coordinates are those of the image (x, y and fit size place it), so the
            // image rectangle clips away the padding cells that lie outside the picture
            heatmapView.setClip(new Rectangle(0, 0, imageWidth(), imageHeight()));
        }
    }

    /** Opacity of the heatmap layer (the user's choice; the heatmap's own alpha still fades weak cells). */
    public DoubleProperty heatmapOpacityProperty() {
        return heatmapView.opacityProperty();
    }

    public boolean isHeatmapShown() {
        return heatmapView.getImage() != null;
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0 || e.getTouchCount() > 1) {
            return;
        }
        zoomAt(Math.pow(WHEEL_ZOOM_PER_NOTCH, e.getDeltaY() / 40.0), e.getX(), e.getY());
        e.consume();
    }

    private void onPinch(ZoomEvent e) {
        zoomAt(e.getZoomFactor(), e.getX(), e.getY());
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        lastDragX = pressX;
        lastDragY = pressY;
        dragging = false;
        requestFocus();
    }

    private void onDragged(MouseEvent e) {
        if (!dragging && Math.hypot(e.getX() - pressX, e.getY() - pressY) > CLICK_SLOP) {
            dragging = true;
            setCursor(Cursor.CLOSED_HAND);
        }
        if (dragging) {
            fitted.set(false);
            setView(scale.get(), offsetX.get() + e.getX() - lastDragX, offsetY.get() + e.getY() - lastDragY);
            lastDragX = e.getX();
            lastDragY = e.getY();
        }
    }

    private void onReleased(MouseEvent e) {
        setCursor(Cursor.DEFAULT);
        if (!dragging && e.getButton() == MouseButton.PRIMARY && hasImage()) {
            onImageClicked.accept(toImagePixel(e.getX(), e.getY()));
        }
        dragging = false;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

package org.learningsa.studio.ui.edit;

import java.util.List;
import java.util.Set;
import javafx.event.EventHandler;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.PointEdits;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.ui.pair.InspectorViewModel;
import org.learningsa.studio.ui.pair.PairView;
import org.learningsa.studio.ui.view.ZoomableImagePane;

/**
 * The editor in the pair view: draws the user's points (squares, filled when locked, ringed when
 * selected, joined across the two images), the point being added and its proposed second end; in edit
 * mode a press on an end drags it (the selection with it), the inspector reporting the point as dragged, a
 * click elsewhere adds a point, and Delete, L, Enter and Esc delete, lock, accept the proposal and cancel.
 * Outside edit mode clicks pick points for the inspector as before. Zoom and pan are untouched.
 */
public final class EditLayer extends Canvas {

    /** How close (screen pixels) a press must be to an end to grab it. */
    static final double HIT_PIXELS = 7;
    private static final double HALF_SQUARE = 4.5;
    private static final Color USER_COLOUR = Color.web("#ff9500");
    private static final Color ACCEPTED_COLOUR = Color.web("#30d158");
    private static final Color NETWORK_COLOUR = Color.web("#bf5af2");
    private static final Color SELECTED_COLOUR = Color.web("#ffd60a");

    private final EditViewModel editor;
    private final InspectorViewModel inspector;
    private final ZoomableImagePane sourcePane;
    private final ZoomableImagePane targetPane;
    /** The drag in progress, or null. */
    private Drag drag;
    private boolean shiftAtPress;

    private record Drag(Direction side, Set<String> ids, PointEdits.End end, PixelPoint grabbed, PixelPoint startEnd,
                        UserPoint point, double dx, double dy) {
        Drag to(PixelPoint now) {
            return new Drag(side, ids, end, grabbed, startEnd, point, now.x() - grabbed.x(), now.y() - grabbed.y());
        }

        /** The grabbed point as it is drawn now. */
        InspectorViewModel.UserCorrespondence moved() {
            PixelPoint moved = new PixelPoint(startEnd.x() + dx, startEnd.y() + dy);
            return end == PointEdits.End.SOURCE
                    ? new InspectorViewModel.UserCorrespondence(point.id(), moved, point.target(), true)
                    : new InspectorViewModel.UserCorrespondence(point.id(), point.source(), moved, true);
        }
    }

    private EditLayer(PairView pairView, EditViewModel editor, InspectorViewModel inspector) {
        this.editor = editor;
        this.inspector = inspector;
        this.sourcePane = pairView.sourcePane();
        this.targetPane = pairView.targetPane();
        setId("editLayer");
        setMouseTransparent(true);
        widthProperty().addListener(obs -> redraw());
        heightProperty().addListener(obs -> redraw());
        sourcePane.onViewMoved(this::redraw);
        targetPane.onViewMoved(this::redraw);
        editor.pointsProperty().addListener(obs -> {
            showSelectedInInspector();
            redraw();
        });
        editor.selection().addListener((javafx.collections.SetChangeListener<String>) c -> {
            showSelectedInInspector();
            redraw();
        });
        editor.pendingProperty().addListener((obs, old, now) -> {
            if (now != null) {
                // the first click shows the network's match and its heatmap over the other image
                inspector.clearUserPoint(false);
                inspector.pick(now.side(), now.start().x(), now.start().y());
            }
            redraw();
        });
        editor.editModeProperty().addListener(obs -> {
            showSelectedInInspector();
            redraw();
        });
    }

    /**
     * The inspector follows the editor: the one selected point (just placed, clicked or moved) is reported as
     * the user made it; when it goes (undo, delete) its pick goes with it, so no marker stays where it was.
     */
    private void showSelectedInInspector() {
        if (drag != null || editor.pendingProperty().get() != null) {
            return;
        }
        UserPoint selected = null;
        if (editor.editModeProperty().get() && editor.selection().size() == 1) {
            String id = editor.selection().iterator().next();
            selected = editor.pointsProperty().get().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        }
        if (selected != null) {
            inspector.showUserPoint(new InspectorViewModel.UserCorrespondence(selected.id(), selected.source(),
                    selected.target(), false));
        } else {
            inspector.clearUserPoint(true);
        }
    }

    /** Adds the layer to the pair view and routes its panes' mouse and keys through the editor in edit mode. */
    public static EditLayer install(PairView pairView, EditViewModel editor, InspectorViewModel inspector) {
        EditLayer layer = new EditLayer(pairView, editor, inspector);
        pairView.addLayer(layer);
        layer.route(layer.sourcePane, Direction.SOURCE_TO_TARGET);
        layer.route(layer.targetPane, Direction.TARGET_TO_SOURCE);
        pairView.addEventHandler(KeyEvent.KEY_PRESSED, layer::onKey);
        return layer;
    }

    private void route(ZoomableImagePane pane, Direction side) {
        pane.setOnImageClicked(p -> {
            if (editor.editModeProperty().get()) {
                editor.click(side, new PixelPoint(p.getX(), p.getY()), hitRadius(pane), shiftAtPress);
            } else {
                inspector.pick(side, p.getX(), p.getY());
            }
        });
        EventHandler<MouseEvent> pressed = e -> {
            shiftAtPress = e.isShiftDown();
            if (!editor.editModeProperty().get() || e.getButton() != MouseButton.PRIMARY || !pane.hasImage()) {
                return;
            }
            PixelPoint p = imagePoint(pane, e);
            editor.hit(side, p, hitRadius(pane)).ifPresent(hit -> {
                PixelPoint end = hit.end() == PointEdits.End.SOURCE ? hit.point().source() : hit.point().target();
                drag = new Drag(side, editor.dragIds(hit), hit.end(), p, end, hit.point(), 0, 0);
                pane.requestFocus();
                e.consume();
            });
        };
        EventHandler<MouseEvent> dragged = e -> {
            if (drag == null || drag.side() != side) {
                return;
            }
            drag = drag.to(imagePoint(pane, e));
            // the inspector reports the point as dragged (not the network's match of the grabbed end), with the
            // network's heatmap for its source over the target
            inspector.showUserPoint(drag.moved());
            redraw();
            e.consume();
        };
        EventHandler<MouseEvent> released = e -> {
            if (drag == null || drag.side() != side) {
                return;
            }
            Drag done = drag.to(imagePoint(pane, e));
            drag = null;
            if (Math.hypot(done.dx(), done.dy()) * pane.scaleProperty().get() < 1) {
                // not moved: a click on the point selects it (Shift adds or removes it)
                editor.click(side, done.grabbed(), hitRadius(pane), shiftAtPress);
                redraw();
            } else {
                editor.moveBy(done.ids(), done.end(), done.dx(), done.dy());
            }
            showSelectedInInspector();
            e.consume();
        };
        pane.addEventFilter(MouseEvent.MOUSE_PRESSED, pressed);
        pane.addEventFilter(MouseEvent.MOUSE_DRAGGED, dragged);
        pane.addEventFilter(MouseEvent.MOUSE_RELEASED, released);
    }

    private void onKey(KeyEvent e) {
        if (!editor.editModeProperty().get() || e.isShortcutDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
            editor.deleteSelected();
        } else if (code == KeyCode.L) {
            editor.toggleLockSelected();
        } else if (code == KeyCode.ENTER) {
            editor.acceptProposal();
        } else if (code == KeyCode.ESCAPE && editor.pendingProperty().get() != null) {
            editor.cancelPending();
        } else {
            return;
        }
        e.consume();
    }

    private static double hitRadius(ZoomableImagePane pane) {
        return HIT_PIXELS / pane.scaleProperty().get();
    }

    private static PixelPoint imagePoint(ZoomableImagePane pane, MouseEvent e) {
        Point2D local = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
        Point2D p = pane.toImagePixel(local.getX(), local.getY());
        return new PixelPoint(p.getX(), p.getY());
    }

    public void redraw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (!sourcePane.hasImage() || !targetPane.hasImage()) {
            return;
        }
        g.setFont(Font.font(11));
        for (UserPoint point : editor.pointsProperty().get()) {
            PixelPoint s = point.source();
            PixelPoint t = point.target();
            if (drag != null && drag.ids().contains(point.id())) {
                if (drag.end() == PointEdits.End.SOURCE) {
                    s = new PixelPoint(s.x() + drag.dx(), s.y() + drag.dy());
                } else {
                    t = new PixelPoint(t.x() + drag.dx(), t.y() + drag.dy());
                }
            }
            drawPoint(g, point, toOverlay(sourcePane, s), toOverlay(targetPane, t), editor.selection().contains(point.id()));
        }
        EditViewModel.Pending pending = editor.pendingProperty().get();
        if (pending != null) {
            boolean fromSource = pending.side() == Direction.SOURCE_TO_TARGET;
            Point2D start = toOverlay(fromSource ? sourcePane : targetPane, pending.start());
            crosshair(g, start, USER_COLOUR);
            if (pending.proposal() != null) {
                Point2D proposal = toOverlay(fromSource ? targetPane : sourcePane, pending.proposal());
                g.setStroke(USER_COLOUR);
                g.setLineDashes(5, 4);
                g.setLineWidth(1.5);
                g.strokeLine(start.getX(), start.getY(), proposal.getX(), proposal.getY());
                g.strokeOval(proposal.getX() - 9, proposal.getY() - 9, 18, 18);
                g.setLineDashes();
                crosshair(g, proposal, Color.WHITE);
            }
        }
    }

    private void drawPoint(GraphicsContext g, UserPoint point, Point2D s, Point2D t, boolean selected) {
        Color colour = point.origin() == Origin.USER ? USER_COLOUR : point.origin() == Origin.ACCEPTED
                ? ACCEPTED_COLOUR : NETWORK_COLOUR;
        g.setStroke(Color.rgb(0, 0, 0, 0.6));
        g.setLineWidth(3);
        g.strokeLine(s.getX(), s.getY(), t.getX(), t.getY());
        g.setStroke(colour);
        g.setLineWidth(1.5);
        g.strokeLine(s.getX(), s.getY(), t.getX(), t.getY());
        for (Point2D p : List.of(s, t)) {
            if (selected) {
                g.setStroke(SELECTED_COLOUR);
                g.setLineWidth(2.5);
                g.strokeOval(p.getX() - 9, p.getY() - 9, 18, 18);
            }
            g.setFill(point.locked() ? colour : Color.rgb(0, 0, 0, 0.35));
            g.fillRect(p.getX() - HALF_SQUARE, p.getY() - HALF_SQUARE, 2 * HALF_SQUARE, 2 * HALF_SQUARE);
            g.setStroke(point.locked() ? Color.WHITE : colour);
            g.setLineWidth(2);
            g.strokeRect(p.getX() - HALF_SQUARE, p.getY() - HALF_SQUARE, 2 * HALF_SQUARE, 2 * HALF_SQUARE);
        }
        String name = point.label().isEmpty() ? point.id() : point.id() + " " + point.label();
        g.setFill(Color.BLACK);
        g.fillText(name, s.getX() + 8, s.getY() - 6);
        g.setFill(Color.WHITE);
        g.fillText(name, s.getX() + 7, s.getY() - 7);
    }

    private static void crosshair(GraphicsContext g, Point2D p, Color colour) {
        g.setLineWidth(2);
        g.setStroke(colour);
        g.strokeLine(p.getX() - 8, p.getY(), p.getX() + 8, p.getY());
        g.strokeLine(p.getX(), p.getY() - 8, p.getX(), p.getY() + 8);
    }

    private Point2D toOverlay(ZoomableImagePane pane, PixelPoint point) {
        return pane.toLayer(this, point.x(), point.y());
    }
}

package org.learningsa.studio.ui.view;

import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;

/**
 * Links zoom and pan of two image panes while {@code enabled} is true: both show the same relative
 * zoom (a multiple of each one's fit scale) centred on the same relative image position, so images
 * of different sizes stay comparable.
 */
public final class ViewLink {

    private final ZoomableImagePane first;
    private final ZoomableImagePane second;
    private final BooleanProperty enabled;
    private boolean applying;

    private ViewLink(ZoomableImagePane first, ZoomableImagePane second, BooleanProperty enabled) {
        this.first = first;
        this.second = second;
        this.enabled = enabled;
    }

    public static ViewLink link(ZoomableImagePane first, ZoomableImagePane second, BooleanProperty enabled) {
        ViewLink link = new ViewLink(first, second, enabled);
        link.follow(first, second);
        link.follow(second, first);
        enabled.addListener((obs, was, now) -> {
            if (now) {
                link.copy(first, second);
            }
        });
        return link;
    }

    private void follow(ZoomableImagePane leader, ZoomableImagePane follower) {
        InvalidationListener listener = obs -> {
            if (enabled.get() && !applying) {
                copy(leader, follower);
            }
        };
        leader.scaleProperty().addListener(listener);
        leader.offsetXProperty().addListener(listener);
        leader.offsetYProperty().addListener(listener);
    }

    private void copy(ZoomableImagePane leader, ZoomableImagePane follower) {
        if (!leader.hasImage() || !follower.hasImage()) {
            return;
        }
        applying = true;
        try {
            if (leader.fittedProperty().get()) {
                follower.fit();
                return;
            }
            double relativeZoom = leader.scaleProperty().get() / leader.fitScale();
            double scale = relativeZoom * follower.fitScale();
            // the image point at the leader's centre, as a fraction of the leader image
            double u = ((leader.getWidth() / 2 - leader.offsetXProperty().get()) / leader.scaleProperty().get())
                    / leader.imageWidth();
            double v = ((leader.getHeight() / 2 - leader.offsetYProperty().get()) / leader.scaleProperty().get())
                    / leader.imageHeight();
            follower.markManual();
            follower.setView(scale, follower.getWidth() / 2 - u * follower.imageWidth() * scale,
                    follower.getHeight() / 2 - v * follower.imageHeight() * scale);
        } finally {
            applying = false;
        }
    }
}

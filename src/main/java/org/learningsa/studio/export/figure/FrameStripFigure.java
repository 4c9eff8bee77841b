package org.learningsa.studio.export.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Images in one row at a common height, each with an optional title above it, and a caption below: a
 * morph's frame strip (N frames) or, through {@link TriptychFigure}, the style triptych. The images are
 * embedded at their own resolution, like a match figure's panels.
 */
public final class FrameStripFigure implements Figure {

    private final List<BufferedImage> frames;
    private final List<String> titles;
    private final List<Rectangle2D> panels = new ArrayList<>();
    private final double width;
    private final double height;
    private final double margin;
    private final double titleBaselineOffset;
    private final Font titleFont;
    private final CaptionBlock caption;

    /**
     * @param titles  one per frame ("" or null for none), or an empty list for no titles at all
     * @param caption null or blank for none
     * @param size    only its width is used here; the dpi is the renderer's
     */
    public FrameStripFigure(List<BufferedImage> frames, List<String> titles, String caption, FigureSize size,
                            FigureStyle style) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a frame strip needs at least one frame");
        }
        if (!titles.isEmpty() && titles.size() != frames.size()) {
            throw new IllegalArgumentException(titles.size() + " titles for " + frames.size() + " frames");
        }
        this.frames = List.copyOf(frames);
        this.titles = titles.stream().map(t -> t == null ? "" : t).toList();
        this.width = size.widthPt();
        double font = style.fontSizePt();
        margin = font * 0.6;
        double gap = font * 0.5;
        double inner = width - 2 * margin;
        double aspects = 0;
        for (BufferedImage frame : frames) {
            aspects += (double) frame.getWidth() / frame.getHeight();
        }
        double h = (inner - gap * (frames.size() - 1)) / aspects;
        titleFont = FigureText.font(font, false);
        boolean anyTitle = this.titles.stream().anyMatch(t -> !t.isBlank());
        double titleHeight = anyTitle ? FigureText.height(titleFont, 1) : 0;
        titleBaselineOffset = anyTitle ? FigureText.ascent(titleFont) : 0;
        double top = margin + titleHeight;
        double left = margin;
        for (BufferedImage frame : frames) {
            double w = h * frame.getWidth() / frame.getHeight();
            panels.add(new Rectangle2D.Double(left, top, w, h));
            left += w + gap;
        }
        double y = top + h;
        this.caption = CaptionBlock.of(caption, style, margin, y + gap, inner);
        y = this.caption.lines().isEmpty() ? y : this.caption.bottom();
        height = y + margin;
    }

    /** The frames in one row without titles or caption. */
    public static FrameStripFigure of(List<BufferedImage> frames, FigureSize size) {
        return new FrameStripFigure(frames, List.of(), null, size, FigureStyle.defaults());
    }

    @Override
    public double widthPt() {
        return width;
    }

    @Override
    public double heightPt() {
        return height;
    }

    /** Where each frame is drawn, in points. */
    public List<Rectangle2D> panels() {
        return panels.stream().map(r -> (Rectangle2D) r.clone()).toList();
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.BLACK);
        for (int i = 0; i < frames.size(); i++) {
            Rectangle2D panel = panels.get(i);
            FigurePanels.drawImage(g, frames.get(i), panel);
            String title = titles.isEmpty() ? "" : titles.get(i);
            if (!title.isBlank()) {
                g.setColor(Color.BLACK);
                g.setFont(titleFont);
                double titleWidth = FigureText.width(titleFont, title);
                FigureText.draw(g, title, (float) (panel.getCenterX() - titleWidth / 2),
                        (float) (margin + titleBaselineOffset));
            }
        }
        caption.paint(g);
    }
}

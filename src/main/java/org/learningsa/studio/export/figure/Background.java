package org.learningsa.studio.export.figure;

/** What lies behind the figure: white paper, or nothing (for slides and compositing). */
public enum Background {
    WHITE, TRANSPARENT
}

package org.learningsa.studio.export.figure;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The dense-flow panels a match figure can add under the pair, in the order they are drawn. */
public enum DensePanel {
    FLOW("flow", "dense flow"),
    CONFIDENCE("confidence", "confidence"),
    WARPED("warped", "target warped onto source"),
    DIFFERENCE("difference", "|warped − source|");

    private final String key;
    private final String title;

    DensePanel(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The name {@code lsa match --figure-panels} takes. */
    public String key() {
        return key;
    }

    /** The panel's title in the figure. */
    public String title() {
        return title;
    }

    /**
     * A comma-separated list of keys ("flow,confidence,warped,difference"; "all" for the four); throws
     * IllegalArgumentException naming an unknown one.
     */
    public static Set<DensePanel> parse(String list) {
        EnumSet<DensePanel> panels = EnumSet.noneOf(DensePanel.class);
        for (String word : list.split(",")) {
            String key = word.trim().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            if (key.equals("all")) {
                panels.addAll(EnumSet.allOf(DensePanel.class));
                continue;
            }
            panels.add(Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown figure panel '" + word.trim()
                            + "' (one of: " + keys() + ", all)")));
        }
        return panels;
    }

    /** All keys, comma-separated. */
    public static String keys() {
        return Arrays.stream(values()).map(DensePanel::key).collect(Collectors.joining(", "));
    }
}

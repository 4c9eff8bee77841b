package org.learningsa.studio.core;

/**
 * Text that came from a file (pickle global names, zip entry names, dict keys, string values, CSV cells)
 * made safe to echo on a terminal or in a notification: control characters (C0, DEL, C1, and the bidi
 * overrides that reorder what a reader sees) become visible escapes, so an ESC sequence cannot clear the
 * screen or forge a line, and the text is capped so one hostile name cannot become a 63 MB stderr line.
 */
public final class EchoedText {

    /** Longest name (a key, a global, an entry) echoed in full; see {@link InputLimits}. */
    public static final int MAX_NAME_CHARS = InputLimits.MAX_ECHOED_NAME_CHARS;

    private EchoedText() {
    }

    /** {@code text} with control characters escaped and capped at {@link #MAX_NAME_CHARS} characters. */
    public static String name(String text) {
        return escape(text, MAX_NAME_CHARS);
    }

    /**
     * A message line of at most about {@code maxChars}: control characters escaped, and when it is longer, its
     * middle left out, so both its start (which file) and its end (what is wrong) show however long a name from
     * the file in between is.
     */
    public static String message(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return escape(text, maxChars);
        }
        int head = maxChars * 6 / 10;
        int tail = maxChars * 3 / 10;
        return escape(text.substring(0, head), head) + " … (" + (text.length() - head - tail)
                + " characters left out) … " + escape(text.substring(text.length() - tail), tail);
    }

    /** {@code text} with control characters escaped ({@code \n}, {@code \e}, {@code \u009b} …), capped at {@code maxChars}. */
    public static String escape(String text, int maxChars) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
        int i = 0;
        for (; i < text.length() && out.length() < maxChars; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x1b -> out.append("\\e");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (i < text.length()) {
            out.append("… (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}

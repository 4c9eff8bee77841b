package org.learningsa.studio.ui.dialog;

import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.core.UserFacingException;

/**
 * A message for the user that does not block the window: a title, one or two sentences, and
 * details shown only on request (the chain of causes, never a stack trace; that goes to the log).
 */
public record Notification(Severity severity, String title, String message, String details, List<Action> actions) {

    public enum Severity { INFO, WARNING, ERROR }

    /**
     * A choice offered on the card ("Use it anyway"); choosing one runs it and closes the card. A card with
     * choices stays until the user answers or closes it, since closing it is an answer too.
     */
    public record Action(String label, Runnable run) {
    }

    public Notification {
        actions = List.copyOf(actions);
    }

    public Notification(Severity severity, String title, String message, String details) {
        this(severity, title, message, details, List.of());
    }

    /** This notification with {@code choices} offered on its card. */
    public Notification withActions(Action... choices) {
        return new Notification(severity, title, message, details, List.of(choices));
    }

    public static Notification info(String title, String message) {
        return new Notification(Severity.INFO, title, message, "");
    }

    public static Notification warning(String title, String message) {
        return new Notification(Severity.WARNING, title, message, "");
    }

    /**
     * An error notification for {@code error}: a {@link UserFacingException}'s message is shown as
     * written (it names the file and the problem); anything else is called unexpected, with its
     * causes as details.
     */
    public static Notification error(String title, Throwable error) {
        UserFacingException userFacing = findUserFacing(error);
        String message = userFacing != null
                ? userFacing.getMessage()
                : "Something unexpected went wrong (" + describe(error) + "). The log has the full report.";
        // the message already says what the user-facing exception says; details add only what lies beneath
        String details = userFacing != null
                ? (userFacing.getCause() == null ? "" : causeChain(userFacing.getCause()))
                : causeChain(error);
        return new Notification(Severity.ERROR, title, message, details);
    }

    private static UserFacingException findUserFacing(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof UserFacingException u) {
                return u;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** "What happened" lines, outermost first, without stack frames. */
    static String causeChain(Throwable error) {
        List<String> lines = new ArrayList<>();
        Throwable t = error;
        while (t != null && lines.size() < 8) {
            lines.add((lines.isEmpty() ? "" : "caused by ") + describe(t));
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return String.join("\n", lines);
    }
}

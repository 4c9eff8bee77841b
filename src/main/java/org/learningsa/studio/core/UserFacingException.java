package org.learningsa.studio.core;

/**
 * A failure caused by input the user chose (a file, a folder, an option), with a message that
 * names that input and what is wrong, written for the user. The CLI prints the message on one line
 * and exits 2; the UI shows it as a notification. Never wraps a programming error.
 */
public class UserFacingException extends RuntimeException {
    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}

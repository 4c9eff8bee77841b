package org.learningsa.studio.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words: the JDK's file exceptions carry only the path in their message (an
 * {@link AccessDeniedException} for a read-only folder reads "/out/.m.json1234.tmp"), so printing the message
 * alone names a temporary path and no reason. Names from the exception are cut at 200 characters.
 */
public final class IoReasons {

    private IoReasons() {
    }

    /** The reason of {@code e}, e.g. "permission denied (/out/.m.json1234.tmp)" or "Read-only file system". */
    public static String describe(IOException e) {
        String reason = reasonOf(e);
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return reason + " (" + EchoedText.name(fs.getFile()) + ")";
        }
        return reason;
    }

    /** The reason alone, without the path the exception names. */
    public static String reasonOf(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            String reason = fs.getReason();
            return reason.equalsIgnoreCase("Not a directory") ? "a part of the path is a file, not a folder" : reason;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (the folder is read-only or not yours)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NotDirectoryException) {
            return "it is a file, not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : EchoedText.name(message);
    }
}

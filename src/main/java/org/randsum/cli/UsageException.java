package org.randsum.cli;

/** A mistake in the command line; its message is the one line the user sees. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

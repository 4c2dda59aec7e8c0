package org.randsum.cli;

/** Error text for users: one line, whatever a library's message holds. */
public final class Messages {
    private Messages() {
    }

    /** The first line of {@code text}, trimmed. */
    public static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }
}

package org.randsum.inputgen;

/** A descriptor file that does not follow {@link DescriptorFormat}; the message names the file and line. */
public final class MalformedDescriptorException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedDescriptorException(String message) {
        super(message);
    }

    /** The same problem, located. */
    public MalformedDescriptorException at(String file, long lineNumber) {
        return new MalformedDescriptorException(file + ":" + lineNumber + ": " + getMessage());
    }
}

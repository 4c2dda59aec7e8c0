package org.randsum.engine;

/** A worker thread failed; the run's total is unknown. */
public final class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.randsum.mapreduce;

/** randsum's job counters (shown by the job client and the web UI). */
public enum RandSumCounter {
    /** Values generated and summed by successful map attempts. */
    VALUES,
    /** Split descriptors summed (one per map). */
    SPLITS,
    /** Worker threads the successful maps summed with, added up over the maps. */
    WORKER_THREADS,
    /**
     * Milliseconds the successful maps spent summing (from their first value to their last), added
     * up over the maps: a map's time less this is its start-up, reading and reporting.
     */
    SUMMING_MILLIS,
    /**
     * Values the successful maps summed with the scalar kernel while their vector kernel was being
     * compiled (auto only: {@code WarmingKernel}), added up over the maps.
     */
    WARMUP_SCALAR_VALUES
}

package org.randsum.mapreduce;

/** randsum's job counters (shown by the job client and the web UI). */
public enum RandSumCounter {
    /** Values generated and summed by successful map attempts. */
    VALUES,
    /** Split descriptors summed (one per map). */
    SPLITS,
    /** Worker threads the successful maps summed with, added up over the maps. */
    WORKER_THREADS
}

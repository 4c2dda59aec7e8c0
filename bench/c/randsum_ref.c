/*
 * randsum_ref: single-threaded C implementation of the randsum random-stream contract
 * (shared/CONTRACT.md), used as the speed-of-light yardstick and as an independent
 * cross-check of the Java engines' totals.
 *
 *   gcc -O3 -march=native -o bench/c/randsum_ref bench/c/randsum_ref.c
 *   randsum_ref SEED N MIN MAX
 *
 * Prints one JSON line: {"sum":"<exact total>","n":N,"seconds":S,"values_per_second":V}.
 */
#include "reference_main.h"

#define GAMMA UINT64_C(0x9E3779B97F4A7C15)

static inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/*
 * Sum of the offsets v_i - min for i in [0, n). Each offset is below 2^64 and n below 2^63,
 * so the sum is below 2^127 and fits an unsigned 128-bit total.
 */
static unsigned __int128 sum_offsets(uint64_t seed, uint64_t n, uint64_t span) {
    uint64_t state = seed;
    unsigned __int128 total = 0;
    if (span == 0) {
        /* span 0 means 2^64: the offset is the raw 64-bit value. */
        for (uint64_t i = 0; i < n; i++) {
            state += GAMMA;
            total += mix64(state);
        }
        return total;
    }
    /*
     * Offsets are at most span - 1, so a block of this many always sums exactly in 64 bits.
     * Folding per block instead of a 128-bit add per value is ~15% faster for small spans.
     */
    uint64_t block = span == 1 ? UINT64_MAX : UINT64_MAX / (span - 1);
    uint64_t remaining = n;
    while (remaining > 0) {
        uint64_t count = remaining < block ? remaining : block;
        uint64_t partial = 0;
        for (uint64_t i = 0; i < count; i++) {
            state += GAMMA;
            partial += (uint64_t)(((unsigned __int128)mix64(state) * span) >> 64);
        }
        total += partial;
        remaining -= count;
    }
    return total;
}

int main(int argc, char **argv) {
    return reference_main(argc, argv, "randsum_ref", sum_offsets);
}

/*
 * randsum_vec: the randsum random-stream contract (shared/CONTRACT.md) written as a function of
 * the index, x_i = mix64(seed + (i + 1) * GAMMA), so that gcc auto-vectorizes the hot loops
 * lane by lane. Same command line, same output and same exact totals as randsum_ref.c.
 *
 *   gcc -O3 -march=native -mprefer-vector-width=512 -o bench/c/randsum_vec bench/c/randsum_vec.c
 *   randsum_vec SEED N MIN MAX
 *
 * gcc 12's -march=native prefers 256-bit vectors here (it tunes for rocketlake), so
 * -mprefer-vector-width=512 is needed for 8-lane zmm loops. Narrower builds of the same source:
 * -mprefer-vector-width=256 (AVX-512VL, ymm), -mno-avx512f (AVX2), and
 * -mno-avx -fvect-cost-model=unlimited (SSE, 2 lanes; without the flag gcc's cost model keeps the
 * SSE loops scalar, which is faster there because SSE has no 64-bit multiply).
 *
 * gcc 12 does not notice that the 32-bit pieces' high halves are zero, so every multiply below,
 * the mulhi ones included, is a 64-bit vpmullq (3 uops on Intel) rather than vpmuludq; the
 * multiply count sets the speed: 2 per value for powers of two and the full range, 4 for small
 * spans, 6 for spans above 2^32.
 *
 * Prints one JSON line: {"sum":"<exact total>","n":N,"seconds":S,"values_per_second":V}.
 *
 * Every range class has its own loop, with no 128-bit arithmetic and no data-dependent branch
 * inside, so each vectorizes:
 *   span 1              offset 0 (no values needed)
 *   span 2^k, k <= 44   offset x >> (64 - k)
 *   span 2^k, k > 44    the same, its 32-bit halves summed apart
 *   other span < 2^32   hi(x * span) from 32-bit pieces (see mulhi_small)
 *   other span > 2^32   hi(x * span), the full 64x64 high word from 32-bit pieces; summed whole
 *                       when span <= 2^44, else as 32-bit halves
 *   span 0 (2^64)       offset x, its 32-bit halves summed apart
 * Sums are 64-bit (per lane, then reduced) over blocks of BLOCK values and folded into a 128-bit
 * total once per block. Every summed part is below 2^44, so a block's sum is below
 * 2^20 * 2^44 = 2^64 and never wraps.
 */
#include "reference_main.h"

#define GAMMA UINT64_C(0x9E3779B97F4A7C15)
#define LOW32 UINT64_C(0xFFFFFFFF)
#define BLOCK_BITS 20
#define BLOCK (UINT64_C(1) << BLOCK_BITS)
/* A part summed whole over a block must be below 2^(64 - BLOCK_BITS). */
#define WHOLE_BITS (64 - BLOCK_BITS)

static inline uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/*
 * floor(x * span / 2^64) for span <= 2^32, from 32-bit pieces. With x = xh * 2^32 + xl:
 * floor(x * span / 2^64) = floor((xh * span + floor(xl * span / 2^32)) / 2^32), and nothing wraps:
 * xl * span <= (2^32 - 1) * 2^32 < 2^64, and xh * span + (xl * span >> 32)
 * <= (2^32 - 1) * 2^32 + (2^32 - 1) = 2^64 - 1. The uint32_t casts state that the factors are
 * 32-bit; gcc 12 still emits vpmullq for them (see the top of this file).
 */
static inline uint64_t mulhi_small(uint64_t x, uint32_t span) {
    uint64_t hi = (uint64_t)(uint32_t)(x >> 32) * span;
    uint64_t lo = (uint64_t)(uint32_t)x * span;
    return (hi + (lo >> 32)) >> 32;
}

/*
 * floor(x * s / 2^64) for any 64-bit x and s (sh = s >> 32, sl = s & LOW32), from four 32x32->64
 * products. mid collects the three terms that weigh 2^32 and stays below 3 * 2^32; the result is
 * exact (it is the schoolbook 64x64 -> 128 product's high word).
 */
static inline uint64_t mulhi_full(uint64_t x, uint32_t sh, uint32_t sl) {
    uint32_t xh = (uint32_t)(x >> 32);
    uint32_t xl = (uint32_t)x;
    uint64_t ll = (uint64_t)xl * sl;
    uint64_t lh = (uint64_t)xl * sh;
    uint64_t hl = (uint64_t)xh * sl;
    uint64_t hh = (uint64_t)xh * sh;
    uint64_t mid = (ll >> 32) + (lh & LOW32) + (hl & LOW32);
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/*
 * The block kernels: base is the generator state just before the block's first value, count is at
 * most BLOCK. Value j of the block is mix64(base + (j + 1) * GAMMA), a pure function of j; it is
 * written as the linear induction base += GAMMA because gcc vectorizes that as an induction vector
 * (base + {1..8} * GAMMA, stepping by 8 * GAMMA), whereas base + (j + 1) * GAMMA made it emit one
 * more 64-bit vector multiply (vpmullq) per value: 0.47 vs 0.36 ns/value in the default range.
 * noinline keeps each kernel a separate loop in -fopt-info-vec output.
 */
#define KERNEL static __attribute__((noinline))

/* span 2^k with 1 <= k <= WHOLE_BITS, shift = 64 - k. */
KERNEL uint64_t block_pow2(uint64_t base, uint64_t count, unsigned shift) {
    uint64_t acc = 0;
    for (uint64_t j = 0; j < count; j++) acc += mix64(base += GAMMA) >> shift;
    return acc;
}

/* span 2^k with k > WHOLE_BITS, shift = 64 - k: halves of x >> shift. */
KERNEL unsigned __int128 block_pow2_split(uint64_t base, uint64_t count, unsigned shift) {
    uint64_t lo = 0, hi = 0;
    for (uint64_t j = 0; j < count; j++) {
        uint64_t x = mix64(base += GAMMA);
        lo += (x >> shift) & LOW32;
        hi += x >> (shift + 32);
    }
    return ((unsigned __int128)hi << 32) + lo;
}

/* span < 2^32 (and not a power of two). */
KERNEL uint64_t block_small(uint64_t base, uint64_t count, uint32_t span) {
    uint64_t acc = 0;
    for (uint64_t j = 0; j < count; j++) acc += mulhi_small(mix64(base += GAMMA), span);
    return acc;
}

/* 2^32 < span <= 2^WHOLE_BITS (and not a power of two). */
KERNEL uint64_t block_large(uint64_t base, uint64_t count, uint32_t sh, uint32_t sl) {
    uint64_t acc = 0;
    for (uint64_t j = 0; j < count; j++) acc += mulhi_full(mix64(base += GAMMA), sh, sl);
    return acc;
}

/* span > 2^WHOLE_BITS (and not a power of two), spans >= 2^63 included. */
KERNEL unsigned __int128 block_large_split(uint64_t base, uint64_t count, uint32_t sh, uint32_t sl) {
    uint64_t lo = 0, hi = 0;
    for (uint64_t j = 0; j < count; j++) {
        uint64_t v = mulhi_full(mix64(base += GAMMA), sh, sl);
        lo += v & LOW32;
        hi += v >> 32;
    }
    return ((unsigned __int128)hi << 32) + lo;
}

/* span 0 (2^64): the offset is x itself. */
KERNEL unsigned __int128 block_full(uint64_t base, uint64_t count) {
    uint64_t lo = 0, hi = 0;
    for (uint64_t j = 0; j < count; j++) {
        uint64_t x = mix64(base += GAMMA);
        lo += x & LOW32;
        hi += x >> 32;
    }
    return ((unsigned __int128)hi << 32) + lo;
}

/*
 * Sum of the offsets v_i - min for i in [0, n): below 2^64 * 2^63 = 2^127, so it fits.
 * n < 2^63, so start + BLOCK never wraps.
 */
static unsigned __int128 sum_offsets(uint64_t seed, uint64_t n, uint64_t span) {
    unsigned __int128 total = 0;
    if (span == 1) return 0;
    int pow2 = span != 0 && (span & (span - 1)) == 0;
    unsigned k = pow2 ? (unsigned)__builtin_ctzll(span) : 0;
    uint32_t sh = (uint32_t)(span >> 32), sl = (uint32_t)span;
    for (uint64_t start = 0; start < n; start += BLOCK) {
        uint64_t count = n - start < BLOCK ? n - start : BLOCK;
        uint64_t base = seed + start * GAMMA;
        if (span == 0) total += block_full(base, count);
        else if (pow2 && k <= WHOLE_BITS) total += block_pow2(base, count, 64 - k);
        else if (pow2) total += block_pow2_split(base, count, 64 - k);
        else if (span < (UINT64_C(1) << 32)) total += block_small(base, count, sl);
        else if (span <= (UINT64_C(1) << WHOLE_BITS)) total += block_large(base, count, sh, sl);
        else total += block_large_split(base, count, sh, sl);
    }
    return total;
}

int main(int argc, char **argv) {
    return reference_main(argc, argv, "randsum_vec", sum_offsets);
}

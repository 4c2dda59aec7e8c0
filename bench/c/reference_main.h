/*
 * The command line both C references share: `PROG SEED N MIN MAX` → one JSON line
 * {"sum":"<exact total>","n":N,"seconds":S,"values_per_second":V}; exit 2 on bad arguments.
 * A program defines its kernel, sum_offsets(seed, n, span) (the sum of v_i - min over [0, n),
 * below 2^127), then calls reference_main from its main.
 */
#ifndef RANDSUM_REFERENCE_MAIN_H
#define RANDSUM_REFERENCE_MAIN_H

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef unsigned __int128 (*sum_offsets_fn)(uint64_t seed, uint64_t n, uint64_t span);

/* Decimal text of a signed 128-bit integer; buf needs at least 41 bytes. */
static const char *int128_to_string(__int128 value, char *buf, size_t size) {
    unsigned __int128 magnitude = value < 0 ? -(unsigned __int128)value : (unsigned __int128)value;
    char *p = buf + size - 1;
    *p = '\0';
    do {
        *--p = (char)('0' + (int)(magnitude % 10));
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0) *--p = '-';
    return p;
}

static int64_t parse_int64(const char *prog, const char *text, const char *name) {
    char *end;
    errno = 0;
    long long value = strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0') {
        fprintf(stderr, "%s: %s must be a signed 64-bit decimal integer, got '%s'\n", prog, name, text);
        exit(2);
    }
    return (int64_t)value;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int reference_main(int argc, char **argv, const char *prog, sum_offsets_fn sum_offsets) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s SEED N MIN MAX\n", prog);
        return 2;
    }
    int64_t seed = parse_int64(prog, argv[1], "SEED");
    int64_t n = parse_int64(prog, argv[2], "N");
    int64_t min = parse_int64(prog, argv[3], "MIN");
    int64_t max = parse_int64(prog, argv[4], "MAX");
    if (n < 0) {
        fprintf(stderr, "%s: N must be >= 0\n", prog);
        return 2;
    }
    if (min > max) {
        fprintf(stderr, "%s: MIN must be <= MAX\n", prog);
        return 2;
    }
    /* Unsigned arithmetic: wraps to 0 exactly for the full range, never overflows as signed would. */
    uint64_t span = (uint64_t)max - (uint64_t)min + 1;

    double start = now_seconds();
    unsigned __int128 offsets = sum_offsets((uint64_t)seed, (uint64_t)n, span);
    double seconds = now_seconds() - start;

    /* |n * min| < 2^126 and offsets < 2^127; the true total fits, so modular 128-bit addition is exact. */
    __int128 total = (__int128)(offsets + (unsigned __int128)((__int128)n * min));

    char buf[48];
    printf("{\"sum\":\"%s\",\"n\":%" PRId64 ",\"seconds\":%.9f,\"values_per_second\":%.0f}\n",
           int128_to_string(total, buf, sizeof buf), n, seconds, seconds > 0 ? (double)n / seconds : 0.0);
    return 0;
}

#endif

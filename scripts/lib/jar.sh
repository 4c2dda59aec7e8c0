# shellcheck shell=bash
# Sourced by the scripts that run target/randsum.jar: one rule for when it must be rebuilt.
# randsum_jar_stale ROOT: true when the jar or a class path file the build writes is missing, or
# any build input (pom.xml, main sources) is newer than the jar. Needs scripts/lib/common.sh.
randsum_jar_stale() {
    local root=$1
    [ -f "$root/target/randsum.jar" ] && [ -f "$root/target/hadoop-classpath.txt" ] &&
        [ -f "$root/target/cluster-classpath.txt" ] || return 0
    [ -n "$(find "$root/pom.xml" "$root/src/main" "$root/input-generator/src/main" \
        -newer "$root/target/randsum.jar" -print -quit)" ]
}

# randsum_ensure_jar ROOT PROG: rebuilds a stale jar (tests skipped), saying so on stderr; fails
# with a one-line reason when the build does.
randsum_ensure_jar() {
    local root=$1 prog=$2
    randsum_jar_stale "$root" || return 0
    command -v mvn >/dev/null 2>&1 || { echo "$prog: target/randsum.jar must be built and mvn is not on PATH" >&2; return 1; }
    echo "$prog: building target/randsum.jar (mvn package, tests skipped)..." >&2
    if ! (cd "$root" && randsum_mvn -q -DskipTests package >&2); then
        echo "$prog: the build failed; run 'mvn -DskipTests package' to see why" >&2
        return 1
    fi
}

# randsum_require_fresh_jar ROOT PROG: for benchmarks, where a rebuild inside a timed run (or next
# to someone else's Maven build) would spoil the numbers: a stale jar stops them instead.
randsum_require_fresh_jar() {
    local root=$1 prog=$2
    if randsum_jar_stale "$root"; then
        echo "$prog: target/randsum.jar is older than the sources (or a class path file is missing)," \
            "so scripts/randsum would run Maven inside the timed runs; build first: mvn -B -DskipTests package" >&2
        return 1
    fi
}

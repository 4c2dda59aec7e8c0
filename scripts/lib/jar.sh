# Sourced by scripts/randsum and scripts/bench: whether target/randsum.jar must be rebuilt.
# randsum_jar_stale ROOT: true when the jar or its Hadoop class path file is missing, or any
# build input (pom.xml, main sources) is newer than the jar.
randsum_jar_stale() {
    local root=$1
    [ -f "$root/target/randsum.jar" ] && [ -f "$root/target/hadoop-classpath.txt" ] || return 0
    [ -n "$(find "$root/pom.xml" "$root/src/main" "$root/input-generator/src/main" \
        -newer "$root/target/randsum.jar" -print -quit)" ]
}

# shellcheck shell=bash
# Sourced by every script (scripts/*, bench/targets.sh, .ci/run): messages, quoting, finding java,
# running Maven. Each script sets PROG, its name in messages, before calling these.

# note MESSAGE...: one line on stderr, "PROG: MESSAGE".
note() { printf '%s: %s\n' "${PROG:?PROG is not set}" "$*" >&2; }

# header_usage SCRIPT: the script's usage, which is its header comment (line 2 to "set -euo").
header_usage() {
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//p}' "$1"
}

# die EXIT_CODE MESSAGE...: note MESSAGE, then exit with EXIT_CODE.
die() {
    local code=$1
    shift
    note "$@"
    exit "$code"
}

# shell_quote WORD: WORD quoted for a POSIX shell unless it needs no quoting; a ${NAME} placeholder
# stays as it is (no newline).
shell_quote() {
    if [[ $1 =~ ^[A-Za-z0-9_@%+=:,./-]+$ || $1 =~ ^\$\{[A-Z_]+\}$ ]]; then
        printf '%s' "$1"
    else
        printf "'%s'" "${1//\'/\'\\\'\'}"
    fi
}

# print_command WORD...: the words as one shell command line, each quoted by shell_quote.
print_command() {
    local line='' w
    for w in "$@"; do
        line+="${line:+ }$(shell_quote "$w")"
    done
    printf '%s\n' "$line"
}

# json_string TEXT: TEXT as a JSON string literal (no newline). Callers pass no control
# characters (emr-submit refuses them), so only the quote and the backslash need escaping.
json_string() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    printf '"%s"' "$s"
}

# randsum_java: prints the java every script runs: $JAVA_HOME/bin/java when JAVA_HOME is set,
# else the java on PATH. Fails with one line on stderr when there is none.
randsum_java() {
    if [[ -n ${JAVA_HOME:-} ]]; then
        if [[ ! -x $JAVA_HOME/bin/java ]]; then
            note "JAVA_HOME is $JAVA_HOME, but $JAVA_HOME/bin/java is not an executable"
            return 1
        fi
        printf '%s\n' "$JAVA_HOME/bin/java"
    elif ! command -v java 2>/dev/null; then
        note "java is not on PATH and JAVA_HOME is not set (randsum needs Java 17)"
        return 1
    fi
}

# randsum_mvn ARGS...: mvn in batch mode, with no terminal codes in its output. -Dstyle.color=never
# turns Maven's colours off; jansi.noreset stops its console library (jansi 2) from writing ESC[0m
# to stdout and stderr at start and exit, which Debian's Maven 3.8.7 does even with -B and no
# terminal. jansi reads it before Maven parses its own -D options, so it goes in MAVEN_OPTS.
randsum_mvn() {
    MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }-Djansi.noreset=true" mvn -B -Dstyle.color=never "$@"
}

# What the JVM prints first on stderr when the Vector API module is added. The scripts drop this
# one line, so that stderr holds randsum's lines only (a usage error stays one line); `hadoop jar`
# with the module in HADOOP_CLIENT_OPTS shows it.
RANDSUM_INCUBATOR_WARNING='WARNING: Using incubator modules: jdk.incubator.vector'

# drop_incubator_warning: copies stdin to stdout without that line. Whole lines are read only until
# the warning has gone by (the JVM prints it before main); from then on cat copies the bytes as they
# come, so a line without a newline (randsum's progress line, redrawn in place) is not held back.
drop_incubator_warning() {
    local line
    while IFS= read -r line || [[ -n $line ]]; do
        [[ $line == "$RANDSUM_INCUBATOR_WARNING" ]] && exec cat
        printf '%s\n' "$line"
    done
}

# randsum_run_java COMMAND...: runs COMMAND (a java command line) with that line dropped from its
# stderr, and exits with its exit code. The script stays java's parent and passes SIGINT and
# SIGTERM on to it, so randsum still cleans up and exits 130 or 143; java runs in a process group
# of its own (set -m) because a background command of a script would otherwise ignore SIGINT.
# The filter reads a FIFO in a private temporary directory and is waited for, so no line of
# java's is lost when the script exits.
randsum_run_java() {
    local fifo_dir java_pid filter_pid rc
    fifo_dir=$(mktemp -d "${TMPDIR:-/tmp}/randsum-stderr.XXXXXX")
    mkfifo "$fifo_dir/stderr"
    (trap '' INT TERM; drop_incubator_warning) <"$fifo_dir/stderr" >&2 &
    filter_pid=$!
    set -m
    "$@" 2>"$fifo_dir/stderr" &
    java_pid=$!
    set +m
    # shellcheck disable=SC2064 # the pid is known now
    trap "kill -INT $java_pid 2>/dev/null" INT
    # shellcheck disable=SC2064
    trap "kill -TERM $java_pid 2>/dev/null" TERM
    while :; do
        rc=0
        wait "$java_pid" || rc=$?
        kill -0 "$java_pid" 2>/dev/null || break
    done
    trap - INT TERM
    wait "$filter_pid" || true
    rm -rf "$fifo_dir"
    exit "$rc"
}

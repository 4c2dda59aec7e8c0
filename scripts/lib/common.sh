# shellcheck shell=bash
# Sourced by every script (scripts/*, bench/targets.sh, .ci/run): messages, quoting, finding java,
# running Maven. Each script sets PROG, its name in messages, before calling these.

# note MESSAGE...: one line on stderr, "PROG: MESSAGE".
note() { printf '%s: %s\n' "${PROG:?PROG is not set}" "$*" >&2; }

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

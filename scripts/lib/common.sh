# shellcheck shell=bash
# Sourced by the scripts: messages and quoting. Each script sets PROG, its name in messages,
# before calling these.

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

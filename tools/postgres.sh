#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: its own data folder, its own
# port on 127.0.0.1 (and a unix socket in that folder), trust for local
# connections only, removed again when stopped. Nothing outside the folder is
# touched, so it runs beside any other server on the machine.
#
#   tools/postgres.sh install     install Debian's postgresql when no initdb is found (root, apt)
#   tools/postgres.sh start DIR   start a new, empty server in DIR (stopping and wiping an
#                                 earlier one of ours there) and print its URL
#   tools/postgres.sh stop DIR    stop the server in DIR and remove DIR (quiet if there is none)
#   tools/postgres.sh run CMD...  start one in a temp folder, run CMD with
#                                 SECRETARIAT_TEST_POSTGRES_URL set to it, then stop it
#
# As root the server runs as the "postgres" user (initdb refuses root), so DIR
# must be reachable by it: a folder under /tmp is. SECRETARIAT_PG_PORT (default
# 55432) is the first port tried; the next ones are tried while one is taken.
set -euo pipefail

MARKER=.secretariat-postgres # what stop looks for before it removes a folder
DATABASE=council_test
FIRST_PORT=${SECRETARIAT_PG_PORT:-55432}

die() {
    echo "tools/postgres.sh: $*" >&2
    exit 1
}

bin_dir() {
    if [[ -n ${PG_BIN:-} ]]; then # another installation: the folder with its initdb and pg_ctl
        [[ -x $PG_BIN/initdb ]] || return 1
        echo "$PG_BIN"
    elif command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
    else
        # Debian keeps the server's programs off PATH, one folder per major version.
        local found
        found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
        [[ -n $found && -x $found/initdb ]] || return 1
        echo "$found"
    fi
}

# Runs a server program as the user that owns the server.
as_owner() {
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

cmd_install() {
    if bin_dir >/dev/null; then
        return 0
    fi
    [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null ||
        die "PostgreSQL is not installed; install the postgresql package (with ICU) first."
    echo "tools/postgres.sh: installing postgresql with apt-get" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
    bin_dir >/dev/null || die "apt-get installed postgresql, but no initdb was found under /usr/lib/postgresql."
}

port_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

cmd_start() {
    local dir=${1:?usage: tools/postgres.sh start DIR}
    local bin
    bin=$(bin_dir) || die "PostgreSQL is not installed (no initdb); run tools/postgres.sh install as root."
    if [[ -e $dir && ! -e $dir/$MARKER && -n $(ls -A "$dir") ]]; then
        die "$dir is not empty and is not one of our servers' folders; give a new or empty folder."
    fi
    cmd_stop "$dir" # an earlier server of ours in the same folder: start afresh
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    touch "$dir/$MARKER"
    if [[ $EUID -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root needs the postgres user (the postgresql package makes it)."
        chown postgres: "$dir"
        as_owner test -w "$dir" || die "the postgres user cannot write to $dir; use a folder under /tmp."
    fi

    local locale=C.UTF-8
    locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' || locale=C
    if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale="$locale" \
        >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        die "initdb failed in $dir/data (see above)."
    fi
    # Only this machine can connect, over 127.0.0.1 or the socket in $dir; a
    # test server need not survive a crash, so it does not wait for the disk.
    cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

    local port started=
    for ((port = FIRST_PORT; port < FIRST_PORT + 20; port++)); do
        port_taken "$port" && continue
        rm -f "$dir/server.log"
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start \
            >"$dir/pg_ctl.log" 2>&1; then
            started=yes
            break
        fi
        # Taken between the look and the start (another server): try the next port.
        grep -q "could not bind\|could not create any TCP/IP sockets" "$dir/server.log" 2>/dev/null || break
    done
    if [[ -z $started ]]; then
        cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
        die "the PostgreSQL server in $dir/data did not start (see its log above)."
    fi

    local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres)
    as_owner "${psql[@]}" -d postgres -c "CREATE DATABASE $DATABASE" >&2 ||
        die "could not create the database $DATABASE on the server in $dir."
    # The lists sort with this ICU collation: a server built without ICU cannot run the app.
    [[ $(as_owner "${psql[@]}" -d "$DATABASE" -Atc \
        "SELECT count(*) FROM pg_collation WHERE collname = 'fa-IR-x-icu'") == 1 ]] ||
        die "this PostgreSQL has no ICU collation fa-IR-x-icu (built without ICU?)."

    local url="postgresql+psycopg://postgres@127.0.0.1:$port/$DATABASE"
    echo "$url" >"$dir/url"
    echo "$url"
}

cmd_stop() {
    local dir=${1:?usage: tools/postgres.sh stop DIR}
    [[ -d $dir ]] || return 0
    [[ -e $dir/$MARKER ]] || {
        [[ -z $(ls -A "$dir") ]] && rmdir "$dir"
        return 0
    }
    if [[ -f $dir/data/postmaster.pid ]]; then
        local bin
        if bin=$(bin_dir); then
            as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
                as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
    fi
    rm -rf "$dir"
}

cmd_run() {
    [[ $# -gt 0 ]] || die "usage: tools/postgres.sh run COMMAND [ARGS...]"
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/secretariat-pg.XXXXXX")
    # shellcheck disable=SC2064 # the folder is known now
    trap "cmd_stop '$dir'" EXIT
    SECRETARIAT_TEST_POSTGRES_URL=$(cmd_start "$dir")
    export SECRETARIAT_TEST_POSTGRES_URL
    echo "tools/postgres.sh: SECRETARIAT_TEST_POSTGRES_URL=$SECRETARIAT_TEST_POSTGRES_URL" >&2
    "$@"
}

case ${1:-} in
install) cmd_install ;;
start) cmd_start "${@:2}" ;;
stop) cmd_stop "${@:2}" ;;
run) cmd_run "${@:2}" ;;
*) die "usage: tools/postgres.sh install | start DIR | stop DIR | run COMMAND [ARGS...]" ;;
esac

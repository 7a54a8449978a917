# A throwaway PostgreSQL cluster for the pg-labelled tests. Sourced by scripts/test.
# start_postgres sets SHEBAO_TEST_PG_URL; stop_postgres stops the server and removes its files.

start_postgres() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2; return 1; }
    SHEBAO_PG_DIR=$(mktemp -d /tmp/shebao-pg.XXXXXX)
    local as=()
    if [ "$(id -u)" -eq 0 ]; then
        # initdb refuses to run as root: the cluster belongs to the postgres system user.
        chown postgres "$SHEBAO_PG_DIR"
        as=(runuser -u postgres --)
    fi
    SHEBAO_PG_AS=("${as[@]}")
    SHEBAO_PG_BIN=$bin
    "${as[@]}" "$bin/initdb" -D "$SHEBAO_PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$SHEBAO_PG_DIR/initdb.log" 2>&1 \
        || { cat "$SHEBAO_PG_DIR/initdb.log" >&2; return 1; }
    local port
    for port in $(seq 55432 55532); do
        if "${as[@]}" "$bin/pg_ctl" -D "$SHEBAO_PG_DIR/data" -l "$SHEBAO_PG_DIR/server.log" -w -t 30 \
            -o "-p $port -k $SHEBAO_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null 2>&1; then
            export SHEBAO_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
            log "PostgreSQL test cluster on port $port ($SHEBAO_PG_DIR)"
            return 0
        fi
    done
    cat "$SHEBAO_PG_DIR/server.log" >&2
    return 1
}

stop_postgres() {
    [ -n "${SHEBAO_PG_DIR:-}" ] || return 0
    "${SHEBAO_PG_AS[@]}" "$SHEBAO_PG_BIN/pg_ctl" -D "$SHEBAO_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$SHEBAO_PG_DIR"
}

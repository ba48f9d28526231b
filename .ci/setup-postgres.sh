#!/usr/bin/env bash
# Installs PostgreSQL 15 + pgvector >= 0.5 (built from Debian's own source package) when missing,
# starts a throwaway cluster on 127.0.0.1:$PGPORT and prints its DATABASE_URL on the last line.
# Usage: source-free; `eval "$(bash .ci/setup-postgres.sh)"` exports DATABASE_URL and PGROOT.
set -euo pipefail
PGPORT="${PGPORT:-55432}"
PGBIN=/usr/lib/postgresql/15/bin
log() { echo "[setup-postgres] $*" >&2; }

need=()
[ -x "$PGBIN/initdb" ] || need+=(postgresql-15)
[ -x /usr/bin/pg_config ] && [ -d /usr/include/postgresql/15/server ] || need+=(postgresql-server-dev-15)
command -v dpkg-source >/dev/null || need+=(dpkg-dev)
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

# The Debian mirror this machine already uses, from either apt source format: deb822
# (/etc/apt/sources.list.d/*.sources, "URIs:") or one-line ("deb [opts] URL suite …").
debian_mirror() {
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' "$f"
  done | head -n1 | grep . && return 0
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|ftp|file):/) { if ($i !~ /security/) { print $i; exit } } }' \
    | head -n1 | grep .
}

# pgvector >= 0.5 (the migrations use HNSW), built from Debian's own source package of trixie or a
# newer suite (bookworm has none), against this machine's PostgreSQL 15.
if [ ! -f /usr/share/postgresql/15/extension/vector.control ]; then
  MIRROR=$(debian_mirror) || { log "no Debian mirror found in /etc/apt/sources.list{,.d}"; exit 1; }
  A=$(mktemp -d); mkdir -p "$A/lists/partial" "$A/cache/archives/partial"
  O=(-o Dir::Etc::SourceList="$A/sources.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$A/lists" -o Dir::Cache="$A/cache")
  built=""
  for suite in trixie forky sid; do
    echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR $suite main" > "$A/sources.list"
    apt-get "${O[@]}" update -qq >&2 || continue
    ver=$(apt-cache "${O[@]}" showsrc pgvector 2>/dev/null | awk '/^Version:/ { print $2; exit }')
    [ -n "$ver" ] || continue
    upstream=${ver%%-*}
    if ! dpkg --compare-versions "$upstream" ge 0.5; then log "pgvector $ver in $suite is older than 0.5"; continue; fi
    log "building pgvector $ver from Debian's $suite source package ($MIRROR)"
    rm -rf "$A/src" && mkdir -p "$A/src"
    (cd "$A/src" && apt-get "${O[@]}" source -qq "pgvector=$ver" >&2) || continue
    srcdir=$(find "$A/src" -maxdepth 1 -mindepth 1 -type d -name 'pgvector-*' | head -n1)
    make -C "$srcdir" -j2 PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config OPTFLAGS="" >&2 \
      && make -C "$srcdir" install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >&2 \
      && { built=$ver; break; }
  done
  rm -rf "$A"
  [ -n "$built" ] || { log "could not build pgvector >= 0.5 from trixie or newer"; exit 1; }
fi

PGROOT=$(mktemp -d /tmp/stack8s-pg.XXXXXX); chown postgres:postgres "$PGROOT"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database stack8s_test" >&2
log "postgres ready on 127.0.0.1:$PGPORT ($PGROOT)"
echo "export PGROOT=$PGROOT"
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/stack8s_test"

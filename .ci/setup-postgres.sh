#!/usr/bin/env bash
# Installs PostgreSQL 15 + pgvector 0.8.0 (built from Debian's own source package) when missing,
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

if [ ! -f /usr/share/postgresql/15/extension/vector.control ]; then
  log "building pgvector 0.8.0 from Debian's source package"
  A=$(mktemp -d); mkdir -p "$A/lists/partial" "$A/cache/archives/partial"
  MIRROR=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR trixie main" > "$A/sources.list"
  O=(-o Dir::Etc::SourceList="$A/sources.list" -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists="$A/lists" -o Dir::Cache="$A/cache")
  apt-get "${O[@]}" update -qq >&2
  (cd "$A" && apt-get "${O[@]}" source -qq pgvector=0.8.0-1 >&2 \
    && make -C pgvector-0.8.0 -j2 PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config OPTFLAGS="" >&2 \
    && make -C pgvector-0.8.0 install PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config >&2)
  rm -rf "$A"
fi

PGROOT=$(mktemp -d /tmp/stack8s-pg.XXXXXX); chown postgres:postgres "$PGROOT"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database stack8s_test" >&2
log "postgres ready on 127.0.0.1:$PGPORT ($PGROOT)"
echo "export PGROOT=$PGROOT"
echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PGPORT/stack8s_test"

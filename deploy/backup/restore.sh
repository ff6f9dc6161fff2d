#!/usr/bin/env bash
# Restores a backup of backup.sh into an EMPTY database and an EMPTY bucket, with the app
# stopped. Then start the app: Flyway finds the schema at the dump's version and applies only
# newer migrations; the sweeper removes the objects no restored row names.
#
# Usage: deploy/backup/restore.sh [stamp]   (default: the newest complete backup)
# The database $PGDATABASE must not exist, or exist empty (pg_restore refuses to mix).
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"

stamp="${1:-$(cd "$BACKUP_DIR" && ls -d */complete 2>/dev/null | cut -d/ -f1 | sort | tail -n 1)}"
[ -n "$stamp" ] && [ -f "$BACKUP_DIR/$stamp/complete" ] || { log "no complete backup $stamp in $BACKUP_DIR"; exit 1; }

if [ "$(psql -d postgres -Atc "select count(*) from pg_database where datname = '$PGDATABASE'")" = 0 ]; then
  log "creating database $PGDATABASE"
  createdb --encoding=UTF8 --template=template0 "$PGDATABASE"
fi
tables="$(psql -Atc "select count(*) from pg_tables where schemaname = 'public'")"
[ "$tables" = 0 ] || { log "database $PGDATABASE is not empty ($tables tables): restore into an empty one"; exit 1; }

log "restoring database $PGDATABASE from $stamp"
pg_restore --no-owner --no-privileges --exit-on-error --jobs=2 --dbname="$PGDATABASE" "$BACKUP_DIR/$stamp/comunidad.dump"
psql -q -c "analyze"

objects="$(rclone lsf --max-depth 1 "$BUCKET" 2>/dev/null | head -n 1 || true)"
[ -z "$objects" ] || { log "bucket $BUCKET is not empty: restore into an empty one"; exit 1; }
log "copying $BACKUP_DIR/objects into $BUCKET"
rclone mkdir "$BUCKET"
rclone copy "$BACKUP_DIR/objects" "$BUCKET" --transfers 8 --checkers 16 --log-level NOTICE
# Objects removed from the store after this dump was taken (purged later) are still named by it.
for later in $(cd "$BACKUP_DIR" && ls -d */ | tr -d / | sort); do
  if [[ "$later" > "$stamp" || "$later" == "$stamp" ]] && [ -d "$BACKUP_DIR/$later/objects-removed" ]; then
    rclone copy "$BACKUP_DIR/$later/objects-removed" "$BUCKET" --log-level NOTICE
  fi
done

# Every object a row names must be there (a row without its object is a broken download).
named="$(mktemp)"; present="$(mktemp)"
trap 'rm -f "$named" "$present"' EXIT
psql -Atc "select object_key from document_version union select object_key from meeting_recording
           union select image_key from news_item where image_key is not null" | sort -u > "$named"
rclone lsf -R --files-only "$BUCKET" | sort -u > "$present"
missing="$(comm -23 "$named" "$present" | wc -l)"
log "restored $stamp: $(wc -l < "$named") objects named by rows, $(wc -l < "$present") in the bucket, $missing missing"
[ "$missing" = 0 ] || { comm -23 "$named" "$present" | head -n 20 >&2; exit 1; }

#!/usr/bin/env bash
# Backs up Comunidad: the database (pg_dump, custom format), THEN the object store (a mirror
# with rclone). Order matters: the app writes an object before the row that names it, so every
# object a row of the dump names was already in the store when the dump began, and the mirror,
# taken after, has it. Objects newer than the dump are in the mirror without a row: after a
# restore the app's sweeper removes them (DocumentJobs.sweep, past its grace period).
# Objects the mirror drops because they left the store (a purged document) are kept aside in
# <stamp>/objects-removed, so an older dump still finds them (restore.sh adds them back).
#
# Usage: deploy/backup/backup.sh            (environment: see deploy/README.md, "Backup and restore")
# Writes: $BACKUP_DIR/<stamp>/comunidad.dump, $BACKUP_DIR/<stamp>/objects-removed/,
#         $BACKUP_DIR/objects/ (the mirror, updated in place), and prints the stamp.
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/env.sh"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$BACKUP_DIR/$stamp"

log "dumping database $PGDATABASE"
# One consistent snapshot (pg_dump runs in a single repeatable-read transaction); written to a
# temporary name and renamed, so a dump file that exists is complete.
pg_dump --format=custom --no-owner --no-privileges --file="$BACKUP_DIR/$stamp/comunidad.dump.part"
mv "$BACKUP_DIR/$stamp/comunidad.dump.part" "$BACKUP_DIR/$stamp/comunidad.dump"

log "mirroring $BUCKET to $BACKUP_DIR/objects"
rclone sync "$BUCKET" "$BACKUP_DIR/objects" \
  --backup-dir "$BACKUP_DIR/$stamp/objects-removed" \
  --fast-list --transfers 8 --checkers 16 --stats-one-line --stats 0 --log-level NOTICE

date -u +%FT%TZ > "$BACKUP_DIR/$stamp/complete"
log "backup $stamp complete: $(du -sh "$BACKUP_DIR/$stamp/comunidad.dump" | cut -f1) dump, $(rclone size --json "$BACKUP_DIR/objects")"
echo "$stamp"

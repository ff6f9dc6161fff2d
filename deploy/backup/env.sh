# Shared by backup.sh and restore.sh (sourced, not run). The object store is reached with rclone
# through a remote named "comunidad" configured entirely from the environment (no rclone.conf,
# no secret on a command line): the same COMUNIDAD_S3_* variables the app reads.
set -euo pipefail

: "${COMUNIDAD_S3_ENDPOINT:?set COMUNIDAD_S3_ENDPOINT (the S3 API, e.g. http://minio:9000)}"
: "${COMUNIDAD_S3_ACCESS_KEY:?set COMUNIDAD_S3_ACCESS_KEY}"
: "${COMUNIDAD_S3_SECRET_KEY:?set COMUNIDAD_S3_SECRET_KEY}"
COMUNIDAD_S3_BUCKET="${COMUNIDAD_S3_BUCKET:-comunidad}"
: "${BACKUP_DIR:?set BACKUP_DIR (the folder that receives the backups)}"

export RCLONE_CONFIG_COMUNIDAD_TYPE=s3
# Minio fits MinIO and most S3 servers; AWS, Ceph, Other... are rclone's other providers.
export RCLONE_CONFIG_COMUNIDAD_PROVIDER="${COMUNIDAD_S3_PROVIDER:-Minio}"
export RCLONE_CONFIG_COMUNIDAD_ENDPOINT="$COMUNIDAD_S3_ENDPOINT"
export RCLONE_CONFIG_COMUNIDAD_ACCESS_KEY_ID="$COMUNIDAD_S3_ACCESS_KEY"
export RCLONE_CONFIG_COMUNIDAD_SECRET_ACCESS_KEY="$COMUNIDAD_S3_SECRET_KEY"
export RCLONE_CONFIG_COMUNIDAD_REGION="${COMUNIDAD_S3_REGION:-us-east-1}"
export RCLONE_CONFIG_COMUNIDAD_FORCE_PATH_STYLE=true
# No rclone.conf is read or written.
export RCLONE_CONFIG=/dev/null
# rclone 1.60's S3 client cannot take a CA bundle through AWS_CA_BUNDLE (it fails with
# "LoadCustomCABundleError ... unsupported transport"): hand it to rclone's own option instead.
if [ -n "${AWS_CA_BUNDLE:-}" ]; then
  export RCLONE_CA_CERT="${RCLONE_CA_CERT:-$AWS_CA_BUNDLE}"
  unset AWS_CA_BUNDLE
fi
BUCKET="comunidad:$COMUNIDAD_S3_BUCKET"

# PostgreSQL: libpq's own variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass,
# PGDATABASE), read by pg_dump, pg_restore and psql. The client must be of the server's major
# version or newer.
export PGDATABASE="${PGDATABASE:-comunidad}"

log() { printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2; }

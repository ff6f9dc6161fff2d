#!/usr/bin/env bash
# What CI runs for the backup tests (issue 16, point 4); .ci/run calls it.
#   deploy/backup/ci.sh install   Debian packages the tests need (as root)
#   deploy/backup/ci.sh test      packages the app, then runs BackupRestoreIT and PointInTimeRecoveryIT
# The tests are named *IT so that the default `./mvnw verify` (surefire's *Test pattern) leaves
# them out: they need the packaged jar, which Maven builds after the test phase.
set -euo pipefail
cd "$(dirname "$0")/../.."
case "${1:-}" in
  install)
    # postgresql-15: server and matching client (pg_dump, pg_restore, psql, pg_basebackup),
    # run from /usr/lib/postgresql/15/bin; rclone: the bucket's mirror.
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 rclone
    ;;
  test)
    ./mvnw -B -q -o package -DskipTests
    # surefire:test alone runs the compiled tests without rebuilding the jar they launch.
    ./mvnw -B -o surefire:test -Dtest='BackupRestoreIT,PointInTimeRecoveryIT' -Dsurefire.failIfNoSpecifiedTests=false
    ;;
  *)
    echo "usage: $0 install|test" >&2
    exit 2
    ;;
esac

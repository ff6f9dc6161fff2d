#!/bin/sh
# The cluster's Keycloak, augmented for PostgreSQL (kc.sh build) while Maven packages the app
# (`-Pcluster` starts this in the background; Cluster.java waits for it, or builds it itself).
# $1: the unpacked distribution; $2: where the built copy goes (a marker .built when done).
set -e
dist="$1"
out="$2"
[ -f "$out/.built" ] && exit 0
rm -rf "$out" "$out.tmp"
cp -a "$dist" "$out.tmp"
"$out.tmp/bin/kc.sh" build --db=postgres --health-enabled=true > "$out.log" 2>&1 || { rm -rf "$out.tmp"; exit 1; }
touch "$out.tmp/.built"
mv "$out.tmp" "$out"

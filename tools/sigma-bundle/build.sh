#!/bin/sh
# Rebuild dutygraph/viz/assets/sigma.min.js and its licence notice from the exact versions in
# package-lock.json. Needs node and npm; run at development time only (the page never fetches).
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
notice=../../dutygraph/viz/assets/LICENSE-sigma-graphology-MIT.txt
: > "$notice"
for package in sigma graphology graphology-utils events; do
  version=$(node -p "require('./node_modules/$package/package.json').version")
  printf '%s %s (npm), bundled in sigma.min.js:\n\n' "$package" "$version" >> "$notice"
  cat node_modules/$package/LICENSE* >> "$notice"
  printf '\n\n' >> "$notice"
done

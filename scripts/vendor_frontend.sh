#!/usr/bin/env bash
# Copies the front-end files verkosto serves from the npm packages pinned in
# package-lock.json into src/verkosto/static/vendor/, with each package's licence.
# The copies are committed, so running verkosto never needs npm or a CDN; run this
# (`make vendor`) only to update a package: `npm install --save-exact <pkg>@<version>`.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund --ignore-scripts

out=src/verkosto/static/vendor
rm -rf "$out"
mkdir -p "$out"

# package  files to copy (relative to node_modules/<package>/)
copy() {
  local package=$1; shift
  mkdir -p "$out/$package"
  for file in "$@" LICENSE; do
    mkdir -p "$out/$package/$(dirname "$file")"
    cp "node_modules/$package/$file" "$out/$package/$file"
  done
}

copy cytoscape dist/cytoscape.min.js
copy leaflet dist/leaflet.js dist/leaflet.css \
  dist/images/layers.png dist/images/layers-2x.png \
  dist/images/marker-icon.png dist/images/marker-icon-2x.png dist/images/marker-shadow.png
copy topojson-client dist/topojson-client.min.js
copy echarts dist/echarts.min.js
# Natural Earth 1:50m country outlines (public domain) as TopoJSON; the twin-town map
# turns them into GeoJSON in the browser with topojson-client.
copy world-atlas countries-50m.json

# What was copied, from which exact version, for whoever updates it next.
node -e '
const lock = require("./package-lock.json");
const lines = ["Vendored from the npm registry by scripts/vendor_frontend.sh; do not edit.", ""];
for (const name of Object.keys(lock.packages[""].dependencies)) {
  const info = lock.packages[`node_modules/${name}`];
  lines.push(`${name} ${info.version} ${info.license} ${info.integrity}`);
}
require("fs").writeFileSync(process.argv[1], lines.join("\n") + "\n");
' "$out/VERSIONS.txt"
cat "$out/VERSIONS.txt"

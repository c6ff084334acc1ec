#!/usr/bin/env bash
# Renders the app icon's PNG sizes from ai-adoption-explorer.svg (Debian: librsvg2-bin for
# rsvg-convert). The PNGs are committed, so building the app or its package needs no tool;
# run this only after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" ai-adoption-explorer.svg \
        --output "ai-adoption-explorer-$size.png"
done

#!/usr/bin/env bash
# Times the command-line export against matplotlib drawing the same charts
# (../shared/bench/mpl_scatter.py): median wall time of 5 warm runs and the median peak memory.
#
#   benches/compare_matplotlib.sh            # needs: python3 with matplotlib, /usr/bin/time
#
# Charts: a 1 000 000-point scatter (three colour groups of date-value pairs, log y axis, title,
# legend, source footer, 1200x800 px at 2x) and, for the small case, a plot of the built-in
# dataset against matplotlib's 1 000-point run.
set -euo pipefail
cd "$(dirname "$0")/.."
MPL=${MPL:-../shared/bench/mpl_scatter.py}
RUNS=${RUNS:-5}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian: apt-get install time)"; exit 2; }
python3 -c "import matplotlib" 2>/dev/null || { echo "needs matplotlib (pip install matplotlib)"; exit 2; }
cargo build --release --quiet
BIN=target/release/ai-adoption-explorer
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
"$BIN" synth-scatter --points 1000000 "$TMP/scatter.ron"

# measure LABEL CMD...: one warm-up run, then $RUNS timed ones; prints median seconds and MB.
measure() {
    local label=$1; shift
    "$@" >/dev/null 2>&1
    local times=() mems=()
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o "$TMP/t" "$@" >/dev/null 2>&1
        read -r t m < "$TMP/t"
        times+=("$t"); mems+=("$m")
    done
    local mt mm
    mt=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p")
    mm=$(printf '%s\n' "${mems[@]}" | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p")
    printf '%-46s %8.2f s %8.0f MB\n' "$label" "$mt" "$(echo "$mm / 1024" | bc -l)"
}

echo "median of $RUNS warm runs; peak resident memory"
measure "ai-adoption-explorer export, 1M-point scatter" \
    "$BIN" export --plot downloads --width 1200 --height 800 --scale 2 --out "$TMP/a.png" "$TMP/scatter.ron"
measure "matplotlib mpl_scatter.py, 1M points" python3 "$MPL" 1000000 "$TMP/b.png"
measure "ai-adoption-explorer export, built-in model-size" \
    "$BIN" export --plot model-size --width 1200 --height 800 --scale 2 --out "$TMP/c.png"
measure "matplotlib mpl_scatter.py, 1000 points" python3 "$MPL" 1000 "$TMP/d.png"

# The same charts as SVG and PDF (matplotlib picks the format from the extension too): like with
# like, plus the files' sizes.
for fmt in svg pdf; do
    measure "ai-adoption-explorer export, 1M-point scatter, $fmt" \
        "$BIN" export --plot downloads --width 1200 --height 800 --scale 2 --out "$TMP/a.$fmt" "$TMP/scatter.ron"
    measure "matplotlib mpl_scatter.py, 1M points, $fmt" python3 "$MPL" 1000000 "$TMP/b.$fmt"
    measure "ai-adoption-explorer export, built-in model-size, $fmt" \
        "$BIN" export --plot model-size --width 1200 --height 800 --scale 2 --out "$TMP/c.$fmt"
    printf 'sizes (%s): ours 1M %s bytes, matplotlib 1M %s bytes\n' "$fmt" \
        "$(stat -c %s "$TMP/a.$fmt")" "$(stat -c %s "$TMP/b.$fmt")"
done

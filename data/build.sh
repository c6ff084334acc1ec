#!/bin/sh
# Builds data.ron, the built-in dataset, from data/base.ron (the hand-made records and
# corrections) and the public tables copied into data/ (origin and licence in data/SOURCES.md),
# through the importer's command line only. Every date is passed explicitly and nothing reads the
# clock, so the same inputs give the same bytes every time.
#
#   data/build.sh            build with `cargo run --release --`
#   AAE_BIN=path data/build.sh   use this binary instead (the tests pass the debug one)
#   OUT=path data/build.sh       write there instead of data.ron
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=${OUT:-$root/data.ron}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${AAE_BIN:-}" ]; then
    run() { "$AAE_BIN" "$@"; }
else
    (cd "$root" && cargo build --release --quiet)
    run() { (cd "$root" && cargo run --release --quiet -- "$@"); }
fi

# The importer's exit code 1 means "done, with rows skipped or problems reported": the build
# goes on (data/BUILD.md lists what is skipped); 2 and 3 stop it.
import_step() {
    code=0
    run import "$@" || code=$?
    if [ "$code" -gt 1 ]; then
        echo "build.sh: import failed (exit $code): $*" >&2
        exit "$code"
    fi
}

# 1. Epoch AI's Large-Scale AI Models table (models over 10^23 FLOP): every model with its
#    organizations (matched or created with their country), publication date, parameters and
#    accessibility; a value that differs from base.ron's is recorded as a conflict. A model joins
#    a family of base.ron only where its name begins with the family's name and its developer is
#    the family's (--family-from-name).
import_step "$here/epoch_large_scale_ai_models_2026-02.csv" \
    --into "$here/base.ron" --out "$work/epoch.ron" \
    --preset epoch-models \
    --family-from-name \
    --source-title "Epoch AI, Large-Scale AI Models" \
    --publisher "Epoch AI" \
    --retrieved 2026-02-16 \
    --license "Epoch AI (CC BY 4.0), Large-Scale AI Models" \
    --on-conflict both

# 2. The Hugging Face snapshot of 514 models (rauletorresc/llmfit data/hf_models.json): each
#    repository as a model, matched by its name after the slash. It cites base.ron's existing
#    source for this file (same empty title and locator), which says what the snapshot is.
#    --accept-best 0.75 takes the four developers the snapshot spells as account names
#    (liquidai, moonshotai, minimaxai, HuggingFace) for the organizations already there; no
#    model row is ambiguous (data/BUILD.md). --retrieved only counts if that source were gone.
import_step "$here/hf_models_downloads_2026-03.json" \
    --into "$work/epoch.ron" --out "$work/hf.ron" \
    --preset huggingface-models \
    --family-from-name \
    --source-title "" \
    --retrieved 2026-03-03 \
    --accept-best 0.75 \
    --on-conflict both

# 3. The snapshot's 30-day downloads as claims: metric PeriodDownloads (a count), the 30 days
#    up to 2026-03-01 (SOURCE.md: the file was last changed that day; the API's `downloads` is
#    a rolling ~30-day count), each about the model its repository name matches (the models of
#    step 2), its scope naming the repository (two repositories of one name under different
#    accounts are one model record, with two claims told apart by their scope), citing the same
#    source with the item as detail. base.ron's hand-made download claims from this file count as
#    unchanged, not doubled.
import_step "$here/hf_models_downloads_2026-03.json" \
    --into "$work/hf.ron" --out "$work/claims.ron" \
    --kind claims \
    --source-title "" \
    --map name=subject --map hf_downloads=value \
    --set metric=PeriodDownloads --set unit=count \
    --set date=2026-03-01 --set period_days=30 \
    --set 'scope=Hugging Face repo {name}, 30 days' \
    --set 'paraphrase={name} had {hf_downloads:,} downloads in the 30 days up to the snapshot of about 2026-03-01' \
    --on-conflict both
mv "$work/claims.ron" "$work/hf.ron"

# 4. The snapshot's likes as claims: the dataset has no measure of its own for likes, so the
#    claims name theirs in words ("Likes on Hugging Face", a measure of the user's naming), a
#    count as of the snapshot of about 2026-03-01, each about the model of its repository and
#    citing the same source with the item as detail.
import_step "$here/hf_models_downloads_2026-03.json" \
    --into "$work/hf.ron" --out "$work/likes.ron" \
    --kind claims \
    --source-title "" \
    --map name=subject --map hf_likes=value \
    --set 'metric=Likes on Hugging Face' --set unit=count \
    --set date=2026-03-01 \
    --set 'scope=Hugging Face repo {name}, likes' \
    --set 'paraphrase={name} had {hf_likes:,} likes on Hugging Face in the snapshot of about 2026-03-01' \
    --on-conflict both
mv "$work/likes.ron" "$work/hf.ron"

# The result passes `check` (exit 0: no errors; warnings alone leave it at 0).
cp "$work/hf.ron" "$work/data.ron"
if ! run check "$work/data.ron" >/dev/null 2>&1; then
    echo "build.sh: the built dataset does not pass check:" >&2
    run check "$work/data.ron" >&2 || true
    exit 1
fi
cp "$work/data.ron" "$out"
echo "build.sh: wrote $out" >&2

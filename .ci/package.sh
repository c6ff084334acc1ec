#!/usr/bin/env bash
# Builds the Debian package with cargo-deb, installs it with dpkg, and checks the installed app
# as a user's desktop would see it: the binary, `check` on the built-in dataset, an export
# rendered through the package's own dependencies, the desktop entry, the AppStream metadata, the
# icons and the MIME type (datasets recognised by their content, other `.ron` files not claimed).
# Runs as root on Debian (`.ci/run` calls it; it can be run by hand the same way).
#
#   .ci/package.sh             release build, package, install, check
#   .ci/package.sh --no-build  package the release binary already in the target folder
#
# The package is left in the target folder: target/debian/ai-adoption-explorer_<version>-1_amd64.deb.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
if [ "${1:-}" = "--no-build" ]; then build=0; fi

fail() {
    echo "package: FAILED: $*" >&2
    exit 1
}

# Tools for building and checking the package (not needed by the package itself).
# libfile-mimeinfo-perl gives xdg-mime its `mimetype` command outside a desktop session, and
# libglib2.0-bin the `gio` that GNOME's file manager uses: both read shared-mime-info.
tools=(dpkg-dev desktop-file-utils appstream xdg-utils shared-mime-info libfile-mimeinfo-perl libglib2.0-bin)
missing=()
for p in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
export DEBIAN_FRONTEND=noninteractive
if [ "${#missing[@]}" -gt 0 ]; then
    echo "package: installing ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
cargo_deb_version=3.8.0
if ! cargo deb --version 2>/dev/null | grep -q "$cargo_deb_version"; then
    echo "package: cargo install cargo-deb $cargo_deb_version"
    cargo install cargo-deb --locked --version "$cargo_deb_version" --quiet
fi

if [ "$build" = 1 ]; then
    echo "package: cargo build --release"
    cargo build --release --locked
fi
echo "package: cargo deb"
# cargo deb prints the package's path (in the target folder's debian/, where it stays).
deb="$(cargo deb --no-build --locked | tail -n 1)"
[ -f "$deb" ] || fail "cargo deb made no package"
echo "package: built $deb"
out="$(mktemp -d)"
dpkg-deb --info "$deb" | sed -n 's/^ \(Depends\|Recommends\): /package:   \1: /p'

echo "package: dpkg -i"
if ! dpkg -i "$deb" >/dev/null; then
    echo "package: installing the missing dependencies (apt-get install -f)"
    apt-get update -qq
    apt-get install -f -y -qq --no-install-recommends >/dev/null
fi
dpkg-query -W -f='${Status}' ai-adoption-explorer | grep -q "install ok installed" ||
    fail "the package is not installed"

app=/usr/bin/ai-adoption-explorer
[ "$(command -v ai-adoption-explorer)" = "$app" ] || fail "ai-adoption-explorer is not $app on PATH"
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
echo "package: $app --version"
[ "$("$app" --version)" = "ai-adoption-explorer $version" ] ||
    fail "--version says '$("$app" --version)', not 'ai-adoption-explorer $version'"
echo "package: $app check --builtin"
"$app" check --builtin || fail "the built-in dataset does not pass check"
echo "package: $app export (offscreen, through the package's Vulkan dependencies)"
png="$out/model-size.png"
"$app" export --plot model-size --scale 1 --out "$png" || fail "export failed"
[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "export wrote no PNG"

echo "package: desktop-file-validate"
desktop-file-validate /usr/share/applications/ai-adoption-explorer.desktop ||
    fail "the desktop entry is invalid"
echo "package: appstreamcli validate"
# The component id is the desktop file's name, which is also the window's app id and the
# settings folder's name; it is not reverse-DNS because the project has no domain of its own
# yet. That one finding is shown as information instead of failing the check; any other
# warning or error fails it.
appstreamcli validate --no-net --override=cid-desktopapp-is-not-rdns=info \
    /usr/share/metainfo/ai-adoption-explorer.metainfo.xml || fail "the AppStream metadata is invalid"
for size in 16 24 32 48 64 128 256 512; do
    [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/ai-adoption-explorer.png" ] ||
        fail "no ${size}x${size} icon"
done
[ -f /usr/share/icons/hicolor/scalable/apps/ai-adoption-explorer.svg ] || fail "no scalable icon"

echo "package: MIME type (xdg-mime, with and without a GNOME session)"
update-mime-database /usr/share/mime
update-desktop-database -q /usr/share/applications
ours=application/x-ai-adoption-dataset
samples="$out/samples"
mkdir -p "$samples"
cp data.ron "$samples/data.ron"
cp tests/fixtures/data_v1.ron "$samples/data_v1.ron"
# Other RON files: a game's configuration, and one that even has a `format_version`.
printf '(\n    window_size: (800, 600),\n    fullscreen: false,\n)\n' >"$samples/settings.ron"
printf 'Config(\n    format_version: 3,\n    name: "other app",\n)\n' >"$samples/other_app.ron"
for desktop in "" GNOME; do
    query() { XDG_CURRENT_DESKTOP="$desktop" xdg-mime query filetype "$1"; }
    for f in data.ron data_v1.ron; do
        got="$(query "$samples/$f")"
        [ "$got" = "$ours" ] || fail "xdg-mime (desktop '${desktop:-none}') calls $f '$got', not $ours"
    done
    for f in settings.ron other_app.ron; do
        got="$(query "$samples/$f")"
        [ -n "$got" ] && [ "$got" != "$ours" ] ||
            fail "xdg-mime (desktop '${desktop:-none}') calls $f '$got': another .ron file claimed"
    done
    echo "package:   ${desktop:-no desktop}: data.ron and data_v1.ron are $ours; settings.ron is $(query "$samples/settings.ron"), other_app.ron $(query "$samples/other_app.ron")"
done
got="$(xdg-mime query default "$ours")"
[ "$got" = "ai-adoption-explorer.desktop" ] || fail "datasets open with '$got', not the app"
echo "package: datasets open with $got"

rm -rf "$out"
echo "package: ok"

#!/usr/bin/env bash
# Rebuilds assets/fonts/NotoSansSC-subset.otf: every non-ASCII character of data.ron plus the
# symbols the UI draws, from Debian's Noto Sans CJK (face 2 of the .ttc is Simplified Chinese).
# Needs: apt-get install fonts-noto-cjk; pip install fonttools
set -euo pipefail
cd "$(dirname "$0")/../.."
ui_symbols='←→●⚠◀▶×≠…–‘’“”'
python3 - "$ui_symbols" > /tmp/subset_chars.txt <<'PY'
import sys
text = open("data.ron", encoding="utf-8").read() + sys.argv[1]
print("".join(sorted({c for c in text if ord(c) > 0x7F})), end="")
PY
pyftsubset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=2 \
    --text-file=/tmp/subset_chars.txt --output-file=assets/fonts/NotoSansSC-subset.otf \
    --layout-features='*' --name-IDs='*' --name-languages='*'

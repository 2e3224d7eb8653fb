#!/usr/bin/env bash
# Rebuilds the font the exported theme map is drawn with (src/lib/server/export/fonts/): DejaVu Sans
# Bold from Debian's fonts-dejavu-core (2.37), cut down to the Latin, Greek and Cyrillic letters,
# punctuation and the few symbols a map shows, so the server renders æøå (and Sámi, Polish,
# Ukrainian ...) the same on every machine without a system font. The licence travels with it:
# the LICENSE beside the font is the text the font itself carries (name record 13).
# Needs fontTools (Debian: python3-fonttools).
set -euo pipefail
cd "$(dirname "$0")/../.."

source=${1:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}
out=src/lib/server/export/fonts
python=${PYTHON:-/usr/bin/python3}
# Basic Latin, Latin-1, Latin Extended A/B, spacing accents, Greek, Cyrillic, Latin Extended
# Additional, general punctuation, currency, №, ™, arrows, minus, and ● for dots.
unicodes='U+0020-007E,U+00A0-024F,U+02C6-02DD,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+20A0-20BF,U+2116,U+2122,U+2190-2193,U+2212,U+25CF'

mkdir -p "$out"
"$python" -m fontTools.subset "$source" --unicodes="$unicodes" --layout-features='*' \
	--name-IDs='*' --no-hinting --output-file="$out/DejaVuSans-Bold.ttf"
"$python" - "$source" > "$out/LICENSE" <<'PY'
import sys
from fontTools.ttLib import TTFont
print(TTFont(sys.argv[1])['name'].getDebugName(13).replace('\r\n', '\n').rstrip())
PY
ls -l "$out"

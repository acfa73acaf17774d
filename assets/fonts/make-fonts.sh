#!/usr/bin/env bash
# make-fonts.sh — rebuilds the two embedded font files of Qicao:
#   NotoSansSC-Qicao-Regular.otf and NotoSansSC-Qicao-Bold.otf
# from Debian's fonts-noto-cjk package (Noto Sans CJK 2.004, SIL OFL 1.1).
#
# Why: Fyne's default font has no CJK glyphs, and the app must render every
# simplified and traditional character on a machine with no CJK fonts at all.
# Fyne (go-text/typesetting) refuses .ttc collections, and Debian ships only
# .ttc files, so we take the Simplified Chinese face out of each collection
# and subset it to what a policy officer's documents need, to keep the binary
# small:
#   - every character of GB 2312 (each 2-byte code 0xA1A1–0xF7FE that python's
#     'gb2312' codec decodes: 6,763 hanzi and 682 symbols),
#   - the traditional forms of those hanzi (from OpenCC's TSCharacters table,
#     traditional → simplified: every traditional character one of whose
#     simplified forms is in GB 2312), so 濟寧、關、進 render too,
#   - every character of the built-in corpus (assets/corpus/*.txt),
#   - ASCII, Latin-1, general punctuation, CJK symbols and punctuation,
#     full-width forms, ①–⑳ and the other enclosed numbers, ㈠–㈩, Roman
#     numerals, arrows, box drawing, geometric shapes, a few math signs.
# Outlines stay CFF (.otf); hinting is dropped (Fyne rasterises unhinted),
# vertical-writing tables and features are dropped (Fyne lays out
# horizontally only). Re-running on the same inputs gives the same files.
#
# Usage: assets/fonts/make-fonts.sh [fonts-noto-cjk_*.deb] [TSCharacters.txt]
#   defaults: /tmp/debs/fonts-noto-cjk_*.deb and /tmp/TSCharacters.txt.
#   TSCharacters.txt comes from Debian's libopencc-data:
#     opencc_dict -i /usr/share/opencc/TSCharacters.ocd2 \
#                 -o /tmp/TSCharacters.txt -f ocd2 -t text
# Needs: dpkg (dpkg -x), python3-fonttools (pyftsubset; Debian's 4.38 used).
# Do NOT apt-get install fonts-noto-cjk to get the .ttc: the proof that the
# embedded font works is a screenshot taken with no CJK fonts installed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
deb="${1:-$(ls /tmp/debs/fonts-noto-cjk_*.deb | head -n1)}"
ts="${2:-/tmp/TSCharacters.txt}"
py=/usr/bin/python3   # Debian's python, which has fontTools; not a pyenv shim

if [ ! -s "$ts" ]; then
  opencc_dict -i /usr/share/opencc/TSCharacters.ocd2 -o "$ts" -f ocd2 -t text
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg -x "$deb" "$work/deb"
ttcdir="$work/deb/usr/share/fonts/opentype/noto"

# 1. The list of code points to keep, one U+XXXX per line.
"$py" - "$ts" "$repo"/assets/corpus/*.txt > "$work/unicodes.txt" <<'PY'
import sys
ts_path, corpus = sys.argv[1], sys.argv[2:]
keep = set()
# GB 2312: rows 0xA1–0xF7, cells 0xA1–0xFE; the codec rejects unassigned codes.
gb = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            gb.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
keep |= gb
# Traditional counterparts: "繁<TAB>简[ 简…]" per line.
trad = set()
with open(ts_path, encoding='utf-8') as f:
    for line in f:
        parts = line.rstrip('\n').split('\t')
        if len(parts) != 2:
            continue
        t, simps = parts[0], parts[1].split()
        if len(t) == 1 and any(s in gb for s in simps):
            trad.add(t)
keep |= trad
# Every character of the built-in corpus (line breaks and such are no glyphs).
for p in corpus:
    with open(p, encoding='utf-8', errors='replace') as f:
        keep |= {c for c in f.read() if c.isprintable() or c == '\u3000'}
ranges = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement
    (0x02C6, 0x02DD),  # spacing modifiers (ˇ ˉ ˊ ˋ ˙)
    (0x0391, 0x03C9),  # Greek (GB 2312 has it; kept whole)
    (0x0401, 0x0451),  # Cyrillic as in GB 2312
    (0x2000, 0x206F),  # general punctuation (— ‘ ’ “ ” … ‰ ※)
    (0x2100, 0x214F),  # letterlike (℃ № ™)
    (0x2150, 0x218F),  # number forms, Roman numerals Ⅰ–Ⅻ
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # math operators (× ÷ ± ≤ ≥ ≠ ∈)
    (0x2460, 0x24FF),  # enclosed alphanumerics ①–⑳ ⑴ ⒈
    (0x2500, 0x257F),  # box drawing
    (0x2580, 0x259F),  # block elements
    (0x25A0, 0x25FF),  # geometric shapes (■ □ ▲ ● ○ ◆)
    (0x2600, 0x26FF),  # misc symbols (★ ☆ ☑ ☐)
    (0x2713, 0x2714), (0x2717, 0x2718),  # ✓ ✔ ✗ ✘
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。〈〉《》「」『』【】〔〕)
    (0x3220, 0x3243),  # parenthesised ideographs ㈠–㈩
    (0x3280, 0x32B0),  # circled ideographs ㊀–㊉
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
]
for a, b in ranges:
    keep |= {chr(c) for c in range(a, b + 1)}
sys.stderr.write('code points: %d (GB 2312 %d, traditional %d)\n'
                 % (len(keep), len(gb), len(trad - gb)))
for c in sorted(keep):
    print('U+%04X' % ord(c))
PY

# 2. Take the SC face out of each collection (checked by family name, not by
#    trusting an index) and subset it.
for style in Regular Bold; do
  "$py" - "$ttcdir/NotoSansCJK-$style.ttc" "$work/sc-$style.otf" <<'PY'
import sys
from fontTools.ttLib import TTCollection
ttc, out = sys.argv[1], sys.argv[2]
for i, font in enumerate(TTCollection(ttc).fonts):
    if font['name'].getDebugName(1) == 'Noto Sans CJK SC':
        font.recalcTimestamp = False  # keep head.modified: reproducible output
        font.save(out)
        sys.stderr.write('%s: face %d is Noto Sans CJK SC\n' % (ttc, i))
        break
else:
    sys.exit('no Noto Sans CJK SC face in ' + ttc)
PY
  pyftsubset "$work/sc-$style.otf" \
    --unicodes-file="$work/unicodes.txt" \
    --output-file="$here/NotoSansSC-Qicao-$style.otf" \
    --no-hinting \
    --drop-tables+=VORG,vhea,vmtx,BASE \
    --layout-features-=locl,vert,vrt2,vkna,vhal,vpal,vkrn,valt \
    --name-IDs='*' --name-languages='*' \
    --notdef-outline \
    --no-recalc-timestamp
done

# 3. Check: every wanted code point that the source face has is in the subset.
"$py" - "$work/unicodes.txt" "$work"/sc-Regular.otf "$here"/NotoSansSC-Qicao-*.otf <<'PY'
import sys
from fontTools.ttLib import TTFont
want = {int(l[2:], 16) for l in open(sys.argv[1])}
src = set(TTFont(sys.argv[2])['cmap'].getBestCmap())
need = want & src
for out in sys.argv[3:]:
    have = set(TTFont(out)['cmap'].getBestCmap())
    missing = need - have
    if missing:
        sys.exit('%s misses %d code points' % (out, len(missing)))
    sys.stderr.write('%s: %d code points, none missing\n' % (out, len(have)))
lost = sorted(want - src)
cjk_lost = [c for c in lost if 0x3400 <= c <= 0x9FFF or 0x20000 <= c]
sys.stderr.write('not in Noto Sans CJK itself (skipped): %d, of which hanzi %d\n'
                 % (len(lost), len(cjk_lost)))
if cjk_lost:
    sys.exit('hanzi missing from the source font: ' + ''.join(map(chr, cjk_lost)))
PY

# 4. The licence travels with the font: copyright line from the font's own
#    name table, licence text from the package's copyright file.
{
  "$py" -c 'import sys; from fontTools.ttLib import TTFont; print(TTFont(sys.argv[1])["name"].getDebugName(0))' \
    "$here/NotoSansSC-Qicao-Regular.otf"
  echo
  echo "NotoSansSC-Qicao-Regular.otf and NotoSansSC-Qicao-Bold.otf are Modified"
  echo "Versions (subsets) of Noto Sans CJK SC 2.004, made by make-fonts.sh."
  echo
  # The licence stanza of the Debian copyright file (the stand-alone
  # "License: SIL-1.1" paragraph, not the field of the "Files: *" paragraph)
  # up to the next "License:" line, leading space removed,
  # lone "." lines turned back into blank lines.
  awk 'prev == "" && $0 == "License: SIL-1.1" {on = 1; next}
       on && /^License:/ {exit}
       on {print}
       {prev = $0}' \
    "$work/deb/usr/share/doc/fonts-noto-cjk/copyright" |
    sed -e 's/^ //' -e 's/^\.$//'
} > "$here/OFL.txt"

ls -l "$here"/*.otf >&2

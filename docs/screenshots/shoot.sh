#!/usr/bin/env bash
# shoot.sh — retakes the font screenshots of this folder: Qicao's main
# window under Xvfb, with every system CJK font hidden, so that what renders
# the Chinese is the font embedded in the binary and nothing else.
#
# It must run as root: it hides the directories of the fonts that
# `fc-list :lang=zh` finds (here /usr/share/fonts/truetype/droid, Droid Sans
# Fallback) by mounting an empty tmpfs over them in a private mount namespace
# (unshare -m), which the rest of the machine never sees. Fyne's font
# fallback (go-text fontscan) scans the same directories; its cache goes to
# a fresh XDG_CACHE_HOME so that nothing cached from before leaks in.
#
# Writes font-cjk.png (light), font-cjk-dark.png and
# compare.png and compare-table.png (the compare view), drafts.png,
# editor.png (example draft, clause 9 selected), fulltext.png and
# versions.png, suggestions.png, gaps.png, templates.png and corpus.png
# proof.png (ONLY=font, compare, editor, panels or proof takes just those), and
# font-fyne-default-control.png (the same window with Fyne's own theme and
# font: every Chinese character comes out as �, which shows that no CJK
# font was reachable), and prints the time to the first painted frame.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$repo"
go build -o "$tmp/fontshot" ./app/cmd/fontshot
go build -o "$tmp/qicao" .

cat > "$tmp/inside.sh" <<'INSIDE'
set -euo pipefail
tmp="$1" here="$2"
fc-list :lang=zh file | sed 's/: *$//' | xargs -r -n1 dirname | sort -u |
  while read -r d; do mount -t tmpfs none "$d"; echo "hidden: $d"; done
n=$(fc-list :lang=zh | wc -l)
echo "CJK fonts left visible: $n"
[ "$n" -eq 0 ] || exit 1
export XDG_CACHE_HOME="$tmp/cache"
x() { xvfb-run -a -s '-screen 0 1280x800x24' "$tmp/fontshot" "$@" 2>&1 | grep -v '^20..\/..\/.. ..:..:.. *\(Fyne error\|Cause\|At\):' || true; }
want() { [ -z "${ONLY:-}" ] || [ "$ONLY" = "$1" ]; }
if want font; then
echo "== light (cold font cache)"; x -shot "$here/font-cjk.png"
echo "== light (warm)";            x
echo "== dark";                    x -dark -shot "$here/font-cjk-dark.png"
echo "== control: Fyne's default font"; x -fyne-font -shot "$here/font-fyne-default-control.png"
fi
# Compare view: the example draft's version 1 against version 2, stepped
# with F8 to a modified clause (1.绘制产业链科技攻关路线图), then its 对照表.
if want compare; then
echo "== compare";                 x -view compare -next ${COMPARE_NEXT:-3} -shot "$here/compare.png"
echo "== compare: 对照表";          x -view compare:table -next ${COMPARE_NEXT:-3} -shot "$here/compare-table.png"
echo "== compare: keys typed into the real window (xdotool)"
x -view compare -keys "F8 F8 F8 shift+F8 alt+Next alt+Prior"
fi
# Drafts view and editor.
if want editor; then
echo "== drafts view";                  x -shot "$here/drafts.png"
echo "== editor, clause 9";             x -clause 9 -shot "$here/editor.png"
echo "== editor, whole document";       x -clause 9 -fulltext -shot "$here/fulltext.png"
echo "== editor, versions";             x -clause 9 -versions -shot "$here/versions.png"
fi
# The editor's panels and the corpus, in a larger window: the example
# draft's version 1 with the cursor on clause 25 (创新科技金融服务模式), and
# 濟寧's document, whose title is in traditional characters.
if want panels; then
export XDG_CONFIG_HOME="$tmp/config"
X() { xvfb-run -a -s '-screen 0 1600x1000x24' "$tmp/fontshot" -size 1600x1000 "$@" 2>&1 | grep -v '^20..\/..\/.. ..:..:.. *\(Fyne error\|Cause\|At\):' || true; }
clause=创新科技金融服务模式
echo "== suggestions"; X -view suggestions -heading "$clause" -shot "$here/suggestions.png"
echo "== gaps";        X -view gaps -heading "$clause" -settle 3s -shot "$here/gaps.png"
echo "== templates";   X -view templates -heading "$clause" -template 创新科技金融模式 -shot "$here/templates.png"
echo "== corpus";      X -view corpus -doc 001 -settle 1s -shot "$here/corpus.png"
fi
# The 校对 panel on the example draft's 征求意见稿, cursor on clause 14
# (优化重点实验室布局, which has 领域领域).
if want proof; then
export XDG_CONFIG_HOME="$tmp/config"
echo "== proof"; xvfb-run -a -s '-screen 0 1600x1000x24' "$tmp/fontshot" -size 1600x1000 -view proof -heading 优化重点实验室布局 -settle 3s -shot "$here/proof.png" 2>&1 | grep -v '^20..\/..\/.. ..:..:.. *\(Fyne error\|Cause\|At\):' || true
fi
# The recovery window: the real qicao binary on a database with a backup
# and then pages 2–9 overwritten with garbage.
if want recovery; then
echo "== recovery window (damaged database)"
rec="$tmp/rec"; mkdir -p "$rec"
"$tmp/qicao" --db "$rec/qicao.db" draft list >/dev/null
"$tmp/qicao" --db "$rec/qicao.db" db backup
python3 -c "f=open('$rec/qicao.db','r+b'); f.seek(4096); f.write(b'Z'*8*4096)"
QICAO_DB="$rec/qicao.db" XDG_CONFIG_HOME="$rec/config" xvfb-run -a -s '-screen 0 1280x800x24' \
  bash -c "'$tmp/qicao' >/dev/null 2>&1 & sleep 8; import -window root '$here/recovery.png'; kill %1" || true
fi
INSIDE
unshare -m bash "$tmp/inside.sh" "$tmp" "$here"

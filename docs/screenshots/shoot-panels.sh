#!/usr/bin/env bash
# shoot-panels.sh — retakes suggestions.png, gaps.png, templates.png and
# corpus.png: Qicao's real window (GLFW/OpenGL) under Xvfb, with every
# system CJK font hidden as in shoot.sh (run as root: unshare -m and a
# tmpfs over each CJK font directory), through app/cmd/fontshot's -view.
# The example draft's version 1 (泰安's draft for comments) is open with the
# cursor on clause 25, 创新科技金融服务模式; the corpus shot opens 濟寧's
# document (001), whose title is in traditional characters.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$repo"
go build -o "$tmp/fontshot" ./app/cmd/fontshot

cat > "$tmp/inside.sh" <<'INSIDE'
set -euo pipefail
tmp="$1" here="$2"
fc-list :lang=zh file | sed 's/: *$//' | xargs -r -n1 dirname | sort -u |
  while read -r d; do mount -t tmpfs none "$d"; echo "hidden: $d"; done
n=$(fc-list :lang=zh | wc -l)
echo "CJK fonts left visible: $n"
[ "$n" -eq 0 ] || exit 1
export XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config"
x() { xvfb-run -a -s '-screen 0 1600x1000x24' "$tmp/fontshot" -size 1600x1000 "$@" 2>&1 | grep -v '^20..\/..\/.. ..:..:.. *\(Fyne error\|Cause\|At\):' || true; }
clause=创新科技金融服务模式
echo "== suggestions"; x -view suggestions -heading "$clause" -shot "$here/suggestions.png"
echo "== gaps";        x -view gaps -heading "$clause" -settle 3s -shot "$here/gaps.png"
echo "== templates";   x -view templates -heading "$clause" -template 创新科技金融模式 -shot "$here/templates.png"
echo "== corpus";      x -view corpus -doc 001 -settle 1s -shot "$here/corpus.png"
INSIDE
unshare -m bash "$tmp/inside.sh" "$tmp" "$here"

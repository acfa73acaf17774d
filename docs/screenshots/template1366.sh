#!/usr/bin/env bash
# template1366.sh — retakes template-form-1366.png: the real window under
# Xvfb on a 1366×768 screen, every system CJK font hidden (as shoot.sh does:
# run as root, an empty tmpfs over each directory `fc-list :lang=zh` finds,
# in a private mount namespace), the editor on the example draft's clause 25
# with the 模板 panel showing 推动全域创新发展 (eight placeholders), three
# of them typed in, {配合单位} with two departments.
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
xvfb-run -a -s '-screen 0 1366x768x24' "$tmp/fontshot" -size 1366x768 -view templates \
  -heading 创新科技金融服务模式 -template 推动全域创新发展 \
  -fill '载体名称=泰山实验室;牵头单位=市科技局;配合单位=市发展改革委、市财政局' \
  -settle 3s -shot "$here/template-form-1366.png" 2>&1 |
  grep -v '^20..\/..\/.. ..:..:.. *\(Fyne error\|Cause\|At\):' || true
INSIDE
unshare -m bash "$tmp/inside.sh" "$tmp" "$here"

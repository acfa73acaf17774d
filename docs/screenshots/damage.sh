#!/usr/bin/env bash
# damage.sh — the dialog the window shows when the check after the first
# frame (Shell.CheckRest) finds the reference documents damaged: the real
# qicao under Xvfb, every system CJK font hidden (as shoot.sh does, in a
# private mount namespace; run as root), on a database whose corpus_docs
# root page is overwritten with garbage. Writes partly-damaged.png, then
# taps 从备份恢复… and writes partly-damaged-recovery.png.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$repo"
go build -o "$tmp/qicao" .
"$tmp/qicao" --db "$tmp/qicao.db" corpus list >/dev/null
python3 - "$tmp/qicao.db" <<'PY'
import sqlite3, sys
p = sys.argv[1]
c = sqlite3.connect(p)
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'corpus_docs'").fetchone()[0]
size = c.execute("PRAGMA page_size").fetchone()[0]
c.close()
with open(p, "r+b") as f:
    f.seek((root - 1) * size)
    f.write(b"\xa5" * size)
PY
cat > "$tmp/inside.sh" <<'INSIDE'
set -euo pipefail
tmp="$1" out="$2"
fc-list :lang=zh file | sed 's/: *$//' | xargs -r -n1 dirname | sort -u |
  while read -r d; do mount -t tmpfs none "$d"; done
[ "$(fc-list :lang=zh | wc -l)" -eq 0 ] || exit 1
export XDG_CACHE_HOME="$tmp/cache" XDG_CONFIG_HOME="$tmp/config" QICAO_DB="$tmp/qicao.db"
xvfb-run -a -s '-screen 0 1280x800x24' bash -c "
  '$tmp/qicao' > '$tmp/qicao.log' 2>&1 &
  sleep 8
  import -window root '$out/partly-damaged.png'
  xdotool mousemove 663 477 click 1   # 从备份恢复…
  sleep 3
  import -window root '$out/partly-damaged-recovery.png'
  kill %1"
INSIDE
unshare -m bash "$tmp/inside.sh" "$tmp" "$here"
echo "wrote $here/partly-damaged.png"

#!/bin/bash
# first-start screenshots: the real qicao on a new database and a new config (first start).
# Usage: go build -o "$TMP_SHOT/qicao" . ; OUT=docs/screenshots TMP_SHOT=... xvfb-run -a -s "-screen 0 1280x800x24" docs/screenshots/firststart.sh
tmp=${TMP_SHOT:-$(mktemp -d)}
export XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config QICAO_DB=$tmp/qicao.db
"$tmp/qicao" > "$tmp/qicao.log" 2>&1 &
sleep 7
id=$(xdotool search --name 起草 | head -1)
xdotool windowfocus --sync $id
import -window root "${OUT:-.}/first-start.png"
kill %1

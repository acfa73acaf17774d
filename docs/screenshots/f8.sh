#!/bin/bash
# compare view: pick a version from the 新版本 drop-down with the mouse (xdotool), then F8 F8.
# Usage: go build -o "$TMP_SHOT/fontshot" ./app/cmd/fontshot; OUT=docs/screenshots TMP_SHOT=... xvfb-run -a -s "-screen 0 1280x800x24" docs/screenshots/f8.sh
tmp=${TMP_SHOT:-$(mktemp -d)}
export XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/cfg3
"$tmp/fontshot" -view compare:table -hold 30s > "$tmp/f8.log" 2>&1 &
sleep 8
id=$(xdotool search --name 起草 | head -1)
xdotool windowfocus --sync $id
xdotool mousemove 940 51 click 1; sleep 1
import -window root "${OUT:-.}/f8-popup.png"
xdotool mousemove 940 288 click 1; sleep 3
xdotool key --window $id F8; sleep 0.5
xdotool key --window $id F8; sleep 1
import -window root "${OUT:-.}/compare-f8-after-picking.png"
wait

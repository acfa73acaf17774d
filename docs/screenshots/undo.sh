#!/bin/bash
# undo after an inserted suggestion: the real window (fontshot), the mouse and keys by xdotool.
# Usage: go build -o "$TMP_SHOT/fontshot" ./app/cmd/fontshot
#   OUT=docs/screenshots TMP_SHOT=... xvfb-run -a -s "-screen 0 1280x800x24" docs/screenshots/undo.sh
tmp=${TMP_SHOT:-$(mktemp -d)}
export XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config
"$tmp/fontshot" -size 1280x800 -clause 25 -view suggestions -hold 40s > "$tmp/fontshot.log" 2>&1 &
sleep 8
id=$(xdotool search --name 起草 | head -1); [ -z "$id" ] && id=$(xdotool search --name Qicao | head -1)
xdotool windowfocus --sync $id
import -window root "${OUT:-.}/undo-0.png"
xdotool mousemove --window $id ${ROW:-1000 150} click 1; sleep 1
import -window root "${OUT:-.}/undo-1.png"
xdotool mousemove --window $id ${INSERT:-958 738} click 1; sleep 1.5
import -window root "${OUT:-.}/undo-inserted.png"
xdotool key --window $id ctrl+z; sleep 1.5
import -window root "${OUT:-.}/undo-after-suggestion.png"
kill %1

#!/bin/bash
# find bar screenshot: the real window, keys typed with xdotool
# Usage (from the repository, under Xvfb, on a machine with no CJK font):
#   go build -o "$TMP_SHOT/fontshot" ./app/cmd/fontshot
#   OUT=docs/screenshots TMP_SHOT=... xvfb-run -a -s "-screen 0 1280x800x24" docs/screenshots/find.sh
tmp=${TMP_SHOT:-$(mktemp -d)}
export XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config
"$tmp/fontshot" -size 1280x800 -clause 9 -hold 25s > "$tmp/fontshot.log" 2>&1 &
sleep 6
id=$(xdotool search --name 起草 | head -1); [ -z "$id" ] && id=$(xdotool search --name Qicao | head -1)
echo "window $id"
xdotool windowfocus --sync $id
xdotool key --window $id ctrl+f; sleep 1
xdotool type --window $id --delay 100 '2026'; sleep 1
xdotool key --window $id F3; sleep 0.5
xdotool key --window $id F3; sleep 1
import -window root "${OUT:-.}/find.png"
xdotool key --window $id ctrl+shift+f; sleep 1.5
import -window root "${OUT:-.}/find-fulltext.png"
wait

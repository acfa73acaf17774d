#!/usr/bin/env bash
# keys.sh — drives Qicao's real window with the real keyboard and mouse
# (xdotool, under Xvfb) and takes keys.png: the example draft in the
# editor, clause 9 clicked in the outline, "abc" typed at its end, then
# Ctrl+Enter (a new clause 10 inserted after it; the old 10.–25. renumbered
# 11.–26.) and Ctrl+S with the note "v3" and Enter (saved as version 3).
# Needs xdotool and ImageMagick.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
tmp="$(mktemp -d)"
cd "$repo"
go build -o "$tmp/fontshot" ./app/cmd/fontshot
Xvfb :79 -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $fs $xvfb 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
sleep 1
export DISPLAY=:79
XDG_CONFIG_HOME="$tmp/conf" "$tmp/fontshot" -clause 9 -hold 60s >"$tmp/log" 2>&1 &
fs=$!
until grep -q 'first frame' "$tmp/log"; do sleep 0.5; done
sleep 1
xdotool mousemove 250 170 click 1; sleep 0.5        # clause 9 in the outline
xdotool mousemove 640 300 click 1; sleep 0.5        # into the clause pane
xdotool key ctrl+End; xdotool type --delay 100 abc; sleep 0.5
xdotool key ctrl+Return; sleep 1                    # insert a clause after
xdotool key ctrl+s; sleep 1                         # save a version …
xdotool type --delay 80 v3; xdotool key Return; sleep 1
import -window root "$here/keys.png"
echo "keys.png taken"

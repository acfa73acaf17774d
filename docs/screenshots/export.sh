#!/bin/bash
# export confirmation: the real window (fontshot), 文件 → 导出 Word… through the folder dialog and the
# file-name form with the mouse and keys (xdotool). HOME is a fresh folder, so the dialog opens there.
# Usage: go build -o "$TMP_SHOT/fontshot" ./app/cmd/fontshot
#   OUT=docs/screenshots TMP_SHOT=... xvfb-run -a -s "-screen 0 1280x800x24" docs/screenshots/export.sh
tmp=${TMP_SHOT:-$(mktemp -d)}
export XDG_CACHE_HOME=$tmp/cache XDG_CONFIG_HOME=$tmp/config HOME=$tmp/home
mkdir -p "$HOME"
"$tmp/fontshot" -size 1280x800 -clause 9 -hold 60s > "$tmp/fontshot.log" 2>&1 &
sleep 8
id=$(xdotool search --name 起草 | head -1); [ -z "$id" ] && id=$(xdotool search --name Qicao | head -1)
xdotool windowfocus --sync $id
shot() { import -window root "${OUT:-.}/$1.png"; }
xdotool mousemove --window $id 76 15 click 1; sleep 1; shot export-1-menu
xdotool mousemove --window $id ${ITEM:-110 90} click 1; sleep 2; shot export-2-folder
xdotool mousemove --window $id ${CHOOSE:-900 700} click 1; sleep 1.5; shot export-3-name
xdotool key --window $id Return; sleep 4; shot export-confirmation
ls -la "$HOME" > "$tmp/export-ls.txt"
kill %1

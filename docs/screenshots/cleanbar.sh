#!/bin/sh
# The clean-up bar on the 泰安 web page imported as a draft, then after 清除.
set -eu
cd "$(dirname "$0")"
export HOME=$PWD/home-clean
rm -rf "$HOME"; mkdir -p "$HOME"
./fontshot -import "$1" -shot cleanbar.png -hold 12s &
pid=$!
sleep 6
xdotool mousemove 1125 101 click 1
sleep 2
import -window root cleanbar-after.png
wait $pid

#!/usr/bin/env bash
# Takes the README's screenshots from the real product on a copy of the sample workspace, under a
# private Xvfb display: the workbench as it opens, a vendor's reasons in the checklist, a search,
# the vendor editor and the devices' life cycle.
# Usage: releng/scripts/screenshots.sh [output folder]   (build first: ./mvnw -DskipTests verify)
# Needs: Xvfb, xdotool, ImageMagick (apt-get install xvfb xdotool imagemagick).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/docs/screenshots}
product=$root/releng/org.civicsla.product/target/products/org.civicsla.product/linux/gtk/x86_64/civicsla
[ -x "$product/civicsla" ] || { echo "build the product first: ./mvnw -DskipTests verify" >&2; exit 2; }
for tool in Xvfb xdotool import; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
mkdir -p "$out"
work=$(mktemp -d)
cp -r "$product/samples/riverton" "$work/riverton"
rm -rf "$work/riverton/store" "$work/riverton/index" "$work/riverton/index-text" "$work/riverton/runs"
display=:$((80 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$display
CIVICSLA_STATE=$work/state CIVICSLA_VMARGS="-Xmx2g -Dcivicsla.workspace=$work/riverton" "$product/civicsla" >"$work/app.log" 2>&1 & app=$!
deadline=$((SECONDS + 60))
until xdotool search --onlyvisible --name "^CivicSLA" >/dev/null 2>&1; do
  [ $SECONDS -lt $deadline ] || { echo "no window; the product said:" >&2; cat "$work/app.log" >&2; exit 1; }
  sleep 0.2
done
window=$(xdotool search --onlyvisible --name "^CivicSLA" | head -n 1)
xdotool windowmove "$window" 0 0 windowsize "$window" 1280 800
sleep 8   # the sample is imported and checked in background jobs on first open
import -window root "$out/workbench.png"
# The checklist's fifth row (Harbourview CCTV): its reasons and evidence appear below the matrix.
xdotool mousemove 700 246 click 1
sleep 1
import -window root "$out/checklist-reasons.png"
# A search in the Search part.
xdotool mousemove 880 560 click 1
sleep 0.3
xdotool type --delay 20 '"security incident" AND hours'
xdotool key Return
sleep 4
import -window root "$out/search.png"
# The vendor editor: choose a vendor in the Vendors list and press Enter.
xdotool mousemove 150 246 click 1
sleep 0.5
xdotool key Return
sleep 2
# Maximised (double-click on its tab) to show the contract, its documents and its clause list.
xdotool mousemove 672 41 click --repeat 2 --delay 80 1
sleep 1.5
import -window root "$out/vendor-editor.png"
xdotool mousemove 672 41 click --repeat 2 --delay 80 1
sleep 1
# Devices: models, the end-of-support chart and the replacement plan.
xdotool mousemove 728 41 click 1
sleep 1
xdotool mousemove 728 41 click --repeat 2 --delay 80 1
sleep 1.5
import -window root "$out/devices.png"
echo "screenshots in $out"

#!/bin/sh
# tests/test-cli.sh — the command line that works without a window
# Copyright 2026 The CMIO Handbook authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-cli.sh BINARY VERSION CONTENT_DIR; prints TAP.
set -u
bin=$1 version=$2 content=$3
n=0 failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

out=$("$bin" --version 2>&1)
if [ "$out" = "cmio-handbook $version" ]; then ok "--version prints the version"; else not_ok "--version printed: $out"; fi

if "$bin" --check-content="$content" >/dev/null 2>&1; then ok "--check-content accepts the built-in pack"
else not_ok "--check-content refused the built-in pack"; fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The progress file lives here, not in the user's real data folder.
export XDG_DATA_HOME="$tmp/data"
data="$XDG_DATA_HOME/io.github.cmiohandbook.Handbook"
if "$bin" --check-content="$tmp" >"$tmp/out" 2>&1; then not_ok "--check-content accepted an empty folder"
elif grep -q "^handbook.json: " "$tmp/out"; then ok "--check-content names the file of a problem"
else not_ok "--check-content said: $(cat "$tmp/out")"; fi

# --export, through the same load and recovery as the window.
if "$bin" --export="$tmp/fresh.cmioexport" 2>"$tmp/err" && grep -q '"format" : "cmio-handbook-export"' "$tmp/fresh.cmioexport"
then ok "--export writes an export on first use"; else not_ok "--export on first use: $(cat "$tmp/err")"; fi

mkdir -p "$data"
printf '%s' '{"format": "cmio-handbook-progress", "version": 1, "items": {"map-reporting-lines": {"done": true}}}' > "$data/progress.json.bak"
printf '%s' '{"format": "cmio-hand' > "$data/progress.json"
if "$bin" --export="$tmp/recovered.md" 2>"$tmp/err" && grep -q -- '- \[x\] 1\.2 ' "$tmp/recovered.md" \
   && grep -q "progress.json.corrupt-" "$tmp/err" && ls "$data" | grep -q '^progress.json.corrupt-'
then ok "--export recovers from the backup, says so on stderr, keeps the damaged file"
else not_ok "--export after damage: $(cat "$tmp/err")"; fi

rm -f "$data/progress.json.bak"
printf '%s' 'not json at all' > "$data/progress.json"
if "$bin" --export="$tmp/nothing.html" 2>"$tmp/err"; then not_ok "--export exported with nothing recoverable"
elif grep -q "no good backup" "$tmp/err"; then ok "--export fails when nothing is recoverable, and says why"
else not_ok "--export with nothing recoverable said: $(cat "$tmp/err")"; fi

if env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --export="$tmp/x.pdf" 2>"$tmp/err"; then not_ok "--export to PDF claimed success"
elif [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "html" "$tmp/err"; then ok "--export to PDF fails with one line that suggests HTML"
else not_ok "--export to PDF said: $(cat "$tmp/err")"; fi

if "$bin" --export="$tmp/x.txt" 2>"$tmp/err"; then not_ok "--export to .txt claimed success"
else ok "--export refuses an unknown extension"; fi

if "$bin" --export="$tmp/y.json" --content-dir="$content/../../tests/data/packs/unknown-owner" 2>"$tmp/err"
then not_ok "--export with a broken --content-dir pack claimed success"
elif grep -q "unknown owner" "$tmp/err"; then ok "--export lists a broken content pack's problems"
else not_ok "--export with a broken pack said: $(cat "$tmp/err")"; fi

# A .cmioexport is remembered in the progress, so that a review of an
# older one can be told apart.
if "$bin" --export="$tmp/remembered.cmioexport" 2>"$tmp/err"; then
  id=$(sed -n 's/^ *"export_id" : "\(.*\)",$/\1/p' "$tmp/remembered.cmioexport")
  if [ -n "$id" ] && grep -q "\"export_id\" *: *\"$id\"" "$data/progress.json"
  then ok "--export to .cmioexport records the export in the progress"
  else not_ok "the export $id is not in the progress"; fi
else not_ok "--export to .cmioexport failed: $(cat "$tmp/err")"; fi

# With a display, the same PDF as the export dialog's.
if command -v xvfb-run >/dev/null 2>&1 && command -v dbus-run-session >/dev/null 2>&1; then
  if xvfb-run -a dbus-run-session -- "$bin" --export="$tmp/report.pdf" >/dev/null 2>"$tmp/err" &&
     [ "$(head -c 4 "$tmp/report.pdf")" = "%PDF" ]
  then ok "--export to PDF with a display writes a PDF"
  else not_ok "--export to PDF with a display: $(cat "$tmp/err")"; fi
else
  ok "# SKIP xvfb-run is not installed"
fi

echo "1..$n"
[ $failed -eq 0 ]

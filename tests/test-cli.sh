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
if "$bin" --check-content="$tmp" >"$tmp/out" 2>&1; then not_ok "--check-content accepted an empty folder"
elif grep -q "^handbook.json: " "$tmp/out"; then ok "--check-content names the file of a problem"
else not_ok "--check-content said: $(cat "$tmp/out")"; fi

echo "1..$n"
[ $failed -eq 0 ]

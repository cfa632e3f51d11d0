#!/bin/sh
# tests/fuzz/run-fuzzer.sh — a short fuzzing run over a seed corpus
# Copyright 2026 The CMIO Handbook authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-fuzzer.sh FUZZER SEED_CORPUS SECONDS
# New inputs go to a temporary folder, never into the source tree; a crash
# or a failed assertion makes the run fail and leaves the input in the log.
set -eu
fuzzer=$(readlink -f "$1") seeds=$(readlink -f "$2") seconds=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
"$fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 "$work" "$seeds"

#!/bin/sh
# tests/check-potfiles.sh — every file with translatable strings is in po/POTFILES.in
# Copyright 2026 The CMIO Handbook authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$1"
status=0
for f in $(grep -rlE '(^|[^A-Za-z_])(N?_|ngettext|C_)[[:space:]]*\(|translatable="yes"' src data --include='*.c' --include='*.ui' --include='*.in' --include='*.xml' | sort); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "po/POTFILES.in: $f has translatable strings but is not listed"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in: $f does not exist"
    status=1
  fi
done
exit $status

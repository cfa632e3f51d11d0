#!/bin/sh
# tests/xvfb-wrapper.sh — runs one test in a display and session bus of its own
# Copyright 2026 The CMIO Handbook authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Each UI test gets its own Xvfb (the display number is chosen by the server,
# so tests may run in parallel), its own D-Bus session, and an empty data home.
set -eu

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cmio-test.XXXXXX")
cleanup () {
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  # Where a document portal ran, its FUSE folder must be unmounted first.
  if [ -d "$tmp/runtime/doc" ] && command -v fusermount >/dev/null 2>&1; then
    fusermount -uz "$tmp/runtime/doc" 2>/dev/null || true
  fi
  rm -rf "$tmp" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime"
# The tests' style and files are their own, not a desktop portal's: a
# machine with xdg-desktop-portal installed (flatpak brings it) would
# otherwise answer libadwaita's colour-scheme question in their session.
export ADW_DISABLE_PORTAL=1
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

if ! command -v Xvfb >/dev/null 2>&1 || ! command -v dbus-run-session >/dev/null 2>&1; then
  # Without Xvfb (the GNOME SDK has none) window tests cannot run: they skip,
  # unless the caller asked for them (the README's test command does).
  if [ "${CMIO_TEST_REQUIRE_XVFB:-0}" = 1 ]; then
    echo "Bail out! Xvfb and dbus-run-session are needed for the window tests" >&2
    exit 1
  fi
  echo "1..0 # SKIP Xvfb or dbus-run-session is not installed"
  exit 0
fi

if [ "${CMIO_TEST_USE_DISPLAY:-0}" != 1 ]; then
  exec 3>"$tmp/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  exec 3>&-
  i=0
  while [ ! -s "$tmp/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  if [ ! -s "$tmp/display" ]; then
    echo "Bail out! Xvfb did not start:" >&2
    cat "$tmp/xvfb.log" >&2
    exit 1
  fi
  DISPLAY=":$(cat "$tmp/display")"
  export DISPLAY
  unset WAYLAND_DISPLAY
fi

# Services that the bus starts inherit its standard output; keep them off the
# test's, which carries TAP.
dbus-run-session -- sh -c 'exec "$@" 1>&3 3>&-' sh "$@" 3>&1 1>&2

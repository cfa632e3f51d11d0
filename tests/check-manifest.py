#!/usr/bin/env python3
# tests/check-manifest.py — the Flatpak manifest parses and asks for no more than it should
# Copyright 2026 The CMIO Handbook authors
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys

ALLOWED = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]

def main(path, app_id):
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    problems = []
    def expect(key, value):
        if manifest.get(key) != value:
            problems.append(f"{key} is {manifest.get(key)!r}, expected {value!r}")
    expect("id", app_id)
    expect("runtime", "org.gnome.Platform")
    expect("sdk", "org.gnome.Sdk")
    expect("runtime-version", "50")
    expect("command", "cmio-handbook")
    if manifest.get("finish-args") != ALLOWED:
        problems.append(f"finish-args must be exactly {ALLOWED}, found {manifest.get('finish-args')}")
    names = [m.get("name") for m in manifest.get("modules", []) if isinstance(m, dict)]
    if "md4c" not in names:
        problems.append("no md4c module: the GNOME SDK has no md4c")
    for module in manifest.get("modules", []):
        for source in module.get("sources", []):
            if source.get("type") in ("archive", "file") and not source.get("sha256"):
                problems.append(f"module {module.get('name')}: source {source.get('url')} has no sha256")
    app = [m for m in manifest.get("modules", []) if m.get("name") == "cmio-handbook"]
    if not app or not app[-1].get("run-tests"):
        problems.append("the app module must be last and set run-tests")
    elif manifest["modules"][-1] is not app[-1]:
        problems.append("the app module must be the last module")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))

#!/usr/bin/env python3
# tests/data/packs/make-packs.py — writes the test content packs beside it
# Copyright 2026 The CMIO Handbook authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# "valid" is a small correct pack; every other folder is the same pack with
# exactly one fault. Run it again after changing a pack here; the test suite
# reads the folders, not this script. (The 20 MB chapter is made by the test
# itself, in a temporary copy, so the repository stays small.)
import copy
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

CHAPTER_A = """# First Chapter

## Why

Some text about the first chapter, with a list:

- one
- two

## In practice

> Do the first thing first.

## Sources

- Author A. A title. A journal, 2020.
"""

CHAPTER_B = """# Second Chapter

| a | b |
|---|---|
| 1 | 2 |

## In practice

> Then the second.

## Sources

- Author B. Another title. 2021.
"""

VALID = {
    "format": "cmio-handbook-content",
    "version": 1,
    "id": "test-pack",
    "title": "Test Pack",
    "content_version": "2026.1",
    "language": "en",
    "chapters": [
        {
            "id": "first",
            "title": "First Chapter",
            "summary": "The first one.",
            "file": "chapters/first.md",
            "checklist": [
                {"id": "do-one", "text": "Do one thing.", "detail": "Why.",
                 "target_day": 5, "owner": "cmio", "required": True},
                {"id": "do-two", "text": "Do another thing.",
                 "target_day": 30, "owner": "mentor", "required": False},
            ],
        },
        {
            "id": "second",
            "title": "Second Chapter",
            "file": "chapters/second.md",
            "checklist": [
                {"id": "do-three", "text": "Do a third thing.",
                 "target_day": 60, "owner": "executive", "required": True},
            ],
        },
    ],
    "domains": [{"id": "leadership", "title": "Leadership"}],
    "competencies": [
        {"id": "change-leadership", "domain": "leadership", "title": "Change",
         "description": "Leading change.",
         "levels": ["I can one.", "I can two.", "I can three.", "I can four.", "I can five."],
         "chapters": ["first"]},
    ],
}


def write(name, pack=None, chapters=None, raw=None):
    folder = os.path.join(HERE, name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "chapters"))
    files = {"first.md": CHAPTER_A, "second.md": CHAPTER_B}
    files.update(chapters or {})
    for file_name, text in files.items():
        if text is not None:
            with open(os.path.join(folder, "chapters", file_name), "w") as f:
                f.write(text)
    with open(os.path.join(folder, "handbook.json"), "w") as f:
        f.write(raw if raw is not None else json.dumps(pack, indent=2) + "\n")


def broken(name, change, chapters=None):
    pack = copy.deepcopy(VALID)
    change(pack)
    write(name, pack, chapters)


write("valid", VALID)
broken("path-traversal", lambda p: p["chapters"][1].update(file="../../etc/passwd"))
broken("absolute-path", lambda p: p["chapters"][1].update(file="/etc/passwd"))
broken("duplicate-chapter-id", lambda p: p["chapters"][1].update(id="first"))
broken("duplicate-item-id", lambda p: p["chapters"][1]["checklist"][0].update(id="do-one"))
broken("missing-file", lambda p: None, chapters={"second.md": None})
write("invalid-json", raw=json.dumps(VALID, indent=2).replace('"id": "second",', '"id": "second"', 1))
broken("wrong-type", lambda p: p["chapters"][0].update(title=42))
broken("empty-chapter", lambda p: None, chapters={"second.md": "\n  \n"})
broken("unknown-domain", lambda p: p["competencies"][0].update(domain="strategy"))
broken("unknown-related-chapter", lambda p: p["competencies"][0].update(chapters=["first", "third"]))
broken("target-day-out-of-range", lambda p: p["chapters"][0]["checklist"][1].update(target_day=120))
broken("unknown-owner", lambda p: p["chapters"][0]["checklist"][1].update(owner="cio"))
broken("four-levels", lambda p: p["competencies"][0]["levels"].pop())
broken("wrong-format", lambda p: p.update(format="something-else"))
write("not-an-object", raw="[1, 2, 3]\n")

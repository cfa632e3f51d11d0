/* fuzz-content-pack.c — libFuzzer target for the content pack loader
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a handbook.json, loaded from a folder that also holds two
 * small chapters, so that inputs naming them reach the chapter checks too.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cmio-content-pack.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static char *pack_dir;
static char *index_path;

static void
setup (void)
{
  g_autofree char *chapters = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  pack_dir = g_dir_make_tmp ("cmio-fuzz-pack-XXXXXX", NULL);
  g_assert (pack_dir != NULL);
  chapters = g_build_filename (pack_dir, "chapters", NULL);
  g_mkdir (chapters, 0700);
  first = g_build_filename (chapters, "first.md", NULL);
  second = g_build_filename (chapters, "second.md", NULL);
  g_file_set_contents (first, "# First\n\n- a list\n", -1, NULL);
  g_file_set_contents (second, "# Second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", -1, NULL);
  index_path = g_build_filename (pack_dir, "handbook.json", NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CmioContentPack) pack = NULL;

  if (pack_dir == NULL)
    setup ();

  if (!g_file_set_contents (index_path, (const char *) data, size, NULL))
    return 0;

  dir = g_file_new_for_path (pack_dir);
  pack = cmio_content_pack_load (dir, &problems);

  /* Either a pack or problems, never both, never neither. */
  g_assert ((pack != NULL) == (problems->len == 0));
  for (guint i = 0; i < problems->len; i++)
    g_free (cmio_problem_to_string (g_ptr_array_index (problems, i)));

  return 0;
}

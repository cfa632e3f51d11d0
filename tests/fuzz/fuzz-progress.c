/* fuzz-progress.c — libFuzzer target for the progress file loader
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input is a progress.json. Whatever it holds, reading must end in
 * progress or a message; progress that loads must save and load again to
 * the same JSON.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cmio-store.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static GFile *input;
static GFile *output;

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(CmioProgress) progress = NULL;
  g_autoptr(CmioProgress) again = NULL;
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (input == NULL)
    {
      g_autofree char *folder = g_dir_make_tmp ("cmio-fuzz-progress-XXXXXX", NULL);
      g_autofree char *in = g_build_filename (folder, "input.json", NULL);
      g_autofree char *out = g_build_filename (folder, "output.json", NULL);

      input = g_file_new_for_path (in);
      output = g_file_new_for_path (out);
    }

  path = g_file_get_path (input);
  if (!g_file_set_contents (path, (const char *) data, size, NULL))
    return 0;

  progress = cmio_store_read_file (input, &error);
  g_assert ((progress == NULL) == (error != NULL));
  if (progress == NULL)
    return 0;

  /* What loads, saves; what was saved, loads to the same. */
  first = cmio_progress_to_json (progress);
  g_assert (cmio_store_write_file (output, first, FALSE, NULL, NULL, NULL));
  again = cmio_store_read_file (output, &error);
  g_assert (again != NULL);
  second = cmio_progress_to_json (again);
  json_object_remove_member (json_node_get_object (first), "saved_at");
  json_object_remove_member (json_node_get_object (second), "saved_at");
  g_assert (json_node_equal (first, second));

  return 0;
}

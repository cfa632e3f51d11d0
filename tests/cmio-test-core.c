/* cmio-test-core.c — helpers shared by the unit tests (the core, no display)
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-test-core.h"

/* The small pack of tests/data/packs/valid. */
CmioContentPack *
cmio_test_valid_pack (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "packs", "valid", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  CmioContentPack *pack = cmio_content_pack_load (dir, NULL);

  g_assert_nonnull (pack);
  return pack;
}

/* The progress that @json holds, which must be valid. */
CmioProgress *
cmio_test_load_progress (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  CmioProgress *progress;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  progress = cmio_progress_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  g_assert_nonnull (progress);
  return progress;
}

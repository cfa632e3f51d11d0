/* test-content-pack.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-content-pack.h"

static void
test_builtin_pack_loads (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load_builtin (&problems);
  static const char * const chapter_ids[] = {
    "what-is-a-cmio", "cmio-vs-cio", "what-does-a-cmio-do", "beyond-the-bridge",
    "daily-schedule", "hard-skills", "soft-skills", "certification", "first-90-days",
  };
  GListModel *chapters;

  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = cmio_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", line);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (pack);
  g_assert_true (cmio_content_pack_is_builtin (pack));

  chapters = cmio_content_pack_get_chapters (pack);
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, G_N_ELEMENTS (chapter_ids));
  for (guint i = 0; i < G_N_ELEMENTS (chapter_ids); i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);

      g_assert_cmpstr (cmio_chapter_get_id (chapter), ==, chapter_ids[i]);
      g_assert_cmpuint (cmio_chapter_get_number (chapter), ==, i + 1);
      g_assert_true (cmio_content_pack_find_chapter (pack, chapter_ids[i]) == chapter);
    }
}

static void
test_builtin_item_numbers (void)
{
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load_builtin (NULL);
  g_autoptr(GPtrArray) items = cmio_content_pack_get_chapter_items (pack, "cmio-vs-cio");
  CmioChecklistItem *item;

  g_assert_cmpuint (items->len, >=, 4);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (cmio_checklist_item_get_number (item), ==, "2.1");
  g_assert_cmpstr (cmio_checklist_item_get_chapter_id (item), ==, "cmio-vs-cio");
  g_assert_true (cmio_content_pack_find_item (pack, cmio_checklist_item_get_id (item)) == item);
  item = g_ptr_array_index (items, 3);
  g_assert_cmpstr (cmio_checklist_item_get_number (item), ==, "2.4");
}

static void
test_problem_format (void)
{
  g_autoptr(CmioProblem) with_line = cmio_problem_new ("handbook.json", 12, "bad");
  g_autoptr(CmioProblem) without_line = cmio_problem_new ("chapters/a.md", 0, "empty");
  g_autofree char *a = cmio_problem_to_string (with_line);
  g_autofree char *b = cmio_problem_to_string (without_line);

  g_assert_cmpstr (a, ==, "handbook.json:12: bad");
  g_assert_cmpstr (b, ==, "chapters/a.md: empty");
}

static void
test_missing_pack (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path ("/nonexistent/cmio-pack");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load (dir, &problems);
  CmioProblem *problem;

  g_assert_null (pack);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, "handbook.json");
  g_assert_nonnull (strstr (problem->message, "no handbook.json"));
}

static void
test_ids (void)
{
  g_assert_true (cmio_content_id_is_valid ("cmio-vs-cio"));
  g_assert_true (cmio_content_id_is_valid ("a1"));
  g_assert_false (cmio_content_id_is_valid (""));
  g_assert_false (cmio_content_id_is_valid ("CMIO"));
  g_assert_false (cmio_content_id_is_valid ("a b"));
  g_assert_false (cmio_content_id_is_valid ("../x"));
  g_assert_false (cmio_content_id_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/content-pack/builtin-loads", test_builtin_pack_loads);
  g_test_add_func ("/cmio/content-pack/item-numbers", test_builtin_item_numbers);
  g_test_add_func ("/cmio/content-pack/problem-format", test_problem_format);
  g_test_add_func ("/cmio/content-pack/missing-pack", test_missing_pack);
  g_test_add_func ("/cmio/content-pack/ids", test_ids);

  return g_test_run ();
}

/* test-content-pack.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
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
test_builtin_headings (void)
{
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load_builtin (NULL);
  CmioChapter *chapter = cmio_content_pack_find_chapter (pack, "cmio-vs-cio");
  g_autoptr(GPtrArray) headings = cmio_chapter_dup_headings (chapter);
  g_autofree char *html = cmio_chapter_dup_html (chapter);
  CmioHeading *first;
  CmioHeading *last;
  guint n_html = 0;

  g_assert_cmpuint (headings->len, >=, 4);
  first = g_ptr_array_index (headings, 0);
  last = g_ptr_array_index (headings, headings->len - 1);
  g_assert_cmpuint (first->level, ==, 1);
  g_assert_cmpstr (first->text, ==, "CMIO vs. CIO");
  g_assert_cmpuint (last->level, ==, 2);
  g_assert_cmpstr (last->text, ==, "Sources");

  /* The outline counts the same headings as the page has. */
  for (const char *p = html; (p = strstr (p, "<h")) != NULL; p++)
    if (p[2] >= '1' && p[2] <= '6')
      n_html++;
  g_assert_cmpuint (n_html, ==, headings->len);
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

/* Broken packs: each folder under tests/data/packs has exactly one fault. */

typedef struct
{
  const char *folder;
  const char *file;
  guint line;
  const char *message;
} BrokenPack;

static const BrokenPack broken_packs[] = {
  { "path-traversal", "handbook.json", 35, "points outside the pack" },
  { "absolute-path", "handbook.json", 35, "not an absolute path" },
  { "duplicate-chapter-id", "handbook.json", 33, "duplicate chapter id \"first\" (first used on line 10)" },
  { "duplicate-item-id", "handbook.json", 38, "duplicate item id \"do-one\" (first used on line 16)" },
  { "missing-file", "handbook.json", 35, "the file \"chapters/second.md\" does not exist" },
  { "invalid-json", "handbook.json", 33, "not valid JSON" },
  { "wrong-type", "handbook.json", 11, "\"title\" must be text, not a number" },
  { "empty-chapter", "chapters/second.md", 0, "the chapter is empty" },
  { "unknown-domain", "handbook.json", 56, "unknown domain \"strategy\"" },
  { "unknown-related-chapter", "handbook.json", 66, "unknown chapter \"third\"" },
  { "target-day-out-of-range", "handbook.json", 26, "\"target_day\" must be between 0 and 90, not 120" },
  { "unknown-owner", "handbook.json", 27, "unknown owner \"cio\"" },
  { "four-levels", "handbook.json", 59, "must list 5 level descriptions, found 4" },
  { "wrong-format", "handbook.json", 2, "\"format\" must be \"cmio-handbook-content\"" },
  { "not-an-object", "handbook.json", 1, "must hold a JSON object" },
};

static GPtrArray *
load_problems (GFile *dir)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load (dir, &problems);

  g_assert_null (pack);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = cmio_problem_to_string (g_ptr_array_index (problems, i));

      g_test_message ("%s", line);
    }
  return g_steal_pointer (&problems);
}

static void
test_broken_pack (gconstpointer data)
{
  const BrokenPack *expected = data;
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "packs", expected->folder, NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = load_problems (dir);
  CmioProblem *problem;

  /* One fault, one problem: the file, the line and what is wrong. */
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, expected->file);
  g_assert_cmpuint (problem->line, ==, expected->line);
  g_assert_nonnull (strstr (problem->message, expected->message));
}

static void
test_valid_test_pack (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "packs", "valid", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load (dir, &problems);
  CmioChecklistItem *item;
  CmioCompetency *competency;

  g_assert_nonnull (pack);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (cmio_content_pack_is_builtin (pack));
  g_assert_cmpstr (cmio_content_pack_get_content_version (pack), ==, "2026.1");

  item = cmio_content_pack_find_item (pack, "do-two");
  g_assert_cmpstr (cmio_checklist_item_get_number (item), ==, "1.2");
  g_assert_cmpint (cmio_checklist_item_get_target_day (item), ==, 30);
  g_assert_cmpint (cmio_checklist_item_get_owner (item), ==, CMIO_OWNER_MENTOR);
  g_assert_false (cmio_checklist_item_get_required (item));
  g_assert_cmpstr (cmio_checklist_item_get_detail (item), ==, "");
  item = cmio_content_pack_find_item (pack, "do-three");
  g_assert_cmpstr (cmio_checklist_item_get_number (item), ==, "2.1");
  g_assert_cmpint (cmio_checklist_item_get_owner (item), ==, CMIO_OWNER_EXECUTIVE);

  competency = g_list_model_get_item (cmio_content_pack_get_competencies (pack), 0);
  g_assert_cmpstr (cmio_competency_get_level (competency, 5), ==, "I can five.");
  g_assert_cmpstr (cmio_competency_get_chapter_ids (competency)[0], ==, "first");
  g_object_unref (competency);
  g_assert_cmpstr (cmio_content_pack_find_domain (pack, "leadership")->title, ==, "Leadership");
}

/* Copies the valid test pack into a new temporary folder. */
static GFile *
copy_valid_pack (void)
{
  /* Under G_TEST_OPTION_ISOLATE_DIRS the cache folder is a temporary one
   * that the test framework removes. */
  g_autofree char *tmp = g_build_filename (g_get_user_cache_dir (), "pack-XXXXXX", NULL);
  g_autofree char *chapters = NULL;
  const char *files[] = { "handbook.json", "chapters/first.md", "chapters/second.md" };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_nonnull (g_mkdtemp (tmp));
  chapters = g_build_filename (tmp, "chapters", NULL);
  g_assert_cmpint (g_mkdir (chapters, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *from = g_build_filename (TEST_DATA_DIR, "packs", "valid", files[i], NULL);
      g_autofree char *to = g_build_filename (tmp, files[i], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (to, contents, length, NULL));
    }

  return g_file_new_for_path (tmp);
}

static void
replace_in_index (GFile      *dir,
                  const char *from,
                  const char *to)
{
  g_autoptr(GFile) index = g_file_get_child (dir, "handbook.json");
  g_autofree char *path = g_file_get_path (index);
  g_autofree char *contents = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, from));
  parts = g_strsplit (contents, from, 2);
  joined = g_strjoinv (to, parts);
  g_assert_true (g_file_set_contents (path, joined, -1, NULL));
}

static void
test_huge_chapter (void)
{
  g_autoptr(GFile) dir = copy_valid_pack ();
  g_autoptr(GFile) chapter = g_file_resolve_relative_path (dir, "chapters/second.md");
  g_autofree char *path = g_file_get_path (chapter);
  g_autoptr(GPtrArray) problems = NULL;
  CmioProblem *problem;
  FILE *f;

  /* 20 MB: refused from its size, before anything reads it. */
  f = fopen (path, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, 20 * 1024 * 1024 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', f), ==, '\n');
  fclose (f);

  problems = load_problems (dir);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, "chapters/second.md");
  g_assert_nonnull (strstr (problem->message, "20.0 MB; a chapter may be at most 1 MB"));
}

static void
test_every_problem_reported (void)
{
  g_autoptr(GFile) dir = copy_valid_pack ();
  g_autoptr(GPtrArray) problems = NULL;

  /* Three faults in different places: all three are reported at once. */
  replace_in_index (dir, "\"target_day\": 5", "\"target_day\": -1");
  replace_in_index (dir, "\"owner\": \"executive\"", "\"owner\": \"boss\"");
  replace_in_index (dir, "\"domain\": \"leadership\"", "\"domain\": \"nowhere\"");
  problems = load_problems (dir);
  g_assert_cmpuint (problems->len, ==, 3);
}

static void
test_symlink_out_of_pack (void)
{
  g_autoptr(GFile) dir = copy_valid_pack ();
  g_autoptr(GFile) link = g_file_resolve_relative_path (dir, "chapters/second.md");
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *target = g_build_filename (TEST_DATA_DIR, "packs", "valid", "chapters", "first.md", NULL);

  g_assert_true (g_file_delete (link, NULL, NULL));
  g_assert_true (g_file_make_symbolic_link (link, target, NULL, NULL));
  problems = load_problems (dir);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((CmioProblem *) g_ptr_array_index (problems, 0))->message,
                            "points outside the pack"));
}

static void
test_bad_text (void)
{
  g_autoptr(GFile) dir = copy_valid_pack ();
  g_autoptr(GFile) chapter = g_file_resolve_relative_path (dir, "chapters/second.md");
  g_autoptr(GPtrArray) problems = NULL;
  CmioProblem *problem;

  g_assert_true (g_file_replace_contents (chapter, "# Fine\n\nthen \xff\xfe bad\n", 22, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  problems = load_problems (dir);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, "chapters/second.md");
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_nonnull (strstr (problem->message, "UTF-8"));
}

static void
test_deep_nesting (void)
{
  g_autoptr(GFile) dir = copy_valid_pack ();
  g_autoptr(GString) deep = g_string_new ("\"deep\": ");
  g_autoptr(GPtrArray) problems = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, ", \"format\"");
  replace_in_index (dir, "\"format\"", deep->str);

  problems = load_problems (dir);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (((CmioProblem *) g_ptr_array_index (problems, 0))->message,
                            "nested more than"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/content-pack/builtin-loads", test_builtin_pack_loads);
  g_test_add_func ("/cmio/content-pack/item-numbers", test_builtin_item_numbers);
  g_test_add_func ("/cmio/content-pack/builtin-headings", test_builtin_headings);
  g_test_add_func ("/cmio/content-pack/problem-format", test_problem_format);
  g_test_add_func ("/cmio/content-pack/missing-pack", test_missing_pack);
  g_test_add_func ("/cmio/content-pack/ids", test_ids);
  g_test_add_func ("/cmio/content-pack/valid-test-pack", test_valid_test_pack);
  for (guint i = 0; i < G_N_ELEMENTS (broken_packs); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cmio/content-pack/broken/%s", broken_packs[i].folder);

      g_test_add_data_func (name, &broken_packs[i], test_broken_pack);
    }
  g_test_add_func ("/cmio/content-pack/broken/huge-chapter", test_huge_chapter);
  g_test_add_func ("/cmio/content-pack/broken/symlink-out-of-pack", test_symlink_out_of_pack);
  g_test_add_func ("/cmio/content-pack/broken/bad-text", test_bad_text);
  g_test_add_func ("/cmio/content-pack/broken/deep-nesting", test_deep_nesting);
  g_test_add_func ("/cmio/content-pack/every-problem-reported", test_every_problem_reported);

  return g_test_run ();
}

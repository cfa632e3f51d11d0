/* test-export.c — the export for the mentor, and its writers
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The golden tests build the export of tests/data/export/progress.json
 * against the pack in tests/data/export/pack, with a fixed export id and
 * time, and compare the three formats byte for byte with
 * tests/data/export/golden.{cmioexport,md,html}. After a deliberate change
 * of a writer, rewrite them and review the diff:
 *
 *   CMIO_UPDATE_GOLDEN=1 meson test -C BUILDDIR export
 *   git diff tests/data/export
 *
 * The tests run with LC_ALL=C.UTF-8 (tests/meson.build) and never call
 * setlocale(), so the program's locale is "C": the writers' words are the
 * untranslated ones and scores are written "3.5". LANGUAGE is unset all
 * the same, in case a test ever sets the locale from the environment.
 */

#include "config.h"

#include <md4c-html.h>
#include <string.h>

#include "cmio-export.h"
#include "cmio-markdown.h"

static const char hostile[] = "<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)> "
                              "<iframe src=\"https://example.com\"></iframe> <!-- c --> *bold* # h | t |";

typedef struct
{
  CmioContentPack *pack;
  CmioProgress *progress;
  CmioPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *custom = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *private = NULL;
  GDate today;

  fixture->pack = cmio_content_pack_load_builtin (NULL);
  fixture->progress = cmio_progress_new ();
  cmio_progress_set_content_pack (fixture->progress, fixture->pack);
  g_assert_true (cmio_progress_set_profile (fixture->progress, "start_date", "2026-11-02", &error));
  g_assert_true (cmio_progress_set_profile (fixture->progress, "name", hostile, &error));
  g_assert_true (cmio_progress_set_item_done (fixture->progress, "map-reporting-lines", TRUE, &error));
  g_assert_true (cmio_progress_set_item_evidence (fixture->progress, "map-reporting-lines", hostile, &error));
  g_assert_true (cmio_progress_set_item_mentor (fixture->progress, "map-reporting-lines",
                                                CMIO_MENTOR_STATUS_APPROVED, hostile, "Dr. B",
                                                "2026-11-20T10:00:00Z", &error));
  custom = cmio_progress_add_custom_item (fixture->progress, "certification", hostile, 45,
                                          CMIO_OWNER_CMIO, FALSE, &error);
  shared = cmio_progress_add_note (fixture->progress, NULL, "Shared", hostile, &error);
  g_assert_true (cmio_progress_set_note_shared (fixture->progress, shared, TRUE, &error));
  private = cmio_progress_add_note (fixture->progress, NULL, "Private", "mine only", &error);
  g_assert_no_error (error);

  fixture->plan = cmio_plan_new (fixture->pack, fixture->progress);
  g_date_set_dmy (&today, 27, 11, 2026);
  cmio_plan_set_today (fixture->plan, &today);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->progress);
  g_clear_object (&fixture->pack);
}

static JsonNode *
build_export (Fixture         *fixture,
              CmioExportNotes  notes)
{
  CmioExportOptions options = { .notes = notes, .include_assessment = TRUE };

  return cmio_export_build (fixture->pack, fixture->progress, fixture->plan, &options);
}

static JsonObject *
find_item (JsonObject *root,
           const char *id)
{
  JsonArray *items = json_object_get_array_member (root, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (item, "id"), id) == 0)
        return item;
    }

  return NULL;
}

static void
test_export_json (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) export = build_export (fixture, CMIO_EXPORT_NOTES_SHARED);
  JsonObject *root = json_node_get_object (export);
  JsonObject *item;
  JsonObject *custom = NULL;
  JsonArray *items = json_object_get_array_member (root, "items");
  JsonArray *notes = json_object_get_array_member (root, "notes");

  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "cmio-handbook-export");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (root, "export_id")));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "content"),
                                                  "content_version"), ==, "2026.1");

  /* Every item: the 56 of the pack and the custom one, numbered, dated. */
  g_assert_cmpuint (json_array_get_length (items), ==, 57);
  item = find_item (root, "map-reporting-lines");
  g_assert_cmpstr (json_object_get_string_member (item, "number"), ==, "1.2");
  g_assert_cmpstr (json_object_get_string_member (item, "target_date"), ==, "2026-11-07");
  g_assert_true (json_object_get_boolean_member (item, "done"));
  g_assert_cmpstr (json_object_get_string_member (item, "evidence"), ==, hostile);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (item, "mentor"), "status"),
                   ==, "approved");

  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_boolean_member (json_array_get_object_element (items, i), "custom"))
      custom = json_array_get_object_element (items, i);
  g_assert_nonnull (custom);
  g_assert_cmpstr (json_object_get_string_member (custom, "number"), ==, "8.7");
  g_assert_cmpstr (json_object_get_string_member (custom, "target_date"), ==, "2026-12-17");

  /* Only the note shared with the mentor. */
  g_assert_cmpuint (json_array_get_length (notes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (notes, 0), "title"), ==, "Shared");
}

static void
test_export_notes_choice (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) all = build_export (fixture, CMIO_EXPORT_NOTES_ALL);
  g_autoptr(JsonNode) none = build_export (fixture, CMIO_EXPORT_NOTES_NONE);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (all), "notes")), ==, 2);
  g_assert_false (json_object_has_member (json_node_get_object (none), "notes"));
}

static void
assert_no_markup (const char *html)
{
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<iframe"));
  g_assert_null (strstr (html, "<!--"));
  g_assert_null (strstr (html, "\"javascript:"));
  /* "onerror=" may be there as text, inside the escaped "&lt;img …&gt;". */
  g_assert_null (strstr (html, "<img"));
}

static void
test_export_markdown (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(JsonNode) export = build_export (fixture, CMIO_EXPORT_NOTES_SHARED);
  g_autofree char *markdown = cmio_export_to_markdown (export);
  g_autofree char *rendered = NULL;

  /* Task lists, and user text that stays text when the Markdown is read. */
  g_assert_nonnull (strstr (markdown, "- [x] 1.2 "));
  g_assert_nonnull (strstr (markdown, "- [ ] 1.1 "));
  rendered = cmio_markdown_to_html (markdown, -1);
  assert_no_markup (rendered);
  g_assert_null (strstr (rendered, "<em>bold</em>"));
  g_assert_nonnull (strstr (rendered, "&lt;script&gt;"));
}

static void
test_export_html (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(JsonNode) export = build_export (fixture, CMIO_EXPORT_NOTES_SHARED);
  g_autofree char *html = cmio_export_to_html (export);

  /* One page, nothing fetched, nothing run, user text escaped. */
  assert_no_markup (html);
  g_assert_null (strstr (html, " src=\""));
  g_assert_null (strstr (html, " href=\""));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "☑"));
  g_assert_nonnull (strstr (html, "☐"));
  g_assert_nonnull (strstr (html, "class=\"sign\""));
}

static void
test_export_kinds (void)
{
  static const struct {
    const char *path;
    gboolean ok;
    CmioExportKind kind;
  } cases[] = {
    { "a.cmioexport", TRUE, CMIO_EXPORT_JSON }, { "A.JSON", TRUE, CMIO_EXPORT_JSON },
    { "b.md", TRUE, CMIO_EXPORT_MARKDOWN }, { "c.html", TRUE, CMIO_EXPORT_HTML },
    { "d.pdf", TRUE, CMIO_EXPORT_PDF }, { "e.txt", FALSE, 0 }, { "noext", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      CmioExportKind kind = -1;

      g_assert_cmpint (cmio_export_kind_for_path (cases[i].path, &kind, &error), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (kind, ==, cases[i].kind);
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }
}

/* The golden files */

#define GOLDEN_EXPORT_ID   "00000000-0000-4000-8000-000000000001"
#define GOLDEN_EXPORTED_AT "2027-02-01T10:00:00Z"

/* A Fixture too, from tests/data/export; fixture_tear_down() frees it. */
static void
golden_set_up (Fixture       *golden,
               gconstpointer  data)
{
  g_autofree char *pack_path = g_build_filename (TEST_DATA_DIR, "export", "pack", NULL);
  g_autofree char *progress_path = g_build_filename (TEST_DATA_DIR, "export", "progress.json", NULL);
  g_autoptr(GFile) pack_dir = g_file_new_for_path (pack_path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  GDate today;

  golden->pack = cmio_content_pack_load (pack_dir, &problems);
  g_assert_nonnull (golden->pack);

  g_assert_true (json_parser_load_from_file (parser, progress_path, &error));
  g_assert_no_error (error);
  golden->progress = cmio_progress_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  cmio_progress_set_content_pack (golden->progress, golden->pack);

  /* Target dates come from the start date alone; a fixed today all the same. */
  golden->plan = cmio_plan_new (golden->pack, golden->progress);
  g_date_set_dmy (&today, 1, 2, 2027);
  cmio_plan_set_today (golden->plan, &today);
}

static JsonNode *
golden_export (Fixture *golden)
{
  CmioExportOptions options = {
    .notes = CMIO_EXPORT_NOTES_ALL,
    .include_assessment = TRUE,
    .export_id = GOLDEN_EXPORT_ID,
    .exported_at = GOLDEN_EXPORTED_AT,
  };

  return cmio_export_build (golden->pack, golden->progress, golden->plan, &options);
}

/* Writes @kind to a file, as the app does, and compares it with the
 * golden file @name, or rewrites that with CMIO_UPDATE_GOLDEN=1. */
static void
check_golden (Fixture        *golden,
              CmioExportKind  kind,
              const char     *name)
{
  g_autoptr(JsonNode) export = golden_export (golden);
  g_autofree char *golden_path = g_build_filename (TEST_DATA_DIR, "export", name, NULL);
  g_autofree char *written_path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) written_file = g_file_new_for_path (written_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  gsize written_length = 0;
  gsize expected_length = 0;

  g_assert_true (cmio_export_write (export, kind, written_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (written_path, &written, &written_length, &error));
  g_assert_no_error (error);

  if (g_strcmp0 (g_getenv ("CMIO_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_true (g_file_set_contents (golden_path, written, written_length, &error));
      g_assert_no_error (error);
      g_test_message ("rewrote %s", golden_path);
      return;
    }

  g_assert_true (g_file_get_contents (golden_path, &expected, &expected_length, &error));
  g_assert_no_error (error);
  if (written_length != expected_length || memcmp (written, expected, written_length) != 0)
    {
      g_test_message ("%s differs from %s (CMIO_UPDATE_GOLDEN=1 rewrites it):\n%s",
                      written_path, golden_path, written);
      g_test_fail ();
    }
}

static void
test_golden_json (Fixture       *golden,
                  gconstpointer  data)
{
  check_golden (golden, CMIO_EXPORT_JSON, "golden.cmioexport");
}

static void
test_golden_markdown (Fixture       *golden,
                      gconstpointer  data)
{
  check_golden (golden, CMIO_EXPORT_MARKDOWN, "golden.md");
}

static void
test_golden_html (Fixture       *golden,
                  gconstpointer  data)
{
  check_golden (golden, CMIO_EXPORT_HTML, "golden.html");
}

/* The self-assessment in the JSON: the latest completed one (not the
 * draft, not the first in the file), scored per domain and competency. */
static void
test_assessment (Fixture       *golden,
                 gconstpointer  data)
{
  g_autoptr(JsonNode) export = golden_export (golden);
  JsonObject *root = json_node_get_object (export);
  JsonObject *assessment = json_object_get_object_member (root, "assessment");
  JsonObject *counts;
  JsonArray *domains;
  JsonArray *competencies;
  JsonArray *strengths;
  JsonArray *gaps;
  JsonObject *object;

  g_assert_cmpstr (json_object_get_string_member (root, "export_id"), ==, GOLDEN_EXPORT_ID);
  g_assert_cmpstr (json_object_get_string_member (root, "exported_at"), ==, GOLDEN_EXPORTED_AT);

  g_assert_nonnull (assessment);
  g_assert_cmpstr (json_object_get_string_member (assessment, "id"), ==, "assessment-day-90");
  g_assert_cmpstr (json_object_get_string_member (assessment, "started_at"), ==, "2027-01-28T09:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (assessment, "completed_at"), ==, "2027-01-28T09:40:00Z");
  g_assert_cmpstr (json_object_get_string_member (assessment, "content_version"), ==, "2026.2");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (assessment, "mean"), 3.0, 1e-9);

  counts = json_object_get_object_member (assessment, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "answered"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (counts, "not_sure"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "unanswered"), ==, 1);

  domains = json_object_get_array_member (assessment, "domains");
  g_assert_cmpuint (json_array_get_length (domains), ==, 3);
  object = json_array_get_object_element (domains, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "leadership");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Leadership");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "mean"), 3.5, 1e-9);
  g_assert_cmpint (json_object_get_int_member (object, "answered"), ==, 2);
  object = json_array_get_object_element (domains, 1);
  g_assert_cmpint (json_object_get_int_member (object, "not_sure"), ==, 1);
  object = json_array_get_object_element (domains, 2);
  g_assert_true (json_object_get_null_member (object, "mean"));
  g_assert_cmpint (json_object_get_int_member (object, "unanswered"), ==, 1);

  competencies = json_object_get_array_member (assessment, "competencies");
  g_assert_cmpuint (json_array_get_length (competencies), ==, 5);
  object = json_array_get_object_element (competencies, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "lead-vision");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Vision");
  g_assert_cmpstr (json_object_get_string_member (object, "domain"), ==, "leadership");
  g_assert_cmpint (json_object_get_int_member (object, "level"), ==, 4);
  g_assert_true (json_object_get_boolean_member (object, "answered"));
  g_assert_cmpstr (json_object_get_string_member (object, "comment"), ==, "Led two redesigns.");
  /* Not sure: no level, but answered. */
  object = json_array_get_object_element (competencies, 3);
  g_assert_true (json_object_get_null_member (object, "level"));
  g_assert_true (json_object_get_boolean_member (object, "answered"));
  g_assert_cmpstr (json_object_get_string_member (object, "comment"), ==, "Not sure yet.");
  /* Unanswered. */
  object = json_array_get_object_element (competencies, 4);
  g_assert_true (json_object_get_null_member (object, "level"));
  g_assert_false (json_object_get_boolean_member (object, "answered"));
  g_assert_true (json_object_get_null_member (object, "comment"));

  strengths = json_object_get_array_member (assessment, "strengths");
  gaps = json_object_get_array_member (assessment, "gaps");
  g_assert_cmpuint (json_array_get_length (strengths), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (strengths, 0), ==, "lead-vision");
  g_assert_cmpstr (json_array_get_string_element (strengths, 1), ==, "lead-change");
  g_assert_cmpuint (json_array_get_length (gaps), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (gaps, 0), ==, "clin-safety");
}

/* Not asked for, or none completed: no "assessment" at all. */
static void
test_assessment_absent (Fixture       *golden,
                        gconstpointer  data)
{
  g_autoptr(CmioProgress) empty = cmio_progress_new ();
  g_autoptr(CmioPlan) plan = NULL;
  CmioExportOptions without = { .notes = CMIO_EXPORT_NOTES_NONE, .include_assessment = FALSE };
  CmioExportOptions with = { .notes = CMIO_EXPORT_NOTES_NONE, .include_assessment = TRUE };
  g_autoptr(JsonNode) not_asked = cmio_export_build (golden->pack, golden->progress, golden->plan, &without);
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(JsonNode) defaults = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *markdown = NULL;

  g_assert_false (json_object_has_member (json_node_get_object (not_asked), "assessment"));
  html = cmio_export_to_html (not_asked);
  markdown = cmio_export_to_markdown (not_asked);
  g_assert_null (strstr (html, "<svg"));
  g_assert_null (strstr (html, "Self-assessment"));
  g_assert_null (strstr (markdown, "Self\\-assessment"));

  /* Only a draft: nothing completed. */
  cmio_progress_set_content_pack (empty, golden->pack);
  g_assert_nonnull (cmio_progress_start_draft (empty, &error));
  g_assert_no_error (error);
  g_assert_true (cmio_progress_set_draft_rating (empty, "lead-vision", 3, NULL, &error));
  plan = cmio_plan_new (golden->pack, empty);
  none = cmio_export_build (golden->pack, empty, plan, &with);
  g_assert_false (json_object_has_member (json_node_get_object (none), "assessment"));

  /* No options: no notes, no assessment, a new id, now. */
  defaults = cmio_export_build (golden->pack, golden->progress, golden->plan, NULL);
  g_assert_false (json_object_has_member (json_node_get_object (defaults), "assessment"));
  g_assert_false (json_object_has_member (json_node_get_object (defaults), "notes"));
  g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (json_node_get_object (defaults),
                                                                        "export_id")));
  g_assert_true (cmio_progress_timestamp_is_valid (json_object_get_string_member (json_node_get_object (defaults),
                                                                                  "exported_at")));
}

/* Hostile text */

static const char * const hostile_texts[] = {
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[a](javascript:alert(1))",
  "![i](http://e.com/t.png)",
  "<http://e.com>",
  "www.e.com",
  "http://e.com/x and https://e.com/y",
  "mail a@e.com",
  "&lt; &#x3C;script&#x3E; &amp;",
  "ctl \x01 esc \x1b del \x7f c1 \xc2\x85 nul? no",
  "line\xe2\x80\xa8separator\xe2\x80\xa9paragraph",
  "*bold* # heading | table |\n| --- | --- |\n> quote\n    code\n1. list",
  "<a href=\"x\" onclick=\"y\" style=\"background:url(http://e.com)\">a</a>",
  "<svg onload=alert(1)><iframe src=//e.com>",
  "\"quoted\" 'single' `code` ~~strike~~ _under_ \\back",
};

typedef struct
{
  CmioContentPack *pack;
  CmioProgress *progress;
  CmioPlan *plan;
  GPtrArray *custom_ids;
  GPtrArray *note_ids;
} Hostile;

static void
hostile_set_up (Hostile       *hostile,
                gconstpointer  data)
{
  g_autofree char *pack_path = g_build_filename (TEST_DATA_DIR, "export", "pack", NULL);
  g_autoptr(GFile) pack_dir = g_file_new_for_path (pack_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *assessment = NULL;
  GString *all = g_string_new (NULL);
  static const char * const competencies[] = { "lead-vision", "lead-change", "clin-safety", "clin-workflow" };
  static const char * const profile[] = { "name", "role", "organization", "mentor" };

  for (guint i = 0; i < G_N_ELEMENTS (hostile_texts); i++)
    g_string_append_printf (all, "%s%s", i > 0 ? " " : "", hostile_texts[i]);

  hostile->pack = cmio_content_pack_load (pack_dir, NULL);
  g_assert_nonnull (hostile->pack);
  hostile->progress = cmio_progress_new ();
  cmio_progress_set_content_pack (hostile->progress, hostile->pack);
  hostile->custom_ids = g_ptr_array_new_with_free_func (g_free);
  hostile->note_ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (cmio_progress_set_profile (hostile->progress, "start_date", "2026-11-02", &error));
  for (guint i = 0; i < G_N_ELEMENTS (profile); i++)
    g_assert_true (cmio_progress_set_profile (hostile->progress, profile[i], hostile_texts[i], &error));

  /* Every text in an item's evidence, a custom item and a note; all of
   * them at once in the mentor's comment and a rating's comment. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile_texts); i++)
    {
      char *custom = cmio_progress_add_custom_item (hostile->progress, i % 2 ? "start" : "systems",
                                                    hostile_texts[i], 40, CMIO_OWNER_CMIO, FALSE, &error);
      char *note;

      g_assert_no_error (error);
      g_ptr_array_add (hostile->custom_ids, custom);
      g_assert_true (cmio_progress_set_item_evidence (hostile->progress, custom, hostile_texts[i], &error));
      note = cmio_progress_add_note (hostile->progress, NULL, hostile_texts[i], hostile_texts[i], &error);
      g_assert_no_error (error);
      g_ptr_array_add (hostile->note_ids, note);
      g_assert_true (cmio_progress_set_note_shared (hostile->progress, note, TRUE, &error));
    }
  g_assert_true (cmio_progress_set_item_done (hostile->progress, "meet-team", TRUE, &error));
  g_assert_true (cmio_progress_set_item_evidence (hostile->progress, "meet-team", all->str, &error));
  g_assert_true (cmio_progress_set_item_mentor (hostile->progress, "meet-team", CMIO_MENTOR_STATUS_DISCUSS,
                                                all->str, hostile_texts[0], "2026-11-20T10:00:00Z", &error));

  g_assert_nonnull (cmio_progress_start_draft (hostile->progress, &error));
  for (guint i = 0; i < G_N_ELEMENTS (competencies); i++)
    g_assert_true (cmio_progress_set_draft_rating (hostile->progress, competencies[i], i + 1,
                                                   i == 0 ? all->str : hostile_texts[i], &error));
  assessment = cmio_progress_finish_draft (hostile->progress, &error);
  g_assert_no_error (error);
  g_assert_nonnull (assessment);

  hostile->plan = cmio_plan_new (hostile->pack, hostile->progress);
  g_string_free (all, TRUE);
}

static void
hostile_tear_down (Hostile       *hostile,
                   gconstpointer  data)
{
  g_clear_pointer (&hostile->note_ids, g_ptr_array_unref);
  g_clear_pointer (&hostile->custom_ids, g_ptr_array_unref);
  g_clear_object (&hostile->plan);
  g_clear_object (&hostile->progress);
  g_clear_object (&hostile->pack);
}

static JsonNode *
hostile_export (Hostile *hostile)
{
  CmioExportOptions options = { .notes = CMIO_EXPORT_NOTES_ALL, .include_assessment = TRUE };

  return cmio_export_build (hostile->pack, hostile->progress, hostile->plan, &options);
}

/* No control character but line feed and tab, and no line or paragraph
 * separator, ever reaches the file raw. */
static void
assert_no_raw_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 && c != '\n' && c != '\t')
        g_error ("control character U+%04X at byte %ld", c, (long) (p - text));
      g_assert_cmpuint (c, !=, 0x7F);
      g_assert_false (c >= 0x80 && c <= 0x9F);
      g_assert_cmpuint (c, !=, 0x2028);
      g_assert_cmpuint (c, !=, 0x2029);
    }
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
assert_no_markup_rendered (const char *html)
{
  g_assert_null (strstr (html, "<a"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<iframe"));
  g_assert_null (strstr (html, "<svg"));
  g_assert_null (strstr (html, "<em>"));
  g_assert_null (strstr (html, "<strong>"));
  g_assert_null (strstr (html, "<code>"));
  g_assert_null (strstr (html, "<del>"));
  g_assert_null (strstr (html, "<blockquote>"));
  g_assert_null (strstr (html, "<table>"));
  g_assert_null (strstr (html, "<ol>"));
  /* As text, "href=" may be there; as an attribute, md4c quotes it. */
  g_assert_null (strstr (html, "href=\""));
  g_assert_null (strstr (html, "src=\""));
}

static void
append_md (const MD_CHAR *text,
           MD_SIZE        size,
           void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

static void
test_hostile_markdown (Hostile       *hostile,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) export = hostile_export (hostile);
  g_autofree char *markdown = cmio_export_to_markdown (export);
  g_autofree char *rendered = cmio_markdown_to_html (markdown, -1);
  g_autoptr(GString) permissive = g_string_new (NULL);

  assert_no_raw_controls (markdown);

  /* As the app renders Markdown. */
  assert_no_markup_rendered (rendered);
  g_assert_nonnull (strstr (rendered, "&lt;script&gt;alert(1)&lt;/script&gt;"));

  /* As a permissive reader would: raw HTML on, every GFM autolink on. */
  md_html (markdown, strlen (markdown), append_md, permissive,
           MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS, 0);
  assert_no_markup_rendered (permissive->str);
  g_assert_nonnull (strstr (permissive->str, "www.e.com"));
  g_assert_nonnull (strstr (permissive->str, "&amp;lt; &amp;#x3C;script&amp;#x3E; &amp;amp;"));

  /* The one heading per note is the note's, its title escaped inside. */
  g_assert_null (strstr (permissive->str, "<h1>heading"));
}

static void
test_hostile_html (Hostile       *hostile,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) export = hostile_export (hostile);
  g_autofree char *html = cmio_export_to_html (export);
  g_autofree char *lower = g_ascii_strdown (html, -1);

  assert_no_raw_controls (html);
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<img"));
  g_assert_null (strstr (lower, "<iframe"));
  g_assert_null (strstr (lower, "<a "));
  g_assert_null (strstr (lower, "onerror="));
  g_assert_null (strstr (lower, "onload="));
  g_assert_null (strstr (lower, "onclick="));
  g_assert_null (strstr (lower, "src="));
  g_assert_null (strstr (lower, "href="));
  g_assert_null (strstr (lower, " style="));
  g_assert_null (strstr (lower, "<link"));
  g_assert_null (strstr (lower, "<object"));
  g_assert_null (strstr (lower, "<embed"));
  /* "url(" is there as the user's text; the style sheet loads nothing. */
  {
    const char *style = strstr (lower, "<style>");
    g_autofree char *sheet = g_strndup (style, strstr (style, "</style>") - style);

    g_assert_null (strstr (sheet, "url("));
    g_assert_null (strstr (sheet, "@import"));
  }
  /* One inline SVG: the chart. */
  g_assert_nonnull (strstr (lower, "<svg"));
  g_assert_null (strstr (strstr (lower, "<svg") + 1, "<svg"));
  g_assert_nonnull (strstr (html, "Content-Security-Policy"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  /* Controls shown, not passed: ␁ ␛ ␡. */
  g_assert_nonnull (strstr (html, "ctl ␁ esc ␛ del ␡"));
}

/* The JSON keeps every text exactly, through the file and back. */
static void
test_hostile_json (Hostile       *hostile,
                   gconstpointer  data)
{
  g_autoptr(JsonNode) export = hostile_export (hostile);
  g_autofree char *text = cmio_export_to_json (export);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *items;
  JsonArray *notes;
  guint found = 0;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "profile"), "name"),
                   ==, hostile_texts[0]);

  items = json_object_get_array_member (root, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      for (guint j = 0; j < hostile->custom_ids->len; j++)
        if (g_strcmp0 (json_object_get_string_member (item, "id"), g_ptr_array_index (hostile->custom_ids, j)) == 0)
          {
            g_assert_cmpstr (json_object_get_string_member (item, "text"), ==, hostile_texts[j]);
            g_assert_cmpstr (json_object_get_string_member (item, "evidence"), ==, hostile_texts[j]);
            found++;
          }
    }
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (hostile_texts));

  notes = json_object_get_array_member (root, "notes");
  g_assert_cmpuint (json_array_get_length (notes), ==, G_N_ELEMENTS (hostile_texts));
  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);

      g_assert_cmpstr (json_object_get_string_member (note, "title"), ==, hostile_texts[i]);
      g_assert_cmpstr (json_object_get_string_member (note, "text"), ==, hostile_texts[i]);
    }

  {
    JsonObject *assessment = json_object_get_object_member (root, "assessment");
    JsonArray *competencies = json_object_get_array_member (assessment, "competencies");

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (competencies, 1), "comment"),
                     ==, hostile_texts[1]);
  }
}

/* md4c's HTML for a text: what it escapes in text. */
static char *
html_text (const char *text)
{
  g_autoptr(GString) html = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (html, "&amp;"); break;
      case '<': g_string_append (html, "&lt;"); break;
      case '>': g_string_append (html, "&gt;"); break;
      case '"': g_string_append (html, "&quot;"); break;
      default: g_string_append_c (html, *p);
      }

  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* Each text escaped as the table says, and, read back as a paragraph of
 * its own by a permissive reader (raw HTML and every GFM extension on),
 * exactly that text and nothing more: no link, no list, no emphasis. */
static void
test_markdown_escape (void)
{
  static const struct {
    const char *text;
    const char *escaped;
    const char *read;   /* what a reader shows, where it is not the text */
  } cases[] = {
    { NULL, "" },
    { "", "" },
    { "plain words", "plain words" },
    { "CMIO vs. CIO: the day-to-day (50%), a/b {c} ^d $e, f? g! = h; \"i\" 'j'",
      "CMIO vs. CIO: the day-to-day (50%), a/b {c} ^d $e, f? g! = h; \"i\" 'j'" },
    { "a.b", "a.b" },
    { "www.e.com", "www\\.e.com" },
    { "see WWW.E.COM", "see WWW\\.E.COM" },
    { "http://e.com and ftp://e.org", "http\\://e.com and ftp\\://e.org" },
    { "mail a@e.com", "mail a\\@e.com" },
    { "<b> and <http://e.com>", "\\<b> and \\<http\\://e.com>" },
    { "&amp; &#38; &#x26; &nbsp", "\\&amp; \\&\\#38; \\&\\#x26; &nbsp" },
    { "Q&A, R&D; & so on", "Q&A, R\\&D; & so on" },
    { "- item", "\\- item" },
    { "+ item", "\\+ item" },
    { "* item", "\\* item" },
    { "1. one", "1\\. one" },
    { "12) twelve", "12\\) twelve" },
    { "3.", "3\\." },
    { "1.1 and 3.5", "1.1 and 3.5" },
    { "1234567890. ten digits", "1234567890. ten digits" },
    { "> quote", "\\> quote" },
    { "a > b - c + d = e 1. f", "a > b - c + d = e 1. f" },
    { "===", "\\===" },
    { "---", "\\---" },
    { "# heading #", "\\# heading \\#" },
    { "*em* _em_ `code` ~~del~~", "\\*em\\* \\_em\\_ \\`code\\` \\~\\~del\\~\\~" },
    { "[a](javascript:x) ![i](x.png)", "\\[a\\](javascript:x) !\\[i\\](x.png)" },
    { "a | b", "a \\| b" },
    { "back\\slash \\", "back\\\\slash \\\\" },
    { "two\nlines\r\nand\ttab", "two lines and tab", "two lines and tab" },
    { "\x01\x1b\x7f", "␁␛␡", "␁␛␡" },
    { "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "a b c", "a b c" },
    { "c1 \xc2\x85 \xc2\x9f", "c1 \xef\xbf\xbd \xef\xbf\xbd", "c1 \xef\xbf\xbd \xef\xbf\xbd" },
    { "bad \xff byte", "bad \xef\xbf\xbd byte", "bad \xef\xbf\xbd byte" },
    { "é “quoted” ü", "é “quoted” ü" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = cmio_markdown_escape (cases[i].text);
      g_autoptr(GString) read = g_string_new (NULL);
      g_autofree char *expected = NULL;

      g_assert_cmpstr (escaped, ==, cases[i].escaped);

      md_html (escaped, strlen (escaped), append_md, read,
               MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS, 0);
      if (*escaped == '\0')
        expected = g_strdup ("");
      else
        {
          g_autofree char *shown = html_text (cases[i].read != NULL ? cases[i].read : cases[i].text);

          expected = g_strdup_printf ("<p>%s</p>\n", shown);
        }
      g_assert_cmpstr (read->str, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("LANGUAGE");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cmio/export/json", Fixture, NULL, fixture_set_up, test_export_json, fixture_tear_down);
  g_test_add ("/cmio/export/notes-choice", Fixture, NULL, fixture_set_up, test_export_notes_choice, fixture_tear_down);
  g_test_add ("/cmio/export/markdown", Fixture, NULL, fixture_set_up, test_export_markdown, fixture_tear_down);
  g_test_add ("/cmio/export/html", Fixture, NULL, fixture_set_up, test_export_html, fixture_tear_down);
  g_test_add_func ("/cmio/export/kinds", test_export_kinds);
  g_test_add_func ("/cmio/export/markdown-escape", test_markdown_escape);
  g_test_add ("/cmio/export/golden/json", Fixture, NULL, golden_set_up, test_golden_json, fixture_tear_down);
  g_test_add ("/cmio/export/golden/markdown", Fixture, NULL, golden_set_up, test_golden_markdown, fixture_tear_down);
  g_test_add ("/cmio/export/golden/html", Fixture, NULL, golden_set_up, test_golden_html, fixture_tear_down);
  g_test_add ("/cmio/export/assessment", Fixture, NULL, golden_set_up, test_assessment, fixture_tear_down);
  g_test_add ("/cmio/export/assessment-absent", Fixture, NULL, golden_set_up, test_assessment_absent,
              fixture_tear_down);
  g_test_add ("/cmio/export/hostile/markdown", Hostile, NULL, hostile_set_up, test_hostile_markdown,
              hostile_tear_down);
  g_test_add ("/cmio/export/hostile/html", Hostile, NULL, hostile_set_up, test_hostile_html, hostile_tear_down);
  g_test_add ("/cmio/export/hostile/json", Hostile, NULL, hostile_set_up, test_hostile_json, hostile_tear_down);

  return g_test_run ();
}

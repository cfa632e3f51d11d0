/* test-export.c — the export for the mentor, and its writers
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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
  g_assert_nonnull (strstr (markdown, "- [x] 1\\.2 "));
  g_assert_nonnull (strstr (markdown, "- [ ] 1\\.1 "));
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cmio/export/json", Fixture, NULL, fixture_set_up, test_export_json, fixture_tear_down);
  g_test_add ("/cmio/export/notes-choice", Fixture, NULL, fixture_set_up, test_export_notes_choice, fixture_tear_down);
  g_test_add ("/cmio/export/markdown", Fixture, NULL, fixture_set_up, test_export_markdown, fixture_tear_down);
  g_test_add ("/cmio/export/html", Fixture, NULL, fixture_set_up, test_export_html, fixture_tear_down);
  g_test_add_func ("/cmio/export/kinds", test_export_kinds);

  return g_test_run ();
}

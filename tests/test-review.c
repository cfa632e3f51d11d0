/* test-review.c — the mentor's review: reading exports, writing reviews,
 * importing them into the mentee's progress, and undoing that
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "cmio-export.h"
#include "cmio-review.h"
#include "cmio-undo-stack.h"

/* Markup, script, links, control characters, a line separator, quotes. */
static const char hostile[] = "<b>bold</b> <script>alert(1)</script> [x](javascript:alert(2)) "
                              "javascript:void(0) &amp; \"quoted\" 'single' \\ back\x01\x02\x1f\x7f"
                              "\t\r\n\u2028 end";

typedef struct
{
  char *dir;
  CmioContentPack *pack;
  CmioProgress *progress;
  CmioPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GDate today;

  fixture->dir = g_dir_make_tmp ("test-review-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->pack = cmio_content_pack_load_builtin (NULL);
  g_assert_nonnull (fixture->pack);
  fixture->progress = cmio_progress_new ();
  cmio_progress_set_content_pack (fixture->progress, fixture->pack);
  g_assert_true (cmio_progress_set_profile (fixture->progress, "name", "Ada Lovelace", &error));
  g_assert_true (cmio_progress_set_profile (fixture->progress, "start_date", "2026-11-02", &error));
  g_assert_true (cmio_progress_set_item_done (fixture->progress, "map-reporting-lines", TRUE, &error));
  g_assert_true (cmio_progress_set_item_evidence (fixture->progress, "map-reporting-lines", "Org chart", &error));
  g_assert_true (cmio_progress_set_item_evidence (fixture->progress, "agree-decision-rights", hostile, &error));
  note = cmio_progress_add_note (fixture->progress, NULL, "Mine", "my own words", &error);
  g_assert_no_error (error);

  fixture->plan = cmio_plan_new (fixture->pack, fixture->progress);
  g_date_set_dmy (&today, 27, 11, 2026);
  cmio_plan_set_today (fixture->plan, &today);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->progress);
  g_clear_object (&fixture->pack);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
fixture_file (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static GFile *
write_text (Fixture    *fixture,
            const char *name,
            const char *text,
            gssize      length)
{
  GFile *file = fixture_file (fixture, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, text, length < 0 ? strlen (text) : (gsize) length, NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  return file;
}

/* Exports the progress to a file, as the app does: written, then recorded. */
static GFile *
export_to_file (Fixture    *fixture,
                CmioProgress *progress,
                const char *name,
                const char *exported_at)
{
  CmioExportOptions options = { .notes = CMIO_EXPORT_NOTES_NONE, .exported_at = exported_at };
  g_autoptr(JsonNode) export = cmio_export_build (fixture->pack, progress, fixture->plan, &options);
  JsonObject *root = json_node_get_object (export);
  GFile *file = fixture_file (fixture, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (cmio_export_write (export, CMIO_EXPORT_JSON, file, &error));
  g_assert_no_error (error);
  if (progress == fixture->progress)
    {
      g_assert_true (cmio_progress_record_export (progress, json_object_get_string_member (root, "export_id"),
                                                  json_object_get_string_member (root, "exported_at"), &error));
      g_assert_no_error (error);
    }
  return file;
}

/* The mentor's side: opens the export, marks items, writes the review. */
static GFile *
review_export (Fixture    *fixture,
               GFile      *export_file,
               const char *name,
               const char *mentor,
               const char *comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) export = cmio_export_load (export_file, &error);
  g_autoptr(JsonNode) review = NULL;
  GFile *file = fixture_file (fixture, name);

  g_assert_no_error (error);
  review = cmio_review_new (export, mentor, comment, "2026-11-28T10:00:00Z");
  cmio_review_set_item (review, export, "agree-decision-rights", CMIO_MENTOR_STATUS_DISCUSS, hostile);
  cmio_review_set_item (review, export, "map-reporting-lines", CMIO_MENTOR_STATUS_APPROVED, "Well done");
  g_assert_true (cmio_review_write (review, file, &error));
  g_assert_no_error (error);
  return file;
}

/* The progress as saved, without the time it was saved. */
static char *
serialize (CmioProgress *progress)
{
  g_autoptr(JsonNode) root = cmio_progress_to_json (progress);

  json_object_remove_member (json_node_get_object (root), "saved_at");
  return json_to_string (root, TRUE);
}

static void
assert_file_error (GError     *error,
                   int         code,
                   const char *name,
                   const char *hint)
{
  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);
  g_assert_error (error, CMIO_EXCHANGE_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
  if (hint != NULL)
    g_assert_nonnull (strstr (error->message, hint));
}

/* Bad files */

#define EXPORT_HEAD "{\"format\": \"cmio-handbook-export\", \"version\": 1, "
#define REVIEW_HEAD "{\"format\": \"cmio-handbook-review\", \"version\": 1, "
#define REVIEW_OK_MEMBERS "\"export_id\": \"e-1\", \"reviewed_at\": \"2026-11-28T10:00:00Z\", " \
                          "\"mentor\": {\"name\": \"M\"}, "

typedef struct
{
  const char *text;
  int code;
  const char *hint;
} BadCase;

static const BadCase bad_files[] = {
  { "", CMIO_EXCHANGE_ERROR_NOT_JSON, "empty" },
  { "{\"format\": \n \"cmio-handbook-export\",, }", CMIO_EXCHANGE_ERROR_NOT_JSON, "line 2" },
  { "[1, 2]", CMIO_EXCHANGE_ERROR_NOT_JSON, "not a JSON object" },
  { "\"text\"", CMIO_EXCHANGE_ERROR_NOT_JSON, "not a JSON object" },
  { "{\"a\": \"\xff\xfe\"}", CMIO_EXCHANGE_ERROR_NOT_JSON, "UTF-8" },
  { "{\"version\": 1}", CMIO_EXCHANGE_ERROR_WRONG_FORMAT, NULL },
  { "{\"format\": \"something-else\", \"version\": 1}", CMIO_EXCHANGE_ERROR_WRONG_FORMAT, "something-else" },
  { "{\"format\": \"cmio-handbook-progress\", \"version\": 1}", CMIO_EXCHANGE_ERROR_WRONG_FORMAT,
    "progress file" },
  { "{\"format\": \"cmio-handbook-content\", \"version\": 1}", CMIO_EXCHANGE_ERROR_WRONG_FORMAT,
    "content pack" },
};

static const BadCase bad_exports[] = {
  { REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": []}", CMIO_EXCHANGE_ERROR_WRONG_FORMAT, "review" },
  { "{\"format\": \"cmio-handbook-export\", \"version\": 2, \"export_id\": \"e\", \"chapters\": [], \"items\": []}",
    CMIO_EXCHANGE_ERROR_NEWER_VERSION, "newer version of CMIO Handbook" },
  { "{\"format\": \"cmio-handbook-export\", \"version\": 7}", CMIO_EXCHANGE_ERROR_NEWER_VERSION, "update the app" },
  { "{\"format\": \"cmio-handbook-export\", \"version\": \"1\"}", CMIO_EXCHANGE_ERROR_INVALID, "version" },
  { EXPORT_HEAD "\"chapters\": [], \"items\": []}", CMIO_EXCHANGE_ERROR_INVALID, "export_id" },
  { EXPORT_HEAD "\"export_id\": 5, \"chapters\": [], \"items\": []}", CMIO_EXCHANGE_ERROR_INVALID, "export_id" },
  { EXPORT_HEAD "\"export_id\": \"\", \"chapters\": [], \"items\": []}", CMIO_EXCHANGE_ERROR_INVALID, "export_id" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"items\": []}", CMIO_EXCHANGE_ERROR_INVALID, "chapters" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": {}, \"items\": []}", CMIO_EXCHANGE_ERROR_INVALID, "chapters" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": []}", CMIO_EXCHANGE_ERROR_INVALID, "items" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": {}}", CMIO_EXCHANGE_ERROR_INVALID, "items" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": [7]}", CMIO_EXCHANGE_ERROR_INVALID, "items › 1" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": [{\"id\": \"a\"}]}",
    CMIO_EXCHANGE_ERROR_INVALID, "items › 1: has no “text”" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": [{\"id\": \"a\", \"text\": 3}]}",
    CMIO_EXCHANGE_ERROR_INVALID, "items › 1 › text" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": [{\"id\": \"a\", \"text\": \"t\"},"
    " {\"id\": \"a\", \"text\": \"u\"}]}", CMIO_EXCHANGE_ERROR_INVALID, "used twice" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": [{\"id\": \"a\", \"text\": \"t\","
    " \"done\": \"yes\"}]}", CMIO_EXCHANGE_ERROR_INVALID, "items › 1 › done" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": [{\"id\": \"a\", \"text\": \"t\","
    " \"mentor\": {\"status\": \"maybe\"}}]}", CMIO_EXCHANGE_ERROR_INVALID, "items › 1 › mentor › status" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [{\"title\": \"t\"}], \"items\": []}",
    CMIO_EXCHANGE_ERROR_INVALID, "chapters › 1" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": [], \"assessment\": [1]}",
    CMIO_EXCHANGE_ERROR_INVALID, "assessment" },
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": [], \"profile\": {\"name\": 1}}",
    CMIO_EXCHANGE_ERROR_INVALID, "profile › name" },
};

static const BadCase bad_reviews[] = {
  { EXPORT_HEAD "\"export_id\": \"e\", \"chapters\": [], \"items\": []}", CMIO_EXCHANGE_ERROR_WRONG_FORMAT,
    "exported for a mentor" },
  { "{\"format\": \"cmio-handbook-review\", \"version\": 2}", CMIO_EXCHANGE_ERROR_NEWER_VERSION,
    "newer version of CMIO Handbook" },
  { REVIEW_HEAD "\"reviewed_at\": \"2026-11-28T10:00:00Z\", \"mentor\": {}, \"items\": []}",
    CMIO_EXCHANGE_ERROR_INVALID, "export_id" },
  { REVIEW_HEAD "\"export_id\": \"e-1\", \"mentor\": {}, \"items\": []}", CMIO_EXCHANGE_ERROR_INVALID,
    "reviewed_at" },
  { REVIEW_HEAD "\"export_id\": \"e-1\", \"reviewed_at\": \"yesterday\", \"mentor\": {}, \"items\": []}",
    CMIO_EXCHANGE_ERROR_INVALID, "reviewed_at" },
  { REVIEW_HEAD "\"export_id\": \"e-1\", \"reviewed_at\": \"2026-11-28T10:00:00Z\", \"items\": []}",
    CMIO_EXCHANGE_ERROR_INVALID, "mentor" },
  { REVIEW_HEAD "\"export_id\": \"e-1\", \"reviewed_at\": \"2026-11-28T10:00:00Z\", \"mentor\": \"M\","
    " \"items\": []}", CMIO_EXCHANGE_ERROR_INVALID, "mentor" },
  { REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": {}}", CMIO_EXCHANGE_ERROR_INVALID, "items" },
  { REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [{\"status\": \"approved\"}]}", CMIO_EXCHANGE_ERROR_INVALID,
    "items › 1: has no “id”" },
  { REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [{\"id\": \"map-reporting-lines\", \"status\": \"maybe\"}]}",
    CMIO_EXCHANGE_ERROR_INVALID, "items › 1 › status" },
  { REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [{\"id\": \"map-reporting-lines\", \"status\": \"approved\"},"
    " {\"id\": \"map-reporting-lines\", \"status\": \"discuss\"}]}", CMIO_EXCHANGE_ERROR_INVALID, "used twice" },
  { REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [{\"id\": \"map-reporting-lines\", \"status\": \"approved\","
    " \"comment\": false}]}", CMIO_EXCHANGE_ERROR_INVALID, "items › 1 › comment" },
  { REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [], \"profile\": []}", CMIO_EXCHANGE_ERROR_INVALID, "profile" },
};

static void
check_bad (Fixture       *fixture,
           const BadCase *cases,
           guint          n_cases,
           gboolean       as_export)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-%s-%u.%s", as_export ? "export" : "review", i,
                                               as_export ? "cmioexport" : "cmioreview");
      g_autoptr(GFile) file = write_text (fixture, name, cases[i].text, -1);
      g_autoptr(GError) error = NULL;
      guint64 generation = cmio_progress_get_generation (fixture->progress);

      if (as_export)
        {
          g_autoptr(JsonNode) export = cmio_export_load (file, &error);

          g_assert_null (export);
        }
      else
        {
          g_autoptr(CmioReviewImport) import = cmio_review_import_load (file, fixture->progress,
                                                                        fixture->plan, &error);

          g_assert_null (import);
          g_assert_cmpuint (cmio_progress_get_generation (fixture->progress), ==, generation);
        }
      assert_file_error (error, cases[i].code, name, cases[i].hint);
    }
}

static void
test_review_bad_files (Fixture       *fixture,
                       gconstpointer  data)
{
  check_bad (fixture, bad_files, G_N_ELEMENTS (bad_files), TRUE);
  check_bad (fixture, bad_files, G_N_ELEMENTS (bad_files), FALSE);
  check_bad (fixture, bad_exports, G_N_ELEMENTS (bad_exports), TRUE);
  check_bad (fixture, bad_reviews, G_N_ELEMENTS (bad_reviews), FALSE);
}

/* Notes need no id: one without is read, not refused, and nothing warns. */
static void
test_review_note_without_id (void)
{
  static const char data[] =
    "{\"format\": \"cmio-handbook-export\", \"version\": 1, \"export_id\": \"e1\","
    " \"exported_at\": \"2026-11-27T10:00:00Z\", \"chapters\": [],"
    " \"items\": [{\"id\": \"a\", \"text\": \"An item\"}],"
    " \"notes\": [{\"title\": \"No id\", \"text\": \"Still read\"}, {\"text\": \"Nor here\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) export = cmio_export_parse (data, strlen (data), "notes.cmioexport", &error);

  g_assert_no_error (error);
  g_assert_nonnull (export);
}

/* Too large: refused from its size, before it is read. A sparse file
 * takes no room on the disk. */
static void
test_review_too_big (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const names[] = { "huge.cmioexport", "huge.cmioreview" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (ftruncate (fd, (off_t) CMIO_EXCHANGE_MAX_BYTES + 1), ==, 0);
      close (fd);

      if (i == 0)
        g_assert_null (cmio_export_load (file, &error));
      else
        g_assert_null (cmio_review_import_load (file, fixture->progress, fixture->plan, &error));
      assert_file_error (error, CMIO_EXCHANGE_ERROR_TOO_BIG, names[i], "too large");
    }

  /* Text handed over directly is held to the same size. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *big = g_malloc0 (CMIO_EXCHANGE_MAX_BYTES + 2);

    memset (big, ' ', CMIO_EXCHANGE_MAX_BYTES + 1);
    g_assert_null (cmio_export_parse (big, CMIO_EXCHANGE_MAX_BYTES + 1, "big.cmioexport", &error));
    assert_file_error (error, CMIO_EXCHANGE_ERROR_TOO_BIG, "big.cmioexport", NULL);
  }

  /* And nesting too deep for a parser that recurses. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) deep = g_string_new (EXPORT_HEAD "\"x\": ");

    for (guint i = 0; i < 1000; i++)
      g_string_append_c (deep, '[');
    g_assert_null (cmio_export_parse (deep->str, deep->len, "deep.cmioexport", &error));
    assert_file_error (error, CMIO_EXCHANGE_ERROR_INVALID, "deep.cmioexport", "nested");
  }
}

/* A review text too long for the mentee's progress is refused, as is one
 * whose total comment is. */
static void
test_review_long_texts (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *long_text = g_malloc (CMIO_PROGRESS_MAX_TEXT + 2);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioReviewImport) import = NULL;

  memset (long_text, 'a', CMIO_PROGRESS_MAX_TEXT + 1);
  long_text[CMIO_PROGRESS_MAX_TEXT + 1] = '\0';

  json = g_strdup_printf (REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [{\"id\": \"map-reporting-lines\","
                          " \"status\": \"approved\", \"comment\": \"%s\"}]}", long_text);
  import = cmio_review_import_parse (json, strlen (json), "long.cmioreview", fixture->progress,
                                     fixture->plan, &error);
  g_assert_null (import);
  assert_file_error (error, CMIO_EXCHANGE_ERROR_INVALID, "long.cmioreview", "items › 1 › comment");
  g_clear_error (&error);
  g_clear_pointer (&json, g_free);

  json = g_strdup_printf (REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [], \"comment\": \"%s\"}", long_text);
  import = cmio_review_import_parse (json, strlen (json), "long2.cmioreview", fixture->progress,
                                     fixture->plan, &error);
  g_assert_null (import);
  assert_file_error (error, CMIO_EXCHANGE_ERROR_INVALID, "long2.cmioreview", "comment");

  /* The mentor's side will not write one. */
  {
    g_autoptr(GFile) export_file = export_to_file (fixture, fixture->progress, "long.cmioexport", NULL);
    g_autoptr(JsonNode) export = cmio_export_load (export_file, NULL);
    g_autoptr(JsonNode) review = cmio_review_new (export, "M", NULL, NULL);
    g_autoptr(GFile) file = fixture_file (fixture, "long3.cmioreview");

    g_clear_error (&error);
    cmio_review_set_item (review, export, "map-reporting-lines", CMIO_MENTOR_STATUS_APPROVED, long_text);
    g_assert_false (cmio_review_write (review, file, &error));
    g_assert_error (error, CMIO_EXCHANGE_ERROR, CMIO_EXCHANGE_ERROR_INVALID);
    g_assert_false (g_file_query_exists (file, NULL));
  }
}

/* The round trip */

static void
test_review_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) export_file = export_to_file (fixture, fixture->progress, "ada.cmioexport", NULL);
  g_autoptr(GFile) review_file = review_export (fixture, export_file, "ada.cmioreview", "Dr. Grace Hopper",
                                                "A good first month");
  g_autoptr(CmioReviewImport) import = NULL;
  g_autoptr(JsonNode) saved_before = cmio_progress_to_json (fixture->progress);
  g_autoptr(JsonNode) saved_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done_at = g_strdup (cmio_progress_get_item_done_at (fixture->progress, "map-reporting-lines"));
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *comment = NULL;
  const char *by = NULL;
  const char *at = NULL;
  CmioMentorStatus status;
  guint64 generation;

  import = cmio_review_import_load (review_file, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cmio_review_import_get_mentor (import), ==, "Dr. Grace Hopper");
  g_assert_cmpstr (cmio_review_import_get_comment (import), ==, "A good first month");
  g_assert_cmpstr (cmio_review_import_get_reviewed_at (import), ==, "2026-11-28T10:00:00Z");
  g_assert_cmpstr (cmio_review_import_get_export_id (import), ==, cmio_progress_get_export_field (fixture->progress, 0,
                                                                                                 "export_id"));
  g_assert_cmpstr (cmio_review_import_get_exported_at (import), ==,
                   cmio_progress_get_export_field (fixture->progress, 0, "exported_at"));
  g_assert_cmpuint (cmio_review_import_get_n_approved (import), ==, 1);
  g_assert_cmpuint (cmio_review_import_get_n_discuss (import), ==, 1);
  g_assert_cmpuint (cmio_review_import_get_n_changes (import), ==, 3);
  g_assert_cmpuint (g_strv_length ((GStrv) cmio_review_import_get_warnings (import)), ==, 0);

  /* Items in the export's order: 1.2 before 2.x, whatever order they were marked in. */
  g_assert_cmpuint (cmio_review_import_get_n_items (import), ==, 2);
  g_assert_cmpstr (cmio_review_import_get_item (import, 0, &status, &comment), ==, "map-reporting-lines");
  g_assert_cmpint (status, ==, CMIO_MENTOR_STATUS_APPROVED);
  g_assert_cmpstr (comment, ==, "Well done");
  g_assert_cmpstr (cmio_review_import_get_item (import, 1, &status, &comment), ==, "agree-decision-rights");
  g_assert_cmpint (status, ==, CMIO_MENTOR_STATUS_DISCUSS);

  g_assert_true (cmio_review_import_apply (import, fixture->progress, &error));
  g_assert_no_error (error);

  status = cmio_progress_get_item_mentor (fixture->progress, "map-reporting-lines", &comment, &by, &at);
  g_assert_cmpint (status, ==, CMIO_MENTOR_STATUS_APPROVED);
  g_assert_cmpstr (comment, ==, "Well done");
  g_assert_cmpstr (by, ==, "Dr. Grace Hopper");
  g_assert_cmpstr (at, ==, "2026-11-28T10:00:00Z");
  status = cmio_progress_get_item_mentor (fixture->progress, "agree-decision-rights", &comment, &by, &at);
  g_assert_cmpint (status, ==, CMIO_MENTOR_STATUS_DISCUSS);
  g_assert_cmpstr (comment, ==, hostile);
  g_assert_cmpuint (cmio_progress_get_n_reviews (fixture->progress), ==, 1);
  g_assert_cmpstr (cmio_progress_get_review_field (fixture->progress, 0, "mentor"), ==, "Dr. Grace Hopper");
  g_assert_cmpstr (cmio_progress_get_review_field (fixture->progress, 0, "comment"), ==, "A good first month");

  /* The mentee's own ticks, evidence and notes are as they were. */
  g_assert_true (cmio_progress_get_item_done (fixture->progress, "map-reporting-lines"));
  g_assert_cmpstr (cmio_progress_get_item_done_at (fixture->progress, "map-reporting-lines"), ==, done_at);
  g_assert_cmpstr (cmio_progress_get_item_evidence (fixture->progress, "map-reporting-lines"), ==, "Org chart");
  g_assert_false (cmio_progress_get_item_done (fixture->progress, "agree-decision-rights"));
  g_assert_cmpstr (cmio_progress_get_item_evidence (fixture->progress, "agree-decision-rights"), ==, hostile);
  saved_after = cmio_progress_to_json (fixture->progress);
  g_assert_true (json_node_equal (json_object_get_member (json_node_get_object (saved_before), "notes"),
                                  json_object_get_member (json_node_get_object (saved_after), "notes")));

  /* Twice is once. */
  g_assert_cmpuint (cmio_review_import_get_n_changes (import), ==, 0);
  first = serialize (fixture->progress);
  generation = cmio_progress_get_generation (fixture->progress);
  g_assert_true (cmio_review_import_apply (import, fixture->progress, &error));
  g_assert_no_error (error);
  second = serialize (fixture->progress);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (cmio_progress_get_generation (fixture->progress), ==, generation);

  /* Read again from the file, it still has nothing to change. */
  g_clear_pointer (&import, cmio_review_import_unref);
  import = cmio_review_import_load (review_file, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cmio_review_import_get_n_changes (import), ==, 0);
}

/* The review file says what it is of and by whom, and keeps the export's order. */
static void
test_review_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) export_file = export_to_file (fixture, fixture->progress, "f.cmioexport", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) export = cmio_export_load (export_file, &error);
  g_autoptr(JsonNode) review = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = fixture_file (fixture, "f.cmioreview");
  g_autofree char *path = g_file_get_path (file);
  const char *comment = NULL;
  JsonObject *root;
  JsonArray *items;

  g_assert_no_error (error);
  review = cmio_review_new (export, "M", NULL, NULL);
  cmio_review_set_item (review, export, "agree-decision-rights", CMIO_MENTOR_STATUS_APPROVED, "first");
  cmio_review_set_item (review, export, "map-reporting-lines", CMIO_MENTOR_STATUS_DISCUSS, NULL);
  cmio_review_set_item (review, export, "agree-decision-rights", CMIO_MENTOR_STATUS_DISCUSS, "second");
  g_assert_cmpint (cmio_review_get_item (review, "agree-decision-rights", &comment), ==,
                   CMIO_MENTOR_STATUS_DISCUSS);
  g_assert_cmpstr (comment, ==, "second");
  cmio_review_set_item (review, export, "map-reporting-lines", CMIO_MENTOR_STATUS_NONE, NULL);
  g_assert_cmpint (cmio_review_get_item (review, "map-reporting-lines", NULL), ==, CMIO_MENTOR_STATUS_NONE);
  cmio_review_set_item (review, export, "map-reporting-lines", CMIO_MENTOR_STATUS_APPROVED, NULL);
  g_assert_true (cmio_review_write (review, file, &error));
  g_assert_no_error (error);

  /* Known for what it is by its content, not its name. */
  g_assert_true (cmio_exchange_file_is_review (file));
  g_assert_false (cmio_exchange_file_is_review (export_file));

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "cmio-handbook-review");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "export_id"), ==,
                   json_object_get_string_member (json_node_get_object (export), "export_id"));
  g_assert_cmpstr (json_object_get_string_member (root, "exported_at"), ==,
                   json_object_get_string_member (json_node_get_object (export), "exported_at"));
  g_assert_true (cmio_progress_timestamp_is_valid (json_object_get_string_member (root, "reviewed_at")));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "profile"), "name"), ==,
                   "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "mentor"), "name"), ==, "M");
  items = json_object_get_array_member (root, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "id"), ==,
                   "map-reporting-lines");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "status"), ==,
                   "discuss");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "comment"), ==,
                   "second");
}

static void
test_review_unknown_items (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char json[] =
    REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [{\"id\": \"map-reporting-lines\", \"status\": \"approved\"},"
    " {\"id\": \"no-such-item\", \"status\": \"discuss\"}, {\"id\": \"nor-this\", \"status\": \"discuss\"},"
    " {\"id\": \"Not An Id!\", \"status\": \"approved\"}]}";
  g_autoptr(GFile) file = write_text (fixture, "stranger.cmioreview", json, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioReviewImport) import = NULL;
  g_autofree char *before = serialize (fixture->progress);
  g_autofree char *after = NULL;
  g_autofree char *custom = NULL;
  g_autofree char *known = NULL;
  g_autoptr(GFile) known_file = NULL;

  import = cmio_review_import_load (file, fixture->progress, fixture->plan, &error);
  g_assert_null (import);
  assert_file_error (error, CMIO_EXCHANGE_ERROR_UNKNOWN_ITEMS, "stranger.cmioreview", "no-such-item");
  g_assert_nonnull (strstr (error->message, "3"));
  after = serialize (fixture->progress);
  g_assert_cmpstr (before, ==, after);

  /* A custom item is known. */
  g_clear_error (&error);
  custom = cmio_progress_add_custom_item (fixture->progress, "cmio-vs-cio", "Mine", 10, CMIO_OWNER_CMIO,
                                          FALSE, &error);
  g_assert_no_error (error);
  known = g_strdup_printf (REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [{\"id\": \"%s\", \"status\": \"approved\"}]}",
                           custom);
  known_file = write_text (fixture, "known.cmioreview", known, -1);
  import = cmio_review_import_load (known_file, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_true (cmio_review_import_apply (import, fixture->progress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cmio_progress_get_item_mentor (fixture->progress, custom, NULL, NULL, NULL), ==,
                   CMIO_MENTOR_STATUS_APPROVED);
}

static void
test_review_archived_item (void)
{
  /* An item no longer in the pack, with a state: a review of it imports. */
  static const char progress_json[] =
    "{\"format\": \"cmio-handbook-progress\", \"version\": 1,"
    " \"items\": {\"retired-item\": {\"done\": true, \"evidence\": \"kept\"}}}";
  static const char review_json[] =
    REVIEW_HEAD REVIEW_OK_MEMBERS "\"items\": [{\"id\": \"retired-item\", \"status\": \"discuss\","
    " \"comment\": \"why?\"}]}";
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load_builtin (NULL);
  g_autoptr(CmioProgress) progress = NULL;
  g_autoptr(CmioPlan) plan = NULL;
  g_autoptr(CmioReviewImport) import = NULL;

  g_assert_true (json_parser_load_from_data (parser, progress_json, -1, &error));
  progress = cmio_progress_new_from_json (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  cmio_progress_set_content_pack (progress, pack);
  plan = cmio_plan_new (pack, progress);

  import = cmio_review_import_parse (review_json, strlen (review_json), "a.cmioreview", progress, plan, &error);
  g_assert_no_error (error);
  g_assert_true (cmio_review_import_apply (import, progress, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cmio_progress_get_item_mentor (progress, "retired-item", NULL, NULL, NULL), ==,
                   CMIO_MENTOR_STATUS_DISCUSS);
  g_assert_cmpstr (cmio_progress_get_item_evidence (progress, "retired-item"), ==, "kept");
}

/* Warnings */

static gboolean
warnings_contain (CmioReviewImport *import,
                  const char       *text)
{
  const char * const *warnings = cmio_review_import_get_warnings (import);

  for (guint i = 0; warnings[i] != NULL; i++)
    {
      g_test_message ("warning: %s", warnings[i]);
      if (strstr (warnings[i], text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_review_warnings (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CmioProgress) other = cmio_progress_new ();
  g_autoptr(GFile) older = NULL;
  g_autoptr(GFile) newer = NULL;
  g_autoptr(GFile) theirs = NULL;
  g_autoptr(GFile) same_profile = NULL;
  g_autoptr(GFile) review = NULL;
  g_autoptr(CmioReviewImport) import = NULL;
  g_autoptr(GError) error = NULL;

  cmio_progress_set_content_pack (other, fixture->pack);
  g_assert_true (cmio_progress_set_profile (other, "name", "Charles Babbage", &error));
  g_assert_true (cmio_progress_set_profile (other, "start_date", "2026-11-02", &error));

  /* Another person's export, when this progress has made none. */
  theirs = export_to_file (fixture, other, "theirs.cmioexport", NULL);
  review = review_export (fixture, theirs, "theirs.cmioreview", "M", NULL);
  import = cmio_review_import_load (review, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_true (warnings_contain (import, "Charles Babbage"));
  g_assert_true (warnings_contain (import, "not by you (Ada Lovelace)"));
  g_assert_cmpuint (g_strv_length ((GStrv) cmio_review_import_get_warnings (import)), ==, 1);
  g_clear_pointer (&import, cmio_review_import_unref);
  g_clear_object (&review);

  /* The same name and start, not made here and nothing made here. */
  g_assert_true (cmio_progress_set_profile (other, "name", " ada lovelace", &error));
  same_profile = export_to_file (fixture, other, "same.cmioexport", NULL);
  review = review_export (fixture, same_profile, "same.cmioreview", "M", NULL);
  import = cmio_review_import_load (review, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_true (warnings_contain (import, "no record"));
  g_assert_cmpuint (g_strv_length ((GStrv) cmio_review_import_get_warnings (import)), ==, 1);
  g_clear_pointer (&import, cmio_review_import_unref);

  /* … and once this progress has made exports. */
  older = export_to_file (fixture, fixture->progress, "older.cmioexport", "2026-11-20T09:00:00Z");
  import = cmio_review_import_load (review, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_true (warnings_contain (import, "not made from this progress"));
  g_assert_cmpuint (g_strv_length ((GStrv) cmio_review_import_get_warnings (import)), ==, 1);
  g_clear_pointer (&import, cmio_review_import_unref);
  g_clear_object (&review);

  /* Another start date, the same name. */
  g_assert_true (cmio_progress_set_profile (other, "name", "Ada Lovelace", &error));
  g_assert_true (cmio_progress_set_profile (other, "start_date", "2025-01-06", &error));
  g_clear_object (&same_profile);
  same_profile = export_to_file (fixture, other, "started.cmioexport", NULL);
  review = review_export (fixture, same_profile, "started.cmioreview", "M", NULL);
  import = cmio_review_import_load (review, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_true (warnings_contain (import, "started on 2025-01-06"));
  g_clear_pointer (&import, cmio_review_import_unref);
  g_clear_object (&review);

  /* The latest export of this progress: nothing to say. */
  review = review_export (fixture, older, "older.cmioreview", "M", NULL);
  import = cmio_review_import_load (review, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((GStrv) cmio_review_import_get_warnings (import)), ==, 0);
  g_clear_pointer (&import, cmio_review_import_unref);

  /* Exported again since: the review is of the older one. Even after
   * renaming oneself, it is no one else's. */
  newer = export_to_file (fixture, fixture->progress, "newer.cmioexport", "2026-11-27T12:00:00Z");
  g_assert_true (cmio_progress_set_profile (fixture->progress, "name", "Ada King", &error));
  import = cmio_review_import_load (review, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_true (warnings_contain (import, "older export"));
  g_assert_true (warnings_contain (import, "2026-11-20"));
  g_assert_true (warnings_contain (import, "2026-11-27"));
  g_assert_cmpuint (g_strv_length ((GStrv) cmio_review_import_get_warnings (import)), ==, 1);

  /* Warnings do not stop it. */
  g_assert_true (cmio_review_import_apply (import, fixture->progress, &error));
  g_assert_no_error (error);
}

static void
test_review_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CmioUndoStack) undo = cmio_undo_stack_new (fixture->progress);
  g_autoptr(GFile) export_file = export_to_file (fixture, fixture->progress, "u.cmioexport", NULL);
  g_autoptr(GFile) review_file = review_export (fixture, export_file, "u.cmioreview", "Dr. B", "ok");
  g_autoptr(CmioReviewImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *id = NULL;

  /* An earlier review's mark, which undoing must put back as it was. */
  g_assert_true (cmio_progress_set_item_mentor (fixture->progress, "map-reporting-lines",
                                                CMIO_MENTOR_STATUS_DISCUSS, "earlier", "Dr. A",
                                                "2026-11-10T10:00:00Z", &error));
  id = cmio_progress_add_review (fixture->progress, "e-0", "Dr. A", "2026-11-10T10:00:00Z", NULL, &error);
  g_assert_no_error (error);

  import = cmio_review_import_load (review_file, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  before = serialize (fixture->progress);

  g_assert_true (cmio_undo_stack_import_review (undo, import, &error));
  g_assert_no_error (error);
  g_assert_true (cmio_undo_stack_can_undo (undo));
  g_assert_cmpstr (cmio_undo_stack_get_label (undo), ==, "Review imported");
  after = serialize (fixture->progress);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (cmio_progress_get_n_reviews (fixture->progress), ==, 2);

  g_assert_true (cmio_undo_stack_undo (undo, &error));
  g_assert_no_error (error);
  g_assert_false (cmio_undo_stack_can_undo (undo));
  undone = serialize (fixture->progress);
  g_assert_cmpstr (before, ==, undone);
  g_assert_cmpuint (cmio_review_import_get_n_changes (import), ==, 3);

  /* Once more, then again: the second changes nothing, so nothing to undo. */
  g_assert_true (cmio_undo_stack_import_review (undo, import, &error));
  g_assert_true (cmio_undo_stack_import_review (undo, import, &error));
  g_assert_no_error (error);
  g_assert_true (cmio_undo_stack_undo (undo, &error));
  g_assert_false (cmio_undo_stack_can_undo (undo));
  g_clear_pointer (&undone, g_free);
  undone = serialize (fixture->progress);
  g_assert_cmpstr (before, ==, undone);
}

static void
test_review_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CmioUndoStack) undo = cmio_undo_stack_new (fixture->progress);
  g_autoptr(GFile) export_file = export_to_file (fixture, fixture->progress, "r.cmioexport", NULL);
  g_autoptr(GFile) review_file = review_export (fixture, export_file, "r.cmioreview", "M", NULL);
  g_autoptr(CmioReviewImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = serialize (fixture->progress);
  g_autofree char *after = NULL;

  import = cmio_review_import_load (review_file, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  cmio_progress_set_read_only (fixture->progress, TRUE);
  g_assert_false (cmio_review_import_apply (import, fixture->progress, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cmio_undo_stack_import_review (undo, import, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_assert_false (cmio_undo_stack_can_undo (undo));
  after = serialize (fixture->progress);
  g_assert_cmpstr (before, ==, after);
}

/* Whatever the texts hold comes back byte for byte, through both files. */
static void
test_review_hostile_strings (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) export_file = NULL;
  g_autoptr(GFile) review_file = NULL;
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(JsonNode) review = NULL;
  g_autoptr(CmioReviewImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const char *comment = NULL;
  const char *by = NULL;
  CmioMentorStatus status;

  g_assert_true (cmio_progress_set_profile (fixture->progress, "name", hostile, &error));
  export_file = export_to_file (fixture, fixture->progress, "h.cmioexport", NULL);
  export = cmio_export_load (export_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (export),
                                                                                 "profile"), "name"), ==, hostile);

  review = cmio_review_new (export, hostile, hostile, NULL);
  cmio_review_set_item (review, export, "agree-decision-rights", CMIO_MENTOR_STATUS_APPROVED, hostile);
  review_file = fixture_file (fixture, "h.cmioreview");
  g_assert_true (cmio_review_write (review, review_file, &error));
  g_assert_no_error (error);

  import = cmio_review_import_load (review_file, fixture->progress, fixture->plan, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cmio_review_import_get_mentor (import), ==, hostile);
  g_assert_cmpstr (cmio_review_import_get_comment (import), ==, hostile);
  /* The same profile, hostile or not: no warning. */
  g_assert_cmpuint (g_strv_length ((GStrv) cmio_review_import_get_warnings (import)), ==, 0);
  g_assert_true (cmio_review_import_apply (import, fixture->progress, &error));
  g_assert_no_error (error);

  status = cmio_progress_get_item_mentor (fixture->progress, "agree-decision-rights", &comment, &by, NULL);
  g_assert_cmpint (status, ==, CMIO_MENTOR_STATUS_APPROVED);
  g_assert_cmpstr (comment, ==, hostile);
  g_assert_cmpstr (by, ==, hostile);
  g_assert_cmpstr (cmio_progress_get_review_field (fixture->progress, 0, "comment"), ==, hostile);
  g_assert_cmpstr (cmio_progress_get_review_field (fixture->progress, 0, "mentor"), ==, hostile);
  g_assert_cmpuint (cmio_review_import_get_n_changes (import), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/cmio/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("bad-files", test_review_bad_files);
  ADD ("too-big", test_review_too_big);
  ADD ("long-texts", test_review_long_texts);
  ADD ("round-trip", test_review_round_trip);
  ADD ("file", test_review_file);
  ADD ("unknown-items", test_review_unknown_items);
  g_test_add_func ("/cmio/review/archived-item", test_review_archived_item);
  g_test_add_func ("/cmio/review/note-without-id", test_review_note_without_id);
  ADD ("warnings", test_review_warnings);
  ADD ("undo", test_review_undo);
  ADD ("read-only", test_review_read_only);
  ADD ("hostile-strings", test_review_hostile_strings);

#undef ADD

  return g_test_run ();
}

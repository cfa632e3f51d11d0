/* cmio-test-core.c — helpers shared by the unit tests (the core, no display)
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Files and folders */

char *
cmio_test_progress_path (const char *folder)
{
  return g_build_filename (g_get_user_data_dir (), folder, "progress.json", NULL);
}

char *
cmio_test_sibling_path (const char *path,
                        const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

void
cmio_test_write_file (const char *path,
                      const char *data,
                      gssize      length)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

GBytes *
cmio_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
cmio_test_assert_file_bytes (const char *path,
                             GBytes     *expected)
{
  g_autoptr(GBytes) actual = cmio_test_read_file (path);

  g_assert_cmpuint (g_bytes_get_size (actual), ==, g_bytes_get_size (expected));
  g_assert_true (g_bytes_equal (actual, expected));
}

gboolean
cmio_test_file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, sorted and joined by spaces. */
char *
cmio_test_folder_listing (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

char *
cmio_test_folder_listing_of_file (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return cmio_test_folder_listing (folder);
}

guint
cmio_test_file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 07777;
}

/* JSON */

/* JSON written with single quotes, for readable literals. */
char *
cmio_test_json_text (const char *single_quoted)
{
  return g_strdelimit (g_strdup (single_quoted), "'", '"');
}

/* The node at @path in @root: member names and list positions separated
 * by "/"; %NULL when there is none. */
JsonNode *
cmio_test_json_at (JsonNode   *root,
                   const char *path)
{
  g_auto(GStrv) steps = g_strsplit (path, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; steps[i] != NULL && node != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), steps[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index = g_ascii_strtoull (steps[i], NULL, 10);

          node = index < json_array_get_length (array) ? json_array_get_element (array, index) : NULL;
        }
      else
        node = NULL;
    }

  return node;
}

void
cmio_test_assert_json_equal (JsonNode *expected,
                             JsonNode *actual)
{
  if (actual == NULL || !json_node_equal (expected, actual))
    {
      g_autofree char *expected_text = json_to_string (expected, TRUE);
      g_autofree char *actual_text = actual ? json_to_string (actual, TRUE) : g_strdup ("(none)");

      /* Shows both in the failure message. */
      g_assert_cmpstr (expected_text, ==, actual_text);
      g_assert_not_reached ();
    }
}

/* Progress */

/* The whole progress as it would be saved, without the time of saving. */
static JsonNode *
progress_json (CmioProgress *progress)
{
  JsonNode *root = cmio_progress_to_json (progress);

  json_object_remove_member (json_node_get_object (root), "saved_at");
  return root;
}

void
cmio_test_assert_progress_equal (CmioProgress *expected,
                                 CmioProgress *actual)
{
  g_autoptr(JsonNode) expected_json = progress_json (expected);
  g_autoptr(JsonNode) actual_json = progress_json (actual);

  cmio_test_assert_json_equal (expected_json, actual_json);
}

CmioProgress *
cmio_test_read_progress (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CmioProgress *progress = cmio_store_read_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (progress);
  return progress;
}

/* Puts something in every part of the file. */
void
cmio_test_fill_full_progress (CmioProgress *progress)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *custom_id = NULL;
  g_autofree char *note_id = NULL;
  g_autofree char *free_note_id = NULL;
  g_autofree char *assessment_id = NULL;
  g_autofree char *review_id = NULL;

  ASSERT_OK (cmio_progress_set_profile (progress, "name", "Ada Lovelace", &error));
  ASSERT_OK (cmio_progress_set_profile (progress, "role", "CMIO", &error));
  ASSERT_OK (cmio_progress_set_profile (progress, "organization", "St. Elsewhere", &error));
  ASSERT_OK (cmio_progress_set_profile (progress, "start_date", "2026-11-02", &error));
  ASSERT_OK (cmio_progress_set_profile (progress, "mentor", "Grace Hopper", &error));

  ASSERT_OK (cmio_progress_set_chapter_read (progress, "what-is-a-cmio", TRUE, &error));
  ASSERT_OK (cmio_progress_set_chapter_position (progress, "what-is-a-cmio", 0.42, &error));
  ASSERT_OK (cmio_progress_set_chapter_position (progress, "cmio-vs-cio", 0.75, &error));

  ASSERT_OK (cmio_progress_set_item_done (progress, "agree-decision-rights", TRUE, &error));
  ASSERT_OK (cmio_progress_set_item_evidence (progress, "agree-decision-rights",
                                              "Signed charter, “v2” — see minutes", &error));
  ASSERT_OK (cmio_progress_set_item_mentor (progress, "agree-decision-rights",
                                            CMIO_MENTOR_STATUS_APPROVED, "Well done",
                                            "Grace Hopper", "2026-11-20T15:00:00Z", &error));
  ASSERT_OK (cmio_progress_set_item_mentor (progress, "meet-the-cio", CMIO_MENTOR_STATUS_DISCUSS,
                                            "Let us talk", NULL, NULL, &error));

  custom_id = cmio_progress_add_custom_item (progress, "what-is-a-cmio", "Meet the night shift",
                                             45, CMIO_OWNER_MENTOR, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (custom_id);
  ASSERT_OK (cmio_progress_set_item_done (progress, custom_id, TRUE, &error));

  note_id = cmio_progress_add_note (progress, "what-is-a-cmio", "First week",
                                    "# Notes\n\n* one\n* two\n", &error);
  g_assert_no_error (error);
  g_assert_nonnull (note_id);
  ASSERT_OK (cmio_progress_set_note_shared (progress, note_id, TRUE, &error));
  free_note_id = cmio_progress_add_note (progress, NULL, NULL, "A free note", &error);
  g_assert_no_error (error);
  g_assert_nonnull (free_note_id);

  g_assert_nonnull (cmio_progress_start_draft (progress, &error));
  g_assert_no_error (error);
  ASSERT_OK (cmio_progress_set_draft_rating (progress, "change-leadership", 3, "Solid", &error));
  ASSERT_OK (cmio_progress_set_draft_rating (progress, "clinical-safety", 0, NULL, &error));
  assessment_id = cmio_progress_finish_draft (progress, &error);
  g_assert_no_error (error);
  g_assert_nonnull (assessment_id);

  g_assert_nonnull (cmio_progress_start_draft (progress, &error));
  g_assert_no_error (error);
  ASSERT_OK (cmio_progress_set_draft_page (progress, 2, &error));
  ASSERT_OK (cmio_progress_set_draft_rating (progress, "change-leadership", 4, "Better", &error));

  review_id = cmio_progress_add_review (progress, "6f1c2a9e-export", "Grace Hopper",
                                        "2026-11-21T09:00:00Z", "A good start", &error);
  g_assert_no_error (error);
  g_assert_nonnull (review_id);
}

/* Stores */

CmioStore *
cmio_test_load_store (const char          *path,
                      CmioStoreLoadResult  expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CmioStore *store = cmio_store_new (file);

  g_assert_cmpint (cmio_store_load (store), ==, expected);
  g_assert_cmpint (cmio_store_get_load_result (store), ==, expected);
  g_assert_nonnull (cmio_store_get_progress (store));
  return store;
}

void
cmio_test_save_now (CmioStore *store)
{
  ASSERT_OK (cmio_store_save_now (store, &error));
  g_assert_null (cmio_store_get_save_error (store));
  g_assert_false (cmio_store_get_dirty (store));
}

void
cmio_test_set_name (CmioStore  *store,
                    const char *name)
{
  ASSERT_OK (cmio_progress_set_profile (cmio_store_get_progress (store), "name", name, &error));
}

/* The main context */

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until @done says so or @timeout_ms pass. */
gboolean
cmio_test_iterate_until (gboolean (*done) (gpointer data),
                         gpointer   data,
                         guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return done (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
cmio_test_iterate_for (guint ms)
{
  cmio_test_iterate_until (never, NULL, ms);
}

/* The 90-day plan */

/* The small pack (tests/data/packs/valid):
 *   1. First Chapter:  do-one (1.1, day 5, required), do-two (1.2, day 30)
 *   2. Second Chapter: do-three (2.1, day 60, required)
 * and this progress, started on 2026-11-02: three custom items numbered
 * after their chapter's (custom-a 1.3 day 48; custom-b 2.2 day 75,
 * required; custom-c 2.3 day 20), do-one and do-three done, and the state
 * of an item the pack no longer has, done. On day 45 (2026-12-17), do-two
 * and custom-c are overdue and custom-a is due this week. */
static const char *prepared_json =
  "{ \"format\": \"cmio-handbook-progress\", \"version\": 1,"
  "  \"profile\": { \"name\": \"Ada\", \"start_date\": \"2026-11-02\" },"
  "  \"chapters\": { \"first\": { \"read\": true } },"
  "  \"items\": {"
  "    \"do-one\": { \"done\": true, \"done_at\": \"2026-11-05T09:00:00Z\" },"
  "    \"do-two\": { \"done\": false },"
  "    \"do-three\": { \"done\": true, \"done_at\": \"2026-12-01T09:00:00Z\" },"
  "    \"old-item\": { \"done\": true, \"done_at\": \"2026-11-03T09:00:00Z\" } },"
  "  \"custom_items\": ["
  "    { \"id\": \"custom-a\", \"chapter\": \"first\","
  "      \"text\": \"Meet the nursing informatics lead\","
  "      \"target_day\": 48, \"owner\": \"cmio\", \"required\": false },"
  "    { \"id\": \"custom-b\", \"chapter\": \"second\","
  "      \"text\": \"Present the plan to the board\","
  "      \"target_day\": 75, \"owner\": \"cmio\", \"required\": true },"
  "    { \"id\": \"custom-c\", \"chapter\": \"second\", \"text\": \"Shadow a night shift\","
  "      \"target_day\": 20, \"owner\": \"cmio\", \"required\": false } ] }";

/* The progress above, for the small pack. */
CmioProgress *
cmio_test_prepared_progress (void)
{
  return cmio_test_load_progress (prepared_json);
}

CmioProgress *
cmio_test_progress_starting (const char *start_date)
{
  CmioProgress *progress = cmio_progress_new ();
  g_autoptr(GError) error = NULL;

  if (start_date != NULL)
    {
      g_assert_true (cmio_progress_set_profile (progress, "start_date", start_date, &error));
      g_assert_no_error (error);
    }
  return progress;
}

GDate *
cmio_test_date_new (const char *text)
{
  unsigned int year, month, day;

  g_assert_cmpint (sscanf (text, "%u-%u-%u", &year, &month, &day), ==, 3);
  return g_date_new_dmy (day, month, year);
}

void
cmio_test_set_today (CmioPlan   *plan,
                     const char *today)
{
  g_autoptr(GDate) date = cmio_test_date_new (today);

  cmio_plan_set_today (plan, date);
}

void
cmio_test_set_done (CmioProgress *progress,
                    const char   *id,
                    gboolean      done)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cmio_progress_set_item_done (progress, id, done, &error));
  g_assert_no_error (error);
}

CmioPlanItem *
cmio_test_find_row (CmioPlan   *plan,
                    const char *id)
{
  GListModel *rows = cmio_plan_get_rows (plan);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CmioPlanItem) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (cmio_plan_item_get_id (row), id) == 0)
        return row;
    }

  return NULL;
}

void
cmio_test_notify_cb (GObject    *object,
                     GParamSpec *pspec,
                     GString    *log)
{
  g_string_append_printf (log, "%s%s", log->len ? " " : "", pspec->name);
}

/* The names notified, in alphabetical order: GObject sends those held
 * back by g_object_freeze_notify() in an order of its own. */
void
cmio_test_assert_notified (GString    *log,
                           const char *expected)
{
  g_auto(GStrv) names = g_strsplit (log->str, " ", -1);
  g_autofree char *sorted = NULL;

  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  sorted = g_strjoinv (" ", names);
  g_assert_cmpstr (sorted, ==, expected);
}

/* English month names, whatever the environment says: call before
 * g_test_init(). */
void
cmio_test_use_c_locale (void)
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "");
}

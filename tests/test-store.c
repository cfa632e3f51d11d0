/* test-store.c — the progress store: load, recover and save progress.json
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmio-store.h"
#include "cmio-store-private.h"

/* The crash test runs this same binary as the child that saves while the
 * parent kills it; these variables tell the child what to do. */
#define CRASH_CHILD_ENV "CMIO_STORE_CRASH_CHILD"
#define CRASH_START_ENV "CMIO_STORE_CRASH_START"
#define CRASH_TRIALS_ENV "CMIO_CRASH_TRIALS"
#define CRASH_DEFAULT_TRIALS 200
/* States written by one child are numbered from its trial times this. */
#define CRASH_STATES_PER_TRIAL G_GUINT64_CONSTANT (1000000)
#define CRASH_ITEM "crash-item"
#define CRASH_MAX_EVIDENCE (200 * 1024)

#define HUGE_FILE_SIZE (50 * 1024 * 1024)

static char *self_path;

/* Asserts that @call, which takes `&error` as its last argument and returns
 * a gboolean, succeeds. */
#define ASSERT_OK(call) \
  G_STMT_START { \
    g_autoptr(GError) error = NULL; \
    gboolean ok_ = (call); \
    g_assert_no_error (error); \
    g_assert_true (ok_); \
  } G_STMT_END

/* Files and folders */

static char *
progress_path (const char *folder)
{
  return g_build_filename (g_get_user_data_dir (), folder, "progress.json", NULL);
}

static char *
sibling_path (const char *path,
              const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

static void
write_file (const char *path,
            const char *data,
            gssize      length)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_file_bytes (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) actual = read_file (path);

  g_assert_cmpuint (g_bytes_get_size (actual), ==, g_bytes_get_size (expected));
  g_assert_true (g_bytes_equal (actual, expected));
}

static gboolean
file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @folder, sorted and joined by spaces. */
static char *
folder_listing (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
folder_listing_of_file (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return folder_listing (folder);
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 07777;
}

/* JSON */

/* JSON written with single quotes, for readable literals. */
static char *
json_text (const char *single_quoted)
{
  return g_strdelimit (g_strdup (single_quoted), "'", '"');
}

static GBytes *
json_bytes (const char *single_quoted)
{
  char *text = json_text (single_quoted);

  return g_bytes_new_take (text, strlen (text));
}

static JsonNode *
parse_text (const char *text,
            gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  return json_parser_steal_root (parser);
}

static JsonNode *
parse_file (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);

  return parse_text (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The node at @path in @root: member names and list positions separated
 * by "/"; %NULL when there is none. */
static JsonNode *
json_at (JsonNode   *root,
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

static const char *
json_string_at (JsonNode   *root,
                const char *path)
{
  JsonNode *node = json_at (root, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  return json_node_get_string (node);
}

static void
assert_json_equal (JsonNode *expected,
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

static void
assert_timestamp (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (cmio_progress_timestamp_is_valid (text));
}

/* The whole progress as it would be saved, without the time of saving. */
static JsonNode *
progress_json (CmioProgress *progress)
{
  JsonNode *root = cmio_progress_to_json (progress);

  json_object_remove_member (json_node_get_object (root), "saved_at");
  return root;
}

static void
assert_progress_equal (CmioProgress *expected,
                       CmioProgress *actual)
{
  g_autoptr(JsonNode) expected_json = progress_json (expected);
  g_autoptr(JsonNode) actual_json = progress_json (actual);

  assert_json_equal (expected_json, actual_json);
}

static char *
progress_text (CmioProgress *progress)
{
  g_autoptr(JsonNode) root = cmio_progress_to_json (progress);

  return json_to_string (root, TRUE);
}

static CmioProgress *
read_progress (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CmioProgress *progress = cmio_store_read_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (progress);
  return progress;
}

/* Puts something in every part of the file. */
static void
fill_full_progress (CmioProgress *progress)
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

static CmioProgress *
new_full_progress (void)
{
  CmioProgress *progress = cmio_progress_new ();

  fill_full_progress (progress);
  return progress;
}

/* What a good .bak holds in the recovery tests. */
static CmioProgress *
new_backup_progress (void)
{
  CmioProgress *progress = cmio_progress_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *note_id = NULL;

  ASSERT_OK (cmio_progress_set_profile (progress, "name", "from-backup", &error));
  ASSERT_OK (cmio_progress_set_item_done (progress, "item-b", TRUE, &error));
  note_id = cmio_progress_add_note (progress, "cmio-vs-cio", "Kept", "in the backup", &error);
  g_assert_no_error (error);

  return progress;
}

/* Stores */

static CmioStore *
load_store (const char          *path,
            CmioStoreLoadResult  expected)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CmioStore *store = cmio_store_new (file);

  g_assert_cmpint (cmio_store_load (store), ==, expected);
  g_assert_cmpint (cmio_store_get_load_result (store), ==, expected);
  g_assert_nonnull (cmio_store_get_progress (store));
  return store;
}

static void
save_now (CmioStore *store)
{
  ASSERT_OK (cmio_store_save_now (store, &error));
  g_assert_null (cmio_store_get_save_error (store));
  g_assert_false (cmio_store_get_dirty (store));
}

static void
set_name (CmioStore  *store,
          const char *name)
{
  ASSERT_OK (cmio_progress_set_profile (cmio_store_get_progress (store), "name", name, &error));
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until @done says so or @timeout_ms pass. */
static gboolean
iterate_until (gboolean (*done) (gpointer data),
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

static void
iterate_for (guint ms)
{
  iterate_until (never, NULL, ms);
}

/* Write functions, the seam for making saves fail or counting them */

/* Writes a little and then finds the disk full, as a full disk does. */
static gboolean
write_no_space (int          fd,
                const char  *data,
                gsize        length,
                gpointer     user_data,
                GError     **error)
{
  int *calls = user_data;

  g_atomic_int_inc (calls);
  if (!cmio_store_write_all (fd, data, MIN (length, 16), NULL, error))
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  return FALSE;
}

typedef struct
{
  int calls;                  /* atomic */
  gint64 first_call_time;     /* monotonic, set by the first call */
} WriteCounter;

/* Writes for real and counts; called in the store's worker thread. */
static gboolean
write_counting (int          fd,
                const char  *data,
                gsize        length,
                gpointer     user_data,
                GError     **error)
{
  WriteCounter *counter = user_data;

  if (g_atomic_int_add (&counter->calls, 1) == 0)
    counter->first_call_time = g_get_monotonic_time ();

  return cmio_store_write_all (fd, data, length, NULL, error);
}

/* Round trip */

static void
test_default_file (void)
{
  g_autoptr(GFile) file = cmio_store_get_default_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), APP_ID, "progress.json", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_fresh (void)
{
  g_autofree char *path = progress_path ("fresh");
  g_autoptr(CmioStore) store = load_store (path, CMIO_STORE_LOADED_FRESH);
  g_autoptr(CmioProgress) empty = cmio_progress_new ();

  g_assert_null (cmio_store_get_load_message (store));
  g_assert_null (cmio_store_get_moved_aside (store));
  g_assert_false (cmio_store_get_dirty (store));
  assert_progress_equal (empty, cmio_store_get_progress (store));

  /* Nothing is written until there is something to write. */
  ASSERT_OK (cmio_store_flush (store, &error));
  g_assert_false (file_exists (path));

  set_name (store, "Ada");
  g_assert_true (cmio_store_get_dirty (store));
  ASSERT_OK (cmio_store_flush (store, &error));
  g_assert_false (cmio_store_get_dirty (store));
  g_assert_true (file_exists (path));
}

static void
test_round_trip (void)
{
  g_autoptr(GFile) file = cmio_store_get_default_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(CmioStore) store = load_store (path, CMIO_STORE_LOADED_FRESH);
  g_autoptr(CmioStore) reloaded = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(CmioChecklistItem) item = NULL;
  g_autoptr(GError) error = NULL;
  CmioProgress *original = cmio_store_get_progress (store);
  CmioProgress *copy;
  const char *note_id;
  const char *assessment_id;
  const char *draft_id;
  const char *comment = NULL;
  const char *by = NULL;
  const char *at = NULL;
  int level = -1;

  /* Changed through the store's own progress, as the app does. */
  fill_full_progress (original);
  g_assert_true (cmio_store_get_dirty (store));
  save_now (store);
  g_assert_true (file_exists (path));

  reloaded = load_store (path, CMIO_STORE_LOADED);
  copy = cmio_store_get_progress (reloaded);
  g_assert_null (cmio_store_get_load_message (reloaded));
  g_assert_null (cmio_store_get_moved_aside (reloaded));
  g_assert_false (cmio_store_get_dirty (reloaded));
  g_assert_false (cmio_progress_get_read_only (copy));
  assert_progress_equal (original, copy);

  /* Every value, one by one. */
  g_assert_cmpstr (cmio_progress_get_profile (copy, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (cmio_progress_get_profile (copy, "role"), ==, "CMIO");
  g_assert_cmpstr (cmio_progress_get_profile (copy, "organization"), ==, "St. Elsewhere");
  g_assert_cmpstr (cmio_progress_get_profile (copy, "start_date"), ==, "2026-11-02");
  g_assert_cmpstr (cmio_progress_get_profile (copy, "mentor"), ==, "Grace Hopper");

  g_assert_true (cmio_progress_get_chapter_read (copy, "what-is-a-cmio"));
  g_assert_cmpfloat (cmio_progress_get_chapter_position (copy, "what-is-a-cmio"), ==, 0.42);
  g_assert_false (cmio_progress_get_chapter_read (copy, "cmio-vs-cio"));
  g_assert_cmpfloat (cmio_progress_get_chapter_position (copy, "cmio-vs-cio"), ==, 0.75);

  g_assert_true (cmio_progress_get_item_done (copy, "agree-decision-rights"));
  assert_timestamp (cmio_progress_get_item_done_at (copy, "agree-decision-rights"));
  g_assert_cmpstr (cmio_progress_get_item_done_at (copy, "agree-decision-rights"), ==,
                   cmio_progress_get_item_done_at (original, "agree-decision-rights"));
  g_assert_cmpstr (cmio_progress_get_item_evidence (copy, "agree-decision-rights"), ==,
                   "Signed charter, “v2” — see minutes");
  g_assert_cmpint (cmio_progress_get_item_mentor (copy, "agree-decision-rights", &comment, &by, &at),
                   ==, CMIO_MENTOR_STATUS_APPROVED);
  g_assert_cmpstr (comment, ==, "Well done");
  g_assert_cmpstr (by, ==, "Grace Hopper");
  g_assert_cmpstr (at, ==, "2026-11-20T15:00:00Z");
  g_assert_cmpint (cmio_progress_get_item_mentor (copy, "meet-the-cio", &comment, &by, &at),
                   ==, CMIO_MENTOR_STATUS_DISCUSS);
  g_assert_cmpstr (comment, ==, "Let us talk");
  g_assert_null (by);
  g_assert_null (at);
  g_assert_false (cmio_progress_get_item_done (copy, "meet-the-cio"));

  g_assert_cmpuint (cmio_progress_get_n_custom_items (copy), ==, 1);
  item = cmio_progress_dup_custom_item (copy, 0);
  g_assert_true (g_str_has_prefix (cmio_checklist_item_get_id (item), "custom-"));
  g_assert_cmpstr (cmio_checklist_item_get_chapter_id (item), ==, "what-is-a-cmio");
  g_assert_cmpstr (cmio_checklist_item_get_text (item), ==, "Meet the night shift");
  g_assert_cmpint (cmio_checklist_item_get_target_day (item), ==, 45);
  g_assert_cmpint (cmio_checklist_item_get_owner (item), ==, CMIO_OWNER_MENTOR);
  g_assert_true (cmio_checklist_item_get_required (item));
  g_assert_true (cmio_progress_get_item_done (copy, cmio_checklist_item_get_id (item)));

  g_assert_cmpuint (cmio_progress_get_n_notes (copy), ==, 2);
  note_id = cmio_progress_find_chapter_note (copy, "what-is-a-cmio");
  g_assert_nonnull (note_id);
  g_assert_cmpstr (note_id, ==, cmio_progress_get_note_id (copy, 0));
  g_assert_cmpstr (cmio_progress_get_note_field (copy, note_id, "title"), ==, "First week");
  g_assert_cmpstr (cmio_progress_get_note_field (copy, note_id, "text"), ==,
                   "# Notes\n\n* one\n* two\n");
  assert_timestamp (cmio_progress_get_note_field (copy, note_id, "updated_at"));
  g_assert_true (cmio_progress_get_note_shared (copy, note_id));
  note_id = cmio_progress_get_note_id (copy, 1);
  g_assert_null (cmio_progress_get_note_field (copy, note_id, "chapter"));
  g_assert_cmpstr (cmio_progress_get_note_field (copy, note_id, "text"), ==, "A free note");
  g_assert_false (cmio_progress_get_note_shared (copy, note_id));

  g_assert_cmpuint (cmio_progress_get_n_assessments (copy), ==, 1);
  assessment_id = cmio_progress_get_assessment_id (copy, 0);
  g_assert_cmpstr (assessment_id, ==, cmio_progress_get_assessment_id (original, 0));
  assert_timestamp (cmio_progress_get_assessment_field (copy, assessment_id, "started_at"));
  assert_timestamp (cmio_progress_get_assessment_field (copy, assessment_id, "completed_at"));
  g_assert_true (cmio_progress_get_rating (copy, assessment_id, "change-leadership", &level, &comment));
  g_assert_cmpint (level, ==, 3);
  g_assert_cmpstr (comment, ==, "Solid");
  g_assert_true (cmio_progress_get_rating (copy, assessment_id, "clinical-safety", &level, &comment));
  g_assert_cmpint (level, ==, 0);
  g_assert_null (comment);
  g_assert_false (cmio_progress_get_rating (copy, assessment_id, "data-governance", NULL, NULL));

  g_assert_true (cmio_progress_has_draft (copy));
  g_assert_cmpint (cmio_progress_get_draft_page (copy), ==, 2);
  draft_id = cmio_progress_start_draft (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft_id, ==, cmio_progress_start_draft (original, NULL));
  g_assert_cmpstr (draft_id, !=, assessment_id);
  g_assert_true (cmio_progress_get_rating (copy, draft_id, "change-leadership", &level, &comment));
  g_assert_cmpint (level, ==, 4);
  g_assert_cmpstr (comment, ==, "Better");
  g_assert_null (cmio_progress_get_assessment_field (copy, draft_id, "completed_at"));

  g_assert_cmpuint (cmio_progress_get_n_reviews (copy), ==, 1);
  g_assert_cmpstr (cmio_progress_get_review_field (copy, 0, "export_id"), ==, "6f1c2a9e-export");
  g_assert_cmpstr (cmio_progress_get_review_field (copy, 0, "mentor"), ==, "Grace Hopper");
  g_assert_cmpstr (cmio_progress_get_review_field (copy, 0, "reviewed_at"), ==, "2026-11-21T09:00:00Z");
  g_assert_cmpstr (cmio_progress_get_review_field (copy, 0, "comment"), ==, "A good start");
  assert_timestamp (cmio_progress_get_review_field (copy, 0, "imported_at"));

  /* The file is version 1, and "not sure" is a null level, as the format says. */
  saved = parse_file (path);
  g_assert_cmpstr (json_string_at (saved, "format"), ==, "cmio-handbook-progress");
  g_assert_cmpint (json_node_get_int (json_at (saved, "version")), ==, 1);
  assert_timestamp (json_string_at (saved, "saved_at"));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_at (saved, "assessments/0/ratings/clinical-safety/level")));
  g_assert_cmpint (json_node_get_int (json_at (saved, "assessment_draft/page")), ==, 2);
}

/* Unknown members */

static const char unknown_members_file[] =
  "{"
  " 'format': 'cmio-handbook-progress', 'version': 1, 'saved_at': '2026-11-03T10:00:00Z',"
  " 'future_top': { 'a': [1, 2.5, 'x', null, true, { 'deep': { 'deeper': [] } }], 'b': -7 },"
  " 'profile': { 'name': 'Ada', 'future_profile': { 'pronouns': 'she/her', 'list': [1, 2] } },"
  " 'chapters': { 'what-is-a-cmio': { 'read': false, 'position': 0.25, 'future_chapter': 'kept' } },"
  " 'items': {"
  "   'item-a': { 'done': true, 'done_at': '2026-11-03T10:00:00Z', 'evidence': 'old',"
  "               'future_item': [ 'x', { 'y': 1 } ],"
  "               'mentor': { 'status': 'discuss', 'comment': 'why?', 'by': 'Grace',"
  "                           'at': '2026-11-04T10:00:00Z',"
  "                           'future_mentor': { 'signature': 'abc', 'n': 3 } } } },"
  " 'custom_items': [ { 'id': 'custom-1', 'chapter': 'what-is-a-cmio', 'text': 'Meet',"
  "                     'target_day': 10, 'owner': 'cmio', 'required': false,"
  "                     'future_custom': 1.5 } ],"
  " 'notes': [ { 'id': 'note-1', 'chapter': null, 'title': 'T', 'text': 'old text',"
  "              'shared': false, 'updated_at': '2026-11-03T10:00:00Z',"
  "              'future_note': { 'color': 'blue' } } ],"
  " 'assessments': [ { 'id': 'assessment-1', 'started_at': '2026-11-03T10:00:00Z',"
  "                    'completed_at': '2026-11-03T11:00:00Z', 'content_version': '2026.1',"
  "                    'ratings': { 'change-leadership': { 'level': 3, 'comment': 'ok',"
  "                                   'future_rating': { 'evidence': [ 'a', 'b' ] } } },"
  "                    'future_assessment': true } ],"
  " 'assessment_draft': { 'id': 'assessment-2', 'started_at': '2026-11-05T10:00:00Z', 'page': 1,"
  "                       'ratings': { 'clinical-safety': { 'level': null, 'future_rating': 2 } },"
  "                       'future_draft': 'x' },"
  " 'reviews': [ { 'id': 'review-1', 'export_id': 'e-1', 'mentor': 'Grace',"
  "                'reviewed_at': '2026-11-06T10:00:00Z', 'imported_at': '2026-11-06T11:00:00Z',"
  "                'comment': 'c', 'future_review': null } ],"
  " 'exports': [ { 'export_id': 'e-1', 'exported_at': '2026-11-05T10:00:00Z',"
  "                'future_export': { 'format': 'html' } } ]"
  "}";

static const char * const unknown_member_paths[] = {
  "future_top",
  "profile/future_profile",
  "chapters/what-is-a-cmio/future_chapter",
  "items/item-a/future_item",
  "items/item-a/mentor/future_mentor",
  "custom_items/0/future_custom",
  "notes/0/future_note",
  "assessments/0/future_assessment",
  "assessments/0/ratings/change-leadership/future_rating",
  "assessment_draft/future_draft",
  "assessment_draft/ratings/clinical-safety/future_rating",
  "reviews/0/future_review",
  "exports/0/future_export",
  NULL
};

static void
assert_unknown_members_kept (JsonNode *original,
                             JsonNode *saved)
{
  for (guint i = 0; unknown_member_paths[i] != NULL; i++)
    {
      JsonNode *expected = json_at (original, unknown_member_paths[i]);

      g_test_message ("unknown member %s", unknown_member_paths[i]);
      g_assert_nonnull (expected);
      assert_json_equal (expected, json_at (saved, unknown_member_paths[i]));
    }
}

static void
test_unknown_members (void)
{
  g_autofree char *path = progress_path ("unknown");
  g_autofree char *text = json_text (unknown_members_file);
  g_autoptr(JsonNode) original = parse_text (text, -1);
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) saved_again = NULL;
  g_autoptr(CmioStore) store = NULL;
  g_autoptr(CmioStore) reloaded = NULL;
  CmioProgress *progress;
  g_autofree char *custom_id = NULL;

  write_file (path, text, -1);
  store = load_store (path, CMIO_STORE_LOADED);
  progress = cmio_store_get_progress (store);

  /* Change the records that hold unknown members, and others. */
  ASSERT_OK (cmio_progress_set_profile (progress, "name", "Ada L.", &error));
  ASSERT_OK (cmio_progress_set_chapter_read (progress, "what-is-a-cmio", TRUE, &error));
  ASSERT_OK (cmio_progress_set_chapter_position (progress, "what-is-a-cmio", 0.5, &error));
  ASSERT_OK (cmio_progress_set_item_evidence (progress, "item-a", "new", &error));
  ASSERT_OK (cmio_progress_set_item_mentor (progress, "item-a", CMIO_MENTOR_STATUS_APPROVED,
                                            "fine", "Grace", "2026-11-07T10:00:00Z", &error));
  ASSERT_OK (cmio_progress_update_custom_item (progress, "custom-1", "Meet them all", 20,
                                               CMIO_OWNER_EXECUTIVE, TRUE, &error));
  ASSERT_OK (cmio_progress_set_note_text (progress, "note-1", "new text", &error));
  ASSERT_OK (cmio_progress_set_draft_rating (progress, "clinical-safety", 2, "some", &error));
  ASSERT_OK (cmio_progress_set_draft_page (progress, 3, &error));
  custom_id = cmio_progress_add_custom_item (progress, "cmio-vs-cio", "Another", 5,
                                             CMIO_OWNER_CMIO, FALSE, NULL);
  g_assert_nonnull (custom_id);
  save_now (store);

  saved = parse_file (path);
  assert_unknown_members_kept (original, saved);

  /* The changes were saved too. */
  g_assert_cmpstr (json_string_at (saved, "profile/name"), ==, "Ada L.");
  g_assert_true (json_node_get_boolean (json_at (saved, "chapters/what-is-a-cmio/read")));
  g_assert_cmpstr (json_string_at (saved, "items/item-a/evidence"), ==, "new");
  g_assert_cmpstr (json_string_at (saved, "items/item-a/mentor/status"), ==, "approved");
  g_assert_cmpstr (json_string_at (saved, "items/item-a/mentor/comment"), ==, "fine");
  g_assert_cmpstr (json_string_at (saved, "custom_items/0/text"), ==, "Meet them all");
  g_assert_cmpstr (json_string_at (saved, "notes/0/text"), ==, "new text");
  g_assert_cmpint (json_node_get_int (json_at (saved, "assessment_draft/ratings/clinical-safety/level")),
                   ==, 2);
  g_assert_cmpint (json_node_get_int (json_at (saved, "assessment_draft/page")), ==, 3);
  g_assert_cmpstr (json_string_at (saved, "custom_items/1/text"), ==, "Another");

  /* And once more, through another store. */
  reloaded = load_store (path, CMIO_STORE_LOADED);
  ASSERT_OK (cmio_progress_set_profile (cmio_store_get_progress (reloaded), "role", "CMIO", &error));
  ASSERT_OK (cmio_progress_set_note_shared (cmio_store_get_progress (reloaded), "note-1", TRUE, &error));
  save_now (reloaded);
  saved_again = parse_file (path);
  assert_unknown_members_kept (original, saved_again);
  g_assert_cmpstr (json_string_at (saved_again, "profile/role"), ==, "CMIO");
}

/* Damaged files */

typedef struct
{
  const char *name;
  GBytes *(*make) (void);
  const char *hint;           /* what the load message must mention */
} DamageCase;

static GBytes *
make_truncated (void)
{
  g_autoptr(CmioProgress) full = new_full_progress ();
  char *text = progress_text (full);
  gsize length = strlen (text);

  return g_bytes_new_take (text, length / 2);
}

static GBytes *
make_not_json (void)
{
  return g_bytes_new_static ("Dear diary, today I became a CMIO.\n", 35);
}

static GBytes *
make_root_list (void)
{
  return json_bytes ("[ { 'format': 'cmio-handbook-progress', 'version': 1 } ]");
}

static GBytes *
make_items_list (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1, 'profile': { 'name': 'x' },"
                     "  'items': [ { 'done': true } ] }");
}

static GBytes *
make_done_string (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'items': { 'item-a': { 'done': true },"
                     "             'item-b': { 'done': 'yes', 'evidence': 'e' } } }");
}

static GBytes *
make_mentor_status (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'items': { 'item-a': { 'done': true,"
                     "                         'mentor': { 'status': 'maybe', 'by': 'Grace' } } } }");
}

static GBytes *
make_rating_level (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'assessments': [ { 'id': 'assessment-1', 'completed_at': '2026-11-03T10:00:00Z',"
                     "                     'ratings': { 'change-leadership': { 'level': 3 },"
                     "                                  'clinical-safety': { 'level': 7 } } } ] }");
}

static GBytes *
make_target_day (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'custom_items': [ { 'id': 'custom-1', 'chapter': 'what-is-a-cmio',"
                     "                      'text': 'Meet', 'target_day': 120, 'owner': 'cmio' } ] }");
}

static GBytes *
make_bad_timestamp (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'items': { 'item-a': { 'done': true, 'done_at': 'last Tuesday' } } }");
}

static GBytes *
make_wrong_format (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-export', 'version': 1, 'profile': { 'name': 'x' } }");
}

static GBytes *
make_huge_float (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'chapters': { 'what-is-a-cmio': { 'read': true, 'position': 1e400 } } }");
}

static GBytes *
make_huge_integer (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'custom_items': [ { 'id': 'custom-1', 'chapter': 'what-is-a-cmio',"
                     "                      'text': 'Meet', 'target_day': 99999999999999999999999,"
                     "                      'owner': 'cmio' } ] }");
}

/* json-glib would read this one as the level 1. */
static GBytes *
make_huge_negative_integer (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'assessments': [ { 'id': 'assessment-1', 'completed_at': '2026-11-03T10:00:00Z',"
                     "                     'ratings': { 'change-leadership':"
                     "                                  { 'level': -99999999999999999999999 } } } ] }");
}

/* Members nobody checks: 1e400 would be written back as "inf.0", which is
 * not JSON, and the integer as -1. */
static GBytes *
make_huge_float_unknown (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'profile': { 'name': 'x' }, 'future': { 'scale': 1e400 } }");
}

static GBytes *
make_huge_integer_unknown (void)
{
  return json_bytes ("{ 'format': 'cmio-handbook-progress', 'version': 1,"
                     "  'profile': { 'name': 'x' }, 'future': [ 99999999999999999999999 ] }");
}

static GBytes *
make_nul_byte (void)
{
  static const char text[] =
    "{ \"format\": \"cmio-handbook-progress\", \"version\": 1,"
    " \"profile\": { \"name\": \"Ada\0Lovelace\" } }";

  return g_bytes_new_static (text, sizeof text - 1);
}

static GBytes *
make_invalid_utf8 (void)
{
  static const char text[] =
    "{ \"format\": \"cmio-handbook-progress\", \"version\": 1,"
    " \"profile\": { \"name\": \"Ada \xff\xfe\" } }";

  return g_bytes_new_static (text, sizeof text - 1);
}

static GBytes *
make_deep_nesting (void)
{
  gsize depth = 100000;
  char *text = g_malloc (depth);

  memset (text, '[', depth);
  return g_bytes_new_take (text, depth);
}

static GBytes *
make_empty (void)
{
  return g_bytes_new_static ("", 0);
}

static const DamageCase damage_cases[] = {
  { "truncated", make_truncated, "JSON" },
  { "not-json", make_not_json, "JSON" },
  { "root-is-a-list", make_root_list, "object" },
  { "items-is-a-list", make_items_list, "items" },
  { "done-is-text", make_done_string, "done" },
  { "mentor-status-unknown", make_mentor_status, "status" },
  { "rating-level-7", make_rating_level, "level" },
  { "target-day-120", make_target_day, "target_day" },
  { "timestamp-is-not-one", make_bad_timestamp, "done_at" },
  { "wrong-format", make_wrong_format, "format" },
  { "huge-float", make_huge_float, "1e400" },
  { "huge-integer", make_huge_integer, "99999999999999999999999" },
  { "huge-negative-integer", make_huge_negative_integer, "99999999999999999999999" },
  { "huge-float-in-unknown-member", make_huge_float_unknown, "1e400" },
  { "huge-integer-in-unknown-member", make_huge_integer_unknown, "99999999999999999999999" },
  { "nul-byte", make_nul_byte, "NUL" },
  { "invalid-utf8", make_invalid_utf8, "UTF-8" },
  { "deep-nesting", make_deep_nesting, "nested" },
  { "empty", make_empty, "empty" },
};

/* Checks that the damaged file at @path was moved aside, next to it, as
 * progress.json.corrupt-<UTC time>, with its bytes unchanged, and that the
 * load message says where it is. */
static void
assert_moved_aside (CmioStore  *store,
                    const char *path,
                    GBytes     *bytes)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) stamp_time = NULL;
  g_autofree char *aside_path = NULL;
  g_autofree char *aside_name = NULL;
  g_autofree char *aside_display = NULL;
  g_autofree char *aside_folder = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  const char *message = cmio_store_get_load_message (store);
  const char *stamp;
  GFile *aside = cmio_store_get_moved_aside (store);
  int year, month, day, hour, minute, second;

  g_assert_nonnull (aside);
  aside_path = g_file_get_path (aside);
  aside_name = g_path_get_basename (aside_path);
  aside_folder = g_path_get_dirname (aside_path);
  g_assert_cmpstr (aside_folder, ==, folder);
  g_assert_true (g_str_has_prefix (aside_name, "progress.json.corrupt-"));

  stamp = aside_name + strlen ("progress.json.corrupt-");
  g_assert_true (g_regex_match_simple ("^[0-9]{8}T[0-9]{6}Z(-[0-9]+)?$", stamp, 0, 0));
  g_assert_cmpint (sscanf (stamp, "%4d%2d%2dT%2d%2d%2d", &year, &month, &day, &hour, &minute, &second),
                   ==, 6);
  stamp_time = g_date_time_new_utc (year, month, day, hour, minute, second);
  g_assert_nonnull (stamp_time);
  g_assert_cmpint (ABS (g_date_time_difference (now, stamp_time)), <=, 120 * G_TIME_SPAN_SECOND);

  assert_file_bytes (aside_path, bytes);

  g_assert_nonnull (message);
  aside_display = g_file_get_parse_name (aside);
  g_test_message ("load message: %s", message);
  g_assert_nonnull (strstr (message, aside_display));
}

static void
check_damage (const DamageCase *damage,
              GBytes           *bytes,
              gboolean          with_backup)
{
  g_autofree char *path = progress_path (with_backup ? "with-backup" : "without-backup");
  g_autofree char *backup_path = sibling_path (path, ".bak");
  g_autoptr(CmioProgress) backup = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  g_autoptr(CmioStore) store = NULL;
  gint64 start;

  write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (with_backup)
    {
      g_autofree char *text = NULL;

      backup = new_backup_progress ();
      text = progress_text (backup);
      write_file (backup_path, text, -1);
    }

  start = g_get_monotonic_time ();
  store = load_store (path, with_backup ? CMIO_STORE_LOADED_BACKUP : CMIO_STORE_LOADED_NOTHING);
  g_test_message ("%s: loaded in %" G_GINT64_FORMAT " ms", damage->name,
                  (g_get_monotonic_time () - start) / 1000);

  assert_moved_aside (store, path, bytes);
  g_assert_nonnull (strstr (cmio_store_get_load_message (store), damage->hint));
  g_assert_false (file_exists (path));
  g_assert_false (cmio_progress_get_read_only (cmio_store_get_progress (store)));

  if (with_backup)
    {
      /* The last good copy is the progress, and is written back. */
      assert_progress_equal (backup, cmio_store_get_progress (store));
      g_assert_true (cmio_store_get_dirty (store));
      ASSERT_OK (cmio_store_flush (store, &error));
      g_assert_false (cmio_store_get_dirty (store));
      on_disk = read_progress (path);
      assert_progress_equal (backup, on_disk);
    }
  else
    {
      g_autoptr(CmioProgress) empty = cmio_progress_new ();

      assert_progress_equal (empty, cmio_store_get_progress (store));
      g_assert_false (file_exists (backup_path));

      /* Work goes on, and is saved, beside the damaged file. */
      set_name (store, "starting over");
      ASSERT_OK (cmio_store_flush (store, &error));
      on_disk = read_progress (path);
      g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "starting over");
    }

  /* Saving did not touch the damaged file. */
  assert_moved_aside (store, path, bytes);
}

static void
test_damage (gconstpointer data)
{
  const DamageCase *damage = data;
  g_autoptr(GBytes) bytes = damage->make ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) progress = NULL;
  g_autofree char *path = progress_path ("read");

  /* The file alone is refused, with the reason. */
  write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  file = g_file_new_for_path (path);
  progress = cmio_store_read_file (file, &error);
  g_assert_null (progress);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", damage->name, error->message);
  g_assert_nonnull (strstr (error->message, damage->hint));

  check_damage (damage, bytes, FALSE);
  check_damage (damage, bytes, TRUE);
}

static GBytes *
make_huge_file (gboolean complete)
{
  static const char head[] =
    "{ \"format\": \"cmio-handbook-progress\", \"version\": 1, \"profile\": { \"name\": \"big\" },"
    " \"blob\": \"";
  static const char tail[] = "\" }\n";
  gsize length = strlen (head) + HUGE_FILE_SIZE + (complete ? strlen (tail) : 0);
  char *text = g_malloc (length);

  memcpy (text, head, strlen (head));
  memset (text + strlen (head), 'x', HUGE_FILE_SIZE);
  if (complete)
    memcpy (text + strlen (head) + HUGE_FILE_SIZE, tail, strlen (tail));

  return g_bytes_new_take (text, length);
}

/* A 50 MB file, whole and cut off inside its long string: either loads
 * or is refused, quickly and without harm. */
static void
test_damage_huge_file (void)
{
  for (guint complete = 0; complete <= 1; complete++)
    {
      g_autofree char *path = progress_path (complete ? "huge-whole" : "huge-cut");
      g_autoptr(GBytes) bytes = make_huge_file (complete);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(CmioStore) store = cmio_store_new (file);
      CmioStoreLoadResult result;
      gint64 start;
      gint64 elapsed;

      write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      start = g_get_monotonic_time ();
      result = cmio_store_load (store);
      elapsed = g_get_monotonic_time () - start;
      g_test_message ("%s 50 MB file: result %d in %" G_GINT64_FORMAT " ms",
                      complete ? "whole" : "cut", result, elapsed / 1000);
      g_assert_cmpint (elapsed, <, 20 * G_TIME_SPAN_SECOND);

      if (result == CMIO_STORE_LOADED)
        {
          g_autoptr(JsonNode) root = cmio_progress_to_json (cmio_store_get_progress (store));
          JsonNode *blob = json_at (root, "blob");

          g_assert_true (complete);
          g_assert_cmpstr (cmio_progress_get_profile (cmio_store_get_progress (store), "name"),
                           ==, "big");
          g_assert_nonnull (blob);
          g_assert_cmpuint (strlen (json_node_get_string (blob)), ==, HUGE_FILE_SIZE);
          g_assert_null (cmio_store_get_moved_aside (store));
          assert_file_bytes (path, bytes);
        }
      else
        {
          g_assert_cmpint (result, ==, CMIO_STORE_LOADED_NOTHING);
          assert_moved_aside (store, path, bytes);
          g_assert_false (file_exists (path));
        }
    }
}

/* A newer version */

static void
test_newer_version (void)
{
  g_autofree char *path = progress_path ("newer");
  g_autofree char *text = json_text ("{ 'format': 'cmio-handbook-progress', 'version': 2,"
                                     "  'saved_at': '2027-01-01T10:00:00Z',"
                                     "  'profile': { 'name': 'Future Ada', 'avatar': 'a.png' },"
                                     "  'items': { 'item-a': { 'done': true,"
                                     "                         'done_at': '2027-01-01T09:00:00Z' } },"
                                     "  'teams': [ { 'id': 'team-1' } ] }");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CmioStore) store = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GError) error = NULL;
  CmioProgress *progress;
  GStatBuf before;
  GStatBuf after;
  gboolean ok;

  write_file (path, text, -1);
  bytes = read_file (path);
  listing = folder_listing_of_file (path);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  store = load_store (path, CMIO_STORE_LOADED_NEWER);
  progress = cmio_store_get_progress (store);
  g_assert_true (cmio_progress_get_read_only (progress));
  g_assert_nonnull (cmio_store_get_load_message (store));
  g_assert_nonnull (strstr (cmio_store_get_load_message (store), path));
  g_assert_null (cmio_store_get_moved_aside (store));

  /* It is read as far as this version understands it. */
  g_assert_cmpstr (cmio_progress_get_profile (progress, "name"), ==, "Future Ada");
  g_assert_true (cmio_progress_get_item_done (progress, "item-a"));

  /* Every kind of change is refused. */
  g_assert_false (cmio_progress_set_profile (progress, "name", "Old Ada", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cmio_progress_set_chapter_read (progress, "what-is-a-cmio", TRUE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cmio_progress_set_chapter_position (progress, "what-is-a-cmio", 0.5, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cmio_progress_set_item_done (progress, "item-a", FALSE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cmio_progress_set_item_evidence (progress, "item-a", "e", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cmio_progress_set_item_mentor (progress, "item-a", CMIO_MENTOR_STATUS_APPROVED,
                                                 NULL, NULL, NULL, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (cmio_progress_add_custom_item (progress, "what-is-a-cmio", "x", 1,
                                                CMIO_OWNER_CMIO, FALSE, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (cmio_progress_add_note (progress, NULL, "t", "x", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (cmio_progress_start_draft (progress, &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (cmio_progress_add_review (progress, "e-1", "Grace", "2027-01-02T10:00:00Z", NULL,
                                           &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cmio_store_get_dirty (store));

  /* Saving, in every way, writes nothing. */
  ok = cmio_store_save_now (store, &error);
  g_assert_true (ok == (error == NULL));
  g_clear_error (&error);
  ok = cmio_store_flush (store, &error);
  g_assert_true (ok == (error == NULL));
  g_clear_error (&error);
  cmio_store_save_soon (store);
  iterate_for (CMIO_STORE_SAVE_DELAY_MS + 300);

  assert_file_bytes (path, bytes);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  listing_after = folder_listing_of_file (path);
  g_assert_cmpstr (listing_after, ==, listing);
  g_assert_null (cmio_store_get_save_error (store));
}

/* Migration */

static void
test_newer_version_unreadable (void)
{
  g_autofree char *path = progress_path ("newer-unreadable");
  /* Version 2 made "items" a list: this version cannot read it, but it is
   * not damage, and the file must stay exactly as it is. */
  g_autofree char *text = json_text ("{ 'format': 'cmio-handbook-progress', 'version': 2,"
                                     "  'items': [ { 'id': 'item-a', 'done': true } ] }");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CmioStore) store = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GError) error = NULL;

  write_file (path, text, -1);
  bytes = read_file (path);
  listing = folder_listing_of_file (path);

  store = load_store (path, CMIO_STORE_LOADED_NEWER);
  g_assert_true (cmio_progress_get_read_only (cmio_store_get_progress (store)));
  g_assert_null (cmio_store_get_moved_aside (store));
  g_assert_nonnull (strstr (cmio_store_get_load_message (store), "newer version"));
  g_assert_false (cmio_progress_set_profile (cmio_store_get_progress (store), "name", "x", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_assert_true (cmio_store_save_now (store, NULL));
  g_assert_true (cmio_store_flush (store, NULL));

  assert_file_bytes (path, bytes);
  listing_after = folder_listing_of_file (path);
  g_assert_cmpstr (listing_after, ==, listing);
}

static void
test_stale_temporaries (void)
{
  g_autofree char *path = progress_path ("stale");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *stale = g_build_filename (folder, ".progress.json.Ab12Cd", NULL);
  g_autofree char *other = g_build_filename (folder, "notes-of-mine.txt", NULL);
  g_autoptr(CmioStore) store = NULL;

  /* A save killed half-way left its temporary file; loading clears it,
   * and nothing else. */
  write_file (path, "{\"format\": \"cmio-handbook-progress\", \"version\": 1}", -1);
  write_file (stale, "{\"format\": \"cmio-handb", -1);
  write_file (other, "mine", -1);

  store = load_store (path, CMIO_STORE_LOADED);
  g_assert_false (file_exists (stale));
  g_assert_true (file_exists (other));
  g_assert_true (file_exists (path));
}

static void
test_migrate_v0 (void)
{
  g_autofree char *path = progress_path ("v0");
  g_autofree char *backup_path = sibling_path (path, ".bak");
  g_autofree char *text = json_text ("{'format':'cmio-handbook-progress','version':0,"
                                     "'checked':{'item-a':'2026-11-03T10:00:00Z'},"
                                     "'chapter_notes':{'what-is-a-cmio':'text'},"
                                     "'extra':{'x':1}}");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CmioStore) store = NULL;
  g_autoptr(CmioStore) reloaded = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) extra = parse_text ("{\"x\":1}", -1);
  CmioProgress *progress;
  const char *note_id;

  write_file (path, text, -1);
  bytes = read_file (path);
  store = load_store (path, CMIO_STORE_LOADED);
  progress = cmio_store_get_progress (store);
  g_assert_false (cmio_progress_get_read_only (progress));

  g_assert_true (cmio_progress_get_item_done (progress, "item-a"));
  g_assert_cmpstr (cmio_progress_get_item_done_at (progress, "item-a"), ==, "2026-11-03T10:00:00Z");
  note_id = cmio_progress_find_chapter_note (progress, "what-is-a-cmio");
  g_assert_nonnull (note_id);
  g_assert_cmpstr (cmio_progress_get_note_field (progress, note_id, "text"), ==, "text");
  g_assert_cmpuint (cmio_progress_get_n_notes (progress), ==, 1);

  root = cmio_progress_to_json (progress);
  assert_json_equal (extra, json_at (root, "extra"));

  save_now (store);
  saved = parse_file (path);
  g_assert_cmpint (json_node_get_int (json_at (saved, "version")), ==, 1);
  assert_json_equal (extra, json_at (saved, "extra"));
  g_assert_null (json_at (saved, "checked"));
  g_assert_null (json_at (saved, "chapter_notes"));
  g_assert_true (json_node_get_boolean (json_at (saved, "items/item-a/done")));
  g_assert_cmpstr (json_string_at (saved, "items/item-a/done_at"), ==, "2026-11-03T10:00:00Z");
  g_assert_cmpstr (json_string_at (saved, "notes/0/chapter"), ==, "what-is-a-cmio");
  g_assert_cmpstr (json_string_at (saved, "notes/0/text"), ==, "text");

  /* The old version stays as the last copy before. */
  assert_file_bytes (backup_path, bytes);

  reloaded = load_store (path, CMIO_STORE_LOADED);
  assert_progress_equal (progress, cmio_store_get_progress (reloaded));
}

/* Failing saves */

static gboolean
saved_cleanly (gpointer data)
{
  CmioStore *store = data;

  return cmio_store_get_save_error (store) == NULL && !cmio_store_get_dirty (store);
}

static gboolean
two_calls (gpointer data)
{
  return g_atomic_int_get ((int *) data) >= 2;
}

/* After a failed save: the old files are as they were, with nothing left
 * over, and the reason is there for the user. */
static void
assert_failed_save (CmioStore  *store,
                    const char *path,
                    GBytes     *file_bytes,
                    GBytes     *backup_bytes,
                    const char *listing,
                    const char *name_in_memory)
{
  g_autofree char *backup_path = sibling_path (path, ".bak");
  g_autofree char *listing_after = folder_listing_of_file (path);

  assert_file_bytes (path, file_bytes);
  assert_file_bytes (backup_path, backup_bytes);
  g_assert_cmpstr (listing_after, ==, listing);
  g_assert_true (cmio_store_get_dirty (store));
  g_assert_cmpstr (cmio_progress_get_profile (cmio_store_get_progress (store), "name"), ==,
                   name_in_memory);
}

static void
test_save_failure_no_space (void)
{
  g_autofree char *path = progress_path ("full");
  g_autofree char *backup_path = sibling_path (path, ".bak");
  g_autoptr(CmioStore) store = load_store (path, CMIO_STORE_LOADED_FRESH);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  g_autofree char *listing = NULL;
  int calls = 0;

  set_name (store, "first");
  save_now (store);
  first = read_file (path);
  set_name (store, "second");
  save_now (store);
  second = read_file (path);
  listing = folder_listing_of_file (path);
  g_assert_cmpstr (listing, ==, "progress.json progress.json.bak");

  /* save_now */
  cmio_store_set_write_func (store, write_no_space, &calls);
  set_name (store, "third");
  g_assert_false (cmio_store_save_now (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpint (calls, ==, 1);
  g_assert_nonnull (cmio_store_get_save_error (store));
  g_assert_nonnull (strstr (cmio_store_get_save_error (store), "No space left on device"));
  assert_failed_save (store, path, second, first, listing, "third");

  /* The save after a change, in the background, fails the same way. */
  set_name (store, "fourth");
  g_assert_true (iterate_until (two_calls, &calls, 5000));
  g_assert_false (cmio_store_flush (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpint (calls, ==, 3);
  g_assert_nonnull (strstr (cmio_store_get_save_error (store), "No space left on device"));
  assert_failed_save (store, path, second, first, listing, "fourth");

  /* With space again, the next change saves, and the error is gone. */
  cmio_store_set_write_func (store, NULL, NULL);
  set_name (store, "fifth");
  g_assert_true (iterate_until (saved_cleanly, store, 5000));
  on_disk = read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "fifth");
  g_clear_object (&on_disk);
  assert_file_bytes (backup_path, second);

  /* And so does Retry, that is save_now, without a change. */
  cmio_store_set_write_func (store, write_no_space, &calls);
  set_name (store, "sixth");
  g_assert_false (cmio_store_save_now (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_nonnull (cmio_store_get_save_error (store));
  cmio_store_set_write_func (store, NULL, NULL);
  save_now (store);
  on_disk = read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "sixth");
  g_assert_cmpuint (g_atomic_int_get (&calls), ==, 4);
}

static void
test_save_failure_read_only_folder (void)
{
  g_autofree char *path = progress_path ("locked");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(CmioStore) store = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  gboolean ok;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores folder permissions");
      return;
    }

  store = load_store (path, CMIO_STORE_LOADED_FRESH);
  set_name (store, "first");
  save_now (store);
  first = read_file (path);
  listing = folder_listing (folder);

  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  set_name (store, "second");
  ok = cmio_store_save_now (store, &error);
  /* Let the test's folder be cleaned up whatever happened. */
  g_assert_cmpuint (file_mode (folder), ==, 0500);
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("read-only folder: %s", error->message);
  g_clear_error (&error);
  g_assert_nonnull (cmio_store_get_save_error (store));
  g_assert_true (cmio_store_get_dirty (store));
  assert_file_bytes (path, first);
  listing_after = folder_listing (folder);
  g_assert_cmpstr (listing_after, ==, listing);

  save_now (store);
  on_disk = read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "second");
}

/* Permissions and the backup */

static void
test_permissions (void)
{
  g_autofree char *path = progress_path ("private");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *backup_path = sibling_path (path, ".bak");
  g_autoptr(CmioStore) store = NULL;

  /* A folder that someone else made readable for all is made private. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);

  store = load_store (path, CMIO_STORE_LOADED_FRESH);
  set_name (store, "first");
  save_now (store);
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  set_name (store, "second");
  save_now (store);
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_cmpuint (file_mode (backup_path), ==, 0600);
}

static void
test_backup (void)
{
  g_autofree char *path = progress_path ("backup");
  g_autofree char *backup_path = sibling_path (path, ".bak");
  g_autoptr(CmioStore) store = load_store (path, CMIO_STORE_LOADED_FRESH);
  g_autoptr(CmioStore) recovered = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *listing = NULL;

  set_name (store, "first");
  save_now (store);
  first = read_file (path);
  g_assert_false (file_exists (backup_path));

  set_name (store, "second");
  save_now (store);
  second = read_file (path);
  g_assert_false (g_bytes_equal (first, second));
  assert_file_bytes (backup_path, first);
  on_disk = read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "second");
  g_clear_object (&on_disk);

  set_name (store, "third");
  save_now (store);
  assert_file_bytes (backup_path, second);
  listing = folder_listing_of_file (path);
  g_assert_cmpstr (listing, ==, "progress.json progress.json.bak");

  /* With progress.json gone, the .bak is used and written back. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  recovered = load_store (path, CMIO_STORE_LOADED_BACKUP);
  g_assert_null (cmio_store_get_moved_aside (recovered));
  g_assert_nonnull (cmio_store_get_load_message (recovered));
  g_assert_cmpstr (cmio_progress_get_profile (cmio_store_get_progress (recovered), "name"),
                   ==, "second");
  ASSERT_OK (cmio_store_flush (recovered, &error));
  on_disk = read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "second");
}

/* The debounce */

typedef struct
{
  CmioStore *store;
  const char *path;
  WriteCounter counter;
  guint changes;              /* made so far */
  gint64 last_change_time;    /* monotonic */
  gint64 appeared_time;       /* when the file was first seen */
  guint polls_before_delay;   /* checks that found no file in time */
  GMainLoop *loop;
} Debounce;

#define DEBOUNCE_CHANGES 5
#define DEBOUNCE_INTERVAL_MS 20

static gboolean
debounce_change_cb (gpointer data)
{
  Debounce *debounce = data;
  g_autofree char *name = g_strdup_printf ("name-%u", debounce->changes);

  debounce->last_change_time = g_get_monotonic_time ();
  set_name (debounce->store, name);
  debounce->changes++;

  return debounce->changes < DEBOUNCE_CHANGES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
debounce_poll_cb (gpointer data)
{
  Debounce *debounce = data;
  gint64 now = g_get_monotonic_time ();
  gint64 since_change = now - debounce->last_change_time;
  gboolean exists = file_exists (debounce->path);

  if (debounce->changes < DEBOUNCE_CHANGES)
    {
      g_assert_false (exists);
      g_assert_cmpint (g_atomic_int_get (&debounce->counter.calls), ==, 0);
      return G_SOURCE_CONTINUE;
    }

  if (exists)
    {
      /* Never before the delay after the last change. */
      g_assert_cmpint (since_change, >=, CMIO_STORE_SAVE_DELAY_MS * G_TIME_SPAN_MILLISECOND);
      if (debounce->appeared_time == 0)
        debounce->appeared_time = now;
    }
  else if (since_change < CMIO_STORE_SAVE_DELAY_MS * G_TIME_SPAN_MILLISECOND)
    {
      g_assert_cmpint (g_atomic_int_get (&debounce->counter.calls), ==, 0);
      debounce->polls_before_delay++;
    }

  if (debounce->appeared_time != 0 && !cmio_store_get_dirty (debounce->store))
    {
      g_main_loop_quit (debounce->loop);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
debounce_give_up_cb (gpointer data)
{
  Debounce *debounce = data;

  g_main_loop_quit (debounce->loop);
  return G_SOURCE_REMOVE;
}

static void
test_debounce (void)
{
  g_autofree char *path = progress_path ("debounce");
  g_autoptr(CmioStore) store = load_store (path, CMIO_STORE_LOADED_FRESH);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(CmioProgress) on_disk = NULL;
  Debounce debounce = { 0 };
  gint64 waited;
  guint give_up;

  debounce.store = store;
  debounce.path = path;
  debounce.loop = loop;
  cmio_store_set_write_func (store, write_counting, &debounce.counter);

  debounce_change_cb (&debounce);
  g_timeout_add (DEBOUNCE_INTERVAL_MS, debounce_change_cb, &debounce);
  g_timeout_add (10, debounce_poll_cb, &debounce);
  give_up = g_timeout_add (CMIO_STORE_SAVE_DELAY_MS + 5000, debounce_give_up_cb, &debounce);
  g_main_loop_run (loop);
  g_source_remove (give_up);

  g_assert_cmpuint (debounce.changes, ==, DEBOUNCE_CHANGES);
  g_assert_cmpint (debounce.appeared_time, !=, 0);
  g_assert_false (cmio_store_get_dirty (store));
  g_assert_cmpint (g_atomic_int_get (&debounce.counter.calls), ==, 1);
  g_assert_cmpuint (debounce.polls_before_delay, >, 0);

  /* Written once, about the delay after the last change. */
  waited = debounce.counter.first_call_time - debounce.last_change_time;
  g_test_message ("written %" G_GINT64_FORMAT " ms after the last change", waited / 1000);
  g_assert_cmpint (waited, >=, CMIO_STORE_SAVE_DELAY_MS * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (waited, <, (CMIO_STORE_SAVE_DELAY_MS + 1500) * G_TIME_SPAN_MILLISECOND);

  on_disk = read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "name-4");

  /* And not again without a change. */
  iterate_for (CMIO_STORE_SAVE_DELAY_MS + 200);
  g_assert_cmpint (g_atomic_int_get (&debounce.counter.calls), ==, 1);
}

/* The crash test */

/* State @k's evidence: its length and its letters depend on @k, so that a
 * mix of two states cannot pass for either. */
static char *
crash_evidence (guint64 k)
{
  gsize length = (k * 7919 + 13) % CRASH_MAX_EVIDENCE;
  g_autofree char *head = g_strdup_printf ("state %" G_GUINT64_FORMAT ":", k);
  GString *evidence = g_string_sized_new (length + strlen (head) + 1);

  g_string_append (evidence, head);
  for (gsize i = 0; i < length; i++)
    g_string_append_c (evidence, 'a' + (k + i) % 26);

  return g_string_free (evidence, FALSE);
}

static void
set_crash_state (CmioProgress *progress,
                 guint64       k)
{
  g_autofree char *name = g_strdup_printf ("state-%" G_GUINT64_FORMAT, k);
  g_autofree char *evidence = crash_evidence (k);

  ASSERT_OK (cmio_progress_set_profile (progress, "name", name, &error));
  ASSERT_OK (cmio_progress_set_item_evidence (progress, CRASH_ITEM, evidence, &error));
}

/* The child: saves state after state until it is killed. */
static int
run_crash_child (const char *path,
                 guint64     start)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CmioStore) store = cmio_store_new (file);
  gint64 give_up = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  CmioStoreLoadResult result = cmio_store_load (store);

  if (result != CMIO_STORE_LOADED && result != CMIO_STORE_LOADED_FRESH)
    {
      g_printerr ("crash child: load result %d: %s\n", result, cmio_store_get_load_message (store));
      return 3;
    }

  /* Ready: the parent starts its clock. */
  if (write (STDOUT_FILENO, "r", 1) != 1)
    return 4;

  for (guint64 k = start; g_get_monotonic_time () < give_up; k++)
    {
      g_autoptr(GError) error = NULL;

      set_crash_state (cmio_store_get_progress (store), k);
      if (!cmio_store_save_now (store, &error))
        {
          g_printerr ("crash child: %s\n", error->message);
          return 5;
        }
    }

  return 6;
}

/* Checks that @path holds one whole state; returns its number. */
static guint64
check_crash_state (const char *path)
{
  g_autoptr(CmioProgress) progress = read_progress (path);
  g_autofree char *evidence = NULL;
  const char *name = cmio_progress_get_profile (progress, "name");
  guint64 k = 0;

  g_assert_nonnull (name);
  g_assert_true (g_str_has_prefix (name, "state-"));
  g_assert_true (g_ascii_string_to_unsigned (name + strlen ("state-"), 10, 0, G_MAXUINT64, &k, NULL));
  evidence = crash_evidence (k);
  g_assert_cmpstr (cmio_progress_get_item_evidence (progress, CRASH_ITEM), ==, evidence);

  return k;
}

static guint
crash_trials (void)
{
  const char *value = g_getenv (CRASH_TRIALS_ENV);
  guint64 trials = CRASH_DEFAULT_TRIALS;

  if (value != NULL)
    g_assert_true (g_ascii_string_to_unsigned (value, 10, 1, 1000000, &trials, NULL));

  return MAX (trials, CRASH_DEFAULT_TRIALS);
}

static void
test_crash (void)
{
  g_autofree char *path = progress_path ("crash");
  g_autofree char *backup_path = sibling_path (path, ".bak");
  g_autofree char *folder = g_path_get_dirname (path);
  guint trials = crash_trials ();
  gboolean have_state = FALSE;
  guint64 last_k = 0;
  guint new_states = 0;
  guint leftovers = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint trial = 0; trial < trials; trial++)
    {
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GSubprocess) child = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *base_text = NULL;
      guint64 base = trial * CRASH_STATES_PER_TRIAL;
      char ready = 0;
      gssize got;

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
      base_text = g_strdup_printf ("%" G_GUINT64_FORMAT, base);
      g_subprocess_launcher_setenv (launcher, CRASH_CHILD_ENV, path, TRUE);
      g_subprocess_launcher_setenv (launcher, CRASH_START_ENV, base_text, TRUE);
      child = g_subprocess_launcher_spawn (launcher, &error, self_path, NULL);
      g_assert_no_error (error);

      got = g_input_stream_read (g_subprocess_get_stdout_pipe (child), &ready, 1, NULL, &error);
      g_assert_no_error (error);
      if (got != 1)
        {
          g_subprocess_wait (child, NULL, NULL);
          g_error ("trial %u: the child ended before it was ready (status %d)",
                   trial, g_subprocess_get_status (child));
        }

      g_usleep (g_test_rand_int_range (0, 30001));
      g_subprocess_send_signal (child, SIGKILL);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      if (!g_subprocess_get_if_signaled (child))
        g_error ("trial %u: the child ended by itself with status %d",
                 trial, g_subprocess_get_exit_status (child));
      g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

      if (!file_exists (path))
        {
          /* Killed before the first save: nothing is half there. */
          g_assert_false (have_state);
          g_assert_false (file_exists (backup_path));
        }
      else
        {
          guint64 k = check_crash_state (path);

          /* The last state saved before, or one this child saved. */
          if (!have_state || k != last_k)
            {
              g_assert_cmpuint (k, >=, base);
              g_assert_cmpuint (k, <, base + CRASH_STATES_PER_TRIAL);
              new_states++;
            }
          have_state = TRUE;
          last_k = k;

          if (file_exists (backup_path))
            g_assert_cmpuint (check_crash_state (backup_path), <=, k);
        }
    }

  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_prefix (name, "."))
        leftovers++;
  }

  g_test_message ("%u trials in %" G_GINT64_FORMAT " ms; %u saved a new state; "
                  "%u temporary files left by killed saves",
                  trials, (g_get_monotonic_time () - start) / 1000, new_states, leftovers);
  g_assert_true (have_state);
  g_assert_cmpuint (new_states, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *crash_child = g_getenv (CRASH_CHILD_ENV);

  if (crash_child != NULL)
    {
      guint64 start = 0;

      g_ascii_string_to_unsigned (g_getenv (CRASH_START_ENV), 10, 0, G_MAXUINT64, &start, NULL);
      return run_crash_child (crash_child, start);
    }

  self_path = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/store/default-file", test_default_file);
  g_test_add_func ("/cmio/store/fresh", test_fresh);
  g_test_add_func ("/cmio/store/round-trip", test_round_trip);
  g_test_add_func ("/cmio/store/unknown-members", test_unknown_members);
  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/cmio/store/damage/", damage_cases[i].name, NULL);

      g_test_add_data_func (test_path, &damage_cases[i], test_damage);
    }
  g_test_add_func ("/cmio/store/damage/50-mb-file", test_damage_huge_file);
  g_test_add_func ("/cmio/store/newer-version", test_newer_version);
  g_test_add_func ("/cmio/store/newer-version-unreadable", test_newer_version_unreadable);
  g_test_add_func ("/cmio/store/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/cmio/store/migrate-v0", test_migrate_v0);
  g_test_add_func ("/cmio/store/save-failure/no-space", test_save_failure_no_space);
  g_test_add_func ("/cmio/store/save-failure/read-only-folder", test_save_failure_read_only_folder);
  g_test_add_func ("/cmio/store/permissions", test_permissions);
  g_test_add_func ("/cmio/store/backup", test_backup);
  g_test_add_func ("/cmio/store/debounce", test_debounce);
  g_test_add_func ("/cmio/store/crash", test_crash);

  return g_test_run ();
}

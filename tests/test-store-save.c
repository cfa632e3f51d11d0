/* test-store-save.c — the progress store: saving, loading, migration, the backup, the debounce
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cmio-store.h"
#include "cmio-store-private.h"
#include "cmio-test-core.h"

/* JSON */

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
  g_autoptr(GBytes) bytes = cmio_test_read_file (path);

  return parse_text (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const char *
json_string_at (JsonNode   *root,
                const char *path)
{
  JsonNode *node = cmio_test_json_at (root, path);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  return json_node_get_string (node);
}

/* Progress */

static void
assert_timestamp (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (cmio_progress_timestamp_is_valid (text));
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
  g_autofree char *path = cmio_test_progress_path ("fresh");
  g_autoptr(CmioStore) store = cmio_test_load_store (path, CMIO_STORE_LOADED_FRESH);
  g_autoptr(CmioProgress) empty = cmio_progress_new ();

  g_assert_null (cmio_store_get_load_message (store));
  g_assert_null (cmio_store_get_moved_aside (store));
  g_assert_false (cmio_store_get_dirty (store));
  cmio_test_assert_progress_equal (empty, cmio_store_get_progress (store));

  /* Nothing is written until there is something to write. */
  ASSERT_OK (cmio_store_flush (store, &error));
  g_assert_false (cmio_test_file_exists (path));

  cmio_test_set_name (store, "Ada");
  g_assert_true (cmio_store_get_dirty (store));
  ASSERT_OK (cmio_store_flush (store, &error));
  g_assert_false (cmio_store_get_dirty (store));
  g_assert_true (cmio_test_file_exists (path));
}

static void
test_round_trip (void)
{
  g_autoptr(GFile) file = cmio_store_get_default_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(CmioStore) store = cmio_test_load_store (path, CMIO_STORE_LOADED_FRESH);
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
  cmio_test_fill_full_progress (original);
  g_assert_true (cmio_store_get_dirty (store));
  cmio_test_save_now (store);
  g_assert_true (cmio_test_file_exists (path));

  reloaded = cmio_test_load_store (path, CMIO_STORE_LOADED);
  copy = cmio_store_get_progress (reloaded);
  g_assert_null (cmio_store_get_load_message (reloaded));
  g_assert_null (cmio_store_get_moved_aside (reloaded));
  g_assert_false (cmio_store_get_dirty (reloaded));
  g_assert_false (cmio_progress_get_read_only (copy));
  cmio_test_assert_progress_equal (original, copy);

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
  g_assert_cmpint (json_node_get_int (cmio_test_json_at (saved, "version")), ==, 1);
  assert_timestamp (json_string_at (saved, "saved_at"));
  g_assert_true (JSON_NODE_HOLDS_NULL (cmio_test_json_at (saved, "assessments/0/ratings/clinical-safety/level")));
  g_assert_cmpint (json_node_get_int (cmio_test_json_at (saved, "assessment_draft/page")), ==, 2);
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
      JsonNode *expected = cmio_test_json_at (original, unknown_member_paths[i]);

      g_test_message ("unknown member %s", unknown_member_paths[i]);
      g_assert_nonnull (expected);
      cmio_test_assert_json_equal (expected, cmio_test_json_at (saved, unknown_member_paths[i]));
    }
}

static void
test_unknown_members (void)
{
  g_autofree char *path = cmio_test_progress_path ("unknown");
  g_autofree char *text = cmio_test_json_text (unknown_members_file);
  g_autoptr(JsonNode) original = parse_text (text, -1);
  g_autoptr(JsonNode) saved = NULL;
  g_autoptr(JsonNode) saved_again = NULL;
  g_autoptr(CmioStore) store = NULL;
  g_autoptr(CmioStore) reloaded = NULL;
  CmioProgress *progress;
  g_autofree char *custom_id = NULL;

  cmio_test_write_file (path, text, -1);
  store = cmio_test_load_store (path, CMIO_STORE_LOADED);
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
  cmio_test_save_now (store);

  saved = parse_file (path);
  assert_unknown_members_kept (original, saved);

  /* The changes were saved too. */
  g_assert_cmpstr (json_string_at (saved, "profile/name"), ==, "Ada L.");
  g_assert_true (json_node_get_boolean (cmio_test_json_at (saved, "chapters/what-is-a-cmio/read")));
  g_assert_cmpstr (json_string_at (saved, "items/item-a/evidence"), ==, "new");
  g_assert_cmpstr (json_string_at (saved, "items/item-a/mentor/status"), ==, "approved");
  g_assert_cmpstr (json_string_at (saved, "items/item-a/mentor/comment"), ==, "fine");
  g_assert_cmpstr (json_string_at (saved, "custom_items/0/text"), ==, "Meet them all");
  g_assert_cmpstr (json_string_at (saved, "notes/0/text"), ==, "new text");
  g_assert_cmpint (json_node_get_int (cmio_test_json_at (saved, "assessment_draft/ratings/clinical-safety/level")),
                   ==, 2);
  g_assert_cmpint (json_node_get_int (cmio_test_json_at (saved, "assessment_draft/page")), ==, 3);
  g_assert_cmpstr (json_string_at (saved, "custom_items/1/text"), ==, "Another");

  /* And once more, through another store. */
  reloaded = cmio_test_load_store (path, CMIO_STORE_LOADED);
  ASSERT_OK (cmio_progress_set_profile (cmio_store_get_progress (reloaded), "role", "CMIO", &error));
  ASSERT_OK (cmio_progress_set_note_shared (cmio_store_get_progress (reloaded), "note-1", TRUE, &error));
  cmio_test_save_now (reloaded);
  saved_again = parse_file (path);
  assert_unknown_members_kept (original, saved_again);
  g_assert_cmpstr (json_string_at (saved_again, "profile/role"), ==, "CMIO");
}

/* Migration */

static void
test_migrate_v0 (void)
{
  g_autofree char *path = cmio_test_progress_path ("v0");
  g_autofree char *backup_path = cmio_test_sibling_path (path, ".bak");
  g_autofree char *text = cmio_test_json_text ("{'format':'cmio-handbook-progress','version':0,"
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

  cmio_test_write_file (path, text, -1);
  bytes = cmio_test_read_file (path);
  store = cmio_test_load_store (path, CMIO_STORE_LOADED);
  progress = cmio_store_get_progress (store);
  g_assert_false (cmio_progress_get_read_only (progress));

  g_assert_true (cmio_progress_get_item_done (progress, "item-a"));
  g_assert_cmpstr (cmio_progress_get_item_done_at (progress, "item-a"), ==, "2026-11-03T10:00:00Z");
  note_id = cmio_progress_find_chapter_note (progress, "what-is-a-cmio");
  g_assert_nonnull (note_id);
  g_assert_cmpstr (cmio_progress_get_note_field (progress, note_id, "text"), ==, "text");
  g_assert_cmpuint (cmio_progress_get_n_notes (progress), ==, 1);

  root = cmio_progress_to_json (progress);
  cmio_test_assert_json_equal (extra, cmio_test_json_at (root, "extra"));

  cmio_test_save_now (store);
  saved = parse_file (path);
  g_assert_cmpint (json_node_get_int (cmio_test_json_at (saved, "version")), ==, 1);
  cmio_test_assert_json_equal (extra, cmio_test_json_at (saved, "extra"));
  g_assert_null (cmio_test_json_at (saved, "checked"));
  g_assert_null (cmio_test_json_at (saved, "chapter_notes"));
  g_assert_true (json_node_get_boolean (cmio_test_json_at (saved, "items/item-a/done")));
  g_assert_cmpstr (json_string_at (saved, "items/item-a/done_at"), ==, "2026-11-03T10:00:00Z");
  g_assert_cmpstr (json_string_at (saved, "notes/0/chapter"), ==, "what-is-a-cmio");
  g_assert_cmpstr (json_string_at (saved, "notes/0/text"), ==, "text");

  /* The old version stays as the last copy before. */
  cmio_test_assert_file_bytes (backup_path, bytes);

  reloaded = cmio_test_load_store (path, CMIO_STORE_LOADED);
  cmio_test_assert_progress_equal (progress, cmio_store_get_progress (reloaded));
}

/* Permissions and the backup */

static void
test_permissions (void)
{
  g_autofree char *path = cmio_test_progress_path ("private");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *backup_path = cmio_test_sibling_path (path, ".bak");
  g_autoptr(CmioStore) store = NULL;

  /* A folder that someone else made readable for all is made private. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (g_chmod (folder, 0755), ==, 0);

  store = cmio_test_load_store (path, CMIO_STORE_LOADED_FRESH);
  cmio_test_set_name (store, "first");
  cmio_test_save_now (store);
  g_assert_cmpuint (cmio_test_file_mode (folder), ==, 0700);
  g_assert_cmpuint (cmio_test_file_mode (path), ==, 0600);

  cmio_test_set_name (store, "second");
  cmio_test_save_now (store);
  g_assert_cmpuint (cmio_test_file_mode (folder), ==, 0700);
  g_assert_cmpuint (cmio_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (cmio_test_file_mode (backup_path), ==, 0600);
}

static void
test_backup (void)
{
  g_autofree char *path = cmio_test_progress_path ("backup");
  g_autofree char *backup_path = cmio_test_sibling_path (path, ".bak");
  g_autoptr(CmioStore) store = cmio_test_load_store (path, CMIO_STORE_LOADED_FRESH);
  g_autoptr(CmioStore) recovered = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *listing = NULL;

  cmio_test_set_name (store, "first");
  cmio_test_save_now (store);
  first = cmio_test_read_file (path);
  g_assert_false (cmio_test_file_exists (backup_path));

  cmio_test_set_name (store, "second");
  cmio_test_save_now (store);
  second = cmio_test_read_file (path);
  g_assert_false (g_bytes_equal (first, second));
  cmio_test_assert_file_bytes (backup_path, first);
  on_disk = cmio_test_read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "second");
  g_clear_object (&on_disk);

  cmio_test_set_name (store, "third");
  cmio_test_save_now (store);
  cmio_test_assert_file_bytes (backup_path, second);
  listing = cmio_test_folder_listing_of_file (path);
  g_assert_cmpstr (listing, ==, "progress.json progress.json.bak");

  /* With progress.json gone, the .bak is used and written back. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  recovered = cmio_test_load_store (path, CMIO_STORE_LOADED_BACKUP);
  g_assert_null (cmio_store_get_moved_aside (recovered));
  g_assert_nonnull (cmio_store_get_load_message (recovered));
  g_assert_cmpstr (cmio_progress_get_profile (cmio_store_get_progress (recovered), "name"),
                   ==, "second");
  ASSERT_OK (cmio_store_flush (recovered, &error));
  on_disk = cmio_test_read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "second");
}

/* The debounce */

typedef struct
{
  int calls;                  /* atomic */
  gint64 first_call_time;     /* monotonic, set by the first call */
} WriteCounter;

/* Writes for real and counts, through the store's seam for write
 * functions; called in the store's worker thread. */
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
  cmio_test_set_name (debounce->store, name);
  debounce->changes++;

  return debounce->changes < DEBOUNCE_CHANGES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
debounce_poll_cb (gpointer data)
{
  Debounce *debounce = data;
  gint64 now = g_get_monotonic_time ();
  gint64 since_change = now - debounce->last_change_time;
  gboolean exists = cmio_test_file_exists (debounce->path);

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
  g_autofree char *path = cmio_test_progress_path ("debounce");
  g_autoptr(CmioStore) store = cmio_test_load_store (path, CMIO_STORE_LOADED_FRESH);
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

  on_disk = cmio_test_read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "name-4");

  /* And not again without a change. */
  cmio_test_iterate_for (CMIO_STORE_SAVE_DELAY_MS + 200);
  g_assert_cmpint (g_atomic_int_get (&debounce.counter.calls), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/store/default-file", test_default_file);
  g_test_add_func ("/cmio/store/fresh", test_fresh);
  g_test_add_func ("/cmio/store/round-trip", test_round_trip);
  g_test_add_func ("/cmio/store/unknown-members", test_unknown_members);
  g_test_add_func ("/cmio/store/migrate-v0", test_migrate_v0);
  g_test_add_func ("/cmio/store/permissions", test_permissions);
  g_test_add_func ("/cmio/store/backup", test_backup);
  g_test_add_func ("/cmio/store/debounce", test_debounce);

  return g_test_run ();
}

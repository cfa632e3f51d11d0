/* test-store-damage.c — the progress store: damaged files, recovery, newer versions
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmio-store.h"
#include "cmio-test-core.h"

#define HUGE_FILE_SIZE (50 * 1024 * 1024)

/* JSON */

static GBytes *
json_bytes (const char *single_quoted)
{
  char *text = cmio_test_json_text (single_quoted);

  return g_bytes_new_take (text, strlen (text));
}

/* Progress */

static char *
progress_text (CmioProgress *progress)
{
  g_autoptr(JsonNode) root = cmio_progress_to_json (progress);

  return json_to_string (root, TRUE);
}

static CmioProgress *
new_full_progress (void)
{
  CmioProgress *progress = cmio_progress_new ();

  cmio_test_fill_full_progress (progress);
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

  cmio_test_assert_file_bytes (aside_path, bytes);

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
  g_autofree char *path = cmio_test_progress_path (with_backup ? "with-backup" : "without-backup");
  g_autofree char *backup_path = cmio_test_sibling_path (path, ".bak");
  g_autoptr(CmioProgress) backup = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  g_autoptr(CmioStore) store = NULL;
  gint64 start;

  cmio_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (with_backup)
    {
      g_autofree char *text = NULL;

      backup = new_backup_progress ();
      text = progress_text (backup);
      cmio_test_write_file (backup_path, text, -1);
    }

  start = g_get_monotonic_time ();
  store = cmio_test_load_store (path, with_backup ? CMIO_STORE_LOADED_BACKUP : CMIO_STORE_LOADED_NOTHING);
  g_test_message ("%s: loaded in %" G_GINT64_FORMAT " ms", damage->name,
                  (g_get_monotonic_time () - start) / 1000);

  assert_moved_aside (store, path, bytes);
  g_assert_nonnull (strstr (cmio_store_get_load_message (store), damage->hint));
  g_assert_false (cmio_test_file_exists (path));
  g_assert_false (cmio_progress_get_read_only (cmio_store_get_progress (store)));

  if (with_backup)
    {
      /* The last good copy is the progress, and is written back. */
      cmio_test_assert_progress_equal (backup, cmio_store_get_progress (store));
      g_assert_true (cmio_store_get_dirty (store));
      ASSERT_OK (cmio_store_flush (store, &error));
      g_assert_false (cmio_store_get_dirty (store));
      on_disk = cmio_test_read_progress (path);
      cmio_test_assert_progress_equal (backup, on_disk);
    }
  else
    {
      g_autoptr(CmioProgress) empty = cmio_progress_new ();

      cmio_test_assert_progress_equal (empty, cmio_store_get_progress (store));
      g_assert_false (cmio_test_file_exists (backup_path));

      /* Work goes on, and is saved, beside the damaged file. */
      cmio_test_set_name (store, "starting over");
      ASSERT_OK (cmio_store_flush (store, &error));
      on_disk = cmio_test_read_progress (path);
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
  g_autofree char *path = cmio_test_progress_path ("read");

  /* The file alone is refused, with the reason. */
  cmio_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
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
      g_autofree char *path = cmio_test_progress_path (complete ? "huge-whole" : "huge-cut");
      g_autoptr(GBytes) bytes = make_huge_file (complete);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(CmioStore) store = cmio_store_new (file);
      CmioStoreLoadResult result;
      gint64 start;
      gint64 elapsed;

      cmio_test_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      start = g_get_monotonic_time ();
      result = cmio_store_load (store);
      elapsed = g_get_monotonic_time () - start;
      g_test_message ("%s 50 MB file: result %d in %" G_GINT64_FORMAT " ms",
                      complete ? "whole" : "cut", result, elapsed / 1000);
      g_assert_cmpint (elapsed, <, 20 * G_TIME_SPAN_SECOND);

      if (result == CMIO_STORE_LOADED)
        {
          g_autoptr(JsonNode) root = cmio_progress_to_json (cmio_store_get_progress (store));
          JsonNode *blob = cmio_test_json_at (root, "blob");

          g_assert_true (complete);
          g_assert_cmpstr (cmio_progress_get_profile (cmio_store_get_progress (store), "name"),
                           ==, "big");
          g_assert_nonnull (blob);
          g_assert_cmpuint (strlen (json_node_get_string (blob)), ==, HUGE_FILE_SIZE);
          g_assert_null (cmio_store_get_moved_aside (store));
          cmio_test_assert_file_bytes (path, bytes);
        }
      else
        {
          g_assert_cmpint (result, ==, CMIO_STORE_LOADED_NOTHING);
          assert_moved_aside (store, path, bytes);
          g_assert_false (cmio_test_file_exists (path));
        }
    }
}

/* A newer version */

static void
test_newer_version (void)
{
  g_autofree char *path = cmio_test_progress_path ("newer");
  g_autofree char *text = cmio_test_json_text (
    "{ 'format': 'cmio-handbook-progress', 'version': 2,"
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

  cmio_test_write_file (path, text, -1);
  bytes = cmio_test_read_file (path);
  listing = cmio_test_folder_listing_of_file (path);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  store = cmio_test_load_store (path, CMIO_STORE_LOADED_NEWER);
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
  cmio_test_iterate_for (CMIO_STORE_SAVE_DELAY_MS + 300);

  cmio_test_assert_file_bytes (path, bytes);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_size, ==, before.st_size);
  g_assert_cmpint (after.st_mtim.tv_sec, ==, before.st_mtim.tv_sec);
  g_assert_cmpint (after.st_mtim.tv_nsec, ==, before.st_mtim.tv_nsec);
  listing_after = cmio_test_folder_listing_of_file (path);
  g_assert_cmpstr (listing_after, ==, listing);
  g_assert_null (cmio_store_get_save_error (store));
}

static void
test_newer_version_unreadable (void)
{
  g_autofree char *path = cmio_test_progress_path ("newer-unreadable");
  /* Version 2 made "items" a list: this version cannot read it, but it is
   * not damage, and the file must stay exactly as it is. */
  g_autofree char *text = cmio_test_json_text ("{ 'format': 'cmio-handbook-progress', 'version': 2,"
                                               "  'items': [ { 'id': 'item-a', 'done': true } ] }");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CmioStore) store = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GError) error = NULL;

  cmio_test_write_file (path, text, -1);
  bytes = cmio_test_read_file (path);
  listing = cmio_test_folder_listing_of_file (path);

  store = cmio_test_load_store (path, CMIO_STORE_LOADED_NEWER);
  g_assert_true (cmio_progress_get_read_only (cmio_store_get_progress (store)));
  g_assert_null (cmio_store_get_moved_aside (store));
  g_assert_nonnull (strstr (cmio_store_get_load_message (store), "newer version"));
  g_assert_false (cmio_progress_set_profile (cmio_store_get_progress (store), "name", "x", &error));
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY);
  g_assert_true (cmio_store_save_now (store, NULL));
  g_assert_true (cmio_store_flush (store, NULL));

  cmio_test_assert_file_bytes (path, bytes);
  listing_after = cmio_test_folder_listing_of_file (path);
  g_assert_cmpstr (listing_after, ==, listing);
}

/* Numbers inside strings are text, whatever escapes come before them; a
 * number out of range outside them is found, on its line. */
static void
test_numbers_in_strings (void)
{
  static const char strings[] =
    "{ \"format\": \"cmio-handbook-progress\", \"version\": 1,\n"
    "  \"profile\": { \"name\": \"Ada \\\" 99999999999999999999999 \\\" 1e400\",\n"
    "               \"organization\": \"back\\\\\", \"role\": \"1e400\\\\\\\"\" },\n"
    "  \"future\": [ 12, -3.5e2, \"\\\\\\\\\" ]";
  g_autofree char *folder = g_dir_make_tmp ("cmio-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "progress.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CmioProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = g_strconcat (strings, " }", NULL);
  cmio_test_write_file (path, text, -1);
  progress = cmio_store_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cmio_progress_get_profile (progress, "name"), ==, "Ada \" 99999999999999999999999 \" 1e400");
  g_assert_cmpstr (cmio_progress_get_profile (progress, "organization"), ==, "back\\");
  g_clear_object (&progress);

  g_free (text);
  text = g_strconcat (strings, ",\n  \"later\": 99999999999999999999999 }", NULL);
  cmio_test_write_file (path, text, -1);
  progress = cmio_store_read_file (file, &error);
  g_assert_null (progress);
  g_assert_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "line 5: the number 99999999999999999999999 is too large");

  g_unlink (path);
  g_rmdir (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/cmio/store/damage/", damage_cases[i].name, NULL);

      g_test_add_data_func (test_path, &damage_cases[i], test_damage);
    }
  g_test_add_func ("/cmio/store/damage/50-mb-file", test_damage_huge_file);
  g_test_add_func ("/cmio/store/numbers-in-strings", test_numbers_in_strings);
  g_test_add_func ("/cmio/store/newer-version", test_newer_version);
  g_test_add_func ("/cmio/store/newer-version-unreadable", test_newer_version_unreadable);

  return g_test_run ();
}

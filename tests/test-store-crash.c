/* test-store-crash.c — the progress store: crashes, full disks and what they leave behind
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "cmio-store.h"
#include "cmio-store-private.h"
#include "cmio-test-core.h"

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

static char *self_path;

/* Write functions, the seam for making saves fail */

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

/* Temporary files */

static void
test_stale_temporaries (void)
{
  g_autofree char *path = cmio_test_progress_path ("stale");
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *stale = g_build_filename (folder, ".progress.json.Ab12Cd", NULL);
  g_autofree char *other = g_build_filename (folder, "notes-of-mine.txt", NULL);
  g_autoptr(CmioStore) store = NULL;

  /* A save killed half-way left its temporary file; loading clears it,
   * and nothing else. */
  cmio_test_write_file (path, "{\"format\": \"cmio-handbook-progress\", \"version\": 1}", -1);
  cmio_test_write_file (stale, "{\"format\": \"cmio-handb", -1);
  cmio_test_write_file (other, "mine", -1);

  store = cmio_test_load_store (path, CMIO_STORE_LOADED);
  g_assert_false (cmio_test_file_exists (stale));
  g_assert_true (cmio_test_file_exists (other));
  g_assert_true (cmio_test_file_exists (path));
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
  g_autofree char *backup_path = cmio_test_sibling_path (path, ".bak");
  g_autofree char *listing_after = cmio_test_folder_listing_of_file (path);

  cmio_test_assert_file_bytes (path, file_bytes);
  cmio_test_assert_file_bytes (backup_path, backup_bytes);
  g_assert_cmpstr (listing_after, ==, listing);
  g_assert_true (cmio_store_get_dirty (store));
  g_assert_cmpstr (cmio_progress_get_profile (cmio_store_get_progress (store), "name"), ==,
                   name_in_memory);
}

static void
test_save_failure_no_space (void)
{
  g_autofree char *path = cmio_test_progress_path ("full");
  g_autofree char *backup_path = cmio_test_sibling_path (path, ".bak");
  g_autoptr(CmioStore) store = cmio_test_load_store (path, CMIO_STORE_LOADED_FRESH);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  g_autofree char *listing = NULL;
  int calls = 0;

  cmio_test_set_name (store, "first");
  cmio_test_save_now (store);
  first = cmio_test_read_file (path);
  cmio_test_set_name (store, "second");
  cmio_test_save_now (store);
  second = cmio_test_read_file (path);
  listing = cmio_test_folder_listing_of_file (path);
  g_assert_cmpstr (listing, ==, "progress.json progress.json.bak");

  /* cmio_test_save_now */
  cmio_store_set_write_func (store, write_no_space, &calls);
  cmio_test_set_name (store, "third");
  g_assert_false (cmio_store_save_now (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpint (calls, ==, 1);
  g_assert_nonnull (cmio_store_get_save_error (store));
  g_assert_nonnull (strstr (cmio_store_get_save_error (store), "No space left on device"));
  assert_failed_save (store, path, second, first, listing, "third");

  /* The save after a change, in the background, fails the same way. */
  cmio_test_set_name (store, "fourth");
  g_assert_true (cmio_test_iterate_until (two_calls, &calls, 5000));
  g_assert_false (cmio_store_flush (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpint (calls, ==, 3);
  g_assert_nonnull (strstr (cmio_store_get_save_error (store), "No space left on device"));
  assert_failed_save (store, path, second, first, listing, "fourth");

  /* With space again, the next change saves, and the error is gone. */
  cmio_store_set_write_func (store, NULL, NULL);
  cmio_test_set_name (store, "fifth");
  g_assert_true (cmio_test_iterate_until (saved_cleanly, store, 5000));
  on_disk = cmio_test_read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "fifth");
  g_clear_object (&on_disk);
  cmio_test_assert_file_bytes (backup_path, second);

  /* And so does Retry, that is cmio_test_save_now, without a change. */
  cmio_store_set_write_func (store, write_no_space, &calls);
  cmio_test_set_name (store, "sixth");
  g_assert_false (cmio_store_save_now (store, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_nonnull (cmio_store_get_save_error (store));
  cmio_store_set_write_func (store, NULL, NULL);
  cmio_test_save_now (store);
  on_disk = cmio_test_read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "sixth");
  g_assert_cmpuint (g_atomic_int_get (&calls), ==, 4);
}

static void
test_save_failure_read_only_folder (void)
{
  g_autofree char *path = cmio_test_progress_path ("locked");
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

  store = cmio_test_load_store (path, CMIO_STORE_LOADED_FRESH);
  cmio_test_set_name (store, "first");
  cmio_test_save_now (store);
  first = cmio_test_read_file (path);
  listing = cmio_test_folder_listing (folder);

  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);
  cmio_test_set_name (store, "second");
  ok = cmio_store_save_now (store, &error);
  /* Let the test's folder be cleaned up whatever happened. */
  g_assert_cmpuint (cmio_test_file_mode (folder), ==, 0500);
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_test_message ("read-only folder: %s", error->message);
  g_clear_error (&error);
  g_assert_nonnull (cmio_store_get_save_error (store));
  g_assert_true (cmio_store_get_dirty (store));
  cmio_test_assert_file_bytes (path, first);
  listing_after = cmio_test_folder_listing (folder);
  g_assert_cmpstr (listing_after, ==, listing);

  cmio_test_save_now (store);
  on_disk = cmio_test_read_progress (path);
  g_assert_cmpstr (cmio_progress_get_profile (on_disk, "name"), ==, "second");
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
  g_autoptr(CmioProgress) progress = cmio_test_read_progress (path);
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
  g_autofree char *path = cmio_test_progress_path ("crash");
  g_autofree char *backup_path = cmio_test_sibling_path (path, ".bak");
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

      if (!cmio_test_file_exists (path))
        {
          /* Killed before the first save: nothing is half there. */
          g_assert_false (have_state);
          g_assert_false (cmio_test_file_exists (backup_path));
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

          if (cmio_test_file_exists (backup_path))
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

  g_test_add_func ("/cmio/store/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/cmio/store/save-failure/no-space", test_save_failure_no_space);
  g_test_add_func ("/cmio/store/save-failure/read-only-folder", test_save_failure_read_only_folder);
  g_test_add_func ("/cmio/store/crash", test_crash);

  return g_test_run ();
}

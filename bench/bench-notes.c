/* bench-notes.c — typing in a 1 MB chapter note, and its autosave
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real app on a progress file whose first chapter has a note of
 * just under CMIO_PROGRESS_MAX_TEXT bytes (lines of about 80 characters of
 * Markdown), opens that chapter with its note shown, and once the
 * chapter's text is ready, focuses the note with the cursor at the end of
 * its text; the app's own CmioStore saves as it does for the user. Then, in
 * every round:
 *
 *   note_keystroke_ms   one character inserted at the cursor as the keyboard
 *                       does (gtk_text_buffer_insert_interactive_at_cursor),
 *                       timed until the main loop has run the editor's idle
 *                       commit, so that the model's note text is the
 *                       buffer's text; KEYSTROKES per round, median of all
 *   note_save_block_ms  the longest the main loop stalls while the store
 *                       saves that progress: a 1 ms timeout on the main loop
 *                       from 100 ms before the store's debounce fires until
 *                       the first dispatch after the save has finished (the
 *                       store's "dirty" back to FALSE), the largest gap
 *                       between two of its dispatches; median of the rounds
 *
 * One warm-up round comes first and is not counted. Usage:
 * bench-notes [ROUNDS] (default 9).
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "bench-stats.h"
#include "cmio-application.h"
#include "cmio-chapter-page.h"
#include "cmio-note-editor.h"
#include "cmio-store.h"
#include "cmio-window.h"

#define CHAPTER "what-is-a-cmio"
#define KEYSTROKES 5
/* Between two keystrokes: a quick typist. */
#define KEYSTROKE_INTERVAL_MS 40
/* How long before the store's debounce fires the stall watch starts: after
 * the last keystroke's own redraw and re-highlighting. */
#define WATCH_LEAD_MS 100
/* Between a save's end and the next round's first keystroke. */
#define ROUND_PAUSE_MS 300
/* From the chapter's text being ready (loaded and painted) and the note
 * focused to the first keystroke: the note's 1 MB is laid out and
 * highlighted. */
#define SETTLE_MS 2000
#define MAX_SCROLL_TRIES 3   /* "three times" in the message below */
#define READY_TIMEOUT_MS 15000
/* A keystroke not in the model, or a save not finished, by then is a
 * failure. */
#define KEYSTROKE_TIMEOUT_MS 5000
#define SAVE_TIMEOUT_MS 10000

static guint n_rounds = 9;
static guint round_index;   /* 0 is the warm-up */
static guint keystroke_index;
static guint total_keystrokes;

static CmioApplication *app;
static CmioStore *store;
static CmioProgress *progress;
static CmioNoteEditor *editor;
static CmioReaderView *reader;
static gint64 ready_wait_started;
static guint scroll_tries;
static GtkTextBuffer *buffer;
static char *note_id;

static GArray *keystrokes;  /* ms */
static GArray *blocks;      /* ms */

/* The note's "changed" signal for our note was emitted. */
static gboolean note_changed;

/* The stall watch */
static guint tick_source;
static guint timeout_source;
static gint64 last_tick;
static gint64 watch_started;
static gint64 longest_gap;
static gboolean save_done;
static gulong dirty_handler;

static void next_round (void);

static GtkWindow *
window (void)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

static void
fail (const char *message)
{
  g_printerr ("bench-notes: %s\n", message);
  exit (1);
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
buffer_text (void)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static gboolean
model_matches_buffer (void)
{
  g_autofree char *text = buffer_text ();

  return g_strcmp0 (cmio_progress_get_note_field (progress, note_id, "text"), text) == 0;
}

/* Connected after the app's own handlers, so it runs after them. */
static void
progress_changed_cb (CmioProgress *self,
                     const char   *section,
                     const char   *id)
{
  if (g_strcmp0 (id, note_id) == 0)
    note_changed = TRUE;
}

/* Note saving: the stall watch */

static void
stop_watch (void)
{
  g_clear_handle_id (&tick_source, g_source_remove);
  g_clear_handle_id (&timeout_source, g_source_remove);
  g_clear_signal_handler (&dirty_handler, store);
}

static gboolean
next_round_cb (gpointer data)
{
  next_round ();
  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  longest_gap = MAX (longest_gap, now - last_tick);
  last_tick = now;

  /* This dispatch is the first after the save finished: the gap just
   * measured includes the store's completion on the main thread. */
  if (save_done)
    {
      double ms = longest_gap / 1000.0;

      tick_source = 0;
      stop_watch ();
      g_printerr ("round %u: longest stall %.1f ms in the %.0f ms from the watch's start to the save's end\n",
                  round_index, ms, (now - watch_started) / 1000.0);
      if (round_index > 0)
        g_array_append_val (blocks, ms);
      round_index++;
      g_timeout_add (ROUND_PAUSE_MS, next_round_cb, NULL);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
dirty_changed_cb (CmioStore  *self,
                  GParamSpec *pspec,
                  gpointer    data)
{
  if (cmio_store_get_dirty (store))
    return;

  if (cmio_store_get_save_error (store) != NULL)
    {
      g_autofree char *message = g_strdup_printf ("the save failed: %s", cmio_store_get_save_error (store));

      fail (message);
    }

  save_done = TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  timeout_source = 0;
  fail ("the store did not finish saving in time");
  return G_SOURCE_REMOVE;
}

static gboolean
start_watch_cb (gpointer data)
{
  if (!cmio_store_get_dirty (store))
    fail ("the store saved before the watch started");

  longest_gap = 0;
  save_done = FALSE;
  dirty_handler = g_signal_connect (store, "notify::dirty", G_CALLBACK (dirty_changed_cb), NULL);
  timeout_source = g_timeout_add (SAVE_TIMEOUT_MS, save_timeout_cb, NULL);
  watch_started = last_tick = g_get_monotonic_time ();
  tick_source = g_timeout_add (1, tick_cb, NULL);
  return G_SOURCE_REMOVE;
}

/* Typing */

static gboolean
keystroke_cb (gpointer data)
{
  static const char letters[] = "notes";
  char letter[2] = { letters[total_keystrokes % (sizeof letters - 1)], '\0' };
  gint64 started;
  gint64 finished = 0;
  double ms;

  note_changed = FALSE;
  started = g_get_monotonic_time ();
  if (!gtk_text_buffer_insert_interactive_at_cursor (buffer, letter, 1, TRUE))
    fail ("the note is not editable");

  /* Until the editor's idle commit has run and the model has the text. */
  for (;;)
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () - started > KEYSTROKE_TIMEOUT_MS * 1000)
        fail ("the keystroke did not reach the model");
      if (!note_changed)
        continue;
      finished = g_get_monotonic_time ();
      if (model_matches_buffer ())
        break;
      note_changed = FALSE;
    }

  ms = (finished - started) / 1000.0;
  g_printerr ("round %u, keystroke %u: %.1f ms\n", round_index, keystroke_index, ms);
  total_keystrokes++;
  if (round_index > 0)
    g_array_append_val (keystrokes, ms);

  if (++keystroke_index < KEYSTROKES)
    {
      g_timeout_add (KEYSTROKE_INTERVAL_MS, keystroke_cb, NULL);
      return G_SOURCE_REMOVE;
    }

  /* The last change of the round restarted the store's debounce just now
   * (inside the commit); the watch starts a little before it fires. */
  if (!cmio_store_get_dirty (store))
    fail ("the note's change did not reach the store");
  g_timeout_add (CMIO_STORE_SAVE_DELAY_MS - WATCH_LEAD_MS, start_watch_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
finish (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  g_autofree char *text = buffer_text ();
  const char *id;

  /* What the saves wrote is what was typed. */
  on_disk = cmio_store_read_file (cmio_store_get_file (store), &error);
  if (on_disk == NULL)
    fail (error->message);
  id = cmio_progress_find_chapter_note (on_disk, CHAPTER);
  if (id == NULL || g_strcmp0 (cmio_progress_get_note_field (on_disk, id, "text"), text) != 0)
    fail ("the saved note is not the text in the editor");
  g_printerr ("note: %" G_GSIZE_FORMAT " bytes, %u keystrokes\n", strlen (text), total_keystrokes);

  bench_print_ms ("note_keystroke_ms", bench_median (keystrokes));
  bench_print_ms ("note_save_block_ms", bench_median (blocks));
  g_application_quit (G_APPLICATION (app));
}

static void
next_round (void)
{
  if (round_index > n_rounds)
    {
      finish ();
      return;
    }

  keystroke_index = 0;
  g_timeout_add (KEYSTROKE_INTERVAL_MS, keystroke_cb, NULL);
}

/* Setting up */

static gboolean
start_cb (gpointer data)
{
  g_autofree char *text = buffer_text ();
  GtkTextView *view = data;
  GdkRectangle visible;
  GdkRectangle cursor;
  GtkTextIter iter;

  if (g_strcmp0 (cmio_note_editor_get_chapter (editor), CHAPTER) != 0)
    fail ("the chapter's note is not shown");
  if (g_strcmp0 (cmio_progress_get_note_field (progress, note_id, "text"), text) != 0)
    fail ("the editor does not hold the chapter's note");
  if (cmio_store_get_dirty (store))
    fail ("the store has unsaved changes before the first keystroke");
  if (!gtk_widget_get_mapped (GTK_WIDGET (editor)))
    fail ("the note editor is not on screen");
  if (!gtk_widget_is_focus (GTK_WIDGET (view)))
    fail ("the note is not the window's focus");
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &iter, &cursor);
  gtk_text_view_get_visible_rect (view, &visible);
  if (!gtk_text_iter_is_end (&iter))
    fail ("the cursor is not at the end of the note");
  if (cursor.y < visible.y || cursor.y + cursor.height > visible.y + visible.height)
    {
      /* GTK 4.8 can drop a scroll asked for within about two seconds of
       * the note's highlighting being switched on, with a note this long;
       * one would scroll again. */
      if (++scroll_tries > MAX_SCROLL_TRIES)
        fail ("the cursor is not on screen after scrolling to it three times");
      g_printerr ("note: the cursor was not on screen (%d, view at %d); scrolling again\n",
                  cursor.y, visible.y);
      gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (buffer), 0, FALSE, 0, 0);
      g_timeout_add (SETTLE_MS / 2, start_cb, data);
      return G_SOURCE_REMOVE;
    }
  g_printerr ("note editor: %d×%d, %d characters in the buffer, window %s\n",
              gtk_widget_get_width (GTK_WIDGET (editor)), gtk_widget_get_height (GTK_WIDGET (editor)),
              gtk_text_buffer_get_char_count (buffer),
              gtk_window_is_active (window ()) ? "active" : "not active");

  next_round ();
  return G_SOURCE_REMOVE;
}

/* The chapter's text takes the focus once it has loaded, so the note is
 * clicked into after that, as one would; scrolling to the cursor waits for
 * the note to be on screen and laid out, or it is lost. */
static gboolean
wait_ready_cb (gpointer data)
{
  if (!cmio_reader_view_is_ready (reader))
    {
      if (g_get_monotonic_time () - ready_wait_started > READY_TIMEOUT_MS * 1000)
        fail ("the chapter did not load");
      return G_SOURCE_CONTINUE;
    }

  gtk_widget_grab_focus (GTK_WIDGET (data));
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (data), gtk_text_buffer_get_insert (buffer),
                                0, FALSE, 0, 0);
  g_timeout_add (SETTLE_MS, start_cb, data);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (CmioWindow *win,
                gpointer    data)
{
  g_autofree char *page = g_strconcat ("chapter:", CHAPTER, NULL);
  GtkWidget *chapter_page;
  GtkWidget *view;
  GtkTextIter end;

  store = cmio_application_get_store (app);
  progress = cmio_store_get_progress (store);
  note_id = g_strdup (cmio_progress_find_chapter_note (progress, CHAPTER));
  if (note_id == NULL)
    fail ("the progress has no note for the chapter");

  /* The chapter, its note shown (beside or below the text, as the
   * window's width has it), and the cursor at the end of the note, where
   * one goes on writing. */
  if (!gtk_widget_activate_action (GTK_WIDGET (win), "win.show-page", "s", page))
    fail ("win.show-page failed");
  chapter_page = find_descendant (GTK_WIDGET (win), CMIO_TYPE_CHAPTER_PAGE);
  if (chapter_page == NULL)
    fail ("no chapter page in the window");
  editor = cmio_chapter_page_get_note (CMIO_CHAPTER_PAGE (chapter_page));
  reader = cmio_chapter_page_get_reader (CMIO_CHAPTER_PAGE (chapter_page));
  cmio_chapter_page_show_side (CMIO_CHAPTER_PAGE (chapter_page), "note");
  buffer = cmio_note_editor_get_buffer (editor);
  view = find_descendant (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  g_signal_connect_after (progress, "changed", G_CALLBACK (progress_changed_cb), NULL);
  ready_wait_started = g_get_monotonic_time ();
  g_timeout_add (50, wait_ready_cb, view);
}

static void
activate_cb (GApplication *application)
{
  g_signal_connect (window (), "first-frame", G_CALLBACK (first_frame_cb), NULL);
}

/* Markdown in lines of about 80 characters, up to @limit bytes. */
static char *
make_note (gsize limit)
{
  static const char * const words[] = {
    "the", "CIO", "*EHR*", "upgrade", "budget", "clinicians", "order", "sets", "**alert**",
    "fatigue", "governance", "committee", "`HL7`", "interface", "nursing", "workflow", "go-live",
    "training", "physician", "champions", "decision", "rights", "and", "of", "to", "with",
    "downtime", "procedures", "[policy](https://example.org/policy)", "quality", "measures",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  GRand *pick = g_rand_new_with_seed (42);
  guint n = 0;

  for (;;)
    {
      g_string_truncate (line, 0);
      switch (n++ % 12)
        {
        case 0:
          g_string_append_printf (line, "## Meeting %u", n);
          break;
        case 1:
        case 6:
          break;
        default:
          if (n % 3 == 0)
            g_string_append (line, "- ");
          while (line->len < 72)
            {
              g_string_append (line, words[g_rand_int_range (pick, 0, G_N_ELEMENTS (words))]);
              g_string_append_c (line, ' ');
            }
          g_string_truncate (line, line->len - 1);
          break;
        }
      g_string_append_c (line, '\n');

      if (text->len + line->len > limit)
        break;
      g_string_append_len (text, line->str, line->len);
    }

  g_rand_free (pick);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The progress the app will load: a start date (no welcome window) and the
 * chapter's note, written by the store itself. */
static void
write_progress (void)
{
  g_autoptr(GFile) file = cmio_store_get_default_file ();
  g_autoptr(CmioStore) seed = cmio_store_new (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  /* Room for every keystroke of the run, and a little more. */
  g_autofree char *text = make_note (CMIO_PROGRESS_MAX_TEXT - (n_rounds + 1) * KEYSTROKES - 64);
  CmioProgress *seed_progress;

  if (g_file_query_exists (file, NULL))
    fail ("there is a progress file already; run with a data folder of its own");

  cmio_store_load (seed);
  seed_progress = cmio_store_get_progress (seed);
  if (!cmio_progress_set_profile (seed_progress, "start_date", "2026-11-02", &error) ||
      (id = cmio_progress_add_note (seed_progress, CHAPTER, NULL, text, &error)) == NULL ||
      !cmio_store_save_now (seed, &error))
    fail (error->message);
  g_printerr ("note: %" G_GSIZE_FORMAT " bytes in %s\n", strlen (text), g_file_peek_path (file));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (argc > 1)
    n_rounds = MAX (1, atoi (argv[1]));

  /* bench/run gives every run a data folder of its own. */
  write_progress ();

  keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  blocks = g_array_new (FALSE, FALSE, sizeof (double));
  app = cmio_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_object_unref (app);
  g_array_unref (keystrokes);
  g_array_unref (blocks);
  g_free (note_id);
  return status;
}

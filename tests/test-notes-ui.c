/* test-notes-ui.c — a chapter's note beside its text
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <webkit/webkit.h>
#include <string.h>

#include "cmio-application.h"
#include "cmio-chapter-page.h"
#include "cmio-note-editor.h"
#include "cmio-notes-page.h"
#include "cmio-reader-view.h"
#include "cmio-test-util.h"
#include "cmio-welcome-window.h"
#include "cmio-window.h"

static CmioApplication *app;
static GPtrArray *launched;

static GtkTextView *
note_view (CmioWindow *window)
{
  return GTK_TEXT_VIEW (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_TEXT_VIEW, "note"));
}

static void
show_chapter (CmioWindow *window,
              const char *chapter_id)
{
  g_autofree char *page = g_strconcat ("chapter:", chapter_id, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  cmio_test_iterate (50);
  g_assert_cmpstr (cmio_note_editor_get_chapter (CMIO_NOTE_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (note_view (window)),
                                                                                         CMIO_TYPE_NOTE_EDITOR))),
                   ==, chapter_id);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static const char *
chapter_note_text (const char *chapter_id)
{
  CmioProgress *progress = cmio_test_progress (app);
  const char *id = cmio_progress_find_chapter_note (progress, chapter_id);

  return id ? cmio_progress_get_note_field (progress, id, "text") : NULL;
}

/* Types as the keyboard does, at the cursor. */
static void
type_text (GtkTextView *view,
           const char  *text)
{
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (view), text, -1, TRUE);
}

static void
close_welcome (void)
{
  GtkWindow *welcome;

  if (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (CMIO_TYPE_WELCOME_WINDOW), 3000))
    {
      welcome = cmio_test_find_toplevel (CMIO_TYPE_WELCOME_WINDOW);
      gtk_window_close (welcome);
      cmio_test_iterate (100);
    }
}

/* Tests */

static void
test_notes_ui_typing_reaches_file (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioStore *store = cmio_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  GtkTextView *view;
  GtkLabel *state;
  const char *id;

  close_welcome ();
  show_chapter (window, "cmio-vs-cio");
  view = note_view (window);
  g_assert_nonnull (view);
  g_assert_true (gtk_text_view_get_editable (view));
  g_assert_null (chapter_note_text ("cmio-vs-cio"));

  /* An empty note is not kept until something is written. */
  type_text (view, "Ask the CIO about the EHR upgrade budget.");
  cmio_test_iterate (50);
  g_assert_cmpstr (chapter_note_text ("cmio-vs-cio"), ==, "Ask the CIO about the EHR upgrade budget.");

  /* A quiet word says it is on its way to disk... */
  state = GTK_LABEL (cmio_test_find_named (gtk_widget_get_ancestor (GTK_WIDGET (view), CMIO_TYPE_NOTE_EDITOR),
                                           GTK_TYPE_LABEL, "save-state"));
  g_assert_cmpstr (gtk_label_get_text (state), ==, "Saving…");

  /* ...and after the store's debounce it is on disk, without a flush. */
  cmio_test_iterate (900);
  g_assert_cmpstr (gtk_label_get_text (state), ==, "Saved");
  on_disk = cmio_store_read_file (cmio_store_get_file (store), &error);
  g_assert_no_error (error);
  id = cmio_progress_find_chapter_note (on_disk, "cmio-vs-cio");
  g_assert_nonnull (id);
  g_assert_cmpstr (cmio_progress_get_note_field (on_disk, id, "text"), ==,
                   "Ask the CIO about the EHR upgrade budget.");
  g_assert_false (cmio_progress_get_note_shared (on_disk, id));
}

static void
test_notes_ui_per_chapter (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;
  g_autofree char *after_undo = NULL;
  GtkTextView *view;

  show_chapter (window, "cmio-vs-cio");
  view = note_view (window);
  first = buffer_text (gtk_text_view_get_buffer (view));
  g_assert_cmpstr (first, ==, chapter_note_text ("cmio-vs-cio"));

  /* Another chapter has its own, empty note... */
  show_chapter (window, "what-is-a-cmio");
  other = buffer_text (gtk_text_view_get_buffer (view));
  g_assert_cmpstr (other, ==, "");

  /* ...and Undo there cannot bring back the other chapter's text. */
  g_assert_false (gtk_text_buffer_get_can_undo (gtk_text_view_get_buffer (view)));
  gtk_widget_activate_action (GTK_WIDGET (view), "text.undo", NULL);
  after_undo = buffer_text (gtk_text_view_get_buffer (view));
  g_assert_cmpstr (after_undo, ==, "");

  /* Back again, the text is there. */
  show_chapter (window, "cmio-vs-cio");
  g_free (first);
  first = buffer_text (gtk_text_view_get_buffer (view));
  g_assert_cmpstr (first, ==, "Ask the CIO about the EHR upgrade budget.");
}

static GtkShortcutController *
find_capture_shortcuts (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        return GTK_SHORTCUT_CONTROLLER (controller);
    }

  return NULL;
}

static const char *
action_for_key (GtkShortcutController *controller,
                guint                  key)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
      GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

      if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
          gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == key &&
          gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_CONTROL_MASK &&
          GTK_IS_NAMED_ACTION (action))
        return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
    }

  return NULL;
}

static void
test_notes_ui_formatting (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkWidget *editor;
  GtkShortcutController *shortcuts;
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;
  g_autofree char *selected = NULL;

  show_chapter (window, "what-does-a-cmio-do");
  view = note_view (window);
  buffer = gtk_text_view_get_buffer (view);
  type_text (view, "budget and staff");

  /* Ctrl+B and Ctrl+I are bound to the editor's actions... */
  editor = gtk_widget_get_ancestor (GTK_WIDGET (view), CMIO_TYPE_NOTE_EDITOR);
  g_assert_nonnull (editor);
  shortcuts = find_capture_shortcuts (editor);
  g_assert_nonnull (shortcuts);
  g_assert_cmpstr (action_for_key (shortcuts, GDK_KEY_b), ==, "note.bold");
  g_assert_cmpstr (action_for_key (shortcuts, GDK_KEY_i), ==, "note.italic");

  /* ...which wrap the selection and keep it selected. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 6);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (editor, "note.bold", NULL));
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, "**budget** and staff");
  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  selected = gtk_text_iter_get_text (&start, &end);
  g_assert_cmpstr (selected, ==, "budget");

  /* With nothing selected, an empty pair with the cursor inside. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_assert_true (gtk_widget_activate_action (editor, "note.italic", NULL));
  type_text (view, "now");
  g_free (text);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, "**budget** and staff_now_");

  /* One Undo takes back the whole wrap, as it was one action. */
  gtk_text_buffer_undo (buffer);
  gtk_text_buffer_undo (buffer);
  g_free (text);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, "**budget** and staff");
  cmio_test_iterate (50);
  g_assert_cmpstr (chapter_note_text ("what-does-a-cmio-do"), ==, "**budget** and staff");
}

static void
test_notes_ui_undo_in_note (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  GtkTextView *view;
  g_autofree char *text = NULL;

  show_chapter (window, "daily-schedule");
  view = note_view (window);
  /* The note is the second tab beside the text. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  cmio_chapter_page_show_side (CMIO_CHAPTER_PAGE (cmio_test_find_descendant (GTK_WIDGET (window),
                                                                             CMIO_TYPE_CHAPTER_PAGE)),
                               "note");
  cmio_test_iterate (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  cmio_test_iterate (50);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));

  type_text (view, "Morning huddle at 7:30");
  /* Ctrl+Z, the window's undo, undoes the typing while the note has focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  text = buffer_text (gtk_text_view_get_buffer (view));
  g_assert_cmpstr (text, ==, "");
}

static void
test_notes_ui_share (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioProgress *progress = cmio_test_progress (app);
  GtkCheckButton *share;
  const char *id;

  show_chapter (window, "cmio-vs-cio");
  share = GTK_CHECK_BUTTON (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_CHECK_BUTTON, "share"));
  g_assert_nonnull (share);
  g_assert_false (gtk_check_button_get_active (share));

  gtk_check_button_set_active (share, TRUE);
  id = cmio_progress_find_chapter_note (progress, "cmio-vs-cio");
  g_assert_true (cmio_progress_get_note_shared (progress, id));

  /* A chapter without a note shows it private; sharing it keeps an empty note. */
  show_chapter (window, "hard-skills");
  g_assert_false (gtk_check_button_get_active (share));
  g_assert_null (cmio_progress_find_chapter_note (progress, "hard-skills"));
  gtk_check_button_set_active (share, TRUE);
  id = cmio_progress_find_chapter_note (progress, "hard-skills");
  g_assert_nonnull (id);
  g_assert_true (cmio_progress_get_note_shared (progress, id));

  show_chapter (window, "cmio-vs-cio");
  g_assert_true (gtk_check_button_get_active (share));
}

static void
test_notes_ui_size_limit (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GString *big = g_string_new (NULL);
  g_autofree char *text = NULL;

  show_chapter (window, "first-90-days");
  view = note_view (window);
  buffer = gtk_text_view_get_buffer (view);

  /* Just under 1 MB, in lines, fits. */
  while (big->len + 80 <= CMIO_PROGRESS_MAX_TEXT - 10)
    g_string_append (big, "A line of notes about the first ninety days, written while reading the text.\n");
  type_text (view, big->str);
  cmio_test_iterate (50);
  g_assert_cmpuint (strlen (chapter_note_text ("first-90-days")), ==, big->len);

  /* A paste that would pass the limit is refused, and the note is unchanged. */
  type_text (view, "This paste is one line too many for a single note, so it is refused.");
  cmio_test_iterate (50);
  text = buffer_text (buffer);
  g_assert_cmpuint (strlen (text), ==, big->len);
  g_assert_cmpstr (chapter_note_text ("first-90-days"), ==, big->str);
  g_assert_cmpstr (cmio_window_get_last_toast (window), ==, "Not added: a note holds at most 1 MB of text");

  /* Pasting over a selection: the paste is refused and the selection,
   * deleted first as GTK does, comes back. */
  {
    GtkTextIter start;
    GtkTextIter end;
    g_autofree char *after = NULL;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, 2);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, 6);
    gtk_text_buffer_select_range (buffer, &start, &end);
    gtk_text_buffer_begin_user_action (buffer);
    gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
    type_text (view, "A paste far longer than the four characters it replaces, so it is refused.");
    gtk_text_buffer_end_user_action (buffer);
    cmio_test_iterate (50);
    after = buffer_text (buffer);
    g_assert_cmpstr (after, ==, big->str);
    g_assert_cmpstr (chapter_note_text ("first-90-days"), ==, big->str);
  }

  /* Deleting makes room again. */
  gtk_text_buffer_set_text (buffer, "", -1);
  type_text (view, "Short again.");
  cmio_test_iterate (50);
  g_assert_cmpstr (chapter_note_text ("first-90-days"), ==, "Short again.");

  g_string_free (big, TRUE);
}


static GtkListBox *
notes_list (CmioWindow *window)
{
  return GTK_LIST_BOX (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "notes"));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (list, n)) != NULL;)
    n++;

  return n;
}

/* The first label of a row: the note's title as shown. */
static const char *
row_title (GtkListBox *list,
           guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return gtk_label_get_label (GTK_LABEL (cmio_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL)));
}

static void
click (CmioWindow *window,
       const char *name)
{
  GtkWidget *button = cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_BUTTON, name);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  cmio_test_iterate (50);
}

static void
test_notes_ui_notes_page (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioProgress *progress = cmio_test_progress (app);
  GtkListBox *list;
  GtkSearchEntry *search;
  GtkEditable *title;
  GtkTextView *editor;
  guint n_before;
  guint n_notes;
  const char *id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "notes"));
  cmio_test_iterate (100);
  g_assert_cmpstr (cmio_window_get_page (window), ==, "notes");
  list = notes_list (window);
  g_assert_nonnull (list);

  /* Every note, newest first. */
  n_notes = cmio_progress_get_n_notes (progress);
  g_assert_cmpuint (n_notes, >=, 4);
  g_assert_cmpuint (count_rows (list), ==, n_notes);
  for (guint i = 1; i < n_notes; i++)
    {
      const char *newer = gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i - 1)));
      const char *older = gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (list, i)));

      g_assert_cmpstr (cmio_progress_get_note_field (progress, newer, "updated_at"), >=,
                       cmio_progress_get_note_field (progress, older, "updated_at"));
    }

  /* Search looks in the text. */
  search = GTK_SEARCH_ENTRY (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, "notes-search"));
  gtk_editable_set_text (GTK_EDITABLE (search), "ehr UPGRADE");
  g_signal_emit_by_name (search, "search-changed");
  cmio_test_iterate (50);
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_cmpstr (row_title (list, 0), ==, "Note on “CMIO vs. CIO”");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  cmio_test_iterate (50);
  n_before = count_rows (list);

  /* A new free note: a title (markup stays text), then words. */
  click (window, "new-note");
  title = GTK_EDITABLE (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_ENTRY, "note-title"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (title)));
  gtk_editable_set_text (title, "People <b>to</b> meet");
  editor = GTK_TEXT_VIEW (cmio_test_find_named (GTK_WIDGET (cmio_test_find_descendant (GTK_WIDGET (window),
                                                                                        CMIO_TYPE_NOTES_PAGE)),
                                                GTK_TYPE_TEXT_VIEW, "note"));
  type_text (editor, "Dr. Lee, pharmacy informatics");
  click (window, "all-notes");
  g_assert_cmpuint (count_rows (list), ==, n_before + 1);
  g_assert_cmpstr (row_title (list, 0), ==, "People <b>to</b> meet");
  id = gtk_widget_get_name (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_cmpstr (cmio_progress_get_note_field (progress, id, "text"), ==, "Dr. Lee, pharmacy informatics");
  g_assert_null (cmio_progress_get_note_field (progress, id, "chapter"));

  /* A new note left empty is not kept. */
  click (window, "new-note");
  click (window, "all-notes");
  g_assert_cmpuint (count_rows (list), ==, n_before + 1);
  g_assert_cmpuint (cmio_progress_get_n_notes (progress), ==, n_notes + 1);

  /* Delete, with Undo. */
  g_signal_emit_by_name (cmio_test_find_descendant (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)),
                                                    GTK_TYPE_BUTTON), "clicked");
  cmio_test_iterate (50);
  g_assert_cmpuint (count_rows (list), ==, n_before);
  g_assert_cmpstr (cmio_window_get_last_toast (window), ==, "Note deleted");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  cmio_test_iterate (50);
  g_assert_cmpuint (count_rows (list), ==, n_before + 1);
  g_assert_cmpstr (row_title (list, 0), ==, "People <b>to</b> meet");

  /* A chapter's note opens beside its chapter. */
  for (guint i = 0; i < count_rows (list); i++)
    if (g_strcmp0 (row_title (list, i), "Note on “CMIO vs. CIO”") == 0)
      g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, i));
  cmio_test_iterate (300);
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:cmio-vs-cio");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (note_view (window))));
}

static gboolean
editor_highlighting (gpointer data)
{
  return cmio_note_editor_get_highlighting (data);
}

static const char *
scheme_id (CmioNoteEditor *editor)
{
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (cmio_note_editor_get_buffer (editor));
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (buffer);

  return scheme ? gtk_source_style_scheme_get_id (scheme) : NULL;
}

/* Markdown highlighting costs GtkSourceView's managers a read of every
 * definition file, so it waits until an editor is shown, or until the
 * window asks for it when idle, and then follows light and dark. */
static void
test_notes_ui_highlighting (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  CmioNoteEditor *shown = g_object_ref_sink (g_object_new (CMIO_TYPE_NOTE_EDITOR, NULL));
  CmioNoteEditor *idle = g_object_ref_sink (g_object_new (CMIO_TYPE_NOTE_EDITOR, NULL));
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (cmio_note_editor_get_buffer (shown));
  GtkWindow *window;

  g_assert_false (cmio_note_editor_get_highlighting (shown));
  g_assert_null (gtk_source_buffer_get_language (buffer));
  cmio_test_iterate (100);
  g_assert_false (cmio_note_editor_get_highlighting (shown));

  /* Shown: highlighted at once, in the current style */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, GTK_WIDGET (shown));
  gtk_window_present (window);
  g_assert_true (cmio_test_wait_for (editor_highlighting, shown, 3000));
  g_assert_cmpstr (gtk_source_language_get_id (gtk_source_buffer_get_language (buffer)), ==, "markdown");
  g_assert_cmpstr (scheme_id (shown), ==, "Adwaita");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  cmio_test_iterate (50);
  g_assert_cmpstr (scheme_id (shown), ==, "Adwaita-dark");

  /* Not shown, but asked to get ready: highlighted when idle */
  g_assert_false (cmio_note_editor_get_highlighting (idle));
  cmio_note_editor_prepare (idle);
  g_assert_true (cmio_test_wait_for (editor_highlighting, idle, 3000));
  g_assert_cmpstr (scheme_id (idle), ==, "Adwaita-dark");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (idle)));

  /* Disposed with its idle pending: nothing runs later */
  g_clear_object (&idle);
  idle = g_object_ref_sink (g_object_new (CMIO_TYPE_NOTE_EDITOR, NULL));
  cmio_note_editor_prepare (idle);
  g_clear_object (&idle);
  cmio_test_iterate (50);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (window);
  g_clear_object (&shown);
}

static void
test_notes_ui_preview (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioChapterPage *page;
  CmioNoteEditor *editor;
  GtkTextView *view;
  GtkWidget *preview;
  const char *html;
  g_autofree char *lower = NULL;

  show_chapter (window, "soft-skills");
  page = CMIO_CHAPTER_PAGE (cmio_test_find_descendant (GTK_WIDGET (window), CMIO_TYPE_CHAPTER_PAGE));
  cmio_chapter_page_show_side (page, "note");
  cmio_test_iterate (300);
  view = note_view (window);
  editor = CMIO_NOTE_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (view), CMIO_TYPE_NOTE_EDITOR));
  g_assert_null (cmio_note_editor_get_preview_html (editor));

  type_text (view, "# Listening tour\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n"
                   "<iframe src=\"https://example.org/\"></iframe> <!-- hidden -->\n\n"
                   "[tricky](javascript:alert(1)) ![pixel](https://tracker.example/p.png)\n");

  /* Shift+Ctrl+P, the preview: formatted, with nothing that could run or load. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "note.preview", NULL));
  cmio_test_iterate (300);
  html = cmio_note_editor_get_preview_html (editor);
  g_assert_nonnull (html);
  preview = cmio_test_find_named (GTK_WIDGET (editor), WEBKIT_TYPE_WEB_VIEW, "note-preview");
  g_assert_nonnull (preview);
  g_assert_true (gtk_widget_get_mapped (preview));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));

  lower = g_ascii_strdown (html, -1);
  g_assert_nonnull (strstr (lower, "<h1>listening tour</h1>"));
  g_assert_nonnull (strstr (lower, "default-src 'none'"));
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<iframe"));
  g_assert_null (strstr (lower, "<img src=x"));
  g_assert_null (strstr (lower, "<!--"));
  g_assert_null (strstr (lower, "href=\"javascript"));
  g_assert_null (strstr (lower, "src=\"https"));
  g_assert_nonnull (strstr (lower, "&lt;script&gt;"));

  /* A web link the user clicks opens outside; a javascript: one is not a
   * link at all, and nothing navigates the preview away. */
  while (webkit_web_view_is_loading (WEBKIT_WEB_VIEW (preview)))
    cmio_test_iterate (50);
  g_ptr_array_set_size (launched, 0);
  {
    const char *hrefs[] = { "https://example.org/cmio", "javascript:document.title='x'", "file:///etc/passwd" };

    for (guint i = 0; i < G_N_ELEMENTS (hrefs); i++)
      {
        g_autofree char *script = g_strdup_printf ("(function () {"
                                                   "  const a = document.createElement ('a');"
                                                   "  a.href = \"%s\"; a.textContent = 'x';"
                                                   "  document.body.appendChild (a); a.click (); return 'ok';"
                                                   "}) ()", hrefs[i]);
        g_autofree char *result = cmio_test_evaluate (WEBKIT_WEB_VIEW (preview), script);

        g_assert_cmpstr (result, ==, "ok");
        cmio_test_iterate (300);
      }
  }
  g_assert_cmpuint (launched->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (launched, 0), ==, "https://example.org/cmio");
  g_assert_cmpstr (webkit_web_view_get_uri (WEBKIT_WEB_VIEW (preview)), ==, "about:blank");

  /* Again: back to the text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "note.preview", NULL));
  cmio_test_iterate (300);
  g_assert_null (cmio_note_editor_get_preview_html (editor));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
}

static void
test_notes_ui_focus_out_and_close (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioStore *store = cmio_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  GtkTextView *view;
  const char *id;

  show_chapter (window, "certification");
  cmio_chapter_page_show_side (CMIO_CHAPTER_PAGE (cmio_test_find_descendant (GTK_WIDGET (window),
                                                                             CMIO_TYPE_CHAPTER_PAGE)),
                               "note");
  cmio_test_iterate (300);
  view = note_view (window);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));

  /* Leaving the note keeps it at once, before the main loop runs again. */
  type_text (view, "Board review course in May.");
  g_assert_null (chapter_note_text ("certification"));
  gtk_widget_grab_focus (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_CHECK_BUTTON, "share"));
  g_assert_cmpstr (chapter_note_text ("certification"), ==, "Board review course in May.");

  /* Closing the window, right after typing, writes it to the file. */
  type_text (view, " Exam in the autumn.");
  gtk_window_close (GTK_WINDOW (window));
  on_disk = cmio_store_read_file (cmio_store_get_file (store), &error);
  g_assert_no_error (error);
  id = cmio_progress_find_chapter_note (on_disk, "certification");
  g_assert_nonnull (id);
  g_assert_cmpstr (cmio_progress_get_note_field (on_disk, id, "text"), ==,
                   "Board review course in May. Exam in the autumn.");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  launched = cmio_test_catch_launches ();
  app = cmio_test_application_new ();

  g_test_add_func ("/cmio/notes-ui/typing-reaches-file", test_notes_ui_typing_reaches_file);
  g_test_add_func ("/cmio/notes-ui/per-chapter", test_notes_ui_per_chapter);
  g_test_add_func ("/cmio/notes-ui/formatting", test_notes_ui_formatting);
  g_test_add_func ("/cmio/notes-ui/undo-in-note", test_notes_ui_undo_in_note);
  g_test_add_func ("/cmio/notes-ui/share", test_notes_ui_share);
  g_test_add_func ("/cmio/notes-ui/size-limit", test_notes_ui_size_limit);
  g_test_add_func ("/cmio/notes-ui/notes-page", test_notes_ui_notes_page);
  g_test_add_func ("/cmio/notes-ui/preview", test_notes_ui_preview);
  /* It closes the window. */
  g_test_add_func ("/cmio/notes-ui/focus-out-and-close", test_notes_ui_focus_out_and_close);
  /* After the main window has gone: it shows a window of its own, which,
   * with no window manager, keeps the focus from the main one. */
  g_test_add_func ("/cmio/notes-ui/highlighting", test_notes_ui_highlighting);

  status = g_test_run ();

  cmio_test_application_free (g_steal_pointer (&app));
  return status;
}

/* test-window.c — the main window, driven through its actions and widgets
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cmio-application.h"
#include "cmio-test-util.h"
#include "cmio-checklist-page.h"
#include "cmio-preferences-window.h"
#include "cmio-note-editor.h"
#include "cmio-reader-view.h"
#include "cmio-window.h"

static CmioApplication *app;

static gboolean reader_ready (gpointer reader);

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
close_toplevels_except_main (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      /* Close, as a user would: the shortcuts window is only hidden. */
      if (!CMIO_IS_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        gtk_window_close (window);
    }
  cmio_test_iterate (50);
}

/* Tests */

typedef struct {
  gboolean painted;
  gboolean web_view_before;
  gboolean svg_loader_before;
  gboolean checklist_before;
  gboolean loaded;
  gboolean checklist_at_load;
} FirstFrame;

/* Whether this process has mapped a shared library whose file name
 * contains @name. */
static gboolean
library_mapped (const char *name)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, name) != NULL;
}

static void
first_frame_cb (CmioWindow *window,
                FirstFrame *first)
{
  first->painted = TRUE;
  first->web_view_before = cmio_test_find_descendant (GTK_WIDGET (window), WEBKIT_TYPE_WEB_VIEW) != NULL;
  first->svg_loader_before = library_mapped ("libpixbufloader-svg");
  first->checklist_before = cmio_test_find_descendant (GTK_WIDGET (window), CMIO_TYPE_CHECKLIST_PAGE) != NULL;
}

static void
reader_loaded_cb (CmioReaderView *reader,
                  FirstFrame     *first)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (reader), CMIO_TYPE_WINDOW);

  first->loaded = TRUE;
  first->checklist_at_load = cmio_test_find_descendant (window, CMIO_TYPE_CHECKLIST_PAGE) != NULL;
}

static gboolean
checklist_page_made (gpointer window)
{
  return cmio_test_find_descendant (window, CMIO_TYPE_CHECKLIST_PAGE) != NULL;
}

static gboolean
first_frame_painted (gpointer data)
{
  return ((FirstFrame *) data)->painted;
}

static gboolean
note_highlighting (gpointer editor)
{
  return cmio_note_editor_get_highlighting (editor);
}

/* What may slow the first frame waits for it: WebKit starts right after
 * it, loading the chapter "Continue Reading" opens; the whole checklist is
 * made once that chapter has loaded, and the note editor's highlighting
 * once a chapter is on screen. The overview's app icon comes as a PNG, so
 * no SVG loader is loaded for it. Runs first, on a new window. */
static void
test_window_startup_order (void)
{
  FirstFrame first = { FALSE, };
  CmioWindow *window = cmio_test_main_window (app);
  CmioReaderView *reader;
  CmioNoteEditor *note;

  g_signal_connect (window, "first-frame", G_CALLBACK (first_frame_cb), &first);
  reader = CMIO_READER_VIEW (cmio_test_find_descendant (GTK_WIDGET (window), CMIO_TYPE_READER_VIEW));
  g_signal_connect (reader, "loaded", G_CALLBACK (reader_loaded_cb), &first);
  note = CMIO_NOTE_EDITOR (cmio_test_find_descendant (GTK_WIDGET (window), CMIO_TYPE_NOTE_EDITOR));
  g_assert_false (first.painted);
  g_assert_null (cmio_test_find_descendant (GTK_WIDGET (window), WEBKIT_TYPE_WEB_VIEW));
  g_assert_false (cmio_note_editor_get_highlighting (note));

  g_assert_true (cmio_test_wait_for (first_frame_painted, &first, 10000));
  g_assert_false (first.web_view_before);
  g_assert_false (first.svg_loader_before);
  g_assert_false (first.checklist_before);
  g_assert_nonnull (cmio_test_find_descendant (GTK_WIDGET (window), WEBKIT_TYPE_WEB_VIEW));
  g_assert_cmpstr (cmio_chapter_get_id (cmio_reader_view_get_chapter (reader)), ==, "what-is-a-cmio");
  g_assert_cmpstr (cmio_window_get_page (window), ==, "overview");

  /* "ready" is painted text, so the chapter must be on screen. Pages
   * switch at once, as AdwViewStack's do: a cross-fade would repaint the
   * whole window for a fifth of a second while WebKit starts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.continue-reading", NULL));
  g_assert_false (gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (reader),
                                                                                         GTK_TYPE_STACK))));
  g_assert_true (cmio_test_wait_for (reader_ready, reader, 30000));
  g_assert_true (first.loaded);
  g_assert_false (first.checklist_at_load);
  g_assert_true (cmio_test_wait_for (checklist_page_made, window, 5000));
  g_assert_true (cmio_test_wait_for (note_highlighting, note, 5000));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (note)));
  g_signal_handlers_disconnect_by_data (window, &first);
  g_signal_handlers_disconnect_by_data (reader, &first);
}

static void
test_window_sidebar (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  GtkListBox *list;
  GtkWidget *row;
  guint n = 0;

  g_assert_true (cmio_test_wait_for (widget_mapped, window, 10000));

  list = cmio_test_find_sidebar_list (GTK_WIDGET (window));
  g_assert_nonnull (list);
  for (row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    n++;

  /* Overview, the nine chapters of the built-in pack, the whole checklist,
   * the notes, the self-assessment. */
  g_assert_cmpuint (n, ==, 13);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 11));
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "notes");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "overview");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2));
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "chapter:cmio-vs-cio");

  /* Activating a row, as a click or Enter does, opens its page. */
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:cmio-vs-cio");
}

static gboolean
reader_ready (gpointer reader)
{
  return cmio_reader_view_is_ready (reader);
}

static void
test_window_show_chapter (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioReaderView *reader;
  GtkStack *stack;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "chapter:hard-skills"));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:hard-skills");

  stack = GTK_STACK (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_STACK, "content-stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chapter");

  reader = CMIO_READER_VIEW (cmio_test_find_descendant (GTK_WIDGET (window), CMIO_TYPE_READER_VIEW));
  g_assert_cmpstr (cmio_chapter_get_id (cmio_reader_view_get_chapter (reader)), ==, "hard-skills");
  /* The text really loads and paints in the web view. */
  g_assert_true (cmio_test_wait_for (reader_ready, reader, 30000));

  /* An unknown page falls back to the overview rather than a blank pane. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "chapter:no-such-chapter"));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "overview");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "overview");

  /* "Continue Reading" opens the chapter last opened. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.continue-reading", NULL));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:hard-skills");
}

static void
test_window_style (void)
{
  GSettings *settings = cmio_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *preferences;
  AdwComboRow *row;

  cmio_test_main_window (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (CMIO_TYPE_PREFERENCES_WINDOW), 5000));
  preferences = cmio_test_find_toplevel (CMIO_TYPE_PREFERENCES_WINDOW);

  row = ADW_COMBO_ROW (cmio_test_find_descendant (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  /* Choosing "Dark" in the row saves it and darkens the app at once. */
  adw_combo_row_set_selected (row, 2);
  g_assert_cmpint (g_settings_get_enum (settings, "style-variant"), ==, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);

  adw_combo_row_set_selected (row, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* And the row follows the setting when it changes elsewhere. */
  g_settings_set_string (settings, "style-variant", "follow");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  close_toplevels_except_main ();
}

static gboolean
toast_shown (gpointer window)
{
  return cmio_window_get_last_toast (window) != NULL;
}

static void
test_window_help (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  g_autoptr(GAppInfo) handler = g_app_info_get_default_for_uri_scheme ("help");

  if (handler != NULL)
    {
      g_test_skip ("A help viewer is installed; this test checks the message without one");
      return;
    }
  /* In a Flatpak sandbox (flatpak-builder's run-tests) GIO asks the OpenURI
   * portal, which the test's private bus does not have; GLib 2.84 aborts on
   * that error path. build-aux/flatpak-check presses F1 in a real sandbox. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("In a Flatpak sandbox the help goes through the OpenURI portal");
      return;
    }

  g_assert_null (cmio_window_get_last_toast (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (cmio_test_wait_for (toast_shown, window, 10000));
  g_assert_nonnull (strstr (cmio_window_get_last_toast (window), "help viewer"));
}

static void
test_window_about (void)
{
  GtkWindow *about;

  cmio_test_main_window (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), 5000));
  about = cmio_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);

  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  /* The release notes come from the metainfo in the resources. */
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)), "<li>"));

  close_toplevels_except_main ();
}

static void
test_window_shortcuts (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  g_auto(GStrv) accels = NULL;

  g_auto(GStrv) described = NULL;
  GtkWindow *shortcuts;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 5000));
  shortcuts = cmio_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

  /* Every action that has a shortcut is listed in the shortcuts window. */
  described = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; described[i] != NULL; i++)
    {
      g_autofree char *action = NULL;
      g_autoptr(GVariant) target = NULL;

      g_assert_true (g_action_parse_detailed_name (described[i], &action, &target, NULL));
      g_test_message ("shortcut for %s", action);
      g_assert_nonnull (cmio_test_find_shortcut (GTK_WIDGET (shortcuts), action));
    }
  close_toplevels_except_main ();

  /* The accelerators the issue and the help promise. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>q"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
}

static void
test_window_narrow (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  AdwLeaflet *leaflet = ADW_LEAFLET (cmio_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  GtkWidget *list;
  GtkWidget *reader;

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  g_assert_true (cmio_test_wait_for (cmio_test_leaflet_folded, leaflet, 5000));

  /* Folded, opening a chapter shows it, and Back returns to the contents. */
  list = GTK_WIDGET (cmio_test_find_sidebar_list (GTK_WIDGET (window)));
  reader = cmio_test_find_descendant (GTK_WIDGET (window), CMIO_TYPE_READER_VIEW);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "chapter:certification");
  g_assert_true (gtk_widget_is_ancestor (reader, adw_leaflet_get_visible_child (leaflet)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.navigate-back", NULL));
  g_assert_true (gtk_widget_is_ancestor (list, adw_leaflet_get_visible_child (leaflet)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  g_assert_true (cmio_test_wait_for (cmio_test_leaflet_unfolded, leaflet, 5000));
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app)) == NULL;
}

static void
test_window_state_saved (void)
{
  GSettings *settings = cmio_application_get_settings (app);
  CmioWindow *window = cmio_test_main_window (app);
  int width;
  int height;

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "chapter:soft-skills");
  cmio_test_iterate (100);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (cmio_test_wait_for (no_windows, NULL, 5000));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, "chapter:soft-skills");

  /* A new window comes back the same size, on the same page. */
  window = cmio_test_main_window (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:soft-skills");
}

static gboolean
fail_write (int          fd,
            const char  *data,
            gsize        length,
            gpointer     user_data,
            GError     **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
  return FALSE;
}

static gboolean
save_failed (gpointer store)
{
  return cmio_store_get_save_error (store) != NULL;
}

static const char *
shown_banner (CmioWindow *window)
{
  GtkRevealer *revealer = GTK_REVEALER (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_REVEALER, "banner"));

  if (!gtk_revealer_get_reveal_child (revealer))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (cmio_test_find_descendant (gtk_revealer_get_child (revealer),
                                                                   GTK_TYPE_LABEL)));
}

static GtkButton *
banner_button (CmioWindow *window)
{
  GtkRevealer *revealer = GTK_REVEALER (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_REVEALER, "banner"));

  return GTK_BUTTON (cmio_test_find_descendant (gtk_revealer_get_child (revealer), GTK_TYPE_BUTTON));
}

static void
test_window_save_error (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioStore *store = cmio_application_get_store (app);
  CmioProgress *progress = cmio_store_get_progress (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;

  /* The disk is full: the change stays in memory and a banner says why. */
  cmio_store_set_write_func (store, fail_write, NULL);
  g_assert_true (cmio_progress_set_item_done (progress, "agree-decision-rights", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (cmio_test_wait_for (save_failed, store, 5000));
  cmio_test_iterate (50);
  g_assert_nonnull (shown_banner (window));
  g_assert_nonnull (strstr (shown_banner (window), "No space left on device"));
  g_assert_cmpstr (gtk_button_get_label (banner_button (window)), ==, "_Retry");
  g_assert_true (cmio_store_get_dirty (store));

  /* Retry while the disk is still full: still there. */
  g_signal_emit_by_name (banner_button (window), "clicked");
  g_assert_nonnull (shown_banner (window));

  /* Space again: Retry saves, and the banner goes. */
  cmio_store_set_write_func (store, NULL, NULL);
  g_signal_emit_by_name (banner_button (window), "clicked");
  g_assert_null (shown_banner (window));
  g_assert_false (cmio_store_get_dirty (store));
  on_disk = cmio_store_read_file (cmio_store_get_file (store), &error);
  g_assert_no_error (error);
  g_assert_true (cmio_progress_get_item_done (on_disk, "agree-decision-rights"));
}

static gboolean
dialog_shown (gpointer data)
{
  return cmio_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_window_close_unsaved (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioStore *store = cmio_application_get_store (app);
  CmioProgress *progress = cmio_store_get_progress (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  AdwMessageDialog *dialog;

  cmio_store_set_write_func (store, fail_write, NULL);
  g_assert_true (cmio_progress_set_item_evidence (progress, "agree-decision-rights", "Signed memo", &error));

  /* Closing cannot save: it asks, and "Keep Open" keeps the window. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (cmio_test_wait_for (dialog_shown, NULL, 5000));
  dialog = ADW_MESSAGE_DIALOG (cmio_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "No space left on device"));
  adw_message_dialog_response (dialog, "cancel");
  cmio_test_iterate (50);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));

  /* With space again, closing saves and closes. */
  cmio_store_set_write_func (store, NULL, NULL);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (cmio_test_wait_for (no_windows, NULL, 5000));
  on_disk = cmio_store_read_file (cmio_store_get_file (store), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cmio_progress_get_item_evidence (on_disk, "agree-decision-rights"), ==, "Signed memo");
}

static void
test_window_quit (void)
{
  cmio_test_main_window (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (cmio_test_wait_for (no_windows, NULL, 5000));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Held: the app lives on between tests that close every window. */
  app = cmio_test_application_new ();

  g_test_add_func ("/cmio/window/startup-order", test_window_startup_order);
  g_test_add_func ("/cmio/window/sidebar", test_window_sidebar);
  g_test_add_func ("/cmio/window/show-chapter", test_window_show_chapter);
  g_test_add_func ("/cmio/window/style", test_window_style);
  g_test_add_func ("/cmio/window/help", test_window_help);
  g_test_add_func ("/cmio/window/about", test_window_about);
  g_test_add_func ("/cmio/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/cmio/window/narrow", test_window_narrow);
  g_test_add_func ("/cmio/window/state-saved", test_window_state_saved);
  g_test_add_func ("/cmio/window/save-error", test_window_save_error);
  g_test_add_func ("/cmio/window/close-unsaved", test_window_close_unsaved);
  g_test_add_func ("/cmio/window/quit", test_window_quit);

  status = g_test_run ();

  cmio_test_application_free (g_steal_pointer (&app));
  return status;
}

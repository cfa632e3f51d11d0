/* test-reader.c — reading chapters: the web view, links, find, marks, search
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window through its actions, and looks into the web view
 * with scripts in a world of the test's own, as a user's eyes would.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtkunixprint.h>

#include <adwaita.h>
#include <string.h>
#include <webkit/webkit.h>

#include "cmio-application.h"
#include "cmio-reader-view.h"
#include "cmio-test-util.h"
#include "cmio-window.h"

static CmioApplication *app;
static GPtrArray *launched;

static CmioReaderView *
get_reader (CmioWindow *window)
{
  return CMIO_READER_VIEW (cmio_test_find_descendant (GTK_WIDGET (window), CMIO_TYPE_READER_VIEW));
}

static WebKitWebView *
get_web_view (CmioWindow *window)
{
  return WEBKIT_WEB_VIEW (cmio_test_find_descendant (GTK_WIDGET (window), WEBKIT_TYPE_WEB_VIEW));
}

typedef struct {
  char *path;
  guint step;
  gboolean cancel;
  gboolean answered;
} PrintDriver;

/* Drives GTK's print dialog as a user would: picks "Print to File" with a
 * file of the test's, waits until the printer is chosen, and prints (or
 * cancels). It runs inside the dialog's own main loop. */
static gboolean
drive_print_dialog_cb (gpointer data)
{
  PrintDriver *driver = data;
  GtkWindow *dialog = cmio_test_find_toplevel (GTK_TYPE_PRINT_UNIX_DIALOG);
  GtkPrinter *printer;

  if (dialog == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)))
    return ++driver->step < 600 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;

  if (driver->step++ == 0 || (printer = gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (dialog))) == NULL ||
      g_strcmp0 (gtk_printer_get_name (printer), "Print to File") != 0)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_unix_dialog_get_settings (GTK_PRINT_UNIX_DIALOG (dialog));
      g_autofree char *uri = g_filename_to_uri (driver->path, NULL, NULL);

      gtk_print_settings_set_printer (settings, "Print to File");
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
      gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (dialog), settings);
      return driver->step < 600 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
    }

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), driver->cancel ? GTK_RESPONSE_CANCEL : GTK_RESPONSE_OK);
  G_GNUC_END_IGNORE_DEPRECATIONS
  driver->answered = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
pdf_written (gpointer path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 1000 ||
      !g_str_has_prefix (contents, "%PDF"))
    return FALSE;

  /* Complete once its trailer is written: "%%EOF" near the end. */
  for (gsize i = length - 64; i + 5 <= length; i++)
    if (memcmp (contents + i, "%%EOF", 5) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
reader_ready (gpointer reader)
{
  return cmio_reader_view_is_ready (reader);
}

/* Opens @chapter_id through the window's action and waits until it shows. */
static void
open_chapter (CmioWindow *window,
              const char *chapter_id)
{
  g_autofree char *page = g_strconcat ("chapter:", chapter_id, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page));
  g_assert_cmpstr (cmio_window_get_page (window), ==, page);
  g_assert_true (cmio_test_wait_for (reader_ready, get_reader (window), 30000));
}

/* Runs @script in the test's own world of the page and returns its value. */
static char *
evaluate (CmioWindow *window,
          const char *script)
{
  return cmio_test_evaluate (get_web_view (window), script);
}

/* Tests */

static void
test_reader_every_chapter (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioContentPack *pack = cmio_application_get_content_pack (app);
  GListModel *chapters = cmio_content_pack_get_chapters (pack);

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);
      g_autofree char *expected_uri = g_strdup_printf ("cmio-handbook://pack/%s", cmio_chapter_get_file (chapter));
      g_autofree char *heading = NULL;
      g_autofree char *scripts = NULL;

      open_chapter (window, cmio_chapter_get_id (chapter));
      g_assert_cmpstr (cmio_reader_view_get_uri (get_reader (window)), ==, expected_uri);
      g_assert_cmpstr (webkit_web_view_get_title (get_web_view (window)), ==, cmio_chapter_get_title (chapter));

      /* What the view shows is the chapter, styled by the app's sheet. */
      heading = evaluate (window, "document.querySelector ('main h1').textContent");
      g_assert_cmpstr (heading, ==, cmio_chapter_get_title (chapter));
      scripts = evaluate (window, "String (document.querySelectorAll ('script').length) + ' ' + "
                                  "getComputedStyle (document.querySelector ('main')).maxWidth");
      /* No script elements; the measure of about 70 characters is set. */
      g_assert_true (g_str_has_prefix (scripts, "0 ") && g_str_has_suffix (scripts, "px"));
      g_assert_cmpfloat (g_ascii_strtod (scripts + 2, NULL), >, 400);
    }
}

static void
test_reader_internal_link (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  g_autofree char *clicked = NULL;

  open_chapter (window, "cmio-vs-cio");

  /* The "Next" link at the end of the text leads to chapter 3, in the app. */
  clicked = evaluate (window, "document.querySelector ('nav a[rel=next]').click (); 'ok'");
  g_assert_cmpstr (clicked, ==, "ok");
  g_assert_true (cmio_test_wait_for (reader_ready, get_reader (window), 30000));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:what-does-a-cmio-do");

  /* Back and Forward go through what was opened. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:cmio-vs-cio");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.go-forward", NULL));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:what-does-a-cmio-do");

  /* And the keyboard's previous and next chapter. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-chapter", NULL));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:cmio-vs-cio");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-chapter", NULL));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:what-does-a-cmio-do");
}

static void
click_new_link (CmioWindow *window,
                const char *href)
{
  g_autofree char *script = g_strdup_printf ("(function () {"
                                             "  const a = document.createElement ('a');"
                                             "  a.href = '%s'; a.textContent = 'x';"
                                             "  document.body.appendChild (a); a.click (); return 'ok';"
                                             "}) ()", href);
  g_autofree char *result = evaluate (window, script);

  g_assert_cmpstr (result, ==, "ok");
  cmio_test_iterate (300);
}

static void
test_reader_refused_navigations (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  const char *hrefs[] = {
    "javascript:document.title = \\'hacked\\'", "file:///etc/passwd",
    "data:text/html,<h1>data</h1>", "cmio-handbook://pack/../../etc/passwd",
  };
  g_autofree char *uri = NULL;

  open_chapter (window, "certification");
  uri = g_strdup (cmio_reader_view_get_uri (get_reader (window)));
  g_ptr_array_set_size (launched, 0);

  for (guint i = 0; i < G_N_ELEMENTS (hrefs); i++)
    {
      click_new_link (window, hrefs[i]);
      g_assert_cmpstr (cmio_reader_view_get_uri (get_reader (window)), ==, uri);
      g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:certification");
      g_assert_cmpstr (webkit_web_view_get_title (get_web_view (window)), ==,
                       "The Path to Board Certification");
    }

  /* A load not asked for by the app is refused too. */
  webkit_web_view_load_uri (get_web_view (window), "file:///etc/passwd");
  cmio_test_iterate (300);
  g_assert_cmpstr (cmio_reader_view_get_uri (get_reader (window)), ==, uri);
  g_assert_cmpuint (launched->len, ==, 0);
}

static void
test_reader_external_link (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  g_autofree char *uri = NULL;

  open_chapter (window, "certification");
  uri = g_strdup (cmio_reader_view_get_uri (get_reader (window)));
  g_ptr_array_set_size (launched, 0);

  /* Web and mail links go to the launcher, never into the view. */
  click_new_link (window, "https://www.example.org/certification");
  click_new_link (window, "mailto:mentor@example.org");
  g_assert_cmpuint (launched->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (launched, 0), ==, "https://www.example.org/certification");
  g_assert_cmpstr (g_ptr_array_index (launched, 1), ==, "mailto:mentor@example.org");
  g_assert_cmpstr (cmio_reader_view_get_uri (get_reader (window)), ==, uri);
}

typedef struct
{
  guint count;
  gboolean changed;
} Matches;

static void
matches_cb (CmioReaderView *reader,
            guint           count,
            Matches        *matches)
{
  matches->count = count;
  matches->changed = TRUE;
}

static gboolean
matches_changed (gpointer data)
{
  return ((Matches *) data)->changed;
}

static void
test_reader_find (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioReaderView *reader = get_reader (window);
  Matches matches = { 0, FALSE };
  g_autofree char *expected = NULL;
  gulong handler;

  open_chapter (window, "cmio-vs-cio");
  handler = g_signal_connect (reader, "matches-changed", G_CALLBACK (matches_cb), &matches);

  /* Ctrl+F opens the find bar; the count is that of the text shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  cmio_reader_view_find (reader, "budget");
  g_assert_true (cmio_test_wait_for (matches_changed, &matches, 10000));
  expected = evaluate (window, "String (document.body.innerText.toLowerCase ().split ('budget').length - 1)");
  g_assert_cmpuint (matches.count, >, 0);
  g_assert_cmpuint (matches.count, ==, (guint) g_ascii_strtoull (expected, NULL, 10));

  matches.changed = FALSE;
  cmio_reader_view_find (reader, "no such words here");
  g_assert_true (cmio_test_wait_for (matches_changed, &matches, 10000));
  g_assert_cmpuint (matches.count, ==, 0);

  cmio_reader_view_find_finish (reader);
  g_signal_handler_disconnect (reader, handler);
}

static gboolean
toggled_read (gpointer progress)
{
  return cmio_progress_get_chapter_read (progress, "daily-schedule");
}

static void
test_reader_read_marks (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioStore *store = cmio_application_get_store (app);
  CmioProgress *progress = cmio_store_get_progress (store);
  GtkToggleButton *read_button;
  g_autoptr(CmioStore) restarted = NULL;
  g_autoptr(GError) error = NULL;

  /* The button in the header bar marks the chapter read, and unread. */
  open_chapter (window, "soft-skills");
  read_button = GTK_TOGGLE_BUTTON (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_TOGGLE_BUTTON, "read"));
  g_assert_nonnull (read_button);
  g_assert_false (gtk_toggle_button_get_active (read_button));
  gtk_toggle_button_set_active (read_button, TRUE);
  g_assert_true (cmio_progress_get_chapter_read (progress, "soft-skills"));
  gtk_toggle_button_set_active (read_button, FALSE);
  g_assert_false (cmio_progress_get_chapter_read (progress, "soft-skills"));
  gtk_toggle_button_set_active (read_button, TRUE);

  /* Reading to the end marks a chapter read, and the place is kept. */
  open_chapter (window, "daily-schedule");
  g_free (evaluate (window, "window.scrollTo (0, document.documentElement.scrollHeight); 'ok'"));
  g_assert_true (cmio_test_wait_for (toggled_read, progress, 10000));
  g_assert_cmpfloat (cmio_progress_get_chapter_position (progress, "daily-schedule"), >, 0.9);

  /* Both survive a restart: another store reads them from the disk. */
  g_assert_true (cmio_store_flush (store, &error));
  g_assert_no_error (error);
  restarted = cmio_store_new (cmio_store_get_file (store));
  g_assert_cmpint (cmio_store_load (restarted), ==, CMIO_STORE_LOADED);
  g_assert_true (cmio_progress_get_chapter_read (cmio_store_get_progress (restarted), "soft-skills"));
  g_assert_true (cmio_progress_get_chapter_read (cmio_store_get_progress (restarted), "daily-schedule"));
  g_assert_cmpfloat (cmio_progress_get_chapter_position (cmio_store_get_progress (restarted),
                                                         "daily-schedule"), >, 0.9);
}

static void
test_reader_outline_and_focus (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioChapter *chapter = cmio_content_pack_find_chapter (cmio_application_get_content_pack (app),
                                                        "first-90-days");
  g_autoptr(GPtrArray) headings = cmio_chapter_dup_headings (chapter);
  GtkListBox *outline;
  guint rows = 0;
  g_autofree char *scrolled = NULL;

  open_chapter (window, "first-90-days");

  /* Focus went into the text, for screen readers to start there.  (Whether
   * the window itself has the keyboard is up to the X server: with no window
   * manager, GTK 4.18 does not count it as active.) */
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (get_web_view (window))));

  outline = GTK_LIST_BOX (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "outline"));
  g_assert_nonnull (outline);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (outline)); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, headings->len);

  /* Choosing the last heading scrolls the text down to it. */
  g_signal_emit_by_name (outline, "row-activated", gtk_list_box_get_row_at_index (outline, rows - 1));
  cmio_test_iterate (500);
  scrolled = evaluate (window, "String (window.scrollY > 0)");
  g_assert_cmpstr (scrolled, ==, "true");
}

/* Ctrl+P opens GTK's print dialog; printing to a file writes the chapter
 * as a PDF, and printing goes on after the dialog has closed. Cancelling
 * writes nothing. */
static void
test_reader_print (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  g_autofree char *dir = g_dir_make_tmp ("cmio-print-XXXXXX", NULL);
  PrintDriver driver = { g_build_filename (dir, "chapter.pdf", NULL), 0, TRUE, FALSE };
  g_autofree char *contents = NULL;
  g_auto(GStrv) accels = NULL;
  gsize length = 0;

  /* In a Flatpak sandbox (flatpak-builder's run-tests) WebKit asks the
   * Print portal instead of showing GTK's dialog, and the test's private
   * bus has no portal. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("In a Flatpak sandbox printing goes through the Print portal");
      g_free (driver.path);
      g_rmdir (dir);
      return;
    }

  open_chapter (window, "certification");
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.print");
  g_assert_true (accels != NULL && g_strv_contains ((const char * const *) accels, "<Control>p"));

  g_timeout_add (50, drive_print_dialog_cb, &driver);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_true (driver.answered);
  cmio_test_iterate (500);
  g_assert_false (g_file_test (driver.path, G_FILE_TEST_EXISTS));

  driver.cancel = FALSE;
  driver.answered = FALSE;
  driver.step = 0;
  g_timeout_add (50, drive_print_dialog_cb, &driver);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  g_assert_true (driver.answered);
  g_assert_true (cmio_test_wait_for (pdf_written, driver.path, 30000));
  g_assert_true (g_file_get_contents (driver.path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  g_unlink (driver.path);
  g_rmdir (dir);
  g_free (driver.path);
}

static void
test_reader_zoom (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  GSettings *settings = cmio_application_get_settings (app);

  open_chapter (window, "hard-skills");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), >, 1.0);
  g_assert_cmpfloat (webkit_web_view_get_zoom_level (get_web_view (window)), ==,
                     g_settings_get_double (settings, "zoom"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL));
  g_assert_cmpfloat (webkit_web_view_get_zoom_level (get_web_view (window)), <, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
}

static gboolean
page_is_dark (gpointer window)
{
  g_autofree char *classes = NULL;

  if (!cmio_reader_view_is_ready (get_reader (window)))
    return FALSE;
  classes = evaluate (window, "document.documentElement.className");
  return strstr (classes, "dark") != NULL;
}

static void
test_reader_follows_style (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  GSettings *settings = cmio_application_get_settings (app);

  GdkRGBA light;
  GdkRGBA dark;

  open_chapter (window, "what-is-a-cmio");
  g_assert_false (page_is_dark (window));
  /* The view's background is opaque: a transparent one let WebKit leave
   * the previous chapter's text under the next. */
  webkit_web_view_get_background_color (get_web_view (window), &light);
  g_assert_cmpfloat (light.alpha, ==, 1.0);
  g_settings_set_string (settings, "style-variant", "dark");
  g_assert_true (cmio_test_wait_for (page_is_dark, window, 30000));
  webkit_web_view_get_background_color (get_web_view (window), &dark);
  g_assert_cmpfloat (dark.alpha, ==, 1.0);
  g_assert_cmpfloat (dark.red, <, light.red);
  g_settings_set_string (settings, "style-variant", "follow");
}

static gboolean
has_results (gpointer window)
{
  GtkListBox *results = GTK_LIST_BOX (cmio_test_find_named (window, GTK_TYPE_LIST_BOX, "results"));

  return gtk_list_box_get_row_at_index (results, 0) != NULL;
}

static void
test_reader_global_search (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  GtkSearchEntry *entry;
  GtkListBox *results;

  /* Ctrl+K, then words: results from across the handbook. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  entry = GTK_SEARCH_ENTRY (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, "search"));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "ACGME fellowship");
  g_assert_true (cmio_test_wait_for (has_results, window, 5000));

  /* Activating the first opens its chapter, with the match found in it. */
  results = GTK_LIST_BOX (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "results"));
  g_signal_emit_by_name (results, "row-activated", gtk_list_box_get_row_at_index (results, 0));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "chapter:certification");
  g_assert_true (cmio_test_wait_for (reader_ready, get_reader (window), 30000));
  cmio_test_iterate (500);
  g_assert_cmpuint (cmio_reader_view_get_match_count (get_reader (window)), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  launched = cmio_test_catch_launches ();

  app = cmio_test_application_new ();

  g_test_add_func ("/cmio/reader/every-chapter", test_reader_every_chapter);
  g_test_add_func ("/cmio/reader/internal-link", test_reader_internal_link);
  g_test_add_func ("/cmio/reader/refused-navigations", test_reader_refused_navigations);
  g_test_add_func ("/cmio/reader/external-link", test_reader_external_link);
  g_test_add_func ("/cmio/reader/find", test_reader_find);
  g_test_add_func ("/cmio/reader/print", test_reader_print);
  g_test_add_func ("/cmio/reader/read-marks", test_reader_read_marks);
  g_test_add_func ("/cmio/reader/outline-and-focus", test_reader_outline_and_focus);
  g_test_add_func ("/cmio/reader/zoom", test_reader_zoom);
  g_test_add_func ("/cmio/reader/follows-style", test_reader_follows_style);
  g_test_add_func ("/cmio/reader/global-search", test_reader_global_search);

  status = g_test_run ();

  cmio_test_application_free (g_steal_pointer (&app));
  return status;
}

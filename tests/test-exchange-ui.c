/* test-exchange-ui.c — the export dialog, the mentor's review window and
 * importing the review, driven like a user would
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cmio-application.h"
#include "cmio-export-dialog.h"
#include "cmio-reader-view.h"
#include "cmio-review.h"
#include "cmio-review-window.h"
#include "cmio-test-util.h"
#include "cmio-window.h"

static CmioApplication *app;
static GPtrArray *launched;
static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
toplevel_gone (gpointer type)
{
  return cmio_test_find_toplevel ((GType) GPOINTER_TO_SIZE (type)) == NULL;
}

static AdwMessageDialog *
wait_for_message (void)
{
  g_assert_true (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  return ADW_MESSAGE_DIALOG (cmio_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  /* As a click on the button does: respond, then go, without the close
   * response that Escape would give. */
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_assert_true (cmio_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
}

static CmioExportDialog *
open_export_dialog (CmioWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_true (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (CMIO_TYPE_EXPORT_DIALOG), 5000));
  return CMIO_EXPORT_DIALOG (cmio_test_find_toplevel (CMIO_TYPE_EXPORT_DIALOG));
}

/* Writes an export through the dialog, as the file chooser would. */
static void
export_through_dialog (CmioWindow       *window,
                       CmioExportDialog *dialog,
                       const char       *path,
                       guint             timeout_ms)
{
  g_unlink (path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.write-to", "s", path));
  g_assert_true (cmio_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (CMIO_TYPE_EXPORT_DIALOG), timeout_ms));
  g_assert_true (file_exists ((gpointer) path));
}

static void
prepare_progress (void)
{
  CmioProgress *progress = cmio_test_progress (app);
  g_autofree char *shared = NULL;
  g_autofree char *private = NULL;

  g_assert_true (cmio_progress_set_profile (progress, "start_date", "2026-11-02", NULL));
  g_assert_true (cmio_progress_set_profile (progress, "name", "Dr. <b>Ada</b> Park", NULL));
  shared = cmio_progress_add_note (progress, NULL, "For my mentor", "Shared text", NULL);
  g_assert_true (cmio_progress_set_note_shared (progress, shared, TRUE, NULL));
  private = cmio_progress_add_note (progress, NULL, "Private", "Secret text", NULL);
  g_assert_nonnull (private);
}

static void
test_exchange_ui_export_dialog (void)
{
  CmioWindow *window;
  CmioExportDialog *dialog;
  AdwComboRow *notes_row;
  g_autofree char *html_path = tmp_path ("report.html");
  g_autofree char *json_path = tmp_path ("report.cmioexport");
  g_autofree char *html = NULL;
  g_autofree char *name = NULL;

  prepare_progress ();
  window = cmio_test_main_window (app);

  /* Shared notes by default; all notes only after the warning. */
  dialog = open_export_dialog (window);
  g_assert_cmpint (cmio_export_dialog_get_kind (dialog), ==, CMIO_EXPORT_HTML);
  g_assert_cmpint (cmio_export_dialog_get_notes (dialog), ==, CMIO_EXPORT_NOTES_SHARED);
  g_assert_false (cmio_export_dialog_get_include_assessment (dialog));
  name = cmio_export_dialog_dup_suggested_name (dialog);
  g_assert_true (g_str_has_suffix (name, ".html"));
  notes_row = ADW_COMBO_ROW (cmio_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  adw_combo_row_set_selected (notes_row, 2);
  respond (wait_for_message (), "cancel");
  g_assert_cmpint (cmio_export_dialog_get_notes (dialog), ==, CMIO_EXPORT_NOTES_SHARED);
  adw_combo_row_set_selected (notes_row, 2);
  respond (wait_for_message (), "include");
  g_assert_cmpint (cmio_export_dialog_get_notes (dialog), ==, CMIO_EXPORT_NOTES_ALL);
  adw_combo_row_set_selected (notes_row, 1);

  export_through_dialog (window, dialog, html_path, 5000);
  g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Shared text"));
  g_assert_null (strstr (html, "Secret text"));
  g_assert_nonnull (strstr (html, "Dr. &lt;b&gt;Ada&lt;/b&gt; Park"));
  g_assert_null (strstr (html, "<script"));

  /* The toast offers the folder, through the launcher. */
  g_assert_true (g_str_has_prefix (cmio_window_get_last_toast (window), "Exported “report.html”"));
  {
    g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
    g_autofree char *uri = g_file_get_uri (folder);

    g_ptr_array_set_size (launched, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-folder", "s", uri));
    g_assert_cmpuint (launched->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (launched, 0), ==, uri);
  }

  /* A .cmioexport is remembered by the progress. */
  dialog = open_export_dialog (window);
  cmio_export_dialog_set_kind (dialog, CMIO_EXPORT_JSON);
  g_assert_true (g_str_has_suffix (cmio_export_dialog_dup_suggested_name (dialog), ".cmioexport"));
  export_through_dialog (window, dialog, json_path, 5000);
  {
    g_autoptr(JsonNode) export = cmio_export_load (g_file_new_for_path (json_path), NULL);

    g_assert_nonnull (export);
    g_assert_cmpuint (cmio_progress_get_n_exports (cmio_test_progress (app)), >=, 1);
  }

  /* Escape closes the dialog without writing anything. */
  dialog = open_export_dialog (window);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  g_assert_true (cmio_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (CMIO_TYPE_EXPORT_DIALOG), 5000));
}

static gboolean
pdf_written (gpointer path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &data, &length, NULL) && length > 4 && memcmp (data, "%PDF", 4) == 0;
}

static void
test_exchange_ui_pdf (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioExportDialog *dialog = open_export_dialog (window);
  g_autofree char *path = tmp_path ("report.pdf");
  g_autofree char *data = NULL;
  gsize length = 0;

  cmio_export_dialog_set_kind (dialog, CMIO_EXPORT_PDF);
  export_through_dialog (window, dialog, path, 60000);
  g_assert_true (pdf_written (path));
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  /* Several pages: the whole checklist, not an empty page. */
  g_assert_cmpuint (length, >, 20000);
}

static CmioReviewWindow *
open_review_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  cmio_application_open_file (app, file);
  g_assert_true (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (CMIO_TYPE_REVIEW_WINDOW), 5000));
  return CMIO_REVIEW_WINDOW (cmio_test_find_toplevel (CMIO_TYPE_REVIEW_WINDOW));
}

static GtkWidget *
find_labelled_toggle (GtkWidget  *root,
                      const char *label)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  g_ptr_array_add (all, root);
  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (all, i);

      if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        return widget;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (all, child);
    }
  return NULL;
}

static gboolean
review_row_filled (gpointer row)
{
  const char *title = adw_preferences_row_get_title (row);

  return gtk_widget_get_mapped (row) && title != NULL && strstr (title, "Dr. Lee") != NULL;
}

static void
test_exchange_ui_review_round_trip (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioProgress *progress = cmio_test_progress (app);
  CmioExportDialog *dialog;
  CmioReviewWindow *review;
  g_autofree char *export_path = tmp_path ("for-mentor.cmioexport");
  g_autofree char *review_path = tmp_path ("from-mentor.cmioreview");
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(GSettings) settings = NULL;
  JsonArray *items;
  const char *first, *second, *third;
  const char *comment = NULL;
  GtkWidget *approve;
  AdwMessageDialog *message;

  /* The mentee ticks an item and exports. */
  dialog = open_export_dialog (window);
  cmio_export_dialog_set_kind (dialog, CMIO_EXPORT_JSON);
  export_through_dialog (window, dialog, export_path, 5000);
  export = cmio_export_load (g_file_new_for_path (export_path), NULL);
  items = json_object_get_array_member (json_node_get_object (export), "items");
  first = json_object_get_string_member (json_array_get_object_element (items, 0), "id");
  second = json_object_get_string_member (json_array_get_object_element (items, 1), "id");
  third = json_object_get_string_member (json_array_get_object_element (items, 2), "id");
  g_assert_true (cmio_progress_set_item_done (progress, first, TRUE, NULL));
  g_assert_true (cmio_progress_set_item_evidence (progress, first, "Signed job description", NULL));

  /* The mentor opens it, marks three items and saves a review. */
  review = open_review_window (export_path);
  g_assert_false (cmio_review_window_get_dirty (review));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.approve", "s", first));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.set-comment", "(ss)",
                                             second, "Let’s talk <about> this"));
  g_assert_cmpint (cmio_review_window_get_status (review, second, &comment), ==, CMIO_MENTOR_STATUS_DISCUSS);
  g_assert_cmpstr (comment, ==, "Let’s talk <about> this");
  g_assert_true (cmio_review_window_get_dirty (review));

  /* The first row's own buttons show and change its item's mark. */
  cmio_test_iterate (200);
  approve = find_labelled_toggle (GTK_WIDGET (cmio_review_window_get_list (review)), "Approve");
  g_assert_nonnull (approve);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (approve)));
  {
    GtkWidget *discuss = gtk_widget_get_next_sibling (approve);

    g_assert_true (GTK_IS_TOGGLE_BUTTON (discuss));
    g_signal_emit_by_name (discuss, "clicked");
    g_assert_cmpint (cmio_review_window_get_status (review, first, NULL), ==, CMIO_MENTOR_STATUS_DISCUSS);
    g_signal_emit_by_name (approve, "clicked");
    g_assert_cmpint (cmio_review_window_get_status (review, first, NULL), ==, CMIO_MENTOR_STATUS_APPROVED);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.approve", "s", third));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.clear", "s", third));
  g_assert_cmpuint (cmio_review_window_get_n_marked (review), ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (cmio_test_find_descendant (GTK_WIDGET (review), ADW_TYPE_ENTRY_ROW)),
                         "Dr. Lee");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (cmio_test_find_descendant (GTK_WIDGET (review),
                                                                                               GTK_TYPE_TEXT_VIEW))),
                            "See you <b>Friday</b>", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.save-to", "s", review_path));
  g_assert_true (file_exists (review_path));
  g_assert_false (cmio_review_window_get_dirty (review));
  settings = g_settings_new (BASE_ID);
  g_assert_cmpstr (g_settings_get_string (settings, "reviewer-name"), ==, "Dr. Lee");
  gtk_window_close (GTK_WINDOW (review));
  g_assert_true (cmio_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (CMIO_TYPE_REVIEW_WINDOW), 5000));

  /* The mentee imports it: a summary first, then the marks. */
  cmio_application_open_file (app, g_file_new_for_path (review_path));
  message = wait_for_message ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "Dr. Lee"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "1 item approved"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "1 to discuss"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "See you <b>Friday</b>"));
  respond (message, "import");
  {
    const char *mark_comment = NULL, *by = NULL;

    g_assert_cmpint (cmio_progress_get_item_mentor (progress, first, NULL, &by, NULL), ==,
                     CMIO_MENTOR_STATUS_APPROVED);
    g_assert_cmpstr (by, ==, "Dr. Lee");
    g_assert_cmpint (cmio_progress_get_item_mentor (progress, second, &mark_comment, NULL, NULL), ==,
                     CMIO_MENTOR_STATUS_DISCUSS);
    g_assert_cmpstr (mark_comment, ==, "Let’s talk <about> this");
    g_assert_cmpint (cmio_progress_get_item_mentor (progress, third, NULL, NULL, NULL), ==,
                     CMIO_MENTOR_STATUS_NONE);
  }
  /* The mentee's own tick and evidence stay. */
  g_assert_true (cmio_progress_get_item_done (progress, first));
  g_assert_cmpstr (cmio_progress_get_item_evidence (progress, first), ==, "Signed job description");
  g_assert_cmpstr (cmio_window_get_last_toast (window), ==, "Review from Dr. Lee imported");

  /* The overview names the latest review and quotes its comment as text. */
  {
    AdwActionRow *row;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
    row = ADW_ACTION_ROW (cmio_test_find_named (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "review"));
    g_assert_nonnull (row);
    g_assert_true (cmio_test_wait_for (review_row_filled, row, 5000));
    g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "See you <b>Friday</b>");
    g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  }

  /* Importing it again says so, and changes nothing. */
  {
    guint n_reviews = cmio_progress_get_n_reviews (progress);

    cmio_application_open_file (app, g_file_new_for_path (review_path));
    message = wait_for_message ();
    g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "already in your checklist"));
    respond (message, "import");
    g_assert_cmpuint (cmio_progress_get_n_reviews (progress), ==, n_reviews);
  }

  /* Undo takes the first import back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  cmio_test_iterate (50);
  g_assert_cmpint (cmio_progress_get_item_mentor (progress, first, NULL, NULL, NULL), ==, CMIO_MENTOR_STATUS_NONE);
  g_assert_true (cmio_progress_get_item_done (progress, first));

  /* After a newer export, the review is of an older one: it says so first. */
  {
    g_autofree char *newer_path = tmp_path ("newer.cmioexport");

    dialog = open_export_dialog (window);
    cmio_export_dialog_set_kind (dialog, CMIO_EXPORT_JSON);
    export_through_dialog (window, dialog, newer_path, 5000);
    cmio_application_open_file (app, g_file_new_for_path (review_path));
    message = wait_for_message ();
    g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "older export"));
    respond (message, "cancel");
    g_assert_cmpint (cmio_progress_get_item_mentor (progress, first, NULL, NULL, NULL), ==,
                     CMIO_MENTOR_STATUS_NONE);
  }
}

/* The progress as it would be saved, but for the time of saving. */
static char *
progress_snapshot (void)
{
  g_autoptr(JsonNode) root = cmio_progress_to_json (cmio_test_progress (app));

  json_object_remove_member (json_node_get_object (root), "saved_at");
  return json_to_string (root, TRUE);
}

static void
test_exchange_ui_bad_files (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  g_autofree char *not_json = tmp_path ("broken.cmioreview");
  g_autofree char *not_export = tmp_path ("broken.cmioexport");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *message;

  g_assert_nonnull (window);
  before = progress_snapshot ();

  g_assert_true (g_file_set_contents (not_json, "this is { not json", -1, NULL));
  cmio_application_open_file (app, g_file_new_for_path (not_json));
  message = wait_for_message ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Cannot Import the Review");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "broken.cmioreview"));
  respond (message, "close");

  g_assert_true (g_file_set_contents (not_export, "{\"format\": \"cmio-handbook-progress\", \"version\": 1}", -1, NULL));
  cmio_application_open_file (app, g_file_new_for_path (not_export));
  message = wait_for_message ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Cannot Open “broken.cmioexport”");
  respond (message, "close");
  g_assert_null (cmio_test_find_toplevel (CMIO_TYPE_REVIEW_WINDOW));

  after = progress_snapshot ();
  g_assert_cmpstr (before, ==, after);
}

static void
test_exchange_ui_unsaved_review (void)
{
  g_autofree char *export_path = tmp_path ("for-mentor.cmioexport");
  CmioReviewWindow *review = open_review_window (export_path);
  g_autoptr(JsonNode) export = cmio_export_load (g_file_new_for_path (export_path), NULL);
  JsonArray *items = json_object_get_array_member (json_node_get_object (export), "items");
  const char *first = json_object_get_string_member (json_array_get_object_element (items, 0), "id");

  /* A mark not saved is not dropped without asking. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review), "review.discuss", "s", first));
  gtk_window_close (GTK_WINDOW (review));
  respond (wait_for_message (), "cancel");
  g_assert_nonnull (cmio_test_find_toplevel (CMIO_TYPE_REVIEW_WINDOW));
  gtk_window_close (GTK_WINDOW (review));
  respond (wait_for_message (), "discard");
  g_assert_true (cmio_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (CMIO_TYPE_REVIEW_WINDOW), 5000));
}

static gboolean
save_button_narrow (gpointer button)
{
  return gtk_button_get_icon_name (button) != NULL;
}

static gboolean
save_button_wide (gpointer button)
{
  return g_strcmp0 (gtk_button_get_label (button), "_Save Review…") == 0;
}

/* At 360 px the title keeps its room: "Save Review…" shrinks to its icon,
 * still named for screen readers and in its tooltip, and still saves. */
static void
test_exchange_ui_review_narrow (void)
{
  g_autofree char *export_path = tmp_path ("for-mentor.cmioexport");
  CmioReviewWindow *review = open_review_window (export_path);
  GtkButton *save = cmio_review_window_get_save_button (review);

  g_assert_true (cmio_test_wait_for (save_button_wide, save, 5000));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (save)));

  gtk_window_set_default_size (GTK_WINDOW (review), 360, 720);
  g_assert_true (cmio_test_wait_for (save_button_narrow, save, 5000));
  g_assert_cmpstr (gtk_button_get_icon_name (save), ==, "document-save-symbolic");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (save)), ==, "Save Review…");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (save)), ==, "review.save");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (save)));

  gtk_window_set_default_size (GTK_WINDOW (review), 900, 720);
  g_assert_true (cmio_test_wait_for (save_button_wide, save, 5000));
  g_assert_true (gtk_button_get_use_underline (save));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (save)));

  gtk_window_destroy (GTK_WINDOW (review));
  g_assert_true (cmio_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (CMIO_TYPE_REVIEW_WINDOW), 5000));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  launched = cmio_test_catch_launches ();
  tmp_dir = g_dir_make_tmp ("cmio-exchange-XXXXXX", NULL);
  app = cmio_test_application_new ();

  g_test_add_func ("/cmio/exchange-ui/export-dialog", test_exchange_ui_export_dialog);
  g_test_add_func ("/cmio/exchange-ui/pdf", test_exchange_ui_pdf);
  g_test_add_func ("/cmio/exchange-ui/review-round-trip", test_exchange_ui_review_round_trip);
  g_test_add_func ("/cmio/exchange-ui/bad-files", test_exchange_ui_bad_files);
  g_test_add_func ("/cmio/exchange-ui/unsaved-review", test_exchange_ui_unsaved_review);
  g_test_add_func ("/cmio/exchange-ui/review-narrow", test_exchange_ui_review_narrow);

  status = g_test_run ();

  cmio_test_application_free (g_steal_pointer (&app));
  return status;
}

/* test-plan-ui.c — the 90-day plan in the window: checklists, undo, overview
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cmio-application.h"
#include "cmio-item-dialog.h"
#include "cmio-line-estimate.h"
#include "cmio-test-util.h"
#include "cmio-welcome-window.h"
#include "cmio-window.h"

static CmioApplication *app;

static GtkListBox *
chapter_checklist (CmioWindow *window)
{
  return GTK_LIST_BOX (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "checklist"));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static GtkCheckButton *
row_check (GtkListBox *list,
           guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return GTK_CHECK_BUTTON (cmio_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON));
}

/* The first item of chapter 2, "CMIO vs. CIO". */
static const char *
first_item_id (void)
{
  CmioContentPack *pack = cmio_application_get_content_pack (app);
  g_autoptr(GPtrArray) items = cmio_content_pack_get_chapter_items (pack, "cmio-vs-cio");

  return cmio_checklist_item_get_id (cmio_content_pack_find_item (pack,
                                     cmio_checklist_item_get_id (g_ptr_array_index (items, 0))));
}

/* Tests */

static void
test_plan_ui_welcome (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  GtkWindow *welcome;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AdwEntryRow *name;

  /* The first start asks who and when; the start date is offered as today. */
  g_assert_true (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (CMIO_TYPE_WELCOME_WINDOW), 5000));
  welcome = cmio_test_find_toplevel (CMIO_TYPE_WELCOME_WINDOW);
  g_assert_true (gtk_window_get_transient_for (welcome) == GTK_WINDOW (window));
  g_assert_cmpstr (cmio_progress_get_profile (cmio_test_progress (app), "start_date"), ==, today);

  name = ADW_ENTRY_ROW (cmio_test_find_named (GTK_WIDGET (welcome), ADW_TYPE_ENTRY_ROW, "name"));
  gtk_editable_set_text (GTK_EDITABLE (name), "Dr. Ada Example");
  g_assert_cmpstr (cmio_progress_get_profile (cmio_test_progress (app), "name"), ==, "Dr. Ada Example");
  gtk_window_close (welcome);
  cmio_test_iterate (100);
  g_assert_null (cmio_test_find_toplevel (CMIO_TYPE_WELCOME_WINDOW));
}

static void
test_plan_ui_toggle (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioProgress *progress = cmio_test_progress (app);
  CmioStore *store = cmio_application_get_store (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioProgress) on_disk = NULL;
  GtkListBox *list;
  GtkCheckButton *check;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "chapter:cmio-vs-cio"));
  list = chapter_checklist (window);
  g_assert_nonnull (list);
  g_assert_cmpuint (count_rows (list), ==, 6);
  check = row_check (list, 0);
  g_assert_false (gtk_check_button_get_active (check));

  /* By keyboard: Space activates the focused check box. */
  gtk_widget_grab_focus (GTK_WIDGET (check));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (check)));
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (cmio_progress_get_item_done (progress, first_item_id ()));
  g_assert_cmpstr (cmio_window_get_last_toast (window), ==, "Item ticked");

  /* Undo, as the toast's button and Ctrl+Z do, takes it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  check = row_check (list, 0);
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_false (cmio_progress_get_item_done (progress, first_item_id ()));

  /* By click: the check box's own toggle. */
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (gtk_check_button_get_active (row_check (list, 0)));

  /* It reaches the file. */
  g_assert_true (cmio_store_flush (store, &error));
  on_disk = cmio_store_read_file (cmio_store_get_file (store), &error);
  g_assert_no_error (error);
  g_assert_true (cmio_progress_get_item_done (progress, first_item_id ()));
  g_assert_true (cmio_progress_get_item_done (on_disk, first_item_id ()));
  g_assert_nonnull (cmio_progress_get_item_done_at (on_disk, first_item_id ()));
}

static GtkButton *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  GtkWidget *button = NULL;

  /* Walk every widget below @root. */
  {
    GtkWidget *stack[512];
    guint depth = 0;

    stack[depth++] = root;
    while (depth > 0 && button == NULL)
      {
        GtkWidget *w = stack[--depth];

        if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)
          button = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c && depth < G_N_ELEMENTS (stack); c = gtk_widget_get_next_sibling (c))
          stack[depth++] = c;
      }
  }

  return button ? GTK_BUTTON (button) : NULL;
}

/* Opens a row's details, where its buttons are. */
static GtkListBoxRow *
expanded_row (GtkListBox *list,
              guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  gtk_expander_set_expanded (GTK_EXPANDER (cmio_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_EXPANDER)), TRUE);
  return row;
}

static void
test_plan_ui_custom_items (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioProgress *progress = cmio_test_progress (app);
  GtkListBox *list;
  GtkButton *add;
  GtkWindow *dialog;
  AdwEntryRow *text_row;
  g_autoptr(CmioChecklistItem) item = NULL;
  GtkListBoxRow *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "chapter:certification"));
  list = chapter_checklist (window);
  g_assert_cmpuint (count_rows (list), ==, 6);

  /* Add: the dialog asks, Save adds the item at the end of the chapter's. */
  add = GTK_BUTTON (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_BUTTON, "add-item"));
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (CMIO_TYPE_ITEM_DIALOG), 5000));
  dialog = cmio_test_find_toplevel (CMIO_TYPE_ITEM_DIALOG);
  text_row = ADW_ENTRY_ROW (cmio_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (GTK_EDITABLE (text_row), "Ask the CMO to fund the board review course");
  cmio_item_dialog_save (CMIO_ITEM_DIALOG (dialog));
  cmio_test_iterate (50);
  g_assert_cmpuint (cmio_progress_get_n_custom_items (progress), ==, 1);
  g_assert_cmpuint (count_rows (list), ==, 7);
  item = cmio_progress_dup_custom_item (progress, 0);
  g_assert_cmpstr (cmio_checklist_item_get_number (item), ==, "8.7");

  /* Edit it. */
  row = expanded_row (list, 6);
  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (row), "_Edit…"), "clicked");
  g_assert_true (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (CMIO_TYPE_ITEM_DIALOG), 5000));
  dialog = cmio_test_find_toplevel (CMIO_TYPE_ITEM_DIALOG);
  text_row = ADW_ENTRY_ROW (cmio_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text_row)), ==,
                   "Ask the CMO to fund the board review course");
  gtk_editable_set_text (GTK_EDITABLE (text_row), "Ask the CMO to fund the course");
  cmio_item_dialog_save (CMIO_ITEM_DIALOG (dialog));
  cmio_test_iterate (50);
  g_clear_object (&item);
  item = cmio_progress_dup_custom_item (progress, 0);
  g_assert_cmpstr (cmio_checklist_item_get_text (item), ==, "Ask the CMO to fund the course");

  /* Delete it, with Undo offered; undo brings it back. */
  row = expanded_row (list, 6);
  g_signal_emit_by_name (find_button_labelled (GTK_WIDGET (row), "_Delete"), "clicked");
  g_assert_cmpuint (cmio_progress_get_n_custom_items (progress), ==, 0);
  g_assert_cmpstr (cmio_window_get_last_toast (window), ==, "Item deleted");
  g_assert_cmpuint (count_rows (list), ==, 6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (cmio_progress_get_n_custom_items (progress), ==, 1);
  g_assert_cmpuint (count_rows (list), ==, 7);
}

static void
test_plan_ui_whole_checklist (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  GtkListView *view;
  GListModel *rows;
  GtkDropDown *filter;
  guint all;
  guint done;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "checklist"));
  g_assert_cmpstr (cmio_window_get_page (window), ==, "checklist");
  view = GTK_LIST_VIEW (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "checklist-view"));
  rows = G_LIST_MODEL (gtk_list_view_get_model (view));

  /* All: nine chapter headers and every item, the custom one too. */
  all = g_list_model_get_n_items (rows);
  g_assert_cmpuint (all, ==, 9 + 56 + 1);

  /* Done only: the one ticked before, under its chapter. */
  filter = GTK_DROP_DOWN (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, "filter"));
  gtk_drop_down_set_selected (filter, 2);
  done = g_list_model_get_n_items (rows);
  g_assert_cmpuint (done, ==, 2);
  gtk_drop_down_set_selected (filter, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, all);
}

/* The estimate against a table: every character 10 px wide. */
static void
test_plan_ui_line_estimate (void)
{
  static const struct {
    const char *text;
    double width;
    guint lines;
  } cases[] = {
    { "", 100, 1 },
    { "abc", 100, 1 },
    { "abcdefghij", 100, 1 },               /* exactly a line */
    { "abcdefghijk", 100, 2 },              /* a word wider than a line breaks */
    { "abcde fghij", 100, 2 },              /* the space does not fit */
    { "abcd efgh", 100, 1 },
    { "abcd efgh ij", 100, 2 },
    { "aaaa bbbb cccc dddd", 100, 2 },
    { "aaaa bbbb cccc dddd eeee", 100, 3 },
    { "aaaaaaaaaaaaaaaaaaaaaaaaa", 100, 3 }, /* 25 characters, broken anywhere */
    { "ab\ncd", 100, 2 },                   /* a new line is a new line */
    { "1.1  two  spaces", 100, 2 },
    { "abcdefghij   ", 100, 1 },            /* trailing spaces hang */
    { "abcde     fghij", 100, 2 },
    { "aaaa bbbb cccc\nd", 100, 3 },       /* wrapped, then a new line */
    { "\xc3\xa9t\xc3\xa9 \xc3\xa9t\xc3\xa9", 60, 2 }, /* not ASCII: the mean width */
    { "anything", 0, 1 },
  };
  CmioAdvances advances;

  cmio_advances_set_uniform (&advances, 10);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s at %g", cases[i].text, cases[i].width);
      g_assert_cmpuint (cmio_advances_count_lines (&advances, cases[i].text, cases[i].width), ==, cases[i].lines);
    }
}

/* Each item's text on screen has the lines Pango needs for it at the
 * width it has: no blank line, nothing cut short. */
static void
check_item_lines (GtkWidget *widget,
                  guint     *checked)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_item_lines (child, checked);

  if (GTK_IS_INSCRIPTION (widget) && g_strcmp0 (gtk_widget_get_name (widget), "item-text") == 0 &&
      gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0)
    {
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (layout, gtk_widget_get_width (widget) * PANGO_SCALE);
      g_test_message ("%d px: %s", gtk_widget_get_width (widget), text);
      g_assert_cmpuint (gtk_inscription_get_nat_lines (GTK_INSCRIPTION (widget)), ==,
                        pango_layout_get_line_count (layout));
      (*checked)++;
    }
}

static void
test_plan_ui_checklist_lines (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  AdwLeaflet *leaflet = ADW_LEAFLET (cmio_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  GtkWidget *view;
  guint wide = 0;
  guint narrow = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "checklist"));
  view = cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "checklist-view");
  cmio_test_iterate (200);
  check_item_lines (view, &wide);
  g_assert_cmpuint (wide, >, 5);

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  g_assert_true (cmio_test_wait_for (cmio_test_leaflet_folded, leaflet, 5000));
  cmio_test_iterate (200);
  check_item_lines (view, &narrow);
  g_assert_cmpuint (narrow, >, 5);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  g_assert_true (cmio_test_wait_for (cmio_test_leaflet_unfolded, leaflet, 5000));
}

static gboolean
due_filled (gpointer list)
{
  return count_rows (list) > 0;
}

static void
test_plan_ui_overview (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioProgress *progress = cmio_test_progress (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_add_days (now, -45);
  g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%d");
  GtkLabel *day;
  GtkListBox *due;

  g_assert_true (cmio_progress_set_profile (progress, "start_date", start_text, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
  cmio_test_iterate (100);

  day = GTK_LABEL (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_LABEL, "day"));
  g_assert_cmpstr (gtk_label_get_text (day), ==, "Day 45 of 90");
  /* The items due fill in just after the page shows, when the main loop is
   * idle: wait for them, however busy the machine. */
  due = GTK_LIST_BOX (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "due"));
  g_assert_true (cmio_test_wait_for (due_filled, due, 10000));
  g_assert_cmpuint (count_rows (due), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  app = cmio_test_application_new ();

  g_test_add_func ("/cmio/plan-ui/welcome", test_plan_ui_welcome);
  g_test_add_func ("/cmio/plan-ui/line-estimate", test_plan_ui_line_estimate);
  g_test_add_func ("/cmio/plan-ui/toggle", test_plan_ui_toggle);
  g_test_add_func ("/cmio/plan-ui/custom-items", test_plan_ui_custom_items);
  g_test_add_func ("/cmio/plan-ui/whole-checklist", test_plan_ui_whole_checklist);
  g_test_add_func ("/cmio/plan-ui/checklist-lines", test_plan_ui_checklist_lines);
  g_test_add_func ("/cmio/plan-ui/overview", test_plan_ui_overview);

  status = g_test_run ();

  cmio_test_application_free (g_steal_pointer (&app));
  return status;
}

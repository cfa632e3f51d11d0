/* test-assessment-ui.c — the self-assessment wizard, by keyboard
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cmio-application.h"
#include "cmio-assessment.h"
#include "cmio-assessment-page.h"
#include "cmio-test-util.h"
#include "cmio-welcome-window.h"
#include "cmio-window.h"

static CmioApplication *app;

static CmioAssessmentPage *
open_page (CmioWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "assessment"));
  cmio_test_iterate (100);
  g_assert_cmpstr (cmio_window_get_page (window), ==, "assessment");
  return CMIO_ASSESSMENT_PAGE (cmio_test_find_descendant (GTK_WIDGET (window), CMIO_TYPE_ASSESSMENT_PAGE));
}

/* The visible step's competency cards, named by competency id. */
static GPtrArray *
visible_cards (CmioAssessmentPage *page)
{
  GPtrArray *cards = g_ptr_array_new ();
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, page);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (!gtk_widget_get_mapped (widget))
        continue;
      if (gtk_widget_has_css_class (widget, "card"))
        g_ptr_array_add (cards, widget);
      for (GtkWidget *child = gtk_widget_get_last_child (widget); child; child = gtk_widget_get_prev_sibling (child))
        g_ptr_array_add (stack, child);
    }

  g_ptr_array_unref (stack);
  return cards;
}

static GtkWidget *
card_choices (GtkWidget *card)
{
  for (GtkWidget *child = gtk_widget_get_first_child (card); child; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "linked"))
      return child;
  return NULL;
}

/* Presses a key on a card's rating, as the keyboard does with its first
 * button focused: the key goes to the rating's own key handler. */
static void
press_key (GtkWidget *card,
           guint      keyval)
{
  GtkWidget *choices = card_choices (card);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (choices);
  gboolean handled = FALSE;

  gtk_widget_grab_focus (gtk_widget_get_first_child (choices));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static int
active_level (GtkWidget *card)
{
  int index = 0;

  for (GtkWidget *button = gtk_widget_get_first_child (card_choices (card)); button;
       button = gtk_widget_get_next_sibling (button), index++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)))
      return index < 5 ? index + 1 : 0;

  return -1;
}

static void
test_assessment_ui_wizard (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioProgress *progress = cmio_test_progress (app);
  CmioAssessmentPage *page;
  g_autoptr(GPtrArray) cards = NULL;
  g_autofree char *first_id = NULL;
  GtkButton *start;
  GtkLabel *review;
  const char *assessment;
  int n_steps;
  int level;
  guint rated = 0;

  if (cmio_test_wait_for (cmio_test_toplevel_shown, GSIZE_TO_POINTER (CMIO_TYPE_WELCOME_WINDOW), 3000))
    {
      gtk_window_close (cmio_test_find_toplevel (CMIO_TYPE_WELCOME_WINDOW));
      cmio_test_iterate (100);
    }

  page = open_page (window);
  g_assert_nonnull (page);
  g_assert_false (cmio_assessment_page_in_wizard (page));
  g_assert_cmpuint (cmio_progress_get_n_assessments (progress), ==, 0);

  /* The introduction, a page per domain, the review. */
  n_steps = cmio_assessment_page_get_n_steps (page);
  g_assert_cmpint (n_steps, >=, 4);
  start = GTK_BUTTON (cmio_test_find_named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "start"));
  g_signal_emit_by_name (start, "clicked");
  cmio_test_iterate (50);
  g_assert_true (cmio_assessment_page_in_wizard (page));
  g_assert_cmpint (cmio_assessment_page_get_step (page), ==, 0);
  g_assert_true (cmio_progress_has_draft (progress));

  /* Ctrl+Enter goes on; on the first domain's page, 1–5 rate. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.next", NULL));
  cmio_test_iterate (400);
  g_assert_cmpint (cmio_assessment_page_get_step (page), ==, 1);
  cards = visible_cards (page);
  g_assert_cmpuint (cards->len, >, 0);
  press_key (g_ptr_array_index (cards, 0), GDK_KEY_4);
  g_assert_cmpint (active_level (g_ptr_array_index (cards, 0)), ==, 4);

  /* Moving across the scale shows each level's meaning. */
  {
    GtkWidget *card = g_ptr_array_index (cards, 0);
    GtkWidget *third = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (card_choices (card))));
    GtkWidget *meaning = gtk_widget_get_next_sibling (card_choices (card));
    CmioCompetency *competency = NULL;
    GListModel *all = cmio_content_pack_get_competencies (cmio_application_get_content_pack (app));

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(CmioCompetency) candidate = g_list_model_get_item (all, i);

        if (g_strcmp0 (cmio_competency_get_id (candidate), gtk_widget_get_name (card)) == 0)
          competency = candidate;
      }
    g_assert_nonnull (competency);
    gtk_widget_grab_focus (third);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (meaning)), ==, cmio_competency_get_level (competency, 3));

    /* A screen reader hears the competency, the level and its meaning. */
    {
      g_autofree char *expected = g_strdup_printf ("%s, level 3 of 5: %s", cmio_competency_get_title (competency),
                                                   cmio_competency_get_level (competency, 3));
      g_autofree char *mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (third),
                                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

      g_assert_null (mismatch);
    }
    /* Leaving the scale shows the chosen level's meaning again. */
    gtk_widget_grab_focus (cmio_test_find_named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "next"));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (meaning)), ==, cmio_competency_get_level (competency, 4));
  }
  first_id = g_strdup (gtk_widget_get_name (g_ptr_array_index (cards, 0)));
  g_assert_true (cmio_progress_get_rating (progress, cmio_progress_start_draft (progress, NULL), first_id,
                                           &level, NULL));
  g_assert_cmpint (level, ==, 4);

  /* Next then Back: the answer is still there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.back", NULL));
  cmio_test_iterate (400);
  g_assert_cmpint (active_level (g_ptr_array_index (cards, 0)), ==, 4);

  /* Closing the window half-way keeps the draft; the next start offers to
   * resume it, on the same page, with its answers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.next", NULL));
  cmio_test_iterate (50);
  g_assert_cmpint (cmio_progress_get_draft_page (progress), ==, 2);
  gtk_window_close (GTK_WINDOW (window));
  cmio_test_iterate (200);
  window = cmio_test_main_window (app);
  page = open_page (window);
  start = GTK_BUTTON (cmio_test_find_named (GTK_WIDGET (page), GTK_TYPE_BUTTON, "start"));
  g_assert_false (cmio_assessment_page_in_wizard (page));
  g_assert_cmpstr (gtk_button_get_label (start), ==, "_Resume");
  g_signal_emit_by_name (start, "clicked");
  cmio_test_iterate (400);
  g_assert_cmpint (cmio_assessment_page_get_step (page), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.back", NULL));
  cmio_test_iterate (400);
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = visible_cards (page);
  g_assert_cmpstr (gtk_widget_get_name (g_ptr_array_index (cards, 0)), ==, first_id);
  g_assert_cmpint (active_level (g_ptr_array_index (cards, 0)), ==, 4);

  /* Every other domain page by keyboard: 5 for the first, 0 (not sure)
   * for the second, 3 for the others. */
  while (cmio_assessment_page_get_step (page) < n_steps - 2)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.next", NULL));
      cmio_test_iterate (400);
      g_clear_pointer (&cards, g_ptr_array_unref);
      cards = visible_cards (page);
      for (guint i = 0; i < cards->len; i++, rated++)
        press_key (g_ptr_array_index (cards, i), i == 0 ? GDK_KEY_KP_5 : i == 1 ? GDK_KEY_0 : GDK_KEY_3);
    }

  /* The review lists what is not answered: the first page's others. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.next", NULL));
  cmio_test_iterate (400);
  g_assert_cmpint (cmio_assessment_page_get_step (page), ==, n_steps - 1);
  review = GTK_LABEL (cmio_test_find_named (GTK_WIDGET (page), GTK_TYPE_LABEL, "review"));
  g_assert_nonnull (strstr (gtk_label_get_text (review), "competencies answered. Not answered yet:"));

  /* Finish: one completed assessment, with the answers, and no draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.next", NULL));
  cmio_test_iterate (50);
  g_assert_false (cmio_assessment_page_in_wizard (page));
  g_assert_false (cmio_progress_has_draft (progress));
  g_assert_cmpuint (cmio_progress_get_n_assessments (progress), ==, 1);
  assessment = cmio_progress_get_assessment_id (progress, 0);
  g_assert_nonnull (cmio_progress_get_assessment_field (progress, assessment, "completed_at"));
  g_assert_true (cmio_progress_get_rating (progress, assessment, first_id, &level, NULL));
  g_assert_cmpint (level, ==, 4);
  g_assert_cmpuint (rated, >, 0);
  {
    g_autoptr(CmioAssessmentResult) counted = cmio_assessment_result_new (cmio_application_get_content_pack (app),
                                                                          progress, assessment);
    guint answered = 0;
    guint not_sure = 0;

    cmio_assessment_result_get_counts (counted, &answered, &not_sure, NULL);
    g_assert_cmpuint (not_sure, >, 0);
    g_assert_cmpuint (answered + not_sure, ==, rated + 1);
  }
  g_assert_cmpstr (cmio_window_get_last_toast (window), ==, "Self-assessment saved");
  g_assert_cmpstr (gtk_button_get_label (start), ==, "_Start Again");

  /* Its results: the heading, the chart, a score per domain as the core
   * computes it, and the gaps with the chapters that help. */
  {
    g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (cmio_application_get_content_pack (app),
                                                                         progress, assessment);
    const CmioDomainScore *first_domain = cmio_assessment_result_get_domain (result, 0);
    g_autofree char *expected = g_strdup_printf ("%.1f of 5", first_domain->mean);
    GtkWidget *domains = cmio_test_find_named (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "domains");
    GtkWidget *row = cmio_test_find_descendant (domains, ADW_TYPE_EXPANDER_ROW);
    GtkWidget *gaps = cmio_test_find_named (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "gaps");
    GtkWidget *history = cmio_test_find_named (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "history");
    GtkWidget *gap = cmio_test_find_descendant (gaps, ADW_TYPE_EXPANDER_ROW);
    GtkWidget *delete;

    g_assert_nonnull (cmio_test_find_named (GTK_WIDGET (page), GTK_TYPE_WIDGET, "chart"));
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, expected);
    g_assert_cmpstr (gtk_widget_get_name (row), ==, first_domain->domain_id);
    g_assert_nonnull (gap);
    g_assert_cmpstr (gtk_widget_get_name (gap), ==, cmio_assessment_result_get_gaps (result)[0]);

    /* History: one, which can be deleted, and the deletion undone. */
    row = cmio_test_find_named (history, ADW_TYPE_ACTION_ROW, assessment);
    g_assert_nonnull (row);
    delete = cmio_test_find_descendant (row, GTK_TYPE_BUTTON);
    g_signal_emit_by_name (delete, "clicked");
    cmio_test_iterate (50);
    g_assert_cmpuint (cmio_progress_get_n_assessments (progress), ==, 0);
    g_assert_cmpstr (cmio_window_get_last_toast (window), ==, "Self-assessment deleted");
    g_assert_false (gtk_widget_get_visible (history));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    cmio_test_iterate (50);
    g_assert_cmpuint (cmio_progress_get_n_assessments (progress), ==, 1);
    g_assert_nonnull (cmio_test_find_named (history, ADW_TYPE_ACTION_ROW, assessment));
  }
}

static gboolean
subtitle_is_expected (gpointer row)
{
  const char *subtitle = adw_action_row_get_subtitle (row);

  return subtitle != NULL && g_str_has_suffix (subtitle, g_object_get_data (row, "expected"));
}

/* A prepared history: two self-assessments; the page shows the latest's
 * figures as the core computes them, and both in the history. */
static void
test_assessment_ui_history (void)
{
  CmioWindow *window = cmio_test_main_window (app);
  CmioProgress *progress = cmio_test_progress (app);
  CmioContentPack *pack = cmio_application_get_content_pack (app);
  GListModel *competencies = cmio_content_pack_get_competencies (pack);
  g_autoptr(GError) error = NULL;
  g_autoptr(CmioAssessmentResult) result = NULL;
  g_autofree char *latest = NULL;
  CmioAssessmentPage *page;
  GtkWidget *history;
  GtkWidget *domains;
  GtkWidget *heading;
  guint n_before = cmio_progress_get_n_assessments (progress);

  g_assert_nonnull (cmio_progress_start_draft (progress, &error));
  for (guint i = 0; i < g_list_model_get_n_items (competencies); i++)
    {
      g_autoptr(CmioCompetency) competency = g_list_model_get_item (competencies, i);

      g_assert_true (cmio_progress_set_draft_rating (progress, cmio_competency_get_id (competency),
                                                     1 + i % 5, NULL, &error));
    }
  latest = cmio_progress_finish_draft (progress, &error);
  g_assert_no_error (error);
  result = cmio_assessment_result_new (pack, progress, latest);

  page = open_page (window);
  history = cmio_test_find_named (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "history");
  g_assert_nonnull (cmio_test_find_named (history, ADW_TYPE_ACTION_ROW, latest));
  g_assert_cmpuint (n_before + 1, ==, cmio_progress_get_n_assessments (progress));
  g_assert_cmpuint (n_before, >=, 1);

  heading = cmio_test_find_named (GTK_WIDGET (page), GTK_TYPE_LABEL, "results-heading");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (heading)), "Results: "));
  domains = cmio_test_find_named (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "domains");
  for (guint d = 0; d < cmio_assessment_result_get_n_domains (result); d++)
    {
      const CmioDomainScore *score = cmio_assessment_result_get_domain (result, d);
      g_autofree char *expected = g_strdup_printf ("%.1f of 5", score->mean);
      GtkWidget *row = cmio_test_find_named (domains, ADW_TYPE_EXPANDER_ROW, score->domain_id);

      g_assert_nonnull (row);
      g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, expected);
    }

  /* The gaps name the lowest, with their chapters to read. */
  {
    GtkWidget *gaps = cmio_test_find_named (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "gaps");
    const char *gap = cmio_assessment_result_get_gaps (result)[0];
    g_auto(GStrv) chapters = NULL;
    g_auto(GStrv) items = NULL;
    GtkWidget *row = cmio_test_find_named (gaps, ADW_TYPE_EXPANDER_ROW, gap);

    g_assert_nonnull (row);
    g_assert_cmpint (cmio_assessment_result_get_score (result, gap), ==, 1);
    g_assert_true (cmio_assessment_result_dup_recommendations (result, gap, &chapters, &items));
    g_assert_nonnull (chapters[0]);
    g_assert_nonnull (cmio_test_find_named (row, ADW_TYPE_ACTION_ROW, chapters[0]));

    /* Its checklist items are listed too, and one opens its chapter. */
    {
      guint n_items = 0;
      GtkWidget *item_row = NULL;
      g_autoptr(GPtrArray) all = g_ptr_array_new ();

      g_ptr_array_add (all, row);
      while (all->len > 0)
        {
          GtkWidget *widget = g_ptr_array_steal_index (all, all->len - 1);

          if (ADW_IS_ACTION_ROW (widget) && gtk_widget_has_css_class (widget, "item"))
            {
              n_items++;
              item_row = widget;
            }
          for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
            g_ptr_array_add (all, child);
        }
      g_assert_cmpuint (n_items, ==, g_strv_length (items));
      g_assert_nonnull (item_row);
      g_signal_emit_by_name (item_row, "activated");
      cmio_test_iterate (100);
      g_assert_true (g_str_has_prefix (cmio_window_get_page (window), "chapter:"));
    }
  }

  /* The overview sums up the latest, and leads to the page. */
  {
    g_autofree char *summary = NULL;
    double mean = 0;
    AdwActionRow *row;

    g_assert_true (cmio_assessment_result_get_mean (result, &mean));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "overview"));
    cmio_test_iterate (200);
    row = ADW_ACTION_ROW (cmio_test_find_named (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW, "assessment"));
    g_assert_nonnull (row);
    summary = g_strdup_printf ("%.1f of 5 on average", mean);
    /* The overview brings itself up to date when the main loop is idle. */
    g_object_set_data (G_OBJECT (row), "expected", summary);
    g_assert_true (cmio_test_wait_for (subtitle_is_expected, row, 10000));
    g_signal_emit_by_name (row, "activate");
    cmio_test_iterate (100);
    g_assert_cmpstr (cmio_window_get_page (window), ==, "assessment");
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  app = cmio_test_application_new ();

  g_test_add_func ("/cmio/assessment-ui/wizard", test_assessment_ui_wizard);
  g_test_add_func ("/cmio/assessment-ui/history", test_assessment_ui_history);

  status = g_test_run ();

  cmio_test_application_free (g_steal_pointer (&app));
  return status;
}

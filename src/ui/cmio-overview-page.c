/* cmio-overview-page.c — where the 90-day plan stands, at a glance
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-assessment.h"
#include "cmio-overview-page.h"

#define N_DUE 5

struct _CmioOverviewPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkImage *icon;
  GtkLabel *day_label;
  GtkLabel *who_label;
  GtkButton *continue_button;
  AdwActionRow *chapters_row;
  GtkLevelBar *chapters_bar;
  AdwActionRow *required_row;
  GtkLevelBar *required_bar;
  AdwActionRow *items_row;
  GtkLevelBar *items_bar;
  AdwPreferencesGroup *due_group;
  GtkListBox *due_list;
  AdwPreferencesGroup *assessment_group;
  AdwActionRow *assessment_row;
  AdwPreferencesGroup *review_group;
  AdwActionRow *review_row;

  /* Owned */
  CmioPlan *plan;
  CmioProgress *progress;
  guint update_source;
  guint due_source;
  guint overdue;
  gboolean stale;
};

G_DEFINE_FINAL_TYPE (CmioOverviewPage, cmio_overview_page, ADW_TYPE_BIN)

enum {
  OPEN_CHAPTER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_figure (AdwActionRow *row,
            GtkLevelBar  *bar,
            guint         done,
            guint         total)
{
  /* Translators: a count, like "3 of 9". */
  g_autofree char *text = g_strdup_printf (_("%u of %u"), done, total);

  adw_action_row_set_subtitle (row, text);
  gtk_level_bar_set_value (bar, total > 0 ? (double) done / total : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  -1);
}

static void
update_who (CmioOverviewPage *self)
{
  const char *name = cmio_progress_get_profile (self->progress, "name");
  const char *role = cmio_progress_get_profile (self->progress, "role");
  const char *organization = cmio_progress_get_profile (self->progress, "organization");
  g_autoptr(GString) text = g_string_new (NULL);

  if (name != NULL)
    g_string_append (text, name);
  if (role != NULL)
    g_string_append_printf (text, "%s%s", text->len ? ", " : "", role);
  if (organization != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", organization);

  gtk_label_set_text (self->who_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->who_label), text->len > 0);
}

static void
update_due (CmioOverviewPage *self,
            guint             overdue)
{
  g_autoptr(GPtrArray) due = cmio_plan_dup_next_due (self->plan, N_DUE);
  g_autofree char *description = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->due_list))) != NULL)
    gtk_list_box_remove (self->due_list, child);

  for (guint i = 0; i < due->len; i++)
    {
      CmioPlanItem *item = g_ptr_array_index (due, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s  %s", cmio_plan_item_get_number (item),
                                                cmio_plan_item_get_text (item));
      g_autofree char *subtitle = cmio_plan_item_get_overdue (item)
                                  ? g_strdup_printf ("%s · %s", cmio_plan_item_get_target_label (item), _("Overdue"))
                                  : g_strdup (cmio_plan_item_get_target_label (item));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), cmio_plan_item_get_chapter_id (item) != NULL);
      g_object_set_data_full (G_OBJECT (row), "chapter-id",
                              g_strdup (cmio_plan_item_get_chapter_id (item)), g_free);
      gtk_list_box_append (self->due_list, row);
    }

  if (due->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Nothing left to do: every item is done"));
      gtk_list_box_append (self->due_list, row);
    }

  if (overdue > 0)
    description = g_strdup_printf (ngettext ("%u item is overdue", "%u items are overdue", overdue), overdue);
  adw_preferences_group_set_description (self->due_group, description);
}

static gboolean
update_due_cb (gpointer data)
{
  CmioOverviewPage *self = data;

  self->due_source = 0;
  update_due (self, self->overdue);
  return G_SOURCE_REMOVE;
}

static void
update_assessment (CmioOverviewPage *self)
{
  guint n = cmio_progress_get_n_assessments (self->progress);
  const char *id;
  const char *completed;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->assessment_group), n > 0);
  if (n == 0)
    return;

  id = cmio_progress_get_assessment_id (self->progress, n - 1);
  completed = cmio_progress_get_assessment_field (self->progress, id, "completed_at");
  time = completed ? g_date_time_new_from_iso8601 (completed, NULL) : NULL;
  when = time ? g_date_time_format (time, "%x") : g_strdup ("");
  title = g_strdup_printf (ngettext ("%u self-assessment completed", "%u self-assessments completed", n), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->assessment_row), title);

  /* The latest's overall score, when it has one. */
  if (self->plan != NULL)
    {
      g_autoptr(CmioAssessmentResult) result = NULL;
      g_auto(GStrv) history = cmio_assessment_dup_history (self->progress);
      guint n_done = history ? g_strv_length (history) : 0;
      double mean;

      if (n_done > 0)
        result = cmio_assessment_result_new (cmio_plan_get_content_pack (self->plan), self->progress,
                                             history[n_done - 1]);
      if (result != NULL && cmio_assessment_result_get_mean (result, &mean))
        {
          g_autofree char *summary = NULL;

          completed = cmio_progress_get_assessment_field (self->progress, history[n_done - 1], "completed_at");
          g_clear_pointer (&time, g_date_time_unref);
          g_free (when);
          time = completed ? g_date_time_new_from_iso8601 (completed, NULL) : NULL;
          when = time ? g_date_time_format (time, "%x") : g_strdup ("");
          /* Translators: the latest self-assessment: its date, then its mean score */
          summary = g_strdup_printf (_("Latest %s: %.1f of 5 on average"), when, mean);
          adw_action_row_set_subtitle (self->assessment_row, summary);
          return;
        }
    }

  adw_action_row_set_subtitle (self->assessment_row, when);
}

/* The latest review imported: who, when, and their overall comment, as
 * plain text (the row reads no markup). */
static void
update_review (CmioOverviewPage *self)
{
  guint n = cmio_progress_get_n_reviews (self->progress);
  const char *mentor, *reviewed, *comment;
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->review_group), n > 0);
  if (n == 0)
    return;

  mentor = cmio_progress_get_review_field (self->progress, n - 1, "mentor");
  reviewed = cmio_progress_get_review_field (self->progress, n - 1, "reviewed_at");
  comment = cmio_progress_get_review_field (self->progress, n - 1, "comment");
  time = reviewed ? g_date_time_new_from_iso8601 (reviewed, NULL) : NULL;
  when = time ? g_date_time_format (time, "%x") : g_strdup ("");
  /* Translators: the latest mentor's review: who, then the date */
  title = g_strdup_printf (_("From %s, %s"), mentor && *mentor ? mentor : _("your mentor"), when);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row), title);
  adw_action_row_set_subtitle (self->review_row,
                               comment && *comment ? comment
                                                   : _("Their marks are beside the items in your checklist"));
}

/**
 * cmio_overview_page_update:
 * @self: a #CmioOverviewPage
 *
 * Brings every figure up to date.
 */
void
cmio_overview_page_update (CmioOverviewPage *self)
{
  g_autofree char *day = NULL;
  CmioPlanFigures figures = { 0 };

  g_return_if_fail (CMIO_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->update_source, g_source_remove);
  self->stale = FALSE;
  if (self->plan == NULL)
    return;

  day = cmio_plan_describe_day (self->plan);
  gtk_label_set_text (self->day_label, day);
  update_who (self);

  cmio_plan_get_figures (self->plan, &figures);
  set_figure (self->chapters_row, self->chapters_bar, figures.chapters_read, figures.chapters_total);
  set_figure (self->required_row, self->required_bar, figures.required_done, figures.required_total);
  set_figure (self->items_row, self->items_bar, figures.items_done, figures.items_total);
  self->overdue = figures.overdue;
  update_assessment (self);
  update_review (self);

  /* The list of items due is the page's largest part: it fills in just
   * after, so that it never delays the window's first frame. */
  if (self->due_source == 0)
    self->due_source = g_idle_add_full (G_PRIORITY_LOW, update_due_cb, self, NULL);
}

static gboolean
update_cb (gpointer data)
{
  CmioOverviewPage *self = data;

  self->update_source = 0;
  cmio_overview_page_update (self);
  return G_SOURCE_REMOVE;
}

/* Many changes may come at once (an undo, a review): update once after,
 * and only when the page is on screen; otherwise when it is shown. */
static void
progress_changed_cb (CmioOverviewPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->update_source == 0)
    self->update_source = g_idle_add (update_cb, self);
}

static void
cmio_overview_page_map (GtkWidget *widget)
{
  CmioOverviewPage *self = CMIO_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (cmio_overview_page_parent_class)->map (widget);

  if (self->stale)
    cmio_overview_page_update (self);
}

static void
due_activated_cb (CmioOverviewPage *self,
                  GtkListBoxRow    *row)
{
  const char *chapter_id = g_object_get_data (G_OBJECT (row), "chapter-id");

  if (chapter_id != NULL)
    g_signal_emit (self, signals[OPEN_CHAPTER], 0, chapter_id);
}

static void
cmio_overview_page_dispose (GObject *object)
{
  CmioOverviewPage *self = (CmioOverviewPage *) object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->due_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CMIO_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (cmio_overview_page_parent_class)->dispose (object);
}

static void
cmio_overview_page_class_init (CmioOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_overview_page_dispose;
  widget_class->map = cmio_overview_page_map;

  signals[OPEN_CHAPTER] =
    g_signal_new ("open-chapter", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cmio-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, icon);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, who_label);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, chapters_row);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, chapters_bar);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, required_row);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, required_bar);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, items_row);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, items_bar);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, due_group);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, due_list);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, assessment_group);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, assessment_row);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, CmioOverviewPage, review_row);
  gtk_widget_class_bind_template_callback (widget_class, due_activated_cb);
}

static void
cmio_overview_page_init (CmioOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_image_set_from_icon_name (self->icon, APP_ID);
}

/**
 * cmio_overview_page_set_context:
 * @self: a #CmioOverviewPage
 * @plan: the plan the figures come from
 * @progress: the progress, for the profile and the assessments
 */
void
cmio_overview_page_set_context (CmioOverviewPage *self,
                                CmioPlan         *plan,
                                CmioProgress     *progress)
{
  g_return_if_fail (CMIO_IS_OVERVIEW_PAGE (self));

  g_set_object (&self->plan, plan);
  if (g_set_object (&self->progress, progress) && progress != NULL)
    g_signal_connect_object (progress, "changed", G_CALLBACK (progress_changed_cb), self,
                             G_CONNECT_SWAPPED);
  cmio_overview_page_update (self);
}

void
cmio_overview_page_set_continue_label (CmioOverviewPage *self,
                                       const char       *label)
{
  g_return_if_fail (CMIO_IS_OVERVIEW_PAGE (self));
  gtk_button_set_label (self->continue_button, label);
}

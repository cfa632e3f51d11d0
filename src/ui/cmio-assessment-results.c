/* cmio-assessment-results.c — a self-assessment's results, and the history
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cmio-assessment.h"
#include "cmio-assessment-results.h"
#include "cmio-chart-view.h"

struct _CmioAssessmentResults
{
  GtkBox parent_instance;

  GtkBox *results;       /* the results shown, rebuilt for each */
  AdwPreferencesGroup *history;
  GPtrArray *history_rows;
  char *shown_id;        /* whose results show; NULL for the latest */

  CmioContentPack *pack;
  CmioProgress *progress;
  CmioUndoStack *undo;
};

G_DEFINE_FINAL_TYPE (CmioAssessmentResults, cmio_assessment_results, GTK_TYPE_BOX)

enum {
  TOAST,
  OPEN_CHAPTER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (CmioAssessmentResults *self,
       const char            *message)
{
  g_signal_emit (self, signals[TOAST], 0, message, FALSE);
}

/* "Day N" of the plan when @timestamp happened, or -1 when unknown. */
static int
plan_day (CmioAssessmentResults *self,
          const char         *timestamp)
{
  const char *start = cmio_progress_get_profile (self->progress, "start_date");
  g_autoptr(GDateTime) when = timestamp ? g_date_time_new_from_iso8601 (timestamp, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate start_date;
  GDate day;

  if (start == NULL || when == NULL)
    return -1;

  g_date_clear (&start_date, 1);
  g_date_set_parse (&start_date, start);
  if (!g_date_valid (&start_date))
    return -1;

  local = g_date_time_to_local (when);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return g_date_days_between (&start_date, &day);
}

static char *
describe_assessment (CmioAssessmentResults *self,
                     const char         *id)
{
  const char *completed = cmio_progress_get_assessment_field (self->progress, id, "completed_at");
  g_autoptr(GDateTime) utc = completed ? g_date_time_new_from_iso8601 (completed, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *date = local ? g_date_time_format (local, _("%B %-d, %Y")) : g_strdup ("");
  int day = plan_day (self, completed);

  if (day >= 0)
    /* Translators: a self-assessment: its date, then the day of the 90-day plan */
    return g_strdup_printf (_("%s · day %d"), date, day);

  return g_steal_pointer (&date);
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles come from the content pack or the user: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
chapter_row_activated_cb (AdwActionRow       *row,
                          CmioAssessmentResults *self)
{
  g_signal_emit (self, signals[OPEN_CHAPTER], 0, gtk_widget_get_name (GTK_WIDGET (row)));
}

static char *
score_text (int score)
{
  if (score == CMIO_ASSESSMENT_NOT_SURE)
    return g_strdup (_("Not sure"));
  if (score == CMIO_ASSESSMENT_UNANSWERED)
    return g_strdup (_("Not answered"));
  return g_strdup_printf (_("%d of 5"), score);
}

static CmioCompetency *
find_competency (CmioAssessmentResult *result,
                 const char           *id)
{
  for (guint i = 0; i < cmio_assessment_result_get_n_competencies (result); i++)
    {
      CmioCompetency *competency = cmio_assessment_result_get_competency (result, i);

      if (g_strcmp0 (cmio_competency_get_id (competency), id) == 0)
        return competency;
    }

  return NULL;
}

/* A group of competencies; for gaps, the chapters and items that help. */
static GtkWidget *
highlights_group (CmioAssessmentResults *self,
                  CmioAssessmentResult *result,
                  const char           *title,
                  const char * const   *ids,
                  gboolean              with_help)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (ids == NULL || ids[0] == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("None yet: too few competencies have a rating from 1 to 5."));
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      CmioCompetency *competency = find_competency (result, ids[i]);
      g_autofree char *score = score_text (cmio_assessment_result_get_score (result, ids[i]));
      g_auto(GStrv) chapters = NULL;
      g_auto(GStrv) items = NULL;
      GtkWidget *row;

      if (competency == NULL)
        continue;

      if (!with_help ||
          !cmio_assessment_result_dup_recommendations (result, ids[i], &chapters, &items) ||
          chapters == NULL || chapters[0] == NULL)
        {
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     plain_row (cmio_competency_get_title (competency), score));
          continue;
        }

      row = adw_expander_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cmio_competency_get_title (competency));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), score);
      gtk_widget_set_name (row, ids[i]);
      for (guint c = 0; chapters[c] != NULL; c++)
        {
          CmioChapter *chapter = cmio_content_pack_find_chapter (self->pack, chapters[c]);
          g_autofree char *read = NULL;
          g_autoptr(GPtrArray) chapter_items = NULL;
          GtkWidget *help;

          if (chapter == NULL)
            continue;

          read = g_strdup_printf (_("Read “%s”"), cmio_chapter_get_title (chapter));
          chapter_items = cmio_content_pack_get_chapter_items (self->pack, chapters[c]);
          {
            g_autofree char *subtitle = g_strdup_printf (ngettext ("Chapter %u, with %u checklist item",
                                                                   "Chapter %u, with %u checklist items",
                                                                   chapter_items->len),
                                                         cmio_chapter_get_number (chapter), chapter_items->len);
            help = plain_row (read, subtitle);
          }
          gtk_widget_set_name (help, chapters[c]);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (help), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (help), gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_signal_connect (help, "activated", G_CALLBACK (chapter_row_activated_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), help);

          /* Its checklist items, each opening the chapter beside them. */
          for (guint n = 0; n < chapter_items->len; n++)
            {
              CmioChecklistItem *item = g_ptr_array_index (chapter_items, n);
              g_autofree char *title = g_strdup_printf ("%s  %s", cmio_checklist_item_get_number (item),
                                                        cmio_checklist_item_get_text (item));
              GtkWidget *item_row = plain_row (title, NULL);

              gtk_widget_set_name (item_row, chapters[c]);
              gtk_widget_add_css_class (item_row, "item");
              gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item_row), TRUE);
              g_signal_connect (item_row, "activated", G_CALLBACK (chapter_row_activated_cb), self);
              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_row);
            }
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static void
show_results_of (CmioAssessmentResults *self,
                 const char         *id)
{
  g_autoptr(CmioAssessmentResult) result = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;
  GtkWidget *child;
  GtkWidget *group;
  GtkWidget *label;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_box_remove (self->results, child);

  result = id ? cmio_assessment_result_new (self->pack, self->progress, id) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->results), result != NULL);
  if (result == NULL)
    return;

  when = describe_assessment (self, id);
  heading = g_strdup_printf (_("Results: %s"), when);
  label = gtk_label_new (heading);
  gtk_widget_set_name (label, "results-heading");
  gtk_widget_add_css_class (label, "title-3");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (self->results, label);

  /* The chart the exports carry too, with the scores said in words. */
  svg = cmio_assessment_chart_svg (self->pack, self->progress, id, NULL);
  if (svg != NULL)
    {
      gsize length = strlen (svg);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&svg), length);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      texture = gdk_texture_new_from_bytes (bytes, &error);
      if (texture != NULL)
        {
          GtkWidget *picture = cmio_chart_view_new (texture);

          gtk_widget_set_name (picture, "chart");
          gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Scores by domain, compared with earlier self-assessments"), -1);
          gtk_widget_add_css_class (picture, "card");
          gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
          gtk_box_append (self->results, picture);
        }
      else
        g_warning ("The chart could not be shown: %s", error->message);
    }

  group = adw_preferences_group_new ();
  gtk_widget_set_name (group, "domains");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("By Domain"));
  for (guint d = 0; d < cmio_assessment_result_get_n_domains (result); d++)
    {
      const CmioDomainScore *score = cmio_assessment_result_get_domain (result, d);
      const CmioDomain *domain = cmio_content_pack_find_domain (self->pack, score->domain_id);
      g_autofree char *text = score->n_answered > 0 ? g_strdup_printf (_("%.1f of 5"), score->mean)
                                                    : g_strdup (_("No answers"));

      GtkWidget *row = adw_expander_row_new ();

      /* Opened, the domain shows each of its competencies' scores. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), domain ? domain->title : score->domain_id);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), text);
      gtk_widget_set_name (row, score->domain_id);
      for (guint i = 0; i < cmio_assessment_result_get_n_competencies (result); i++)
        {
          CmioCompetency *competency = cmio_assessment_result_get_competency (result, i);
          g_autofree char *competency_score = NULL;

          if (g_strcmp0 (cmio_competency_get_domain_id (competency), score->domain_id) != 0)
            continue;
          competency_score = score_text (cmio_assessment_result_get_score (result, cmio_competency_get_id (competency)));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                    plain_row (cmio_competency_get_title (competency), competency_score));
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->results, group);

  group = highlights_group (self, result, _("Strengths"), cmio_assessment_result_get_strengths (result), FALSE);
  gtk_widget_set_name (group, "strengths");
  gtk_box_append (self->results, group);
  group = highlights_group (self, result, _("Gaps, and What Helps"), cmio_assessment_result_get_gaps (result), TRUE);
  gtk_widget_set_name (group, "gaps");
  gtk_box_append (self->results, group);
}

static void
history_row_activated_cb (AdwActionRow       *row,
                          CmioAssessmentResults *self)
{
  g_free (self->shown_id);
  self->shown_id = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));
  show_results_of (self, self->shown_id);
}

static void
delete_assessment_cb (GtkButton          *button,
                      CmioAssessmentResults *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "assessment-id"));
  g_autoptr(GError) error = NULL;

  if (self->undo == NULL)
    return;

  if (g_strcmp0 (self->shown_id, id) == 0)
    g_clear_pointer (&self->shown_id, g_free);

  if (!cmio_undo_stack_remove_assessment (self->undo, id, &error))
    toast (self, error->message);
  else
    g_signal_emit (self, signals[TOAST], 0, cmio_undo_stack_get_label (self->undo), TRUE);
}

void
cmio_assessment_results_update (CmioAssessmentResults *self)
{
  g_auto(GStrv) history = NULL;
  const char *shown;
  guint n;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  history = self->progress ? cmio_assessment_dup_history (self->progress) : NULL;
  n = history ? g_strv_length (history) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->history), n > 0);

  /* Newest first */
  for (guint i = n; i-- > 0;)
    {
      g_autofree char *title = describe_assessment (self, history[i]);
      g_autoptr(CmioAssessmentResult) result = cmio_assessment_result_new (self->pack, self->progress, history[i]);
      g_autofree char *subtitle = NULL;
      g_autofree char *delete_label = g_strdup_printf (_("Delete the self-assessment of %s"), title);
      guint answered = 0;
      guint not_sure = 0;
      guint unanswered = 0;
      GtkWidget *row;
      GtkWidget *button;

      if (result != NULL)
        cmio_assessment_result_get_counts (result, &answered, &not_sure, &unanswered);
      subtitle = g_strdup_printf (_("%u of %u answered"), answered, answered + not_sure + unanswered);
      row = plain_row (title, subtitle);
      gtk_widget_set_name (row, history[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (history_row_activated_cb), self);

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Delete"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
      g_object_set_data_full (G_OBJECT (button), "assessment-id", g_strdup (history[i]), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (delete_assessment_cb), self);
      gtk_widget_set_sensitive (button, !cmio_progress_get_read_only (self->progress));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (self->history, row);
      g_ptr_array_add (self->history_rows, row);
    }

  shown = self->shown_id;
  if (shown == NULL || (history != NULL && !g_strv_contains ((const char * const *) history, shown)))
    shown = n > 0 ? history[n - 1] : NULL;
  show_results_of (self, shown);
}

/* Shows the latest self-assessment's results from now on. */
void
cmio_assessment_results_show_latest (CmioAssessmentResults *self)
{
  g_clear_pointer (&self->shown_id, g_free);
  cmio_assessment_results_update (self);
}

void
cmio_assessment_results_set_context (CmioAssessmentResults *self,
                                     CmioContentPack       *pack,
                                     CmioProgress          *progress,
                                     CmioUndoStack         *undo)
{
  g_set_object (&self->pack, pack);
  g_set_object (&self->progress, progress);
  g_set_object (&self->undo, undo);
  cmio_assessment_results_update (self);
}

static void
cmio_assessment_results_dispose (GObject *object)
{
  CmioAssessmentResults *self = (CmioAssessmentResults *) object;

  g_clear_object (&self->pack);
  g_clear_object (&self->progress);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (cmio_assessment_results_parent_class)->dispose (object);
}

static void
cmio_assessment_results_finalize (GObject *object)
{
  CmioAssessmentResults *self = (CmioAssessmentResults *) object;

  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_free (self->shown_id);

  G_OBJECT_CLASS (cmio_assessment_results_parent_class)->finalize (object);
}

static void
cmio_assessment_results_class_init (CmioAssessmentResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cmio_assessment_results_dispose;
  object_class->finalize = cmio_assessment_results_finalize;

  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  signals[OPEN_CHAPTER] =
    g_signal_new ("open-chapter", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cmio_assessment_results_init (CmioAssessmentResults *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);
  self->history_rows = g_ptr_array_new ();

  self->results = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_name (GTK_WIDGET (self->results), "results");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->results));

  self->history = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (self->history), "history");
  adw_preferences_group_set_title (self->history, _("History"));
  adw_preferences_group_set_description (self->history, _("Choose one to see its results"));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->history));
}

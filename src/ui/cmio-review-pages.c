/* cmio-review-pages.c — what a mentor reads in an export besides the
 * checklist: the self-assessment and the notes, read-only
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-json.h"
#include "cmio-review-pages.h"

/* Everything here is the mentee's text or the pack's: shown in plain
 * labels and rows that do not read markup. */

/* A label that shows text as it is, never as markup. */
/**
 * cmio_plain_label:
 * @text: (nullable): text to show as it is
 * @css_class: (nullable): a style class
 *
 * Returns: (transfer floating): a wrapping label that never reads markup
 */
GtkWidget *
cmio_plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A minimum width in characters spares GTK laying the text out one
   * character a line to find it; the review's list has 200 rows of these. */
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static const char *
competency_title (JsonObject *assessment,
                  const char *id)
{
  JsonArray *competencies = cmio_json_get_array (assessment, "competencies");

  for (guint i = 0; competencies != NULL && i < json_array_get_length (competencies); i++)
    {
      JsonObject *competency = json_array_get_object_element (competencies, i);

      if (g_strcmp0 (cmio_json_get_string (competency, "id"), id) == 0)
        return cmio_json_get_string (competency, "title") ? cmio_json_get_string (competency, "title") : id;
    }
  return id;
}

static void
add_competency_rows (AdwPreferencesPage *page,
                     JsonObject         *assessment,
                     const char         *member,
                     const char         *title)
{
  JsonArray *ids = cmio_json_get_array (assessment, member);
  AdwPreferencesGroup *group;

  if (ids == NULL || json_array_get_length (ids) == 0)
    return;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, title);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     competency_title (assessment, json_array_get_string_element (ids, i)));
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
  adw_preferences_page_add (page, group);
}

/**
 * cmio_review_assessment_page_new:
 * @assessment: an export's "assessment"
 *
 * Returns: (transfer floating): the self-assessment, read-only
 */
GtkWidget *
cmio_review_assessment_page_new (JsonObject *assessment)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  JsonArray *domains = cmio_json_get_array (assessment, "domains");
  g_autofree char *description = NULL;
  g_autofree char *date = g_strndup (cmio_json_get_string (assessment, "completed_at") ? cmio_json_get_string (assessment, "completed_at") : "", 10);
  double mean;

  if (cmio_json_get_number (assessment, "mean", &mean))
    /* TRANSLATORS: "Completed 2026-11-20 · mean 3.2 of 5" */
    description = g_strdup_printf (_("Completed %s · mean %.1f of 5"), date, mean);
  else
    description = g_strdup_printf (_("Completed %s · no competency rated"), date);
  adw_preferences_group_set_title (group, _("Scores by Domain"));
  adw_preferences_group_set_description (group, description);

  for (guint i = 0; domains != NULL && i < json_array_get_length (domains); i++)
    {
      JsonObject *domain = json_array_get_object_element (domains, i);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cmio_json_get_string (domain, "title"));
      if (cmio_json_get_number (domain, "mean", &mean))
        {
          GtkWidget *bar = gtk_level_bar_new_for_interval (0, 5);

          gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), mean);
          gtk_widget_set_size_request (bar, 96, -1);
          gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          cmio_json_get_string (domain, "title"), -1);
          adw_action_row_add_suffix (row, bar);
          subtitle = g_strdup_printf (_("%.1f of 5"), mean);
        }
      else
        subtitle = g_strdup (_("Not rated"));
      adw_action_row_set_subtitle (row, subtitle);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  add_competency_rows (ADW_PREFERENCES_PAGE (page), assessment, "strengths", _("Strengths"));
  add_competency_rows (ADW_PREFERENCES_PAGE (page), assessment, "gaps", _("Gaps"));
  return page;
}

/**
 * cmio_review_notes_page_new:
 * @notes: an export's "notes"
 *
 * Returns: (transfer floating): the notes, read-only, as plain text
 */
GtkWidget *
cmio_review_notes_page_new (JsonArray *notes)
{
  GtkWidget *page = adw_preferences_page_new ();

  for (guint i = 0; i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      GtkWidget *text = cmio_plain_label (cmio_json_get_string (note, "text"), NULL);
      const char *title = cmio_json_get_string (note, "title");

      /* A group's title is markup; user text goes in a plain label. */
      adw_preferences_group_add (group, cmio_plain_label (title && *title ? title : _("Note"), "heading"));
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      g_object_set (text, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12, NULL);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_margin_top (card, 6);
      gtk_box_append (GTK_BOX (card), text);
      adw_preferences_group_add (group, card);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
    }
  return page;
}


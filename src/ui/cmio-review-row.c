/* cmio-review-row.c — one row of the checklist a mentor reviews
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-json.h"
#include "cmio-review-pages.h"
#include "cmio-review-row.h"

/* A row is a chapter's heading or an item: its number, text, dates,
 * evidence, and the mentor's Approve / Discuss and comment.  The rows are
 * recycled by the list view; what the mentor chose lives in the entry. */

G_DEFINE_FINAL_TYPE (CmioReviewEntry, cmio_review_entry, G_TYPE_OBJECT)

static void
cmio_review_entry_finalize (GObject *object)
{
  CmioReviewEntry *self = (CmioReviewEntry *) object;

  g_clear_pointer (&self->item, json_object_unref);
  g_free (self->heading);
  g_free (self->comment);
  G_OBJECT_CLASS (cmio_review_entry_parent_class)->finalize (object);
}

static void
cmio_review_entry_class_init (CmioReviewEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cmio_review_entry_finalize;
}

static void
cmio_review_entry_init (CmioReviewEntry *self)
{
}


typedef struct
{
  GtkWidget *heading;
  GtkWidget *item_box;
  GtkWidget *done_icon;
  GtkWidget *number;
  GtkWidget *text;
  GtkWidget *meta;
  GtkWidget *evidence;
  GtkWidget *approve;
  GtkWidget *discuss;
  GtkWidget *comment;
  CmioReviewEntry *entry;   /* the bound entry, or NULL */
  gboolean binding;
  CmioReviewRowChanged changed;
  gpointer user_data;
} RowWidgets;

static void
toggle_cb (GtkToggleButton *button,
           gpointer         unused)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (button), "row");
  CmioMentorStatus status = CMIO_MENTOR_STATUS_NONE;

  if (row->binding || row->entry == NULL)
    return;

  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (row->approve)))
    status = CMIO_MENTOR_STATUS_APPROVED;
  else if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (row->discuss)))
    status = CMIO_MENTOR_STATUS_DISCUSS;
  else if (gtk_toggle_button_get_active (button))
    return;

  /* Redrawing the row would take the focus out of it; set it directly. */
  row->entry->status = status;
  row->changed (row->entry, row->user_data);
}

static void
row_comment_changed_cb (GtkEditable *editable,
                        gpointer     unused)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (editable), "row");
  const char *text = gtk_editable_get_text (editable);

  if (row->binding || row->entry == NULL)
    return;

  g_free (row->entry->comment);
  row->entry->comment = g_strdup (text);
  /* A comment is for talking about: an unmarked item becomes To Discuss. */
  if (*text != '\0' && row->entry->status == CMIO_MENTOR_STATUS_NONE)
    {
      row->binding = TRUE;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->discuss), TRUE);
      row->binding = FALSE;
      row->entry->status = CMIO_MENTOR_STATUS_DISCUSS;
    }
  row->changed (row->entry, row->user_data);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  unused)
{
  RowWidgets *row = g_new0 (RowWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *marks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  row->heading = cmio_plain_label (NULL, "heading");
  gtk_widget_set_margin_top (row->heading, 12);
  gtk_box_append (GTK_BOX (box), row->heading);

  row->item_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  row->done_icon = gtk_image_new ();
  row->number = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->number, "heading");
  gtk_widget_add_css_class (row->number, "numeric");
  gtk_widget_set_valign (row->number, GTK_ALIGN_START);
  gtk_widget_set_valign (row->done_icon, GTK_ALIGN_START);
  row->text = cmio_plain_label (NULL, NULL);
  gtk_widget_set_hexpand (row->text, TRUE);
  gtk_box_append (GTK_BOX (line), row->done_icon);
  gtk_box_append (GTK_BOX (line), row->number);
  gtk_box_append (GTK_BOX (line), row->text);
  gtk_box_append (GTK_BOX (row->item_box), line);

  row->meta = cmio_plain_label (NULL, "caption");
  gtk_widget_add_css_class (row->meta, "dim-label");
  gtk_box_append (GTK_BOX (row->item_box), row->meta);
  row->evidence = cmio_plain_label (NULL, "caption");
  gtk_box_append (GTK_BOX (row->item_box), row->evidence);

  row->approve = gtk_toggle_button_new_with_label (_("Approve"));
  row->discuss = gtk_toggle_button_new_with_label (_("Discuss"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (row->discuss), GTK_TOGGLE_BUTTON (row->approve));
  gtk_widget_add_css_class (linked, "linked");
  gtk_box_append (GTK_BOX (linked), row->approve);
  gtk_box_append (GTK_BOX (linked), row->discuss);
  gtk_widget_set_valign (linked, GTK_ALIGN_CENTER);
  row->comment = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->comment), _("Comment"));
  gtk_editable_set_width_chars (GTK_EDITABLE (row->comment), 6);
  gtk_widget_set_hexpand (row->comment, TRUE);
  gtk_box_append (GTK_BOX (marks), linked);
  gtk_box_append (GTK_BOX (marks), row->comment);
  gtk_box_append (GTK_BOX (row->item_box), marks);
  gtk_box_append (GTK_BOX (box), row->item_box);

  g_object_set_data (G_OBJECT (row->approve), "row", row);
  g_object_set_data (G_OBJECT (row->discuss), "row", row);
  g_object_set_data (G_OBJECT (row->comment), "row", row);
  row->changed = g_object_get_data (G_OBJECT (factory), "changed");
  row->user_data = g_object_get_data (G_OBJECT (factory), "user-data");
  g_signal_connect (row->approve, "toggled", G_CALLBACK (toggle_cb), NULL);
  g_signal_connect (row->discuss, "toggled", G_CALLBACK (toggle_cb), NULL);
  g_signal_connect (row->comment, "changed", G_CALLBACK (row_comment_changed_cb), NULL);

  g_object_set_data_full (G_OBJECT (list_item), "row", row, g_free);
  gtk_list_item_set_child (list_item, box);
}

static char *
dup_meta (JsonObject *item)
{
  GString *meta = g_string_new (NULL);
  const char *owner = cmio_json_get_string (item, "owner");

  if (cmio_json_get_true (item, "done"))
    {
      g_autofree char *date = g_strndup (cmio_json_get_string (item, "done_at") ? cmio_json_get_string (item, "done_at") : "", 10);

      g_string_append_printf (meta, *date ? _("Done on %s") : _("Done"), date);
    }
  else
    g_string_append (meta, _("Not done"));

  if (cmio_json_get_string (item, "target_date") != NULL)
    {
      g_string_append (meta, " · ");
      g_string_append_printf (meta, _("due %s"), cmio_json_get_string (item, "target_date"));
    }

  g_string_append (meta, " · ");
  if (g_strcmp0 (owner, "mentor") == 0)
    g_string_append (meta, _("Mentor"));
  else if (g_strcmp0 (owner, "executive") == 0)
    g_string_append (meta, _("CIO/CMO office"));
  else
    g_string_append (meta, _("CMIO"));
  if (!cmio_json_get_true (item, "required"))
    {
      g_string_append (meta, " · ");
      g_string_append (meta, _("optional"));
    }
  if (cmio_json_get_true (item, "custom"))
    {
      g_string_append (meta, " · ");
      g_string_append (meta, _("added by the mentee"));
    }

  return g_string_free (meta, FALSE);
}

/* The entry's mark and comment, in its row's buttons and entry. */
static void
show_mark (RowWidgets *row)
{
  CmioReviewEntry *entry = row->entry;

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->approve), entry->status == CMIO_MENTOR_STATUS_APPROVED);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->discuss), entry->status == CMIO_MENTOR_STATUS_DISCUSS);
  if (entry->status == CMIO_MENTOR_STATUS_NONE)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->approve), FALSE);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->discuss), FALSE);
    }
  gtk_editable_set_text (GTK_EDITABLE (row->comment), entry->comment ? entry->comment : "");
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  unused)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (list_item), "row");
  CmioReviewEntry *entry = gtk_list_item_get_item (list_item);
  JsonObject *item = entry->item;
  const char *number, *evidence;
  g_autofree char *meta = NULL;
  g_autofree char *approve_label = NULL;
  g_autofree char *discuss_label = NULL;
  g_autofree char *comment_label = NULL;

  row->binding = TRUE;
  row->entry = entry;
  g_object_set_data (G_OBJECT (entry), "row", row);
  gtk_widget_set_visible (row->heading, item == NULL);
  gtk_widget_set_visible (row->item_box, item != NULL);
  gtk_list_item_set_activatable (list_item, FALSE);
  if (item == NULL)
    {
      gtk_label_set_text (GTK_LABEL (row->heading), entry->heading);
      gtk_list_item_set_selectable (list_item, FALSE);
      row->binding = FALSE;
      return;
    }

  number = cmio_json_get_string (item, "number") ? cmio_json_get_string (item, "number") : "";
  gtk_image_set_from_icon_name (GTK_IMAGE (row->done_icon),
                                cmio_json_get_true (item, "done") ? "object-select-symbolic" : NULL);
  gtk_label_set_text (GTK_LABEL (row->number), number);
  gtk_label_set_text (GTK_LABEL (row->text), cmio_json_get_string (item, "text"));
  meta = dup_meta (item);
  gtk_label_set_text (GTK_LABEL (row->meta), meta);

  evidence = cmio_json_get_string (item, "evidence");
  gtk_widget_set_visible (row->evidence, evidence != NULL && *evidence != '\0');
  if (evidence != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Evidence: %s"), evidence);

      gtk_label_set_text (GTK_LABEL (row->evidence), text);
    }

  show_mark (row);

  /* Screen readers hear which item each control is for. */
  approve_label = g_strdup_printf (_("Approve item %s"), number);
  discuss_label = g_strdup_printf (_("Discuss item %s"), number);
  comment_label = g_strdup_printf (_("Comment on item %s"), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->approve), GTK_ACCESSIBLE_PROPERTY_LABEL, approve_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->discuss), GTK_ACCESSIBLE_PROPERTY_LABEL, discuss_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->comment), GTK_ACCESSIBLE_PROPERTY_LABEL, comment_label, -1);
  row->binding = FALSE;
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  unused)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (list_item), "row");

  if (row->entry != NULL && g_object_get_data (G_OBJECT (row->entry), "row") == row)
    g_object_set_data (G_OBJECT (row->entry), "row", NULL);
  row->entry = NULL;
}

/**
 * cmio_review_entry_show_mark:
 * @entry: an item's entry
 *
 * Shows a mark or comment changed from outside its row (an action) in the
 * row the entry is bound to, if it has one.  The list view cannot be asked
 * to: since GTK 4.12 it does not bind a row again when its model says that
 * an item changed but the item is the same object.
 */
void
cmio_review_entry_show_mark (CmioReviewEntry *entry)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (entry), "row");

  if (row == NULL || row->entry != entry || entry->item == NULL)
    return;

  row->binding = TRUE;
  show_mark (row);
  row->binding = FALSE;
}

/**
 * cmio_review_row_factory_new:
 * @changed: called when a row's buttons or comment change its entry
 * @user_data: for @changed
 *
 * Returns: (transfer full): a factory for the review's list view
 */
GtkListItemFactory *
cmio_review_row_factory_new (CmioReviewRowChanged changed,
                             gpointer             user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "changed", changed);
  g_object_set_data (G_OBJECT (factory), "user-data", user_data);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  return factory;
}

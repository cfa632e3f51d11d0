/* cmio-checklist-panel.c — a chapter's checklist, beside or below its text
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-checklist-panel.h"
#include "cmio-item-dialog.h"

struct _CmioChecklistPanel
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkLabel *count_label;
  GtkButton *add_button;
  GtkListBox *list;

  /* Owned */
  CmioPlan *plan;
  CmioProgress *progress;
  CmioUndoStack *undo;
  char *chapter_id;
  GHashTable *rows;          /* item id → GtkListBoxRow */
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (CmioChecklistPanel, cmio_checklist_panel, GTK_TYPE_BOX)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (CmioChecklistPanel *self);

/**
 * cmio_owner_label:
 * @owner: who does an item
 *
 * Returns: the owner in words
 */
const char *
cmio_owner_label (CmioOwner owner)
{
  switch (owner)
    {
    case CMIO_OWNER_MENTOR:
      return _("Mentor");
    case CMIO_OWNER_EXECUTIVE:
      return _("CIO/CMO office");
    case CMIO_OWNER_CMIO:
    default:
      return _("You");
    }
}

static void
report (CmioChecklistPanel *self,
        const char         *message,
        gboolean            undoable)
{
  g_signal_emit (self, signals[TOAST], 0, message, undoable);
}

/* Row parts, found by name */

static GtkWidget *
row_part (GtkWidget  *row,
          const char *name)
{
  return g_object_get_data (G_OBJECT (row), name);
}

static char *
meta_text (CmioChecklistPanel *self,
           CmioPlanItem       *plan_item)
{
  CmioChecklistItem *item = cmio_plan_item_get_item (plan_item);
  GString *text = g_string_new (cmio_plan_item_get_target_label (plan_item));

  g_string_append_printf (text, " · %s", cmio_owner_label (cmio_checklist_item_get_owner (item)));
  g_string_append_printf (text, " · %s", cmio_checklist_item_get_required (item) ? _("Required") : _("Optional"));
  if (cmio_plan_item_get_overdue (plan_item))
    g_string_append_printf (text, " · %s", _("Overdue"));
  if (cmio_progress_get_item_done (self->progress, cmio_plan_item_get_id (plan_item)))
    {
      const char *done_at = cmio_progress_get_item_done_at (self->progress, cmio_plan_item_get_id (plan_item));
      g_autoptr(GDateTime) time = done_at ? g_date_time_new_from_iso8601 (done_at, NULL) : NULL;
      g_autoptr(GDateTime) local = time ? g_date_time_to_local (time) : NULL;
      g_autofree char *when = local ? g_date_time_format (local, "%b %-d") : NULL;

      if (when != NULL)
        g_string_append_printf (text, " · %s", when);
    }

  return g_string_free (text, FALSE);
}

static char *
mentor_text (CmioChecklistPanel *self,
             const char         *item_id)
{
  const char *comment = NULL;
  const char *by = NULL;
  CmioMentorStatus status = cmio_progress_get_item_mentor (self->progress, item_id, &comment, &by, NULL);
  const char *mark;

  if (status == CMIO_MENTOR_STATUS_NONE)
    return NULL;

  mark = status == CMIO_MENTOR_STATUS_APPROVED ? _("Approved") : _("To discuss");
  if (comment != NULL && *comment != '\0')
    return g_strdup_printf (_("%s by %s: “%s”"), mark, by ? by : _("your mentor"), comment);
  return g_strdup_printf (_("%s by %s"), mark, by ? by : _("your mentor"));
}

static void
update_row (CmioChecklistPanel *self,
            GtkWidget          *row)
{
  CmioPlanItem *plan_item = g_object_get_data (G_OBJECT (row), "plan-item");
  const char *id = cmio_plan_item_get_id (plan_item);
  g_autofree char *meta = meta_text (self, plan_item);
  g_autofree char *mentor = mentor_text (self, id);
  g_autofree char *accessible = NULL;
  const char *evidence = cmio_progress_get_item_evidence (self->progress, id);
  gboolean done = cmio_progress_get_item_done (self->progress, id);
  GtkEditable *evidence_entry = GTK_EDITABLE (row_part (row, "evidence"));

  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row_part (row, "check")), done);
  gtk_label_set_text (GTK_LABEL (row_part (row, "meta")), meta);
  if (g_strcmp0 (gtk_editable_get_text (evidence_entry), evidence ? evidence : "") != 0 &&
      !gtk_widget_has_focus (GTK_WIDGET (evidence_entry)))
    gtk_editable_set_text (evidence_entry, evidence ? evidence : "");
  gtk_label_set_text (GTK_LABEL (row_part (row, "mentor")), mentor ? mentor : "");
  gtk_widget_set_visible (row_part (row, "mentor"), mentor != NULL);
  self->updating = FALSE;

  accessible = g_strdup_printf ("%s %s. %s", cmio_plan_item_get_number (plan_item),
                                cmio_plan_item_get_text (plan_item), meta);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row_part (row, "check")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update_count (CmioChecklistPanel *self)
{
  g_autofree char *text = NULL;
  guint done = 0;
  guint total = 0;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      total++;
      if (cmio_progress_get_item_done (self->progress, key))
        done++;
    }

  text = g_strdup_printf (_("%u of %u done"), done, total);
  gtk_label_set_text (self->count_label, total > 0 ? text : "");
}

/* Callbacks of a row */

static void
check_toggled_cb (GtkCheckButton     *check,
                  CmioChecklistPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_LIST_BOX_ROW);
  CmioPlanItem *plan_item = g_object_get_data (G_OBJECT (row), "plan-item");
  g_autoptr(GError) error = NULL;
  gboolean done = gtk_check_button_get_active (check);

  if (self->updating)
    return;

  if (!cmio_undo_stack_set_item_done (self->undo, cmio_plan_item_get_id (plan_item), done, &error))
    {
      report (self, error->message, FALSE);
      update_row (self, row);
      return;
    }

  report (self, done ? _("Item ticked") : _("Item unticked"), TRUE);
}

static void
evidence_commit (CmioChecklistPanel *self,
                 GtkWidget          *row)
{
  CmioPlanItem *plan_item = g_object_get_data (G_OBJECT (row), "plan-item");
  const char *id = cmio_plan_item_get_id (plan_item);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row_part (row, "evidence")));
  const char *current = cmio_progress_get_item_evidence (self->progress, id);
  g_autoptr(GError) error = NULL;

  if (self->updating || g_strcmp0 (text, current ? current : "") == 0)
    return;

  if (!cmio_undo_stack_set_item_evidence (self->undo, id, *text ? text : NULL, &error))
    report (self, error->message, FALSE);
  else
    report (self, _("Evidence saved"), TRUE);
}

static void
evidence_activate_cb (GtkEditable        *entry,
                      CmioChecklistPanel *self)
{
  evidence_commit (self, gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_LIST_BOX_ROW));
}

static void
evidence_focus_leave_cb (GtkEventControllerFocus *controller,
                         CmioChecklistPanel      *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  evidence_commit (self, gtk_widget_get_ancestor (entry, GTK_TYPE_LIST_BOX_ROW));
}

static void
dialog_saved_cb (CmioItemDialog     *dialog,
                 CmioChecklistPanel *self)
{
  g_autoptr(GError) error = NULL;
  const char *id = cmio_item_dialog_get_item_id (dialog);
  gboolean ok;

  if (id == NULL)
    {
      g_autofree char *new_id =
        cmio_undo_stack_add_custom_item (self->undo, self->chapter_id,
                                         cmio_item_dialog_get_text (dialog),
                                         cmio_item_dialog_get_target_day (dialog),
                                         cmio_item_dialog_get_owner (dialog),
                                         cmio_item_dialog_get_required (dialog), &error);
      ok = new_id != NULL;
    }
  else
    ok = cmio_undo_stack_update_custom_item (self->undo, id, cmio_item_dialog_get_text (dialog),
                                             cmio_item_dialog_get_target_day (dialog),
                                             cmio_item_dialog_get_owner (dialog),
                                             cmio_item_dialog_get_required (dialog), &error);

  if (!ok)
    report (self, error->message, FALSE);
  else
    report (self, id == NULL ? _("Item added") : _("Item changed"), TRUE);
}

static void
open_dialog (CmioChecklistPanel *self,
             CmioChecklistItem  *item)
{
  CmioItemDialog *dialog = cmio_item_dialog_new (item);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_clicked_cb (GtkButton          *button,
                 CmioChecklistPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  CmioPlanItem *plan_item = g_object_get_data (G_OBJECT (row), "plan-item");

  open_dialog (self, cmio_plan_item_get_item (plan_item));
}

static void
delete_clicked_cb (GtkButton          *button,
                   CmioChecklistPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  CmioPlanItem *plan_item = g_object_get_data (G_OBJECT (row), "plan-item");
  g_autoptr(GError) error = NULL;

  if (!cmio_undo_stack_remove_custom_item (self->undo, cmio_plan_item_get_id (plan_item), &error))
    report (self, error->message, FALSE);
  else
    report (self, _("Item deleted"), TRUE);
}

static void
add_clicked_cb (CmioChecklistPanel *self)
{
  open_dialog (self, NULL);
}

/* Rows */

static GtkWidget *
create_row (CmioChecklistPanel *self,
            CmioPlanItem       *plan_item)
{
  CmioChecklistItem *item = cmio_plan_item_get_item (plan_item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *expander = gtk_expander_new (NULL);
  GtkWidget *label;
  GtkWidget *entry;
  GtkEventController *focus;
  g_autofree char *title = g_strdup_printf ("%s  %s", cmio_plan_item_get_number (plan_item),
                                            cmio_plan_item_get_text (plan_item));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "plan-item", g_object_ref (plan_item), g_object_unref);

  gtk_widget_set_valign (check, GTK_ALIGN_START);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  g_object_set_data (G_OBJECT (row), "check", check);
  gtk_box_append (GTK_BOX (box), check);

  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (text_box), label);

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  g_object_set_data (G_OBJECT (row), "meta", label);
  gtk_box_append (GTK_BOX (text_box), label);

  /* The mentor's mark, in sight: it is what a mentee looks for. */
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "accent");
  g_object_set_data (G_OBJECT (row), "mentor", label);
  gtk_box_append (GTK_BOX (text_box), label);

  /* Details, folded away: what and why, evidence. */
  if (*cmio_checklist_item_get_detail (item) != '\0')
    {
      label = gtk_label_new (cmio_checklist_item_get_detail (item));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (details), label);
    }

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Evidence — no patient information"));
  gtk_widget_set_tooltip_text (entry, _("How you did it: a date, a document, a meeting. Never patient information."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Do not enter patient information"),
                                  -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (evidence_activate_cb), self, 0);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (evidence_focus_leave_cb), self, 0);
  gtk_widget_add_controller (entry, focus);
  g_object_set_data (G_OBJECT (row), "evidence", entry);
  gtk_box_append (GTK_BOX (details), entry);


  if (cmio_plan_item_get_custom (plan_item))
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Edit…"));

      g_signal_connect_object (button, "clicked", G_CALLBACK (edit_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (buttons), button);
      button = gtk_button_new_with_mnemonic (_("_Delete"));
      gtk_widget_add_css_class (button, "destructive-action");
      g_signal_connect_object (button, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (buttons), button);
      gtk_box_append (GTK_BOX (details), buttons);
    }

  gtk_expander_set_child (GTK_EXPANDER (expander), details);
  gtk_expander_set_label (GTK_EXPANDER (expander), _("Details"));
  gtk_widget_add_css_class (expander, "caption");
  gtk_box_append (GTK_BOX (text_box), expander);

  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  update_row (self, row);
  return row;
}

static void
rebuild (CmioChecklistPanel *self)
{
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_hash_table_remove_all (self->rows);

  if (self->plan == NULL || self->chapter_id == NULL)
    return;

  items = cmio_plan_dup_chapter_items (self->plan, self->chapter_id);
  for (guint i = 0; i < items->len; i++)
    {
      CmioPlanItem *plan_item = g_ptr_array_index (items, i);
      GtkWidget *row = create_row (self, plan_item);

      g_hash_table_insert (self->rows, g_strdup (cmio_plan_item_get_id (plan_item)), row);
      gtk_list_box_append (self->list, row);
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), !cmio_progress_get_read_only (self->progress));
  update_count (self);
}

static void
progress_changed_cb (CmioChecklistPanel *self,
                     const char         *section,
                     const char         *id)
{
  GtkWidget *row;

  if (g_strcmp0 (section, "custom-item") == 0 || g_strcmp0 (section, "profile") == 0)
    {
      rebuild (self);
      return;
    }

  if (g_strcmp0 (section, "item") == 0 && id != NULL &&
      (row = g_hash_table_lookup (self->rows, id)) != NULL)
    {
      update_row (self, row);
      update_count (self);
    }
}

/* GObject */

static void
cmio_checklist_panel_dispose (GObject *object)
{
  CmioChecklistPanel *self = (CmioChecklistPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CMIO_TYPE_CHECKLIST_PANEL);

  g_clear_object (&self->plan);
  g_clear_object (&self->progress);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (cmio_checklist_panel_parent_class)->dispose (object);
}

static void
cmio_checklist_panel_finalize (GObject *object)
{
  CmioChecklistPanel *self = (CmioChecklistPanel *) object;

  g_clear_pointer (&self->chapter_id, g_free);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (cmio_checklist_panel_parent_class)->finalize (object);
}

static void
cmio_checklist_panel_class_init (CmioChecklistPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_checklist_panel_dispose;
  object_class->finalize = cmio_checklist_panel_finalize;

  /**
   * CmioChecklistPanel::toast:
   * @message: what happened
   * @undoable: whether the toast should offer Undo
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cmio-checklist-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CmioChecklistPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, CmioChecklistPanel, add_button);
  gtk_widget_class_bind_template_child (widget_class, CmioChecklistPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
cmio_checklist_panel_init (CmioChecklistPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

/**
 * cmio_checklist_panel_set_context:
 * @self: a #CmioChecklistPanel
 * @plan: the plan, for the items and their dates
 * @progress: the progress the items' states are in
 * @undo: where changes go, so they can be undone
 */
void
cmio_checklist_panel_set_context (CmioChecklistPanel *self,
                                  CmioPlan           *plan,
                                  CmioProgress       *progress,
                                  CmioUndoStack      *undo)
{
  g_return_if_fail (CMIO_IS_CHECKLIST_PANEL (self));

  g_set_object (&self->plan, plan);
  g_set_object (&self->undo, undo);
  if (g_set_object (&self->progress, progress) && progress != NULL)
    g_signal_connect_object (progress, "changed", G_CALLBACK (progress_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild (self);
}

/**
 * cmio_checklist_panel_set_chapter:
 * @self: a #CmioChecklistPanel
 * @chapter_id: the chapter whose checklist to show
 */
void
cmio_checklist_panel_set_chapter (CmioChecklistPanel *self,
                                  const char         *chapter_id)
{
  g_return_if_fail (CMIO_IS_CHECKLIST_PANEL (self));

  if (g_strcmp0 (self->chapter_id, chapter_id) == 0)
    return;

  g_free (self->chapter_id);
  self->chapter_id = g_strdup (chapter_id);
  rebuild (self);
}

const char *
cmio_checklist_panel_get_chapter (CmioChecklistPanel *self)
{
  g_return_val_if_fail (CMIO_IS_CHECKLIST_PANEL (self), NULL);
  return self->chapter_id;
}

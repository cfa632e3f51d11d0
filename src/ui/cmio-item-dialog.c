/* cmio-item-dialog.c — adding or changing one of the user's own items
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-item-dialog.h"
#include "cmio-json.h"

struct _CmioItemDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *save_button;
  AdwEntryRow *text_row;
  GtkSpinButton *day_spin;
  AdwComboRow *owner_row;
  GtkSwitch *required_switch;

  char *item_id;
};

G_DEFINE_FINAL_TYPE (CmioItemDialog, cmio_item_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
text_changed_cb (CmioItemDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button),
                            !cmio_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
}

static void
cmio_item_dialog_finalize (GObject *object)
{
  CmioItemDialog *self = (CmioItemDialog *) object;

  g_clear_pointer (&self->item_id, g_free);

  G_OBJECT_CLASS (cmio_item_dialog_parent_class)->finalize (object);
}

static void
cmio_item_dialog_class_init (CmioItemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cmio_item_dialog_finalize;

  /**
   * CmioItemDialog::saved:
   *
   * Emitted when the user saves; the dialog closes afterwards.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cmio-item-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CmioItemDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CmioItemDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CmioItemDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, CmioItemDialog, day_spin);
  gtk_widget_class_bind_template_child (widget_class, CmioItemDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CmioItemDialog, required_switch);
  gtk_widget_class_bind_template_callback (widget_class, cmio_item_dialog_save);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cmio_item_dialog_init (CmioItemDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  text_changed_cb (self);
}

/**
 * cmio_item_dialog_new:
 * @item: (nullable): the custom item to change, or %NULL to add one
 *
 * Returns: (transfer full): a new dialog
 */
CmioItemDialog *
cmio_item_dialog_new (CmioChecklistItem *item)
{
  CmioItemDialog *self = g_object_new (CMIO_TYPE_ITEM_DIALOG, NULL);

  if (item != NULL)
    {
      self->item_id = g_strdup (cmio_checklist_item_get_id (item));
      gtk_editable_set_text (GTK_EDITABLE (self->text_row), cmio_checklist_item_get_text (item));
      gtk_spin_button_set_value (self->day_spin, cmio_checklist_item_get_target_day (item));
      adw_combo_row_set_selected (self->owner_row, cmio_checklist_item_get_owner (item));
      gtk_switch_set_active (self->required_switch, cmio_checklist_item_get_required (item));
      adw_window_title_set_title (self->window_title, _("Change Item"));
    }
  else
    adw_window_title_set_title (self->window_title, _("New Item"));

  return self;
}

/**
 * cmio_item_dialog_get_item_id:
 * @self: a #CmioItemDialog
 *
 * Returns: (nullable): the id of the item changed, or %NULL for a new one
 */
const char *
cmio_item_dialog_get_item_id (CmioItemDialog *self)
{
  g_return_val_if_fail (CMIO_IS_ITEM_DIALOG (self), NULL);
  return self->item_id;
}

const char *
cmio_item_dialog_get_text (CmioItemDialog *self)
{
  g_return_val_if_fail (CMIO_IS_ITEM_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->text_row));
}

int
cmio_item_dialog_get_target_day (CmioItemDialog *self)
{
  g_return_val_if_fail (CMIO_IS_ITEM_DIALOG (self), 0);
  return gtk_spin_button_get_value_as_int (self->day_spin);
}

CmioOwner
cmio_item_dialog_get_owner (CmioItemDialog *self)
{
  g_return_val_if_fail (CMIO_IS_ITEM_DIALOG (self), CMIO_OWNER_CMIO);
  return (CmioOwner) adw_combo_row_get_selected (self->owner_row);
}

gboolean
cmio_item_dialog_get_required (CmioItemDialog *self)
{
  g_return_val_if_fail (CMIO_IS_ITEM_DIALOG (self), FALSE);
  return gtk_switch_get_active (self->required_switch);
}

/**
 * cmio_item_dialog_save:
 * @self: a #CmioItemDialog
 *
 * Saves, as the Save button does: emits ::saved and closes.
 */
void
cmio_item_dialog_save (CmioItemDialog *self)
{
  g_return_if_fail (CMIO_IS_ITEM_DIALOG (self));

  if (cmio_text_is_blank (cmio_item_dialog_get_text (self)))
    return;

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

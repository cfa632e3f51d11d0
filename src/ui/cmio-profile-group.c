/* cmio-profile-group.c — who the user is, and when the 90 days start
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-profile-group.h"

struct _CmioProfileGroup
{
  AdwPreferencesGroup parent_instance;

  AdwEntryRow *start_date_row;
  AdwEntryRow *name_row;
  AdwEntryRow *role_row;
  AdwEntryRow *organization_row;
  AdwEntryRow *mentor_row;

  CmioProgress *progress;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (CmioProfileGroup, cmio_profile_group, ADW_TYPE_PREFERENCES_GROUP)

/* Each row's widget name is the profile field it edits. */
static void
row_changed_cb (CmioProfileGroup *self,
                AdwEntryRow      *row)
{
  const char *field = gtk_widget_get_name (GTK_WIDGET (row));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (self->updating || self->progress == NULL)
    return;

  /* A date half typed is not wrong yet: it is saved once it is a date. */
  if (g_strcmp0 (field, "start_date") == 0 && *text != '\0' && !cmio_progress_date_is_valid (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (!cmio_progress_set_profile (self->progress, field, text, &error))
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
load (CmioProfileGroup *self)
{
  AdwEntryRow *rows[] = {
    self->start_date_row, self->name_row, self->role_row, self->organization_row, self->mentor_row,
  };

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *value = cmio_progress_get_profile (self->progress, gtk_widget_get_name (GTK_WIDGET (rows[i])));

      gtk_editable_set_text (GTK_EDITABLE (rows[i]), value ? value : "");
      gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), !cmio_progress_get_read_only (self->progress));
    }
  self->updating = FALSE;
}

static void
cmio_profile_group_dispose (GObject *object)
{
  CmioProfileGroup *self = (CmioProfileGroup *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CMIO_TYPE_PROFILE_GROUP);
  g_clear_object (&self->progress);

  G_OBJECT_CLASS (cmio_profile_group_parent_class)->dispose (object);
}

static void
cmio_profile_group_class_init (CmioProfileGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_profile_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cmio-profile-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CmioProfileGroup, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, CmioProfileGroup, name_row);
  gtk_widget_class_bind_template_child (widget_class, CmioProfileGroup, role_row);
  gtk_widget_class_bind_template_child (widget_class, CmioProfileGroup, organization_row);
  gtk_widget_class_bind_template_child (widget_class, CmioProfileGroup, mentor_row);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
}

static void
cmio_profile_group_init (CmioProfileGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cmio_profile_group_set_progress:
 * @self: a #CmioProfileGroup
 * @progress: the progress whose profile the rows edit
 */
void
cmio_profile_group_set_progress (CmioProfileGroup *self,
                                 CmioProgress     *progress)
{
  g_return_if_fail (CMIO_IS_PROFILE_GROUP (self));

  g_set_object (&self->progress, progress);
  if (progress != NULL)
    load (self);
}

/* cmio-welcome-window.c — the first start: a few questions, all skippable
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-profile-group.h"
#include "cmio-welcome-window.h"

struct _CmioWelcomeWindow
{
  AdwWindow parent_instance;

  CmioProfileGroup *profile_group;
  GtkButton *start_button;

  CmioProgress *progress;
};

G_DEFINE_FINAL_TYPE (CmioWelcomeWindow, cmio_welcome_window, ADW_TYPE_WINDOW)

/* However the window closes, the plan gets a start date: today, unless
 * the user gave another. */
static gboolean
cmio_welcome_window_close_request (GtkWindow *window)
{
  CmioWelcomeWindow *self = CMIO_WELCOME_WINDOW (window);

  if (self->progress != NULL && !cmio_progress_get_read_only (self->progress) &&
      cmio_progress_get_profile (self->progress, "start_date") == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      cmio_progress_set_profile (self->progress, "start_date", today, NULL);
    }

  return GTK_WINDOW_CLASS (cmio_welcome_window_parent_class)->close_request (window);
}

static void
cmio_welcome_window_dispose (GObject *object)
{
  CmioWelcomeWindow *self = (CmioWelcomeWindow *) object;

  g_clear_object (&self->progress);

  G_OBJECT_CLASS (cmio_welcome_window_parent_class)->dispose (object);
}

static void
cmio_welcome_window_class_init (CmioWelcomeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_welcome_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cmio_welcome_window_close_request;

  g_type_ensure (CMIO_TYPE_PROFILE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cmio-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmioWelcomeWindow, profile_group);
  gtk_widget_class_bind_template_child (widget_class, CmioWelcomeWindow, start_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cmio_welcome_window_init (CmioWelcomeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cmio_welcome_window_new:
 * @parent: the main window
 * @progress: the progress whose profile to fill in
 *
 * Returns: (transfer full): a new welcome window
 */
CmioWelcomeWindow *
cmio_welcome_window_new (GtkWindow    *parent,
                         CmioProgress *progress)
{
  CmioWelcomeWindow *self = g_object_new (CMIO_TYPE_WELCOME_WINDOW, "transient-for", parent, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  self->progress = g_object_ref (progress);
  /* The start date is offered as today; the user may change it. */
  if (cmio_progress_get_profile (progress, "start_date") == NULL)
    cmio_progress_set_profile (progress, "start_date", today, NULL);
  cmio_profile_group_set_progress (self->profile_group, progress);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
  return self;
}

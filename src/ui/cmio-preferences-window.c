/* cmio-preferences-window.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-preferences-window.h"
#include "cmio-profile-group.h"

struct _CmioPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwComboRow *style_row;
  CmioProfileGroup *profile_group;
};

G_DEFINE_FINAL_TYPE (CmioPreferencesWindow, cmio_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions follow the schema's enum: follow, light, dark. */
static const char * const style_nicks[] = { "follow", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_nicks); i++)
    {
      if (g_strcmp0 (nick, style_nicks[i]) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (style_nicks))
    return NULL;

  return g_variant_new_string (style_nicks[position]);
}

static void
cmio_preferences_window_class_init (CmioPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CMIO_TYPE_PROFILE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cmio-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmioPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, CmioPreferencesWindow, profile_group);
}

static void
cmio_preferences_window_init (CmioPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CmioPreferencesWindow *
cmio_preferences_window_new (CmioApplication *application)
{
  CmioPreferencesWindow *self;

  g_return_val_if_fail (CMIO_IS_APPLICATION (application), NULL);

  self = g_object_new (CMIO_TYPE_PREFERENCES_WINDOW, NULL);
  g_settings_bind_with_mapping (cmio_application_get_settings (application), "style-variant",
                                self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  if (cmio_application_get_store (application) != NULL)
    cmio_profile_group_set_progress (self->profile_group,
                                     cmio_store_get_progress (cmio_application_get_store (application)));
  return self;
}

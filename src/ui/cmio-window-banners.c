/* cmio-window-banners.c — the window's banner: a save that failed, a
 * progress file recovered, a content pack with problems
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-window-private.h"

/* One banner shows at a time: the most urgent message waiting. */
static void
update_banner (CmioWindow *self)
{
  for (int kind = N_BANNERS - 1; kind >= 0; kind--)
    {
      if (self->banners[kind] == NULL)
        continue;

      self->banner_shown = kind;
      gtk_label_set_text (self->banner_label, self->banners[kind]);
      gtk_button_set_label (self->banner_button,
                            kind == BANNER_SAVE ? _("_Retry") : _("_Dismiss"));
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
      return;
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

void
cmio_window_set_banner (CmioWindow *self,
                        BannerKind  kind,
                        const char *message)
{
  g_free (self->banners[kind]);
  self->banners[kind] = g_strdup (message);
  update_banner (self);
}

void
cmio_window_save_error_changed_cb (CmioWindow *self)
{
  const char *reason = cmio_store_get_save_error (self->store);
  g_autofree char *message = NULL;

  if (reason != NULL)
    message = g_strdup_printf (_("Your progress could not be saved: %s. "
                                 "Your changes are kept while the app is open."), reason);
  cmio_window_set_banner (self, BANNER_SAVE, message);
}

void
cmio_window_show_content_problems (CmioWindow      *self,
                                   CmioApplication *application)
{
  GPtrArray *problems = cmio_application_get_content_problems (application);
  g_autoptr(GString) message = NULL;
  guint shown;

  if (problems == NULL || problems->len == 0)
    return;

  message = g_string_new (NULL);
  g_string_printf (message,
                   ngettext ("The content pack in “%s” has %u problem, so the built-in handbook is shown:",
                             "The content pack in “%s” has %u problems, so the built-in handbook is shown:",
                             problems->len),
                   cmio_application_get_content_dir (application), problems->len);

  shown = MIN (problems->len, 3);
  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *line = cmio_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (message, "\n%s", line);
    }
  if (problems->len > shown)
    g_string_append_printf (message, "\n%s",
                            _("Run “cmio-handbook --check-content” on the pack to see them all."));

  cmio_window_set_banner (self, BANNER_CONTENT, message->str);
}

static void
banner_button_clicked_cb (CmioWindow *self)
{
  /* A failed save cannot be dismissed, only retried: the data is at risk. */
  if (self->banner_shown == BANNER_SAVE)
    g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (self))),
                                    "retry-save", NULL);
  else
    cmio_window_set_banner (self, self->banner_shown, NULL);
}

void
cmio_window_class_init_banners (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, banner_button_clicked_cb);
}

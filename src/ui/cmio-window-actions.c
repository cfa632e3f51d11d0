/* cmio-window-actions.c — the window's actions: navigation, find, zoom, print; the find bar
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-window-private.h"

/* Zoom steps, as in GNOME Web. */
static const double zoom_levels[] = { 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0 };

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);

  cmio_window_open_page (self, g_variant_get_string (parameter, NULL), TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
continue_reading_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  cmio_window_continue_reading (CMIO_WINDOW (widget));
}

static void
navigate_back_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);

  if (self->history_index == 0)
    {
      /* Nothing earlier: in a narrow window, back to the contents. */
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      return;
    }

  self->history_index--;
  cmio_window_open_page (self, g_ptr_array_index (self->history, self->history_index), FALSE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);

  if (self->history_index + 1 >= self->history->len)
    return;

  self->history_index++;
  cmio_window_open_page (self, g_ptr_array_index (self->history, self->history_index), FALSE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
open_neighbour (CmioWindow *self,
                int         step)
{
  CmioChapter *chapter = cmio_window_get_chapter (self);
  g_autoptr(CmioChapter) neighbour = NULL;
  g_autofree char *page = NULL;
  int position;

  if (chapter == NULL)
    return;

  position = (int) cmio_chapter_get_number (chapter) - 1 + step;
  if (position < 0 ||
      position >= (int) g_list_model_get_n_items (cmio_content_pack_get_chapters (self->pack)))
    return;

  neighbour = g_list_model_get_item (cmio_content_pack_get_chapters (self->pack), position);
  page = g_strconcat (CHAPTER_PREFIX, cmio_chapter_get_id (neighbour), NULL);
  cmio_window_open_page (self, page, TRUE);
}

static void
previous_chapter_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_neighbour (CMIO_WINDOW (widget), -1);
}

static void
next_chapter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_neighbour (CMIO_WINDOW (widget), +1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cmio_reader_view_find_next (CMIO_WINDOW (widget)->reader);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  cmio_reader_view_find_previous (CMIO_WINDOW (widget)->reader);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
set_zoom (CmioWindow *self,
          double      zoom)
{
  zoom = CLAMP (zoom, zoom_levels[0], zoom_levels[G_N_ELEMENTS (zoom_levels) - 1]);
  g_settings_set_double (self->settings, "zoom", zoom);
  cmio_reader_view_set_zoom (self->reader, zoom);
  cmio_window_update_actions (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);
  double zoom = g_settings_get_double (self->settings, "zoom");

  for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
    if (zoom_levels[i] > zoom + 0.001)
      {
        set_zoom (self, zoom_levels[i]);
        return;
      }
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);
  double zoom = g_settings_get_double (self->settings, "zoom");

  for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
    if (zoom_levels[i - 1] < zoom - 0.001)
      {
        set_zoom (self, zoom_levels[i - 1]);
        return;
      }
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_zoom (CMIO_WINDOW (widget), 1.0);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autoptr(GError) error = NULL;

  /* In a note, Ctrl+Z is the text's own undo, not the checklist's. */
  if (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))
    {
      gtk_widget_activate_action (focus, "text.undo", NULL);
      return;
    }

  if (self->undo == NULL || !cmio_undo_stack_can_undo (self->undo))
    return;

  if (!cmio_undo_stack_undo (self->undo, &error))
    cmio_window_show_toast (self, error->message, FALSE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  cmio_reader_view_print (CMIO_WINDOW (widget)->reader);
}

/**
 * cmio_window_update_actions:
 * @self: a #CmioWindow
 *
 * Enables what makes sense on the page shown.
 */
void
cmio_window_update_actions (CmioWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  CmioChapter *chapter = cmio_window_get_chapter (self);
  guint n_chapters = self->pack ? g_list_model_get_n_items (cmio_content_pack_get_chapters (self->pack)) : 0;
  double zoom = self->settings ? g_settings_get_double (self->settings, "zoom") : 1.0;

  gtk_widget_action_set_enabled (widget, "win.go-forward", self->history_index + 1 < self->history->len);
  gtk_widget_action_set_enabled (widget, "win.previous-chapter",
                                 chapter != NULL && cmio_chapter_get_number (chapter) > 1);
  gtk_widget_action_set_enabled (widget, "win.next-chapter",
                                 chapter != NULL && cmio_chapter_get_number (chapter) < n_chapters);
  gtk_widget_action_set_enabled (widget, "win.find", chapter != NULL);
  gtk_widget_action_set_enabled (widget, "win.find-next", chapter != NULL);
  gtk_widget_action_set_enabled (widget, "win.find-previous", chapter != NULL);
  gtk_widget_action_set_enabled (widget, "win.print", chapter != NULL);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", zoom < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] - 0.001);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", zoom > zoom_levels[0] + 0.001);

  gtk_widget_set_visible (GTK_WIDGET (self->read_button), chapter != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->find_button), chapter != NULL);
  /* Narrow, the title needs the room; the outline is the button to spare. */
  gtk_widget_set_visible (GTK_WIDGET (self->outline_button),
                          chapter != NULL && !adw_leaflet_get_folded (self->leaflet));
}

/* The find bar */

void
cmio_window_find_matches_cb (CmioWindow *self,
                             guint       count)
{
  g_autofree char *text = NULL;

  if (gtk_editable_get_text (GTK_EDITABLE (self->find_entry))[0] == '\0')
    text = g_strdup ("");
  else
    text = g_strdup_printf (ngettext ("%u match", "%u matches", count), count);

  gtk_label_set_text (self->find_count, text);
}

static void
find_changed_cb (CmioWindow *self)
{
  cmio_reader_view_find (self->reader, gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  cmio_window_find_matches_cb (self, cmio_reader_view_get_match_count (self->reader));
}

static void
find_next_cb (CmioWindow *self)
{
  cmio_reader_view_find_next (self->reader);
}

static void
find_previous_cb (CmioWindow *self)
{
  cmio_reader_view_find_previous (self->reader);
}

static void
find_stopped_cb (CmioWindow *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
}

void
cmio_window_find_mode_changed_cb (CmioWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->find_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
      return;
    }

  cmio_reader_view_find_finish (self->reader);
  gtk_label_set_text (self->find_count, "");
  cmio_reader_view_focus_text (self->reader);
}

void
cmio_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stopped_cb);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.continue-reading", NULL, continue_reading_action);
  gtk_widget_class_install_action (widget_class, "win.navigate-back", NULL, navigate_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.previous-chapter", NULL, previous_chapter_action);
  gtk_widget_class_install_action (widget_class, "win.next-chapter", NULL, next_chapter_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
}

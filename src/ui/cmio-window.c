/* cmio-window.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cmio-reader-view.h"
#include "cmio-window.h"

#define CHAPTER_PREFIX "chapter:"

/* Messages along the bottom of the window, least urgent first. */
typedef enum
{
  BANNER_CONTENT,
  BANNER_LOAD,
  BANNER_SAVE,
  N_BANNERS
} BannerKind;

struct _CmioWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkListBox *sidebar_list;
  GtkWidget *content;
  AdwWindowTitle *content_title;
  GtkStack *content_stack;
  AdwStatusPage *overview_page;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_button;
  CmioReaderView *reader;

  /* Owned */
  GSettings *settings;
  CmioStore *store;
  char *banners[N_BANNERS];
  BannerKind banner_shown;
  gboolean close_unsaved;
  CmioContentPack *pack;
  char *page;
  char *last_toast;

  gulong after_paint_handler;
};

G_DEFINE_FINAL_TYPE (CmioWindow, cmio_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  FIRST_FRAME,
  CHAPTER_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_sidebar_row (const char *page,
                    const char *number,
                    const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  gtk_widget_set_name (row, page);

  label = gtk_label_new (number);
  gtk_widget_set_size_request (label, 18, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, title);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return row;
}

static void
populate_sidebar (CmioWindow *self)
{
  GListModel *chapters;
  guint n;

  gtk_list_box_append (self->sidebar_list,
                       create_sidebar_row ("overview", "", _("Overview")));

  if (self->pack == NULL)
    return;

  chapters = cmio_content_pack_get_chapters (self->pack);
  n = g_list_model_get_n_items (chapters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);
      g_autofree char *page = g_strconcat (CHAPTER_PREFIX, cmio_chapter_get_id (chapter), NULL);
      g_autofree char *number = g_strdup_printf ("%u", cmio_chapter_get_number (chapter));

      gtk_list_box_append (self->sidebar_list,
                           create_sidebar_row (page, number, cmio_chapter_get_title (chapter)));
    }
}

static void
select_sidebar_row (CmioWindow *self,
                    const char *page)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), page) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

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

static void
set_banner (CmioWindow *self,
            BannerKind  kind,
            const char *message)
{
  g_free (self->banners[kind]);
  self->banners[kind] = g_strdup (message);
  update_banner (self);
}

static void
save_error_changed_cb (CmioWindow *self)
{
  const char *reason = cmio_store_get_save_error (self->store);
  g_autofree char *message = NULL;

  if (reason != NULL)
    message = g_strdup_printf (_("Your progress could not be saved: %s. "
                                 "Your changes are kept while the app is open."), reason);
  set_banner (self, BANNER_SAVE, message);
}

static void
show_content_problems (CmioWindow      *self,
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

  set_banner (self, BANNER_CONTENT, message->str);
}

/* Reads the settings and the content; runs once the window knows its
 * application, which GtkWindow sets only after construction. */
static void
setup (CmioWindow      *self,
       CmioApplication *application)
{
  g_autofree char *last_page = NULL;

  self->settings = g_object_ref (cmio_application_get_settings (application));
  g_set_object (&self->pack, cmio_application_get_content_pack (application));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  populate_sidebar (self);
  show_content_problems (self, application);

  g_set_object (&self->store, cmio_application_get_store (application));
  if (self->store != NULL)
    {
      set_banner (self, BANNER_LOAD, cmio_store_get_load_message (self->store));
      g_signal_connect_object (self->store, "notify::save-error",
                               G_CALLBACK (save_error_changed_cb), self, G_CONNECT_SWAPPED);
      save_error_changed_cb (self);
    }

  last_page = g_settings_get_string (self->settings, "last-page");
  cmio_window_show_page (self, last_page);

  /* Reopened on a chapter, a narrow window shows that chapter, not the list. */
  if (g_strcmp0 (self->page, "overview") != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->content);

}

/* Callbacks */

static void
sidebar_row_activated_cb (CmioWindow    *self,
                          GtkListBoxRow *row)
{
  cmio_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
folded_changed_cb (CmioWindow *self)
{
  /* Folded, the sidebar is a page of its own, so no row stays selected. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_unselect_all (self->sidebar_list);
  else
    select_sidebar_row (self, self->page);
}

static void
banner_button_clicked_cb (CmioWindow *self)
{
  /* A failed save cannot be dismissed, only retried: the data is at risk. */
  if (self->banner_shown == BANNER_SAVE)
    g_action_group_activate_action (G_ACTION_GROUP (gtk_window_get_application (GTK_WINDOW (self))),
                                    "retry-save", NULL);
  else
    set_banner (self, self->banner_shown, NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                CmioWindow    *self)
{
  g_clear_signal_handler (&self->after_paint_handler, clock);
  g_signal_emit (self, signals[FIRST_FRAME], 0);
}

/* The chapter "Continue Reading" opens: for now the first one. */
static CmioChapter *
get_continue_chapter (CmioWindow *self)
{
  if (self->pack == NULL)
    return NULL;

  return g_list_model_get_item (cmio_content_pack_get_chapters (self->pack), 0);
}

/* WebKit's processes take half a second to start. Starting them by loading,
 * out of sight, the chapter "Continue Reading" will open means that chapter
 * opens at once; this runs after the window is up, so it never delays it. */
static gboolean
prepare_reader_cb (gpointer data)
{
  CmioWindow *self = data;
  g_autoptr(CmioChapter) chapter = NULL;

  if (cmio_reader_view_get_chapter (self->reader) == NULL &&
      (chapter = get_continue_chapter (self)) != NULL)
    cmio_reader_view_load_chapter (self->reader, chapter);

  return G_SOURCE_REMOVE;
}

static void
reader_ready_cb (CmioWindow *self)
{
  g_signal_emit (self, signals[CHAPTER_READY], 0);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);

  cmio_window_show_page (self, g_variant_get_string (parameter, NULL));
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

/* GtkWidget */

static void
cmio_window_realize (GtkWidget *widget)
{
  CmioWindow *self = CMIO_WINDOW (widget);

  GTK_WIDGET_CLASS (cmio_window_parent_class)->realize (widget);

  self->after_paint_handler =
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_paint_cb), self, 0);
  g_idle_add_full (G_PRIORITY_LOW, prepare_reader_cb, g_object_ref (self), g_object_unref);
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CmioWindow       *self)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      self->close_unsaved = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "retry") == 0)
    gtk_window_close (GTK_WINDOW (self));
}

/* Saves what is pending; when that fails, asks before closing, because
 * closing would lose the changes. Returns TRUE if the window may close. */
static gboolean
flush_or_ask (CmioWindow *self)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (self->store == NULL || self->close_unsaved || cmio_store_flush (self->store, &error))
    return TRUE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Your Progress Could Not Be Saved"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nIf you close now, the changes since the last save are lost."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Open"),
                                    "retry", _("_Try Again"),
                                    "close", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean
cmio_window_close_request (GtkWindow *window)
{
  CmioWindow *self = CMIO_WINDOW (window);
  int width;
  int height;

  if (!flush_or_ask (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_string (self->settings, "last-page", self->page);
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (cmio_window_parent_class)->close_request (window);
}

/* GObject */

static void
cmio_window_dispose (GObject *object)
{
  CmioWindow *self = (CmioWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CMIO_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->pack);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (cmio_window_parent_class)->dispose (object);
}

static void
cmio_window_finalize (GObject *object)
{
  CmioWindow *self = (CmioWindow *) object;

  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->last_toast, g_free);
  for (guint i = 0; i < N_BANNERS; i++)
    g_clear_pointer (&self->banners[i], g_free);

  G_OBJECT_CLASS (cmio_window_parent_class)->finalize (object);
}

static void
cmio_window_class_init (CmioWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cmio_window_dispose;
  object_class->finalize = cmio_window_finalize;
  widget_class->realize = cmio_window_realize;
  window_class->close_request = cmio_window_close_request;

  /**
   * CmioWindow::first-frame:
   *
   * Emitted once, after the window's first frame has been painted.
   */
  signals[FIRST_FRAME] =
    g_signal_new ("first-frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CmioWindow::chapter-ready:
   *
   * Emitted when a chapter has loaded and its first frame has been painted.
   */
  signals[CHAPTER_READY] =
    g_signal_new ("chapter-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CMIO_TYPE_READER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cmio-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, banner_button);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, reader);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.continue-reading", NULL,
                                   continue_reading_action);
  gtk_widget_class_install_action (widget_class, "win.navigate-back", NULL,
                                   navigate_back_action);
}

static void
cmio_window_init (CmioWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->overview_page, APP_ID);
  g_signal_connect_object (self->reader, "ready", G_CALLBACK (reader_ready_cb), self,
                           G_CONNECT_SWAPPED);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* Public API */

CmioWindow *
cmio_window_new (CmioApplication *application)
{
  CmioWindow *self;

  g_return_val_if_fail (CMIO_IS_APPLICATION (application), NULL);

  self = g_object_new (CMIO_TYPE_WINDOW, "application", application, NULL);
  setup (self, application);
  return self;
}

/**
 * cmio_window_add_toast:
 * @self: a #CmioWindow
 * @message: what to say
 *
 * Shows @message in a toast at the bottom of the window.
 */
void
cmio_window_add_toast (CmioWindow *self,
                       const char *message)
{
  g_return_if_fail (CMIO_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * cmio_window_get_last_toast:
 * @self: a #CmioWindow
 *
 * Returns: (nullable): the text of the last toast shown, for tests
 */
const char *
cmio_window_get_last_toast (CmioWindow *self)
{
  g_return_val_if_fail (CMIO_IS_WINDOW (self), NULL);
  return self->last_toast;
}

/**
 * cmio_window_get_page:
 * @self: a #CmioWindow
 *
 * Returns: the page shown: "overview" or "chapter:" and a chapter id
 */
const char *
cmio_window_get_page (CmioWindow *self)
{
  g_return_val_if_fail (CMIO_IS_WINDOW (self), NULL);
  return self->page;
}

/**
 * cmio_window_show_page:
 * @self: a #CmioWindow
 * @page: "overview" or "chapter:" and a chapter id; anything unknown shows
 *   the overview
 */
void
cmio_window_show_page (CmioWindow *self,
                       const char *page)
{
  CmioChapter *chapter = NULL;

  g_return_if_fail (CMIO_IS_WINDOW (self));

  if (page != NULL && g_str_has_prefix (page, CHAPTER_PREFIX) && self->pack != NULL)
    chapter = cmio_content_pack_find_chapter (self->pack, page + strlen (CHAPTER_PREFIX));

  g_free (self->page);
  if (chapter != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Chapter %u"), cmio_chapter_get_number (chapter));

      self->page = g_strdup (page);
      adw_window_title_set_title (self->content_title, cmio_chapter_get_title (chapter));
      adw_window_title_set_subtitle (self->content_title, subtitle);
      gtk_stack_set_visible_child_name (self->content_stack, "chapter");
      cmio_reader_view_load_chapter (self->reader, chapter);
    }
  else
    {
      self->page = g_strdup ("overview");
      adw_window_title_set_title (self->content_title, _("Overview"));
      adw_window_title_set_subtitle (self->content_title, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "overview");
    }

  if (!adw_leaflet_get_folded (self->leaflet))
    select_sidebar_row (self, self->page);
}

/**
 * cmio_window_continue_reading:
 * @self: a #CmioWindow
 *
 * Opens the first chapter; later, the chapter the reader was last in.
 */
void
cmio_window_continue_reading (CmioWindow *self)
{
  g_autoptr(CmioChapter) chapter = NULL;
  g_autofree char *page = NULL;

  g_return_if_fail (CMIO_IS_WINDOW (self));

  if ((chapter = get_continue_chapter (self)) == NULL)
    return;

  page = g_strconcat (CHAPTER_PREFIX, cmio_chapter_get_id (chapter), NULL);
  cmio_window_show_page (self, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

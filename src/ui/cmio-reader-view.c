/* cmio-reader-view.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <webkit/webkit.h>

#include "cmio-reader-view.h"

/* The only class in src/ui that touches WebKit. The web view is created on
 * the first chapter shown, so that WebKit never stands between the start of
 * the app and its first frame. */

struct _CmioReaderView
{
  AdwBin parent_instance;

  WebKitWebView *web_view;
  CmioChapter *chapter;
  GBytes *stylesheet;
  char *loading_uri;
  gulong after_paint_handler;
  guint create_source;
  gboolean loaded;
  gboolean ready;
};

G_DEFINE_FINAL_TYPE (CmioReaderView, cmio_reader_view, ADW_TYPE_BIN)

enum {
  READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Nothing may load from anywhere: styles are inline, JavaScript is off, and
 * the policy forbids every fetch, so a chapter cannot reach the network. */
static const char page_head[] =
  "<!DOCTYPE html>\n<html lang=\"%s\" class=\"%s\"><head><meta charset=\"utf-8\">"
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
  "style-src 'unsafe-inline'; img-src data:\">"
  "<meta name=\"color-scheme\" content=\"light dark\">"
  "<style>%s</style></head><body><main>";
static const char page_tail[] = "</main></body></html>";

static char *
build_page (CmioReaderView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *body = self->chapter ? cmio_chapter_dup_html (self->chapter) : g_strdup ("");
  g_autoptr(GString) page = g_string_new (NULL);
  g_autofree char *css = NULL;
  const char *classes;

  if (self->stylesheet == NULL)
    self->stylesheet = g_resources_lookup_data (RESOURCE_PATH "/ui/reader.css", 0, NULL);
  css = g_strndup (g_bytes_get_data (self->stylesheet, NULL), g_bytes_get_size (self->stylesheet));

  if (adw_style_manager_get_high_contrast (style))
    classes = adw_style_manager_get_dark (style) ? "dark high-contrast" : "high-contrast";
  else
    classes = adw_style_manager_get_dark (style) ? "dark" : "";

  g_string_printf (page, page_head, "en", classes, css);
  g_string_append (page, body);
  g_string_append (page, page_tail);

  return g_string_free (g_steal_pointer (&page), FALSE);
}

/* Each page gets a document URI of its own, so that the load events of a
 * page replaced by the next one are not mistaken for the new one's. */
static void
reload (CmioReaderView *self)
{
  g_autofree char *page = NULL;

  if (self->web_view == NULL)
    return;

  page = build_page (self);
  g_free (self->loading_uri);
  self->loading_uri = g_strdup_printf ("cmio-reader:%s",
                                       self->chapter ? cmio_chapter_get_id (self->chapter) : "blank");
  webkit_web_view_load_html (self->web_view, page, self->loading_uri);
}

static void
after_paint_cb (GdkFrameClock  *clock,
                CmioReaderView *self)
{
  g_clear_signal_handler (&self->after_paint_handler, clock);

  if (!self->loaded || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->ready = TRUE;
  g_signal_emit (self, signals[READY], 0);
}

/* Ready means loaded and painted on screen: a chapter loaded while hidden
 * becomes ready with the first frame after it is shown. */
static void
maybe_wait_for_paint (CmioReaderView *self)
{
  GdkFrameClock *clock;

  if (!self->loaded || self->ready || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  if (self->after_paint_handler == 0)
    self->after_paint_handler = g_signal_connect_object (clock, "after-paint",
                                                         G_CALLBACK (after_paint_cb), self, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->web_view));
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 CmioReaderView  *self)
{
  if (event != WEBKIT_LOAD_FINISHED || self->chapter == NULL ||
      g_strcmp0 (webkit_web_view_get_uri (web_view), self->loading_uri) != 0)
    return;

  self->loaded = TRUE;
  maybe_wait_for_paint (self);
}

static void
launch_uri_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Cannot open the link: %s", error->message);
}

static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  CmioReaderView           *self)
{
  WebKitNavigationAction *action;
  WebKitURIRequest *request;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  request = webkit_navigation_action_get_request (action);
  uri = webkit_uri_request_get_uri (request);

  /* Our own page load is the only navigation the view makes itself. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_OTHER &&
      g_strcmp0 (uri, self->loading_uri) == 0)
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  /* Links to the web and mail open outside the app; nothing else opens. */
  if (webkit_navigation_action_is_user_gesture (action) &&
      (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://") ||
       g_str_has_prefix (uri, "mailto:")))
    {
      g_autoptr(GdkAppLaunchContext) context =
        gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

      g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                               launch_uri_cb, NULL);
    }

  webkit_policy_decision_ignore (decision);
  return TRUE;
}

static void
ensure_web_view (CmioReaderView *self)
{
  g_autoptr(WebKitSettings) settings = NULL;

  if (self->web_view != NULL)
    return;

  settings = webkit_settings_new_with_settings ("enable-javascript", FALSE,
                                                "enable-javascript-markup", FALSE,
                                                "enable-developer-extras", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-webgl", FALSE,
                                                "enable-media", FALSE,
                                                "auto-load-images", TRUE,
                                                "hardware-acceleration-policy",
                                                WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER,
                                                NULL);
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "settings", settings, NULL);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  webkit_web_view_set_background_color (self->web_view, &(GdkRGBA) { 0, 0, 0, 0 });
  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (load_changed_cb), self, 0);
  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (decide_policy_cb), self, 0);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->web_view));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
}

static gboolean
create_web_view_cb (gpointer data)
{
  CmioReaderView *self = data;

  self->create_source = 0;
  ensure_web_view (self);
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
cmio_reader_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (cmio_reader_view_parent_class)->map (widget);

  maybe_wait_for_paint (CMIO_READER_VIEW (widget));
}

static void
cmio_reader_view_dispose (GObject *object)
{
  CmioReaderView *self = (CmioReaderView *) object;

  g_clear_handle_id (&self->create_source, g_source_remove);
  g_clear_object (&self->chapter);
  g_clear_pointer (&self->stylesheet, g_bytes_unref);
  g_clear_pointer (&self->loading_uri, g_free);
  self->web_view = NULL;

  G_OBJECT_CLASS (cmio_reader_view_parent_class)->dispose (object);
}

static void
cmio_reader_view_class_init (CmioReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cmio_reader_view_dispose;
  GTK_WIDGET_CLASS (klass)->map = cmio_reader_view_map;

  /**
   * CmioReaderView::ready:
   *
   * Emitted when a chapter has loaded and the frame after that was painted.
   */
  signals[READY] =
    g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "cmio-reader");
}

static void
cmio_reader_view_init (CmioReaderView *self)
{
}

/**
 * cmio_reader_view_load_chapter:
 * @self: a #CmioReaderView
 * @chapter: the chapter to show
 */
void
cmio_reader_view_load_chapter (CmioReaderView *self,
                               CmioChapter    *chapter)
{
  g_return_if_fail (CMIO_IS_READER_VIEW (self));
  g_return_if_fail (CMIO_IS_CHAPTER (chapter));

  if (self->chapter == chapter)
    return;

  g_set_object (&self->chapter, chapter);
  self->loaded = FALSE;
  self->ready = FALSE;

  /* The first chapter may be asked for while the window is being built;
   * creating the web view then would delay the window's first frame, so it
   * waits until the main loop is idle. */
  if (self->web_view != NULL)
    reload (self);
  else if (self->create_source == 0)
    self->create_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, create_web_view_cb,
                                           self, NULL);
}

/**
 * cmio_reader_view_get_chapter:
 * @self: a #CmioReaderView
 *
 * Returns: (transfer none) (nullable): the chapter shown
 */
CmioChapter *
cmio_reader_view_get_chapter (CmioReaderView *self)
{
  g_return_val_if_fail (CMIO_IS_READER_VIEW (self), NULL);
  return self->chapter;
}

gboolean
cmio_reader_view_is_ready (CmioReaderView *self)
{
  g_return_val_if_fail (CMIO_IS_READER_VIEW (self), FALSE);
  return self->ready;
}

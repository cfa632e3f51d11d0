/* cmio-reader-view.c — a chapter in a web view; the only class touching WebKit
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <webkit/webkit.h>

#include "cmio-reader-view.h"
#include "cmio-reader-private.h"

/* Pages come from the app's own scheme: cmio-handbook://pack/<file> is a
 * chapter (its file in the pack, so that relative links and images in it
 * resolve inside the pack) and cmio-handbook://style/reader.css the
 * stylesheet. Nothing else loads: the page's policy forbids any other
 * source, its own JavaScript is off, and navigation away is refused.
 *
 * The app itself runs small scripts in an isolated world ("cmio"), which
 * the page cannot see: to report the reading position, restore it, and
 * jump to a heading. */

#define WORLD "cmio"

struct _CmioReaderView
{
  AdwBin parent_instance;

  WebKitWebView *web_view;
  CmioContentPack *pack;
  CmioChapter *chapter;
  char *loading_uri;
  double restore_position;
  double position;
  double zoom;
  guint match_count;
  char *find_text;

  guint create_source;
  gulong after_paint_handler;
  gboolean loaded;
  gboolean ready;
  gboolean focus_on_load;
};

G_DEFINE_FINAL_TYPE (CmioReaderView, cmio_reader_view, ADW_TYPE_BIN)

enum {
  LOADED,
  READY,
  OPEN_CHAPTER,
  POSITION_CHANGED,
  MATCHES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reports the reading position, 0 at the top to 1 at the end, when the
 * reader scrolls (at most four times a second) and when the page is laid
 * out. */
static const char position_script[] =
  "(function () {"
  "  let pending = false;"
  "  function report () {"
  "    pending = false;"
  "    const root = document.scrollingElement || document.documentElement;"
  "    const range = root.scrollHeight - window.innerHeight;"
  "    const position = range > 0 ? Math.min (1, Math.max (0, window.scrollY / range)) : 1;"
  "    window.webkit.messageHandlers.position.postMessage (position);"
  "  }"
  "  window.addEventListener ('scroll', function () {"
  "    if (!pending) { pending = true; setTimeout (report, 250); }"
  "  }, { passive: true });"
  "  window.addEventListener ('load', report);"
  "}) ();";

/* The app's scheme */

static void
scheme_request_cb (WebKitURISchemeRequest *request,
                   gpointer                user_data)
{
  const char *uri = webkit_uri_scheme_request_get_uri (request);
  WebKitWebView *web_view = webkit_uri_scheme_request_get_web_view (request);
  CmioReaderView *self = web_view ? g_object_get_data (G_OBJECT (web_view), "cmio-reader") : NULL;
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GBytes) bytes = NULL;
  const char *content_type = NULL;
  const char *host;
  const char *path;

  if (parsed == NULL || self == NULL || self->pack == NULL)
    {
      cmio_reader_refuse_request (request, uri);
      return;
    }

  host = g_uri_get_host (parsed);
  path = g_uri_get_path (parsed);
  while (*path == '/')
    path++;

  if (g_strcmp0 (uri, CMIO_READER_STYLE_URI) == 0)
    {
      bytes = g_resources_lookup_data (RESOURCE_PATH "/ui/reader.css", 0, NULL);
      content_type = "text/css";
    }
  else if (g_strcmp0 (host, CMIO_READER_PACK_HOST) == 0)
    {
      const char *chapter_id = cmio_reader_chapter_of_file (self->pack, path);

      if (chapter_id != NULL)
        {
          bytes = cmio_reader_build_page (self->pack, cmio_content_pack_find_chapter (self->pack, chapter_id));
          content_type = "text/html";
        }
      else
        bytes = cmio_reader_load_pack_image (self->pack, path, &content_type);
    }

  if (bytes == NULL)
    cmio_reader_refuse_request (request, uri);
  else
    cmio_reader_finish_request (request, bytes, content_type);
}

/* Ready: loaded and painted */

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

/* A chapter loaded while hidden becomes ready with the first frame after
 * it is shown. */
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
run_script (CmioReaderView *self,
            const char     *script)
{
  webkit_web_view_evaluate_javascript (self->web_view, script, -1, WORLD, NULL, NULL, NULL, NULL);
}

static void
restore_position (CmioReaderView *self)
{
  g_autofree char *script = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (self->restore_position <= 0)
    return;

  script = g_strdup_printf ("(function () {"
                            "  const root = document.scrollingElement || document.documentElement;"
                            "  window.scrollTo (0, %s * (root.scrollHeight - window.innerHeight));"
                            "}) ();",
                            g_ascii_formatd (number, sizeof number, "%.4f", self->restore_position));
  run_script (self, script);
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
  g_signal_emit (self, signals[LOADED], 0);
  restore_position (self);
  if (self->focus_on_load && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (web_view));
  self->focus_on_load = FALSE;

  if (self->find_text != NULL)
    cmio_reader_view_find (self, self->find_text);

  maybe_wait_for_paint (self);
}

static void
position_message_cb (WebKitUserContentManager *manager,
                     JSCValue                 *value,
                     CmioReaderView           *self)
{
  double position;

  if (!jsc_value_is_number (value) || !self->loaded)
    return;

  position = CLAMP (jsc_value_to_double (value), 0, 1);
  if (position == self->position)
    return;

  self->position = position;
  g_signal_emit (self, signals[POSITION_CHANGED], 0, position);
}

/* Navigation */

/* The chapter a link inside the app points to, or NULL. */
static const char *
linked_chapter (CmioReaderView *self,
                GUri           *uri)
{
  const char *host = g_uri_get_host (uri);
  const char *path = g_uri_get_path (uri);

  while (*path == '/')
    path++;

  if (g_strcmp0 (host, CMIO_READER_PACK_HOST) == 0)
    return cmio_reader_chapter_of_file (self->pack, path);

  if (g_strcmp0 (host, "chapter") == 0 && cmio_content_pack_find_chapter (self->pack, path) != NULL)
    return cmio_chapter_get_id (cmio_content_pack_find_chapter (self->pack, path));

  return NULL;
}

static gboolean
same_document (const char *a,
               const char *b)
{
  const char *hash_a = strchr (a, '#');
  const char *hash_b = strchr (b, '#');
  gsize length_a = hash_a ? (gsize) (hash_a - a) : strlen (a);
  gsize length_b = hash_b ? (gsize) (hash_b - b) : strlen (b);

  return length_a == length_b && strncmp (a, b, length_a) == 0;
}

static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  CmioReaderView           *self)
{
  WebKitNavigationAction *action;
  g_autoptr(GUri) parsed = NULL;
  const char *uri;
  const char *chapter_id;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  /* The view's own loads, and jumps to an anchor in the page shown. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      (g_strcmp0 (uri, self->loading_uri) == 0 ||
       (self->loading_uri != NULL && same_document (uri, self->loading_uri) && strchr (uri, '#'))))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  webkit_policy_decision_ignore (decision);

  /* Only what the reader clicks leads anywhere. */
  if (webkit_navigation_action_get_navigation_type (action) != WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
    return TRUE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return TRUE;

  if (g_strcmp0 (g_uri_get_scheme (parsed), CMIO_READER_SCHEME) == 0 && self->pack != NULL &&
      (chapter_id = linked_chapter (self, parsed)) != NULL)
    {
      g_signal_emit (self, signals[OPEN_CHAPTER], 0, chapter_id);
    }
  else if (!cmio_reader_open_outside_link (parsed, uri, GTK_WIDGET (self)))
    g_debug ("Refused a navigation to %s", uri);

  return TRUE;
}

/* Find in the chapter */

static void
counted_matches_cb (WebKitFindController *controller,
                    guint                 count,
                    CmioReaderView       *self)
{
  self->match_count = count;
  g_signal_emit (self, signals[MATCHES_CHANGED], 0, count);
}

static void
failed_to_find_cb (WebKitFindController *controller,
                   CmioReaderView       *self)
{
  counted_matches_cb (controller, 0, self);
}

/* The web view */

/* The window's own background, opaque: with a transparent one, WebKit can
 * leave the previous chapter's text showing under the next one. */
static void
update_background (CmioReaderView *self)
{
  if (self->web_view != NULL)
    cmio_reader_set_page_background (self->web_view);
}

static void
ensure_web_view (CmioReaderView *self)
{
  static gsize scheme_registered;
  g_autoptr(WebKitSettings) settings = NULL;
  g_autoptr(WebKitUserContentManager) manager = NULL;
  g_autoptr(WebKitUserScript) script = NULL;
  WebKitFindController *find;

  if (self->web_view != NULL)
    return;

  if (g_once_init_enter (&scheme_registered))
    {
      WebKitWebContext *context = webkit_web_context_get_default ();

      webkit_web_context_register_uri_scheme (context, CMIO_READER_SCHEME, scheme_request_cb, NULL, NULL);
      webkit_security_manager_register_uri_scheme_as_secure (webkit_web_context_get_security_manager (context),
                                                             CMIO_READER_SCHEME);
      webkit_web_context_set_cache_model (context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);
      g_once_init_leave (&scheme_registered, 1);
    }

  /* The page's own JavaScript (script elements, event handlers) is off;
   * the engine stays on for the app's scripts in their isolated world. */
  settings = webkit_settings_new_with_settings ("enable-javascript", TRUE,
                                                "enable-javascript-markup", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                "enable-developer-extras", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-webgl", FALSE,
                                                "enable-media", FALSE,
                                                "enable-back-forward-navigation-gestures", FALSE,
                                                "hardware-acceleration-policy",
                                                WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER,
                                                NULL);

  manager = webkit_user_content_manager_new ();
  script = webkit_user_script_new_for_world (position_script, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                             WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END, WORLD,
                                             NULL, NULL);
  webkit_user_content_manager_add_script (manager, script);
  webkit_user_content_manager_register_script_message_handler (manager, "position", WORLD);
  g_signal_connect_object (manager, "script-message-received::position",
                           G_CALLBACK (position_message_cb), self, 0);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "settings", settings,
                                 "user-content-manager", manager,
                                 NULL);
  g_object_set_data (G_OBJECT (self->web_view), "cmio-reader", self);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);
  update_background (self);
  webkit_web_view_set_zoom_level (self->web_view, self->zoom);
  g_signal_connect_object (self->web_view, "load-changed",
                           G_CALLBACK (load_changed_cb), self, 0);
  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (decide_policy_cb), self, 0);

  find = webkit_web_view_get_find_controller (self->web_view);
  g_signal_connect_object (find, "counted-matches", G_CALLBACK (counted_matches_cb), self, 0);
  g_signal_connect_object (find, "found-text", G_CALLBACK (counted_matches_cb), self, 0);
  g_signal_connect_object (find, "failed-to-find-text", G_CALLBACK (failed_to_find_cb), self, 0);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chapter text"),
                                  -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->web_view));
}

static void
reload (CmioReaderView *self)
{
  if (self->web_view == NULL || self->chapter == NULL)
    return;

  g_free (self->loading_uri);
  self->loading_uri = cmio_reader_chapter_uri (self->chapter);
  self->loaded = FALSE;
  webkit_web_view_load_uri (self->web_view, self->loading_uri);
}

static void
style_changed_cb (CmioReaderView *self)
{
  update_background (self);
  /* The page's colours follow the app's at once; keep the place. */
  self->restore_position = self->position;
  reload (self);
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

/* GObject */

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
  g_clear_object (&self->pack);
  g_clear_pointer (&self->loading_uri, g_free);
  g_clear_pointer (&self->find_text, g_free);
  self->web_view = NULL;

  G_OBJECT_CLASS (cmio_reader_view_parent_class)->dispose (object);
}

static void
cmio_reader_view_class_init (CmioReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_reader_view_dispose;
  widget_class->map = cmio_reader_view_map;

  /**
   * CmioReaderView::loaded:
   *
   * Emitted when a chapter has loaded, shown or not: WebKit's processes
   * are up.
   */
  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CmioReaderView::ready:
   *
   * Emitted when a chapter has loaded and the frame after that was painted.
   */
  signals[READY] =
    g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CmioReaderView::open-chapter:
   * @chapter_id: the chapter a link in the text leads to
   *
   * Emitted when the reader follows a link to a chapter; the owner decides.
   */
  signals[OPEN_CHAPTER] =
    g_signal_new ("open-chapter", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * CmioReaderView::position-changed:
   * @position: how far down the chapter the reader is, 0 to 1
   */
  signals[POSITION_CHANGED] =
    g_signal_new ("position-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  /**
   * CmioReaderView::matches-changed:
   * @count: how many times the text searched for is in the chapter
   */
  signals[MATCHES_CHANGED] =
    g_signal_new ("matches-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "cmio-reader");
}

static void
cmio_reader_view_init (CmioReaderView *self)
{
  self->zoom = 1.0;

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * cmio_reader_view_set_content_pack:
 * @self: a #CmioReaderView
 * @pack: the pack whose chapters the view shows
 */
void
cmio_reader_view_set_content_pack (CmioReaderView  *self,
                                   CmioContentPack *pack)
{
  g_return_if_fail (CMIO_IS_READER_VIEW (self));
  g_set_object (&self->pack, pack);
}

/**
 * cmio_reader_view_load_chapter:
 * @self: a #CmioReaderView
 * @chapter: the chapter to show
 * @position: where to scroll once it is laid out, 0 to 1
 *
 * Shows @chapter. The web view is made the first time this is called, in
 * an idle callback, so that WebKit never delays the window's first frame.
 * Keyboard focus moves into the text once it has loaded, if the view is
 * on screen, so that screen readers start reading there.
 */
void
cmio_reader_view_load_chapter (CmioReaderView *self,
                               CmioChapter    *chapter,
                               double          position)
{
  g_return_if_fail (CMIO_IS_READER_VIEW (self));
  g_return_if_fail (CMIO_IS_CHAPTER (chapter));
  g_return_if_fail (self->pack != NULL);

  self->focus_on_load = TRUE;
  if (self->chapter == chapter)
    {
      if (self->loaded)
        cmio_reader_view_focus_text (self);
      return;
    }

  g_set_object (&self->chapter, chapter);
  self->loaded = FALSE;
  self->ready = FALSE;
  self->position = 0;
  self->restore_position = CLAMP (position, 0, 1);

  if (self->web_view != NULL)
    reload (self);
  else if (self->create_source == 0)
    self->create_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, create_web_view_cb,
                                           self, NULL);
}

/**
 * cmio_reader_view_start:
 * @self: a #CmioReaderView
 *
 * Makes the web view now rather than in an idle callback, and starts
 * loading the chapter given, if any, so that WebKit's processes start at
 * once. The window calls it when its first frame has been painted.
 */
void
cmio_reader_view_start (CmioReaderView *self)
{
  g_return_if_fail (CMIO_IS_READER_VIEW (self));

  if (self->web_view != NULL)
    return;

  g_clear_handle_id (&self->create_source, g_source_remove);
  ensure_web_view (self);
  reload (self);
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

/**
 * cmio_reader_view_get_uri:
 * @self: a #CmioReaderView
 *
 * Returns: (nullable): the URI the web view shows now
 */
const char *
cmio_reader_view_get_uri (CmioReaderView *self)
{
  g_return_val_if_fail (CMIO_IS_READER_VIEW (self), NULL);
  return self->web_view ? webkit_web_view_get_uri (self->web_view) : NULL;
}

gboolean
cmio_reader_view_is_ready (CmioReaderView *self)
{
  g_return_val_if_fail (CMIO_IS_READER_VIEW (self), FALSE);
  return self->ready;
}

/**
 * cmio_reader_view_get_position:
 * @self: a #CmioReaderView
 *
 * Returns: how far down the chapter the reader last was, 0 to 1
 */
double
cmio_reader_view_get_position (CmioReaderView *self)
{
  g_return_val_if_fail (CMIO_IS_READER_VIEW (self), 0);
  return self->position;
}

/**
 * cmio_reader_view_scroll_to_heading:
 * @self: a #CmioReaderView
 * @index: the heading's place in cmio_chapter_dup_headings()
 */
void
cmio_reader_view_scroll_to_heading (CmioReaderView *self,
                                    guint           index)
{
  g_autofree char *script = NULL;

  g_return_if_fail (CMIO_IS_READER_VIEW (self));

  if (self->web_view == NULL || !self->loaded)
    return;

  script = g_strdup_printf ("(function () {"
                            "  const h = document.querySelectorAll ('main h1, main h2, main h3, main h4, main h5, main h6')[%u];"
                            "  if (h) { h.setAttribute ('tabindex', '-1'); h.scrollIntoView (); h.focus (); }"
                            "}) ();", index);
  run_script (self, script);
  gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
}

/**
 * cmio_reader_view_set_zoom:
 * @self: a #CmioReaderView
 * @zoom: the zoom level, 1.0 for 100 %
 */
void
cmio_reader_view_set_zoom (CmioReaderView *self,
                           double          zoom)
{
  g_return_if_fail (CMIO_IS_READER_VIEW (self));

  self->zoom = zoom;
  if (self->web_view != NULL)
    webkit_web_view_set_zoom_level (self->web_view, zoom);
}

/**
 * cmio_reader_view_find:
 * @self: a #CmioReaderView
 * @text: what to find, without regard to case
 *
 * Highlights the first match and counts them all; ::matches-changed
 * reports the count. Kept for the next chapter loaded, until
 * cmio_reader_view_find_finish().
 */
void
cmio_reader_view_find (CmioReaderView *self,
                       const char     *text)
{
  WebKitFindController *find;
  guint32 options = WEBKIT_FIND_OPTIONS_CASE_INSENSITIVE | WEBKIT_FIND_OPTIONS_WRAP_AROUND;

  g_return_if_fail (CMIO_IS_READER_VIEW (self));

  if (text == NULL || *text == '\0')
    {
      cmio_reader_view_find_finish (self);
      return;
    }

  if (text != self->find_text)
    {
      g_free (self->find_text);
      self->find_text = g_strdup (text);
    }

  if (self->web_view == NULL || !self->loaded)
    return;

  find = webkit_web_view_get_find_controller (self->web_view);
  webkit_find_controller_count_matches (find, self->find_text, options, G_MAXUINT);
  webkit_find_controller_search (find, self->find_text, options, G_MAXUINT);
}

void
cmio_reader_view_find_next (CmioReaderView *self)
{
  g_return_if_fail (CMIO_IS_READER_VIEW (self));

  if (self->web_view != NULL && self->find_text != NULL)
    webkit_find_controller_search_next (webkit_web_view_get_find_controller (self->web_view));
}

void
cmio_reader_view_find_previous (CmioReaderView *self)
{
  g_return_if_fail (CMIO_IS_READER_VIEW (self));

  if (self->web_view != NULL && self->find_text != NULL)
    webkit_find_controller_search_previous (webkit_web_view_get_find_controller (self->web_view));
}

void
cmio_reader_view_find_finish (CmioReaderView *self)
{
  g_return_if_fail (CMIO_IS_READER_VIEW (self));

  g_clear_pointer (&self->find_text, g_free);
  self->match_count = 0;
  if (self->web_view != NULL)
    webkit_find_controller_search_finish (webkit_web_view_get_find_controller (self->web_view));
}

guint
cmio_reader_view_get_match_count (CmioReaderView *self)
{
  g_return_val_if_fail (CMIO_IS_READER_VIEW (self), 0);
  return self->match_count;
}

/**
 * cmio_reader_view_print:
 * @self: a #CmioReaderView
 *
 * Opens the print dialog for the chapter.
 */
void
cmio_reader_view_print (CmioReaderView *self)
{
  g_autoptr(WebKitPrintOperation) operation = NULL;
  GtkRoot *root;

  g_return_if_fail (CMIO_IS_READER_VIEW (self));

  if (self->web_view == NULL || !self->loaded)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  operation = webkit_print_operation_new (self->web_view);
  webkit_print_operation_run_dialog (operation, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

/**
 * cmio_reader_view_focus_text:
 * @self: a #CmioReaderView
 *
 * Moves keyboard focus into the chapter text.
 */
void
cmio_reader_view_focus_text (CmioReaderView *self)
{
  g_return_if_fail (CMIO_IS_READER_VIEW (self));

  if (self->web_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->web_view));
}

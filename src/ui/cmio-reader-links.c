/* cmio-reader-links.c — what the reader shares: opening links outside the
 * app, serving the pack's images, and the look of its pages
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-reader-private.h"
#include "cmio-reader-view.h"

static CmioUriLauncher uri_launcher;

void
cmio_reader_finish_request (WebKitURISchemeRequest *request,
                            GBytes                 *bytes,
                            const char             *content_type)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  webkit_uri_scheme_request_finish (request, stream, g_bytes_get_size (bytes), content_type);
}

void
cmio_reader_refuse_request (WebKitURISchemeRequest *request,
                            const char             *uri)
{
  g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Not found: %s", uri);

  webkit_uri_scheme_request_finish_error (request, error);
}

/* An image of the pack, from inside the pack only. */
GBytes *
cmio_reader_load_pack_image (CmioContentPack  *pack,
                             const char       *path,
                             const char      **content_type)
{
  static const struct {
    const char *suffix;
    const char *type;
  } images[] = {
    { ".png", "image/png" }, { ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" },
    { ".gif", "image/gif" }, { ".svg", "image/svg+xml" }, { ".webp", "image/webp" },
  };
  g_autoptr(GFile) file = NULL;
  GBytes *bytes;

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      if (!g_str_has_suffix (path, images[i].suffix))
        continue;

      /* The path came through g_uri_parse(), so ".." is gone; check anyway. */
      if (strstr (path, "..") != NULL || g_path_is_absolute (path))
        return NULL;

      file = g_file_resolve_relative_path (cmio_content_pack_get_dir (pack), path);
      if (!g_file_has_prefix (file, cmio_content_pack_get_dir (pack)))
        return NULL;

      bytes = g_file_load_bytes (file, NULL, NULL, NULL);
      if (bytes != NULL && g_bytes_get_size (bytes) > 16 * 1024 * 1024)
        g_clear_pointer (&bytes, g_bytes_unref);
      *content_type = images[i].type;
      return bytes;
    }

  return NULL;
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

static void
launch_uri (const char *uri,
            GtkWidget  *parent)
{
  g_autoptr(GdkAppLaunchContext) context =
    gdk_display_get_app_launch_context (gtk_widget_get_display (parent));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           launch_uri_cb, NULL);
}

/**
 * cmio_reader_view_set_uri_launcher:
 * @launcher: (nullable): how web and mail links open; %NULL for the default
 *   browser and mail program, through the display's launch context
 */
void
cmio_reader_view_set_uri_launcher (CmioUriLauncher launcher)
{
  uri_launcher = launcher;
}

/**
 * cmio_reader_page_classes:
 *
 * Returns: the classes of a page's root element that give it the app's
 *   style: "dark", "high-contrast", both or none
 */
const char *
cmio_reader_page_classes (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (style))
    return adw_style_manager_get_dark (style) ? "dark high-contrast" : "high-contrast";

  return adw_style_manager_get_dark (style) ? "dark" : "";
}

/**
 * cmio_reader_open_link:
 * @uri: an http(s) or mailto URI the user chose
 * @parent: the widget the link was in
 *
 * Opens @uri outside the app, through the launcher tests may set.
 */
void
cmio_reader_open_link (const char *uri,
                       GtkWidget  *parent)
{
  (uri_launcher ? uri_launcher : launch_uri) (uri, parent);
}

/**
 * cmio_reader_open_outside_link:
 * @parsed: @uri, parsed
 * @uri: a link the user clicked
 * @parent: the widget the link was in
 *
 * Opens @uri outside the app if it is a web or mail link.
 *
 * Returns: whether it was one
 */
gboolean
cmio_reader_open_outside_link (GUri       *parsed,
                               const char *uri,
                               GtkWidget  *parent)
{
  const char *scheme = g_uri_get_scheme (parsed);

  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0 &&
      g_strcmp0 (scheme, "mailto") != 0)
    return FALSE;

  cmio_reader_open_link (uri, parent);
  return TRUE;
}

/**
 * cmio_reader_set_page_background:
 * @web_view: a view of the app's pages
 *
 * Gives @web_view the window's own background, opaque: with a transparent
 * one, WebKit can leave the previous page's text showing under the next.
 */
void
cmio_reader_set_page_background (WebKitWebView *web_view)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA color = dark ? (GdkRGBA) { 0x24 / 255., 0x24 / 255., 0x24 / 255., 1 }
                       : (GdkRGBA) { 0xfa / 255., 0xfa / 255., 0xfa / 255., 1 };

  webkit_web_view_set_background_color (web_view, &color);
}

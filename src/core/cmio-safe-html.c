/* cmio-safe-html.c — keeping rendered Markdown's links and images harmless
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-markdown.h"
#include "cmio-safe-html.h"

/* md4c renders raw HTML as text, and escapes every attribute it writes, so
 * in its output the only `href="` and `src="` are the ones it made for
 * Markdown links and images. Their URLs are the user's, though: a link may
 * say `javascript:` or `file:`. Those are replaced, here, by "#". */

static const char * const link_schemes[] = { "http", "https", "mailto", "cmio-handbook", NULL };
static const char * const image_schemes[] = { "cmio-handbook", NULL };

/**
 * cmio_url_is_safe:
 * @url: a URL as written in a link or an image (already HTML-escaped)
 * @is_image: whether it is an image's source
 *
 * A URL is safe when it is relative (no scheme: it stays inside the pack)
 * or uses an allowed scheme: for links, http, https, mailto and the app's
 * own; for images only the app's own, so that nothing is fetched from the
 * network.
 *
 * Returns: %TRUE if @url may stay
 */
gboolean
cmio_url_is_safe (const char *url,
                  gboolean    is_image)
{
  g_autofree char *scheme = NULL;
  const char *p;

  g_return_val_if_fail (url != NULL, FALSE);

  /* A scheme is letters, digits, "+", "-" and "." before the first ":",
   * with no "/", "?" or "#" before it. Anything else is relative. */
  for (p = url; *p != '\0'; p++)
    {
      if (*p == ':')
        break;
      if (!(g_ascii_isalnum (*p) || *p == '+' || *p == '-' || *p == '.'))
        return strncmp (url, "//", 2) != 0;
    }

  if (*p == '\0')
    return strncmp (url, "//", 2) != 0;

  scheme = g_ascii_strdown (url, p - url);
  return g_strv_contains (is_image ? image_schemes : link_schemes, scheme);
}

/**
 * cmio_html_neutralize_links:
 * @html: HTML that md4c rendered, with raw HTML off
 *
 * Returns: (transfer full): @html with every unsafe link target and image
 *   source replaced by "#"
 */
char *
cmio_html_neutralize_links (const char *html)
{
  GString *out;
  const char *p = html;

  g_return_val_if_fail (html != NULL, NULL);

  out = g_string_sized_new (strlen (html) + 16);
  while (*p != '\0')
    {
      const char *href = strstr (p, " href=\"");
      const char *src = strstr (p, " src=\"");
      const char *attribute;
      const char *value;
      const char *end;
      gboolean is_image;
      g_autofree char *url = NULL;

      if (href == NULL && src == NULL)
        break;

      is_image = href == NULL || (src != NULL && src < href);
      attribute = is_image ? src : href;
      value = attribute + (is_image ? strlen (" src=\"") : strlen (" href=\""));
      end = strchr (value, '"');
      if (end == NULL)
        break;

      url = g_strndup (value, end - value);
      g_string_append_len (out, p, value - p);
      g_string_append (out, cmio_url_is_safe (url, is_image) ? url : "#");
      p = end;
    }

  g_string_append (out, p);
  return g_string_free (out, FALSE);
}

/**
 * cmio_markdown_to_safe_html:
 * @markdown: a chapter's or the user's Markdown
 *
 * Renders @markdown with raw HTML off (so markup in it stays text), then
 * makes every link and image that is not safe point nowhere.
 *
 * Returns: (transfer full): an HTML fragment
 */
char *
cmio_markdown_to_safe_html (const char *markdown)
{
  g_autofree char *html = NULL;

  g_return_val_if_fail (markdown != NULL, NULL);

  html = cmio_markdown_to_html (markdown, -1);
  return cmio_html_neutralize_links (html);
}

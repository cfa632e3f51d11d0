/* cmio-markdown.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-markdown.h"

#include <md4c-html.h>
#include <string.h>

static void
append_cb (const MD_CHAR *text,
           MD_SIZE        size,
           void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

/**
 * cmio_markdown_to_html:
 * @markdown: CommonMark text, UTF-8
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Renders CommonMark with tables, strikethrough and task lists to an HTML
 * fragment. Raw HTML in the input is never passed through: md4c escapes it
 * as text, so the result contains only the markup that Markdown itself makes.
 *
 * Returns: (transfer full): the HTML fragment
 */
char *
cmio_markdown_to_html (const char *markdown,
                       gssize      length)
{
  g_autoptr(GString) html = NULL;
  unsigned parser_flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS |
                          MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEURLAUTOLINKS;

  g_return_val_if_fail (markdown != NULL, NULL);

  if (length < 0)
    length = strlen (markdown);

  html = g_string_sized_new (length + length / 4 + 64);
  md_html (markdown, (MD_SIZE) length, append_cb, html, parser_flags,
           MD_HTML_FLAG_SKIP_UTF8_BOM);

  return g_string_free (g_steal_pointer (&html), FALSE);
}

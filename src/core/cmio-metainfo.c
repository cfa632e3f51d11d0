/* cmio-metainfo.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-metainfo.h"

/* Reads the release notes of one version out of an AppStream metainfo file,
 * for the About window, so that they are written in one place only. */

typedef struct
{
  const char *version;
  GString *notes;
  gboolean in_release;
  guint description_depth;
} ReleaseParser;

static gboolean
is_markup_element (const char *name)
{
  static const char * const allowed[] = { "p", "ul", "ol", "li", "em", "code", NULL };

  return g_strv_contains (allowed, name);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  ReleaseParser *parser = user_data;

  if (parser->description_depth > 0)
    {
      parser->description_depth++;
      if (is_markup_element (element))
        g_string_append_printf (parser->notes, "<%s>", element);
      return;
    }

  if (strcmp (element, "release") == 0)
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (strcmp (names[i], "version") == 0 && g_strcmp0 (values[i], parser->version) == 0)
          parser->in_release = TRUE;
    }
  else if (parser->in_release && strcmp (element, "description") == 0)
    parser->description_depth = 1;
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  ReleaseParser *parser = user_data;

  if (parser->description_depth > 0)
    {
      parser->description_depth--;
      if (parser->description_depth > 0 && is_markup_element (element))
        g_string_append_printf (parser->notes, "</%s>", element);
      return;
    }

  if (strcmp (element, "release") == 0)
    parser->in_release = FALSE;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  ReleaseParser *parser = user_data;
  g_autofree char *escaped = NULL;

  if (parser->description_depth < 2)
    return;

  escaped = g_markup_escape_text (text, length);
  g_string_append (parser->notes, escaped);
}

/**
 * cmio_metainfo_dup_release_notes:
 * @xml: the text of a metainfo file
 * @length: its length, or -1 if nul-terminated
 * @version: the release to look for
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the description of the release as
 *   AppStream markup (p, ul, ol, li, em, code), or %NULL with @error set if
 *   the file does not parse or the release has no description
 */
char *
cmio_metainfo_dup_release_notes (const char  *xml,
                                 gssize       length,
                                 const char  *version,
                                 GError     **error)
{
  static const GMarkupParser markup_parser = {
    start_element_cb, end_element_cb, text_cb, NULL, NULL
  };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  ReleaseParser parser = { version, notes, FALSE, 0 };

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (version != NULL, NULL);

  context = g_markup_parse_context_new (&markup_parser, G_MARKUP_IGNORE_QUALIFIED, &parser, NULL);
  if (!g_markup_parse_context_parse (context, xml, length, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return NULL;

  if (notes->len == 0)
    {
      g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                   "No release notes for version %s", version);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&notes), FALSE);
}

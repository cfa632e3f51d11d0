/* cmio-reader-page.c — the pages the app's scheme serves: a chapter, with
 * links to the chapters either side
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-reader-private.h"
#include "cmio-reader-view.h"

/**
 * cmio_reader_chapter_of_file:
 * @pack: a content pack
 * @path: a file in @pack, relative to its folder
 *
 * Returns: (nullable): the id of the chapter whose text is @path
 */
const char *
cmio_reader_chapter_of_file (CmioContentPack *pack,
                             const char      *path)
{
  GListModel *chapters = cmio_content_pack_get_chapters (pack);

  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);

      if (g_strcmp0 (cmio_chapter_get_file (chapter), path) == 0)
        return cmio_chapter_get_id (chapter);
    }

  return NULL;
}

/**
 * cmio_reader_chapter_uri:
 * @chapter: a chapter
 *
 * Returns: (transfer full): where the app's scheme serves @chapter: its
 *   file in the pack, so that relative links and images in it resolve
 *   inside the pack
 */
char *
cmio_reader_chapter_uri (CmioChapter *chapter)
{
  g_autofree char *escaped = g_uri_escape_string (cmio_chapter_get_file (chapter), "/", FALSE);

  return g_strdup_printf ("%s://%s/%s", CMIO_READER_SCHEME, CMIO_READER_PACK_HOST, escaped);
}

static CmioChapter *
neighbour (CmioContentPack *pack,
           CmioChapter     *chapter,
           int              step)
{
  GListModel *chapters = cmio_content_pack_get_chapters (pack);
  int position = (int) cmio_chapter_get_number (chapter) - 1 + step;

  if (position < 0 || position >= (int) g_list_model_get_n_items (chapters))
    return NULL;

  return g_list_model_get_item (chapters, position);
}

static void
append_nav_link (GString     *page,
                 CmioChapter *chapter,
                 const char  *rel,
                 const char  *label)
{
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;

  if (chapter == NULL)
    return;

  uri = cmio_reader_chapter_uri (chapter);
  title = g_markup_escape_text (cmio_chapter_get_title (chapter), -1);
  g_string_append_printf (page,
                          "<a class=\"%s\" rel=\"%s\" href=\"%s\"><span class=\"label\">%s</span>"
                          "<span class=\"title\">%s</span></a>",
                          rel, rel, uri, label, title);
}

/**
 * cmio_reader_build_page:
 * @pack: the pack @chapter is in
 * @chapter: a chapter
 *
 * Makes the page showing @chapter, in the app's style, with links to the
 * chapters before and after it.
 *
 * Returns: (transfer full): the page's HTML
 */
GBytes *
cmio_reader_build_page (CmioContentPack *pack,
                        CmioChapter     *chapter)
{
  g_autoptr(GString) page = g_string_new (NULL);
  g_autoptr(CmioChapter) previous = neighbour (pack, chapter, -1);
  g_autoptr(CmioChapter) next = neighbour (pack, chapter, +1);
  g_autofree char *body = cmio_chapter_dup_html (chapter);
  g_autofree char *title = g_markup_escape_text (cmio_chapter_get_title (chapter), -1);
  g_autofree char *language = g_markup_escape_text (cmio_content_pack_get_language (pack), -1);
  const char *classes;

  classes = cmio_reader_page_classes ();

  g_string_append_printf (page,
                          "<!DOCTYPE html>\n<html lang=\"%s\" class=\"%s\"><head>"
                          "<meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src " CMIO_READER_SCHEME ":; img-src " CMIO_READER_SCHEME ": data:\">"
                          "<meta name=\"color-scheme\" content=\"light dark\">"
                          "<link rel=\"stylesheet\" href=\"" CMIO_READER_STYLE_URI "\">"
                          "<title>%s</title></head><body><main>",
                          language, classes, title);
  g_string_append (page, body);
  g_string_append (page, "</main>");

  if (previous != NULL || next != NULL)
    {
      g_string_append_printf (page, "<nav aria-label=\"%s\">", _("Chapters"));
      append_nav_link (page, previous, "prev", _("Previous"));
      append_nav_link (page, next, "next", _("Next"));
      g_string_append (page, "</nav>");
    }

  g_string_append (page, "</body></html>");
  return g_string_free_to_bytes (g_steal_pointer (&page));
}

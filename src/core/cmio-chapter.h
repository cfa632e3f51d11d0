/* cmio-chapter.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  guint     level;
  char     *text;
  gboolean  open;
} CmioHeading;

#define CMIO_TYPE_CHAPTER (cmio_chapter_get_type ())

G_DECLARE_FINAL_TYPE (CmioChapter, cmio_chapter, CMIO, CHAPTER, GObject)

CmioChapter *cmio_chapter_new          (const char  *id,
                                        const char  *title,
                                        const char  *summary,
                                        const char  *file,
                                        guint        number,
                                        const char  *markdown);
const char  *cmio_chapter_get_id       (CmioChapter *self);
const char  *cmio_chapter_get_title    (CmioChapter *self);
const char  *cmio_chapter_get_summary  (CmioChapter *self);
const char  *cmio_chapter_get_file     (CmioChapter *self);
guint        cmio_chapter_get_number   (CmioChapter *self);
const char  *cmio_chapter_get_markdown (CmioChapter *self);
char        *cmio_chapter_dup_html     (CmioChapter *self);
GPtrArray   *cmio_chapter_dup_headings (CmioChapter *self);

G_END_DECLS

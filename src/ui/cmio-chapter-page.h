/* cmio-chapter-page.h — a chapter's text with its checklist and note beside or below
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cmio-checklist-panel.h"
#include "cmio-note-editor.h"
#include "cmio-reader-view.h"

G_BEGIN_DECLS

/* At least this wide, the checklist stands beside the text. */
#define CMIO_CHAPTER_PAGE_SIDE_BY_SIDE 880

#define CMIO_TYPE_CHAPTER_PAGE (cmio_chapter_page_get_type ())

G_DECLARE_FINAL_TYPE (CmioChapterPage, cmio_chapter_page, CMIO, CHAPTER_PAGE, GtkWidget)

CmioReaderView     *cmio_chapter_page_get_reader    (CmioChapterPage *self);
CmioChecklistPanel *cmio_chapter_page_get_checklist (CmioChapterPage *self);
CmioNoteEditor     *cmio_chapter_page_get_note      (CmioChapterPage *self);
gboolean            cmio_chapter_page_is_side_by_side (CmioChapterPage *self);
void                cmio_chapter_page_show_side     (CmioChapterPage *self,
                                                     const char      *name);

G_END_DECLS

/* cmio-notes-page.h — every note, newest first: chapter notes and free notes
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cmio-content-pack.h"
#include "cmio-note-editor.h"
#include "cmio-progress.h"
#include "cmio-undo-stack.h"

G_BEGIN_DECLS

#define CMIO_TYPE_NOTES_PAGE (cmio_notes_page_get_type ())

G_DECLARE_FINAL_TYPE (CmioNotesPage, cmio_notes_page, CMIO, NOTES_PAGE, GtkBox)

void        cmio_notes_page_set_context (CmioNotesPage   *self,
                                         CmioContentPack *pack,
                                         CmioProgress    *progress,
                                         CmioUndoStack   *undo);
void        cmio_notes_page_show_list   (CmioNotesPage   *self);
void        cmio_notes_page_open_note   (CmioNotesPage   *self,
                                         const char      *note_id);
char       *cmio_notes_page_new_note    (CmioNotesPage   *self);
void        cmio_notes_page_commit      (CmioNotesPage   *self);
CmioNoteEditor *cmio_notes_page_get_editor (CmioNotesPage *self);

G_END_DECLS

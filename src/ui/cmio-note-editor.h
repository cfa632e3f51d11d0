/* cmio-note-editor.h — a chapter's note, in Markdown, beside its text
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cmio-progress.h"
#include "cmio-store.h"

G_BEGIN_DECLS

#define CMIO_TYPE_NOTE_EDITOR (cmio_note_editor_get_type ())

G_DECLARE_FINAL_TYPE (CmioNoteEditor, cmio_note_editor, CMIO, NOTE_EDITOR, GtkBox)

void           cmio_note_editor_set_progress (CmioNoteEditor *self,
                                              CmioProgress   *progress);
void           cmio_note_editor_set_chapter  (CmioNoteEditor *self,
                                              const char     *chapter_id);
const char    *cmio_note_editor_get_chapter  (CmioNoteEditor *self);
void           cmio_note_editor_set_note     (CmioNoteEditor *self,
                                              const char     *note_id);
const char    *cmio_note_editor_get_note     (CmioNoteEditor *self);
void           cmio_note_editor_focus        (CmioNoteEditor *self);
const char    *cmio_note_editor_get_preview_html (CmioNoteEditor *self);
void           cmio_note_editor_set_store    (CmioNoteEditor *self,
                                              CmioStore      *store);
GtkTextBuffer *cmio_note_editor_get_buffer   (CmioNoteEditor *self);
gboolean       cmio_note_editor_commit       (CmioNoteEditor *self);
void           cmio_note_editor_prepare      (CmioNoteEditor *self);
gboolean       cmio_note_editor_get_highlighting (CmioNoteEditor *self);

G_END_DECLS

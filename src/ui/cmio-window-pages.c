/* cmio-window-pages.c — the pages the window makes when first needed: the
 * checklist, the notes and the self-assessment
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-window-private.h"

/* The whole checklist is made when it is first asked for, or ahead of that
 * (see cmio_window_prepare_checklist()); never for the first frame. */
void
cmio_window_ensure_checklist_page (CmioWindow *self)
{
  if (self->checklist_page != NULL)
    return;

  self->checklist_page = g_object_new (CMIO_TYPE_CHECKLIST_PAGE, NULL);
  cmio_checklist_page_set_context (self->checklist_page, self->plan, self->progress, self->undo);
  g_signal_connect_object (self->checklist_page, "toast", G_CALLBACK (cmio_window_page_toast_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checklist_page, "open-chapter",
                           G_CALLBACK (cmio_window_open_chapter_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->checklist_page), CHECKLIST_PAGE);
}

/* Made ahead, once the first chapter has loaded and the window is idle,
 * while the user looks around, so that opening it is quick. */
static gboolean
prepare_checklist_cb (gpointer data)
{
  CmioWindow *self = data;

  if (self->plan != NULL)
    cmio_window_ensure_checklist_page (self);

  return G_SOURCE_REMOVE;
}

void
cmio_window_prepare_checklist (CmioWindow *self)
{
  g_clear_signal_handler (&self->reader_loaded_handler, self->reader);
  g_idle_add_full (G_PRIORITY_LOW, prepare_checklist_cb, g_object_ref (self), g_object_unref);
}

static void
open_chapter_note_cb (CmioWindow *self,
                      const char *chapter_id)
{
  g_autofree char *page = g_strconcat (CHAPTER_PREFIX, chapter_id, NULL);

  cmio_window_open_page (self, page, TRUE);
  cmio_chapter_page_show_side (self->chapter_page, "note");
  cmio_note_editor_focus (cmio_chapter_page_get_note (self->chapter_page));
}

void
cmio_window_ensure_notes_page (CmioWindow *self)
{
  if (self->notes_page != NULL)
    return;

  self->notes_page = g_object_new (CMIO_TYPE_NOTES_PAGE, NULL);
  cmio_notes_page_set_context (self->notes_page, self->pack, self->progress, self->undo);
  cmio_note_editor_set_store (cmio_notes_page_get_editor (self->notes_page), self->store);
  g_signal_connect_object (self->notes_page, "toast", G_CALLBACK (cmio_window_page_toast_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_page, "open-chapter-note", G_CALLBACK (open_chapter_note_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->notes_page), NOTES_PAGE);
}

void
cmio_window_ensure_assessment_page (CmioWindow *self)
{
  if (self->assessment_page != NULL)
    return;

  self->assessment_page = g_object_new (CMIO_TYPE_ASSESSMENT_PAGE, NULL);
  cmio_assessment_page_set_context (self->assessment_page, self->pack, self->progress, self->undo);
  g_signal_connect_object (self->assessment_page, "toast", G_CALLBACK (cmio_window_page_toast_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->assessment_page, "open-chapter",
                           G_CALLBACK (cmio_window_open_chapter_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->assessment_page), ASSESSMENT_PAGE);
}

/* cmio-undo-stack.h — changes that can be taken back, newest first
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cmio-progress.h"
#include "cmio-review.h"

G_BEGIN_DECLS

#define CMIO_TYPE_UNDO_STACK (cmio_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (CmioUndoStack, cmio_undo_stack, CMIO, UNDO_STACK, GObject)

CmioUndoStack *cmio_undo_stack_new               (CmioProgress   *progress);
gboolean       cmio_undo_stack_can_undo          (CmioUndoStack  *self);
const char    *cmio_undo_stack_get_label         (CmioUndoStack  *self);
gboolean       cmio_undo_stack_undo              (CmioUndoStack  *self,
                                                  GError        **error);
gboolean       cmio_undo_stack_set_item_done     (CmioUndoStack  *self,
                                                  const char     *item_id,
                                                  gboolean        done,
                                                  GError        **error);
gboolean       cmio_undo_stack_set_item_evidence (CmioUndoStack  *self,
                                                  const char     *item_id,
                                                  const char     *evidence,
                                                  GError        **error);
char          *cmio_undo_stack_add_custom_item   (CmioUndoStack  *self,
                                                  const char     *chapter_id,
                                                  const char     *text,
                                                  int             target_day,
                                                  CmioOwner       owner,
                                                  gboolean        required,
                                                  GError        **error);
gboolean       cmio_undo_stack_update_custom_item (CmioUndoStack *self,
                                                   const char    *item_id,
                                                   const char    *text,
                                                   int            target_day,
                                                   CmioOwner      owner,
                                                   gboolean       required,
                                                   GError       **error);
gboolean       cmio_undo_stack_remove_custom_item (CmioUndoStack *self,
                                                   const char    *item_id,
                                                   GError       **error);
gboolean       cmio_undo_stack_remove_item_state (CmioUndoStack  *self,
                                                  const char     *item_id,
                                                  GError        **error);
gboolean       cmio_undo_stack_remove_note       (CmioUndoStack  *self,
                                                  const char     *note_id,
                                                  GError        **error);
gboolean       cmio_undo_stack_remove_assessment (CmioUndoStack  *self,
                                                  const char     *assessment_id,
                                                  GError        **error);
gboolean       cmio_undo_stack_import_review     (CmioUndoStack     *self,
                                                  CmioReviewImport  *import,
                                                  GError           **error);

G_END_DECLS

/* cmio-checklist-panel.h — a chapter's checklist, beside or below its text
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-plan.h"
#include "cmio-undo-stack.h"

G_BEGIN_DECLS

#define CMIO_TYPE_CHECKLIST_PANEL (cmio_checklist_panel_get_type ())

G_DECLARE_FINAL_TYPE (CmioChecklistPanel, cmio_checklist_panel, CMIO, CHECKLIST_PANEL, GtkBox)

void        cmio_checklist_panel_set_context (CmioChecklistPanel *self,
                                              CmioPlan           *plan,
                                              CmioProgress       *progress,
                                              CmioUndoStack      *undo);
void        cmio_checklist_panel_set_chapter (CmioChecklistPanel *self,
                                              const char         *chapter_id);
const char *cmio_checklist_panel_get_chapter (CmioChecklistPanel *self);
const char *cmio_owner_label                 (CmioOwner           owner);

G_END_DECLS

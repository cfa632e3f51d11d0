/* cmio-checklist-page.h — the whole checklist: every item, grouped and filtered
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-plan.h"
#include "cmio-undo-stack.h"

G_BEGIN_DECLS

#define CMIO_TYPE_CHECKLIST_PAGE (cmio_checklist_page_get_type ())

G_DECLARE_FINAL_TYPE (CmioChecklistPage, cmio_checklist_page, CMIO, CHECKLIST_PAGE, GtkBox)

void cmio_checklist_page_set_context (CmioChecklistPage *self,
                                      CmioPlan          *plan,
                                      CmioProgress      *progress,
                                      CmioUndoStack     *undo);

G_END_DECLS

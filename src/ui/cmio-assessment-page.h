/* cmio-assessment-page.h — the self-assessment wizard
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cmio-content-pack.h"
#include "cmio-progress.h"
#include "cmio-undo-stack.h"

G_BEGIN_DECLS

#define CMIO_TYPE_ASSESSMENT_PAGE (cmio_assessment_page_get_type ())

G_DECLARE_FINAL_TYPE (CmioAssessmentPage, cmio_assessment_page, CMIO, ASSESSMENT_PAGE, GtkBox)

void     cmio_assessment_page_set_context (CmioAssessmentPage *self,
                                           CmioContentPack    *pack,
                                           CmioProgress       *progress,
                                           CmioUndoStack      *undo);
int      cmio_assessment_page_get_step    (CmioAssessmentPage *self);
int      cmio_assessment_page_get_n_steps (CmioAssessmentPage *self);
gboolean cmio_assessment_page_in_wizard   (CmioAssessmentPage *self);

G_END_DECLS

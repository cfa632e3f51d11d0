/* cmio-assessment-results.h — a self-assessment's results, and the history
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

#define CMIO_TYPE_ASSESSMENT_RESULTS (cmio_assessment_results_get_type ())

G_DECLARE_FINAL_TYPE (CmioAssessmentResults, cmio_assessment_results, CMIO, ASSESSMENT_RESULTS, GtkBox)

void cmio_assessment_results_set_context (CmioAssessmentResults *self,
                                          CmioContentPack       *pack,
                                          CmioProgress          *progress,
                                          CmioUndoStack         *undo);
void cmio_assessment_results_update      (CmioAssessmentResults *self);
void cmio_assessment_results_show_latest (CmioAssessmentResults *self);

G_END_DECLS

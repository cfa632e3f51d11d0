/* cmio-export-dialog.h — what goes in an export, and in which format
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-export.h"

G_BEGIN_DECLS

#define CMIO_TYPE_EXPORT_DIALOG (cmio_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CmioExportDialog, cmio_export_dialog, CMIO, EXPORT_DIALOG, AdwWindow)

CmioExportDialog *cmio_export_dialog_new        (GtkWindow         *parent,
                                                 CmioContentPack   *pack,
                                                 CmioProgress      *progress,
                                                 CmioPlan          *plan);
CmioExportKind    cmio_export_dialog_get_kind   (CmioExportDialog  *self);
void              cmio_export_dialog_set_kind   (CmioExportDialog  *self,
                                                 CmioExportKind     kind);
CmioExportNotes   cmio_export_dialog_get_notes  (CmioExportDialog  *self);
gboolean          cmio_export_dialog_get_include_assessment (CmioExportDialog *self);
char             *cmio_export_dialog_dup_suggested_name (CmioExportDialog *self);

G_END_DECLS

/* cmio-export-file.h — writes an export in any format, PDF included
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cmio-export.h"

G_BEGIN_DECLS

void     cmio_export_file_async  (JsonNode            *export,
                                  CmioExportKind       kind,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean cmio_export_file_finish (GAsyncResult        *result,
                                  GError             **error);

G_END_DECLS

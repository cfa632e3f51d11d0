/* cmio-application.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-content-pack.h"
#include "cmio-store.h"

G_BEGIN_DECLS

#define CMIO_TYPE_APPLICATION (cmio_application_get_type ())

G_DECLARE_FINAL_TYPE (CmioApplication, cmio_application, CMIO, APPLICATION, AdwApplication)

CmioApplication *cmio_application_new                  (void);
GSettings       *cmio_application_get_settings         (CmioApplication *self);
CmioContentPack *cmio_application_get_content_pack     (CmioApplication *self);
GPtrArray       *cmio_application_get_content_problems (CmioApplication *self);
const char      *cmio_application_get_content_dir      (CmioApplication *self);
CmioStore       *cmio_application_get_store            (CmioApplication *self);
void             cmio_application_open_file            (CmioApplication *self,
                                                        GFile           *file);

G_END_DECLS

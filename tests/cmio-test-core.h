/* cmio-test-core.h — helpers shared by the unit tests (the core, no display)
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-content-pack.h"
#include "cmio-progress.h"

G_BEGIN_DECLS

CmioContentPack *cmio_test_valid_pack    (void);
CmioProgress    *cmio_test_load_progress (const char *json);

G_END_DECLS

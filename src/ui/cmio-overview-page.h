/* cmio-overview-page.h — where the 90-day plan stands, at a glance
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-plan.h"

G_BEGIN_DECLS

#define CMIO_TYPE_OVERVIEW_PAGE (cmio_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (CmioOverviewPage, cmio_overview_page, CMIO, OVERVIEW_PAGE, AdwBin)

void cmio_overview_page_set_context       (CmioOverviewPage *self,
                                           CmioPlan         *plan,
                                           CmioProgress     *progress);
void cmio_overview_page_set_continue_label (CmioOverviewPage *self,
                                            const char       *label);
void cmio_overview_page_update            (CmioOverviewPage *self);

G_END_DECLS

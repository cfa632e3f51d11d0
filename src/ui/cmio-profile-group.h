/* cmio-profile-group.h — who the user is, and when the 90 days start
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-progress.h"

G_BEGIN_DECLS

#define CMIO_TYPE_PROFILE_GROUP (cmio_profile_group_get_type ())

G_DECLARE_FINAL_TYPE (CmioProfileGroup, cmio_profile_group, CMIO, PROFILE_GROUP, AdwPreferencesGroup)

void cmio_profile_group_set_progress (CmioProfileGroup *self,
                                      CmioProgress     *progress);

G_END_DECLS

/* cmio-preferences-window.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-application.h"

G_BEGIN_DECLS

#define CMIO_TYPE_PREFERENCES_WINDOW (cmio_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CmioPreferencesWindow, cmio_preferences_window, CMIO, PREFERENCES_WINDOW, AdwPreferencesWindow)

CmioPreferencesWindow *cmio_preferences_window_new (CmioApplication *application);

G_END_DECLS

/* cmio-welcome-window.h — the first start: a few questions, all skippable
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-progress.h"

G_BEGIN_DECLS

#define CMIO_TYPE_WELCOME_WINDOW (cmio_welcome_window_get_type ())

G_DECLARE_FINAL_TYPE (CmioWelcomeWindow, cmio_welcome_window, CMIO, WELCOME_WINDOW, AdwWindow)

CmioWelcomeWindow *cmio_welcome_window_new (GtkWindow    *parent,
                                            CmioProgress *progress);

G_END_DECLS

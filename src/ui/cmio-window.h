/* cmio-window.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-application.h"

G_BEGIN_DECLS

#define CMIO_TYPE_WINDOW (cmio_window_get_type ())

G_DECLARE_FINAL_TYPE (CmioWindow, cmio_window, CMIO, WINDOW, AdwApplicationWindow)

CmioWindow *cmio_window_new              (CmioApplication *application);
void        cmio_window_add_toast        (CmioWindow      *self,
                                          const char      *message);
const char *cmio_window_get_last_toast   (CmioWindow      *self);
const char *cmio_window_get_page         (CmioWindow      *self);
void        cmio_window_show_page        (CmioWindow      *self,
                                          const char      *page);
void        cmio_window_continue_reading (CmioWindow      *self);
void        cmio_window_import_review    (CmioWindow      *self,
                                          GFile           *file);

G_END_DECLS

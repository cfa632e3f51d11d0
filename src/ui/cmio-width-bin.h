/* cmio-width-bin.h — a bin that says its width before its child is laid out
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CMIO_TYPE_WIDTH_BIN (cmio_width_bin_get_type ())

G_DECLARE_FINAL_TYPE (CmioWidthBin, cmio_width_bin, CMIO, WIDTH_BIN, GtkWidget)

void       cmio_width_bin_set_child (CmioWidthBin *self,
                                     GtkWidget    *child);
GtkWidget *cmio_width_bin_get_child (CmioWidthBin *self);

G_END_DECLS

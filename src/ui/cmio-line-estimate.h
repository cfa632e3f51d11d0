/* cmio-line-estimate.h — how many lines a text wraps to, without laying it out
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The advance width, in pixels, of each printable ASCII character in one
 * font, and of any other character (the mean of those). */
typedef struct
{
  double ascii[128];
  double other;
  gboolean measured;
} CmioAdvances;

void  cmio_advances_measure    (CmioAdvances       *advances,
                                GtkWidget          *widget);
void  cmio_advances_set_uniform (CmioAdvances      *advances,
                                double              width);
guint cmio_advances_count_lines (const CmioAdvances *advances,
                                 const char         *text,
                                 double              width);

G_END_DECLS

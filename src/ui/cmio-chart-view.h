/* cmio-chart-view.h — a chart picture that keeps its aspect at any width
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CMIO_TYPE_CHART_VIEW (cmio_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CmioChartView, cmio_chart_view, CMIO, CHART_VIEW, GtkWidget)

GtkWidget *cmio_chart_view_new (GdkTexture *texture);

G_END_DECLS

/* cmio-chart.h — the self-assessment chart, drawn from plain scores
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Which assessment a series is: it gives the series its colour and its
 * class ("series-first", "series-previous", "series-this"). */
typedef enum
{
  CMIO_CHART_SERIES_FIRST,
  CMIO_CHART_SERIES_PREVIOUS,
  CMIO_CHART_SERIES_THIS,
} CmioChartSeriesKind;

/* One assessment's bars: a value per row (domain), 0 to 5, or below 0 for
 * a row with no answers. */
typedef struct
{
  CmioChartSeriesKind  kind;
  const char          *id;       /* nullable: the assessment, as data-assessment */
  const char          *label;    /* in the legend, say "This assessment, 2026-11-27" */
  const char          *name;     /* in the description, say "This assessment" */
  const double        *values;   /* n_rows of them */
} CmioChartSeries;

char *cmio_chart_svg (const char            *title,
                      const char            *id,
                      guint                  n_rows,
                      const char * const    *row_titles,
                      guint                  n_series,
                      const CmioChartSeries *series);
/* A score as the chart shows it: one decimal, in the user's notation. */
char *cmio_chart_format_score (double score);

G_END_DECLS

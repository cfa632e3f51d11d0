/* cmio-chart.c — the self-assessment chart, drawn from plain scores
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-chart.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The drawing knows nothing of packs or progress: it gets titles and
 * numbers, from a result (cmio_assessment_chart_svg()) or from an export's
 * JSON (the HTML export), and draws the same chart from either. */

#define CHART_WIDTH        640
#define CHART_MARGIN       16
#define CHART_VALUE_SPACE  64    /* right of the plot, for the value after a full bar */
#define CHART_TITLE_SIZE   16
#define CHART_TEXT_SIZE    12
#define CHART_LEGEND_ROW   20
#define CHART_BAR_HEIGHT   14
#define CHART_BAR_GAP      4
#define CHART_DOMAIN_GAP   14
#define CHART_MAX_LABEL    80    /* characters of a domain's title shown; all in the description */
#define CHART_MAX_SCORE    5

static const struct
{
  const char *kind;
  const char *color;
} series_styles[] = {
  [CMIO_CHART_SERIES_FIRST] = { "first", "#77767b" },
  [CMIO_CHART_SERIES_PREVIOUS] = { "previous", "#e66100" },
  [CMIO_CHART_SERIES_THIS] = { "this", "#1c71d8" },
};

/* @text, cut to @max characters with an ellipsis. */
static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  cut = g_utf8_substring (text, 0, max - 1);
  return g_strconcat (cut, "…", NULL);
}

char *
cmio_chart_format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

/* @id, made safe for an XML id and unique enough in a page. */
static char *
element_id (const char *id,
            const char *suffix)
{
  GString *out = g_string_new ("cmio-chart-");

  for (const char *p = id; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
  g_string_append_printf (out, "-%s", suffix);
  return g_string_free (out, FALSE);
}

/* An unknown kind is drawn as "this". */
static CmioChartSeriesKind
series_kind (const CmioChartSeries *series)
{
  return (guint) series->kind <= CMIO_CHART_SERIES_THIS ? series->kind : CMIO_CHART_SERIES_THIS;
}

/**
 * cmio_chart_svg:
 * @title: (nullable): the chart's title; %NULL for the usual one
 * @id: what makes the ids of its title and description unique in a page,
 *   say the assessment's id; any text (it is reduced to safe characters)
 * @n_rows: how many domains
 * @row_titles: (array length=n_rows): the domains' titles
 * @n_series: how many assessments, at least one
 * @series: (array length=n_series): their scores, in the order drawn
 *
 * Draws the mean score of every domain, 0 to 5, as horizontal bars, one
 * per series in each domain. A value below 0 is a domain with no answer:
 * it has no bar and says so. The SVG stands alone (no script, no style
 * sheet, no link, no external resource, a white background), every text
 * in it is escaped, it has role="img" with a <title> and a <desc> that
 * gives every score in words, and the same input always gives the same
 * output.
 *
 * Returns: (transfer full): the SVG document
 */
char *
cmio_chart_svg (const char            *title,
                const char            *id,
                guint                  n_rows,
                const char * const    *row_titles,
                guint                  n_series,
                const CmioChartSeries *series)
{
  g_autoptr(GString) svg = NULL;
  g_autoptr(GString) desc = NULL;
  g_autofree char *title_id = NULL;
  g_autofree char *desc_id = NULL;
  const int plot_x = CHART_MARGIN;
  const int plot_width = CHART_WIDTH - 2 * CHART_MARGIN - CHART_VALUE_SPACE;
  int legend_y;
  int plot_top;
  int group_height;
  int plot_bottom;
  int height;

  g_return_val_if_fail (n_rows == 0 || row_titles != NULL, NULL);
  g_return_val_if_fail (n_series == 0 || series != NULL, NULL);

  if (title == NULL)
    title = _("Self-assessment by domain");
  if (id == NULL)
    id = "";

  legend_y = CHART_MARGIN + CHART_TITLE_SIZE + 16;
  plot_top = legend_y + (int) n_series * CHART_LEGEND_ROW + 8;
  group_height = CHART_TEXT_SIZE + 6 + (int) n_series * (CHART_BAR_HEIGHT + CHART_BAR_GAP) + CHART_DOMAIN_GAP;
  plot_bottom = plot_top + (int) n_rows * group_height;
  height = plot_bottom + CHART_TEXT_SIZE + 8 + CHART_MARGIN;

  title_id = element_id (id, "title");
  desc_id = element_id (id, "desc");

  /* The description: every score in words. */
  {
    g_autoptr(GString) labels = g_string_new (NULL);

    for (guint i = 0; i < n_series; i++)
      g_string_append_printf (labels, "%s%s", i > 0 ? "; " : "", series[i].label);
    desc = g_string_new (NULL);
    /* Translators: the chart's description; %s lists the assessments shown */
    g_string_append_printf (desc, _("Mean score per domain, from 1 to 5, of the competencies answered, in: %s."),
                            labels->str);
  }
  for (guint d = 0; d < n_rows; d++)
    {
      g_string_append_printf (desc, " %s —", row_titles[d]);
      for (guint i = 0; i < n_series; i++)
        {
          g_autofree char *value = NULL;

          if (series[i].values[d] >= 0)
            value = cmio_chart_format_score (series[i].values[d]);
          else
            value = g_strdup (_("no answers"));
          g_string_append_printf (desc, "%s %s: %s", i > 0 ? ";" : "", series[i].name, value);
        }
      g_string_append_c (desc, '.');
    }

  svg = g_string_new (NULL);
  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                          "role=\"img\" aria-labelledby=\"%s %s\" "
                          "font-family=\"sans-serif\" font-size=\"%d\">\n",
                          CHART_WIDTH, height, CHART_WIDTH, height,
                          title_id, desc_id, CHART_TEXT_SIZE);
  {
    g_autofree char *text = g_markup_printf_escaped ("<title id=\"%s\">%s</title>\n"
                                                     "<desc id=\"%s\">%s</desc>\n",
                                                     title_id, title, desc_id, desc->str);
    g_string_append (svg, text);
  }
  g_string_append_printf (svg, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
                          CHART_WIDTH, height);
  {
    g_autofree char *text = g_markup_printf_escaped ("<text x=\"%d\" y=\"%d\" font-size=\"%d\" "
                                                     "font-weight=\"bold\" fill=\"#241f31\" "
                                                     "aria-hidden=\"true\">%s</text>\n",
                                                     CHART_MARGIN, CHART_MARGIN + CHART_TITLE_SIZE,
                                                     CHART_TITLE_SIZE, title);
    g_string_append (svg, text);
  }

  /* The legend, one series a row. */
  g_string_append (svg, "<g class=\"legend\">\n");
  for (guint i = 0; i < n_series; i++)
    {
      int y = legend_y + (int) i * CHART_LEGEND_ROW;
      g_autofree char *text = g_markup_printf_escaped ("<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
                                                       "fill=\"%s\"/>"
                                                       "<text x=\"%d\" y=\"%d\" fill=\"#241f31\">%s</text>\n",
                                                       CHART_MARGIN, y, series_styles[series_kind (&series[i])].color,
                                                       CHART_MARGIN + 18, y + 11, series[i].label);

      g_string_append (svg, text);
    }
  g_string_append (svg, "</g>\n");

  /* The scale: a line at every whole score, numbered below. */
  g_string_append (svg, "<g class=\"scale\" stroke=\"#deddda\" stroke-width=\"1\">\n");
  for (int score = 0; score <= CHART_MAX_SCORE; score++)
    {
      int x = plot_x + score * plot_width / CHART_MAX_SCORE;

      g_string_append_printf (svg, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
                              x, plot_top, x, plot_bottom);
    }
  g_string_append (svg, "</g>\n<g class=\"scale-labels\" fill=\"#5e5c64\" text-anchor=\"middle\">\n");
  for (int score = 0; score <= CHART_MAX_SCORE; score++)
    g_string_append_printf (svg, "<text x=\"%d\" y=\"%d\">%d</text>\n",
                            plot_x + score * plot_width / CHART_MAX_SCORE,
                            plot_bottom + CHART_TEXT_SIZE + 4, score);
  g_string_append (svg, "</g>\n");

  /* The domains' names, above their bars. */
  g_string_append (svg, "<g class=\"domains\" fill=\"#241f31\">\n");
  for (guint d = 0; d < n_rows; d++)
    {
      g_autofree char *label = shorten (row_titles[d], CHART_MAX_LABEL);
      g_autofree char *text = g_markup_printf_escaped ("<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>\n",
                                                       plot_x, plot_top + (int) d * group_height + CHART_TEXT_SIZE,
                                                       label);

      g_string_append (svg, text);
    }
  g_string_append (svg, "</g>\n");

  /* One group of bars per series. */
  for (guint i = 0; i < n_series; i++)
    {
      CmioChartSeriesKind kind = series_kind (&series[i]);
      g_autofree char *open = NULL;

      if (series[i].id != NULL)
        open = g_markup_printf_escaped ("<g class=\"series series-%s\" data-assessment=\"%s\" fill=\"%s\">\n",
                                        series_styles[kind].kind, series[i].id, series_styles[kind].color);
      else
        open = g_markup_printf_escaped ("<g class=\"series series-%s\" fill=\"%s\">\n",
                                        series_styles[kind].kind, series_styles[kind].color);
      g_string_append (svg, open);

      for (guint d = 0; d < n_rows; d++)
        {
          double mean = series[i].values[d];
          int y = plot_top + (int) d * group_height + CHART_TEXT_SIZE + 6 +
                  (int) i * (CHART_BAR_HEIGHT + CHART_BAR_GAP);
          g_autofree char *text = NULL;

          if (mean >= 0)
            {
              g_autofree char *value = cmio_chart_format_score (mean);
              int width = (int) (CLAMP (mean, 0.0, CHART_MAX_SCORE) * plot_width / CHART_MAX_SCORE + 0.5);

              text = g_markup_printf_escaped ("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\">"
                                              "<title>%s, %s: %s</title></rect>"
                                              "<text x=\"%d\" y=\"%d\" fill=\"#241f31\">%s</text>\n",
                                              plot_x, y, width, CHART_BAR_HEIGHT,
                                              row_titles[d], series[i].label, value,
                                              plot_x + width + 6, y + CHART_BAR_HEIGHT - 3, value);
            }
          else
            /* A sliver of the series' colour, and the words. */
            text = g_markup_printf_escaped ("<rect x=\"%d\" y=\"%d\" width=\"3\" height=\"%d\"/>"
                                            "<text x=\"%d\" y=\"%d\" fill=\"#5e5c64\" "
                                            "font-style=\"italic\">%s</text>\n",
                                            plot_x, y, CHART_BAR_HEIGHT,
                                            plot_x + 9, y + CHART_BAR_HEIGHT - 3, _("no answers"));
          g_string_append (svg, text);
        }
      g_string_append (svg, "</g>\n");
    }

  g_string_append (svg, "</svg>\n");
  return g_string_free (g_steal_pointer (&svg), FALSE);
}

/* cmio-export-html.c — the export as one printable HTML page
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cmio-chart.h"
#include "cmio-export-private.h"

/* One self-contained page: an inline style sheet, an inline SVG chart, no
 * script, no link, nothing fetched (its Content-Security-Policy forbids
 * it all the same). Every text that goes in, the user's, the pack's and
 * the translations', goes through append_text(): cleaned of control
 * characters and escaped, "=" too, so that even a text like
 * <img src=x onerror=…> leaves no "src=" or "onerror=" in the page. */

static const char html_style[] =
  "body{font-family:system-ui,Cantarell,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;"
  "color:#222;line-height:1.45}"
  "h1{font-size:1.6em;margin:0 0 .4em}"
  "h2{font-size:1.25em;margin:1.6em 0 .4em;border-bottom:1px solid #ccc}"
  "h3{font-size:1.05em;margin:1.2em 0 .3em}"
  "h1,h2,h3{break-after:avoid;page-break-after:avoid}"
  ".keep{break-inside:avoid;page-break-inside:avoid}"
  ".note>.keep{break-after:avoid;page-break-after:avoid}"
  "dl.profile{display:grid;grid-template-columns:max-content auto;gap:.1em 1em;margin:0 0 .6em}"
  "dl.profile dt{font-weight:bold}dl.profile dd{margin:0}"
  "ul.items{list-style:none;padding:0;margin:0}"
  "li.item{margin:.5em 0;padding-left:1.8em;break-inside:avoid;page-break-inside:avoid}"
  ".box{display:inline-block;width:1.8em;margin-left:-1.8em}"
  ".number{font-weight:bold}.optional{font-style:italic;color:#555}"
  ".meta,.evidence,.mentor,.private{color:#555;font-size:.9em}"
  ".late{color:#a51d2d}"
  ".text{white-space:pre-wrap}"
  "table{border-collapse:collapse;width:100%;margin:.5em 0}"
  "th,td{border:1px solid #ccc;padding:.2em .4em;text-align:left;vertical-align:top}"
  "td.num{text-align:right}td.level{white-space:nowrap}tr{break-inside:avoid;page-break-inside:avoid}"
  "figure.chart{margin:1em 0}figure.chart svg{max-width:100%;height:auto}"
  ".sign{margin-top:3em;display:grid;grid-template-columns:2fr 1fr;gap:0 2em;"
  "break-inside:avoid;page-break-inside:avoid}"
  ".sign p{border-top:1px solid #333;padding-top:.2em;margin:3em 0 0}"
  "@page{margin:18mm}"
  "@media print{body{margin:0;padding:0;max-width:none;font-size:11pt}"
  "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/* What g_markup_escape_text() escapes, and "=". */
static const CmioExportEscapes html_escapes = {
  .table = { ['<'] = "&lt;", ['>'] = "&gt;", ['&'] = "&amp;", ['"'] = "&quot;", ['\''] = "&#39;", ['='] = "&#61;" },
};

static void
append_text_full (GString    *out,
                  const char *text,
                  gboolean    multiline)
{
  cmio_export_append_text (out, text, multiline, &html_escapes);
}

/* Text on one line: line breaks become spaces. */
static void
append_text (GString    *out,
             const char *text)
{
  append_text_full (out, text, FALSE);
}

/* <tag>text</tag> */
static void
append_element (GString    *out,
                const char *tag,
                const char *text)
{
  g_string_append_printf (out, "<%s>", tag);
  append_text (out, text);
  g_string_append_printf (out, "</%s>", tag);
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  append_element (out, "dt", label);
  append_element (out, "dd", value);
}

/* The words every item may need, translated once for all of them. */
typedef struct
{
  CmioExportWords common;
  const char *done;
  const char *not_done;
  const char *target;
  const char *done_on;
  const char *owner;
  const char *approved;
  const char *discuss;
} ItemWords;

static void
item_words_init (ItemWords *words)
{
  cmio_export_words_init (&words->common);
  words->done = _("Done");
  words->not_done = _("Not done");
  /* Translators: in the printed export; %s is a date like 2026-11-27 */
  words->target = _("Target %s");
  /* Translators: in the printed export; %s is a date like 2026-11-27 */
  words->done_on = _("Done %s");
  /* Translators: in the printed export; %s is who does the item, like "Mentor" */
  words->owner = _("Owner: %s");
  words->approved = _("Approved");
  words->discuss = _("To discuss");
}

static void
append_item (GString         *out,
             const ItemWords *words,
             JsonObject      *item)
{
  const char *evidence = cmio_json_get_string (item, "evidence");
  const char *target = cmio_json_get_string (item, "target_date");
  const char *done_at = cmio_json_get_string (item, "done_at");
  gboolean done = cmio_json_get_true (item, "done");
  CmioExportMark mark;

  if (done)
    g_string_append (out, "<li class=\"item done\"><span class=\"box\" role=\"img\" aria-label=\"");
  else
    g_string_append (out, "<li class=\"item\"><span class=\"box\" role=\"img\" aria-label=\"");
  append_text (out, done ? words->done : words->not_done);
  g_string_append (out, done ? "\">☑</span><span class=\"number\">" : "\">☐</span><span class=\"number\">");
  append_text (out, cmio_json_get_string (item, "number"));
  g_string_append (out, "</span> ");
  append_text (out, cmio_json_get_string (item, "text"));
  if (!cmio_json_get_true (item, "required"))
    {
      g_string_append (out, " <span class=\"optional\">(");
      append_text (out, words->common.optional);
      g_string_append (out, ")</span>");
    }

  g_string_append (out, "<div class=\"meta\">");
  cmio_export_append_format (out, words->target, target, &html_escapes);
  if (done_at != NULL)
    {
      char date[11] = "";
      gboolean late;

      done_at = cmio_export_date (done_at, date);
      late = target != NULL && date[0] != '\0' && strcmp (date, target) > 0;

      g_string_append (out, " · ");
      if (late)
        g_string_append (out, "<span class=\"late\">");
      cmio_export_append_format (out, words->done_on, done_at, &html_escapes);
      if (late)
        g_string_append (out, "</span>");
    }
  g_string_append (out, " · ");
  cmio_export_append_format (out, words->owner,
                             cmio_export_words_owner (&words->common, cmio_json_get_string (item, "owner")),
                             &html_escapes);
  g_string_append (out, "</div>");

  if (evidence != NULL && *evidence != '\0')
    {
      g_string_append (out, "<div class=\"evidence\">");
      append_text (out, words->common.evidence);
      g_string_append (out, ": <span class=\"text\">");
      append_text_full (out, evidence, TRUE);
      g_string_append (out, "</span></div>");
    }

  if (cmio_export_get_mark (item, &mark))
    {
      g_string_append (out, "<div class=\"mentor\">");
      append_text (out, words->common.mentor);
      g_string_append (out, ": <b>");
      append_text (out, mark.approved ? words->approved : words->discuss);
      g_string_append (out, "</b>");
      if (mark.by != NULL)
        {
          g_string_append (out, " — ");
          append_text (out, mark.by);
        }
      if (mark.at != NULL)
        {
          g_string_append (out, ", ");
          append_text (out, mark.at);
        }
      if (mark.comment != NULL)
        {
          g_string_append (out, "<div class=\"text\">");
          append_text_full (out, mark.comment, TRUE);
          g_string_append (out, "</div>");
        }
      g_string_append (out, "</div>");
    }

  g_string_append (out, "</li>");
}

/* The chapter's heading stays on the page of its first item. */
static void
append_chapter (GString       *out,
                JsonObject    *chapter,
                GPtrArray     *items,
                gconstpointer  data)
{
  const ItemWords *words = data;

  g_string_append (out, "<section class=\"chapter\"><div class=\"keep\"><h2>");
  cmio_export_append_printf (out, &html_escapes, "%u. %s", cmio_json_get_uint (chapter, "number"),
                             cmio_json_get_string (chapter, "title"));
  g_string_append (out, "</h2>");

  if (items == NULL || items->len == 0)
    {
      append_element (out, "p", _("No items."));
      g_string_append (out, "</div></section>\n");
      return;
    }

  g_string_append (out, "<ul class=\"items\">");
  append_item (out, words, g_ptr_array_index (items, 0));
  g_string_append (out, "</ul></div>");
  if (items->len > 1)
    {
      g_string_append (out, "<ul class=\"items\">");
      for (guint i = 1; i < items->len; i++)
        {
          append_item (out, words, g_ptr_array_index (items, i));
          if (i % 8 == 0)
            g_string_append_c (out, '\n');
        }
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</section>\n");
}

/* The chart, drawn from the export's domain means. */
static void
append_chart (GString    *out,
              JsonObject *assessment,
              JsonArray  *domains)
{
  guint n_domains = domains != NULL ? json_array_get_length (domains) : 0;
  g_autofree const char **titles = g_new0 (const char *, n_domains + 1);
  g_autofree double *values = g_new0 (double, n_domains + 1);
  char completed[11];
  const char *date = cmio_export_date (cmio_json_get_string (assessment, "completed_at"), completed);
  g_autofree char *label = NULL;
  g_autofree char *svg = NULL;
  CmioChartSeries series = { CMIO_CHART_SERIES_THIS, NULL, NULL, _("This assessment"), values };

  for (guint i = 0; i < n_domains; i++)
    {
      JsonObject *domain = cmio_json_array_get_object (domains, i);
      const char *title = cmio_json_get_string (domain, "title");

      titles[i] = title != NULL ? title : "";
      if (!cmio_json_get_number (domain, "mean", &values[i]))
        values[i] = -1.0;
    }

  /* Translators: in the chart's legend; %s is a date like 2026-11-27 */
  label = date != NULL ? g_strdup_printf (_("This assessment, %s"), date) : g_strdup (series.name);
  series.label = label;
  series.id = cmio_json_get_string (assessment, "id");
  svg = cmio_chart_svg (NULL, series.id != NULL ? series.id : "export", n_domains, titles, 1, &series);

  g_string_append (out, "<figure class=\"chart\">");
  g_string_append (out, svg);
  g_string_append (out, "</figure>");
}

static void
append_competency_list (GString    *out,
                        const char *heading,
                        JsonObject *assessment,
                        const char *member)
{
  g_autoptr(GPtrArray) titles = cmio_export_competency_titles (assessment, member);

  g_string_append (out, "<div class=\"keep\">");
  append_element (out, "h3", heading);
  if (titles == NULL)
    append_element (out, "p", _("None yet."));
  else
    {
      g_string_append (out, "<ul>");
      for (guint i = 0; i < titles->len; i++)
        append_element (out, "li", g_ptr_array_index (titles, i));
      g_string_append (out, "</ul>");
    }
  g_string_append (out, "</div>\n");
}

static const char *
domain_title (JsonArray  *domains,
              const char *id)
{
  JsonObject *domain = cmio_export_find_by_id (domains, id);

  return domain != NULL ? cmio_json_get_string (domain, "title") : id;
}

/* A table's start, to the open <tbody>: its caption and its headings
 * (NULL-terminated). */
static void
append_table_head (GString            *out,
                   const char         *class_name,
                   const char         *caption,
                   const char * const *headings)
{
  g_string_append_printf (out, "<table class=\"%s\"><caption>", class_name);
  append_text (out, caption);
  g_string_append (out, "</caption><thead><tr>");
  for (; *headings != NULL; headings++)
    append_element (out, "th", *headings);
  g_string_append (out, "</tr></thead><tbody>");
}

static void
append_count_cell (GString *out,
                   guint    count)
{
  g_string_append_printf (out, "<td class=\"num\">%u</td>", count);
}

static void
append_assessment (GString    *out,
                   JsonObject *assessment)
{
  JsonArray *domains = cmio_json_get_array (assessment, "domains");
  JsonArray *competencies = cmio_json_get_array (assessment, "competencies");
  char date[11];
  const char *completed = cmio_export_date (cmio_json_get_string (assessment, "completed_at"), date);

  g_string_append (out, "<section class=\"assessment\"><div class=\"keep\">");
  append_element (out, "h2", _("Self-assessment"));
  g_string_append (out, "<p>");
  if (completed != NULL)
    {
      /* Translators: in the printed export; %s is a date like 2026-11-27 */
      cmio_export_append_printf (out, &html_escapes, _("Completed %s"), completed);
      g_string_append (out, ". ");
    }
  cmio_export_append_scores (out, assessment, "<br>", &html_escapes);
  g_string_append (out, "</p>");
  append_chart (out, assessment, domains);
  g_string_append (out, "</div>\n");

  /* The domains' scores. */
  append_table_head (out, "domains", _("Scores by domain"),
                     (const char *[]) { _("Domain"), _("Mean"), _("Answered"), _("Not sure"),
                                        _("Unanswered"), NULL });
  for (guint i = 0; domains != NULL && i < json_array_get_length (domains); i++)
    {
      JsonObject *domain = cmio_json_array_get_object (domains, i);

      if (domain == NULL)
        continue;

      g_string_append (out, "<tr>");
      append_element (out, "td", cmio_json_get_string (domain, "title"));
      g_string_append (out, "<td class=\"num\">");
      cmio_export_append_mean (out, domain, &html_escapes);
      g_string_append (out, "</td>");
      append_count_cell (out, cmio_json_get_uint (domain, "answered"));
      append_count_cell (out, cmio_json_get_uint (domain, "not_sure"));
      append_count_cell (out, cmio_json_get_uint (domain, "unanswered"));
      g_string_append (out, "</tr>");
    }
  g_string_append (out, "</tbody></table>\n");

  append_competency_list (out, _("Strengths"), assessment, "strengths");
  append_competency_list (out, _("Gaps"), assessment, "gaps");

  /* Every competency: the level, and what the mentee said. */
  append_table_head (out, "competencies", _("Competencies"),
                     (const char *[]) { _("Competency"), _("Domain"), _("Level"), _("Comment"), NULL });
  for (guint i = 0; competencies != NULL && i < json_array_get_length (competencies); i++)
    {
      JsonObject *competency = cmio_json_array_get_object (competencies, i);
      const char *comment = cmio_json_get_string (competency, "comment");
      double level = 0;

      if (competency == NULL)
        continue;

      g_string_append (out, "<tr>");
      append_element (out, "td", cmio_json_get_string (competency, "title"));
      append_element (out, "td", domain_title (domains, cmio_json_get_string (competency, "domain")));
      g_string_append (out, "<td class=\"level\">");
      if (cmio_json_get_number (competency, "level", &level))
        /* Translators: a self-assessment level, like "4 of 5" */
        cmio_export_append_printf (out, &html_escapes, _("%d of 5"), (int) level);
      else if (cmio_json_get_true (competency, "answered"))
        append_text (out, _("Not sure"));
      else
        append_text (out, _("Not answered"));
      g_string_append (out, "</td><td class=\"text\">");
      append_text_full (out, comment, TRUE);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody></table></section>\n");
}

static const char *
chapter_title (JsonArray  *chapters,
               const char *id)
{
  return id != NULL ? cmio_json_get_string (cmio_export_find_by_id (chapters, id), "title") : NULL;
}

static void
append_notes_head (GString *out,
                   guint    n_notes)
{
  g_string_append (out, "<section class=\"notes\">");
  append_element (out, "h2", _("Notes"));
  if (n_notes == 0)
    append_element (out, "p", _("No notes."));
}

static void
append_note (GString    *out,
             JsonObject *note,
             JsonArray  *chapters)
{
  const char *title = cmio_json_get_string (note, "title");
  const char *chapter = chapter_title (chapters, cmio_json_get_string (note, "chapter"));
  char date[11];
  const char *updated = cmio_export_date (cmio_json_get_string (note, "updated_at"), date);

  g_string_append (out, "<div class=\"note\"><div class=\"keep\">");
  append_element (out, "h3", title != NULL && *title != '\0' ? title : _("Note"));
  g_string_append (out, "<div class=\"meta\">");
  if (chapter != NULL)
    {
      /* Translators: in the printed export, which chapter a note is about */
      cmio_export_append_printf (out, &html_escapes, _("Chapter: %s"), chapter);
      if (updated != NULL)
        g_string_append (out, " · ");
    }
  if (updated != NULL)
    /* Translators: in the printed export; %s is a date like 2026-11-27 */
    cmio_export_append_printf (out, &html_escapes, _("Updated %s"), updated);
  if (!cmio_json_get_true (note, "shared"))
    {
      g_string_append (out, " · <span class=\"private\">");
      append_text (out, _("Private note"));
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</div></div><div class=\"text\">");
  append_text_full (out, cmio_json_get_string (note, "text"), TRUE);
  g_string_append (out, "</div></div>\n");
}

static void
append_notes_foot (GString *out)
{
  g_string_append (out, "</section>\n");
}

/* The page's start, to the end of its header. */
static void
append_head (GString    *out,
             JsonObject *root,
             guint       n_done,
             guint       n_items)
{
  const char *name = cmio_json_get_string (cmio_json_get_object (root, "profile"), "name");

  g_string_append (out, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'\">"
                        "<meta name=\"viewport\" content=\"width=device-width\"><title>");
  if (name != NULL && *name != '\0')
    {
      append_text (out, name);
      g_string_append (out, " — ");
    }
  append_text (out, _("CMIO Handbook: 90-Day Checklist"));
  g_string_append_printf (out, "</title><style>%s</style></head>\n<body><header>", html_style);
  append_element (out, "h1", _("CMIO Handbook: 90-Day Checklist"));
  g_string_append (out, "<dl class=\"profile\">");
  cmio_export_append_fields (out, root, append_field);
  g_string_append (out, "</dl><p>");
  /* Translators: in the export's header */
  cmio_export_append_printf (out, &html_escapes, _("%u of %u items done"), n_done, n_items);
  g_string_append (out, "</p></header>\n");
}

/* The lines for signatures, and the page's end. */
static void
append_foot (GString *out)
{
  g_string_append (out, "<footer class=\"sign\"><p>");
  append_text (out, _("Mentor’s signature"));
  g_string_append (out, "</p><p>");
  append_text (out, _("Date"));
  g_string_append (out, "</p><p>");
  append_text (out, _("CMIO’s signature"));
  g_string_append (out, "</p><p>");
  append_text (out, _("Date"));
  g_string_append (out, "</p></footer></body></html>\n");
}

static const CmioExportWriter html_writer = {
  .item_size = 400,
  .head = append_head,
  .chapter = append_chapter,
  .assessment = append_assessment,
  .notes_head = append_notes_head,
  .note = append_note,
  .notes_foot = append_notes_foot,
  .foot = append_foot,
};

/**
 * cmio_export_to_html:
 * @export: an export from cmio_export_build()
 *
 * Returns: (transfer full): the export as one self-contained HTML page,
 *   printable: a header with the profile, the items chapter by chapter
 *   with check boxes, dates, owners, evidence and the mentor's marks, the
 *   self-assessment with its chart, the notes, and lines for signatures
 */
char *
cmio_export_to_html (JsonNode *export)
{
  ItemWords words;

  g_return_val_if_fail (export != NULL && JSON_NODE_HOLDS_OBJECT (export), NULL);

  item_words_init (&words);
  return cmio_export_walk (export, &html_writer, &words);
}

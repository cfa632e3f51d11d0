/* cmio-export-markdown.c — the export as Markdown
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cmio-export-private.h"

/* Every text that goes in, the user's, the pack's and the translations',
 * goes through cmio_markdown_escape(); only this file's own literals are
 * Markdown. */

/* Whether the character at @p needs a backslash where it stands, in a
 * text from @start to @end that may begin a line. */
static gboolean
markdown_in_context (const char *start,
                     const char *p,
                     const char *end)
{
  const char *q;

  switch (*p)
    {
    case '&':   /* an entity: "&amp;", "&#38;", "&#x26;" */
      q = p + 1;
      if (q < end && *q == '#')
        q++;
      if (q < end && q > p + 1 && (*q == 'x' || *q == 'X'))
        q++;
      for (start = q; q < end && g_ascii_isalnum (*q); q++)
        ;
      return q > start && q < end && *q == ';';

    case ':':   /* GFM's autolink "http://…" */
      return end - p >= 3 && p[1] == '/' && p[2] == '/';

    case '.':   /* GFM's autolink "www.…", or an ordered list "1. " */
      if (p - start >= 3 && g_ascii_strncasecmp (p - 3, "www", 3) == 0)
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case ')':   /* an ordered list "1) " */
      for (q = start; q < p && g_ascii_isdigit (*q); q++)
        ;
      return q == p && p > start && p - start <= 9 &&
             (p + 1 == end || p[1] == ' ' || p[1] == '\t');

    case '-':   /* a list, a thematic break, a setext heading's line */
    case '+':   /* a list */
    case '=':   /* a setext heading's line */
    case '>':   /* a block quote */
      return p == start;

    default:
      return FALSE;
    }
}

/* Backslashed wherever they stand: they make emphasis, code, links and
 * images, raw HTML and autolinks, headings, strikethrough and tables, or
 * GFM's e-mail autolinks ("@"). The rest only where markdown_in_context()
 * says; other punctuation means nothing in a line of text. */
static const CmioExportEscapes markdown_escapes = {
  .table = {
    ['\\'] = "\\\\", ['`'] = "\\`", ['*'] = "\\*", ['_'] = "\\_", ['['] = "\\[", [']'] = "\\]",
    ['<'] = "\\<", ['#'] = "\\#", ['~'] = "\\~", ['|'] = "\\|", ['@'] = "\\@",
  },
  .contextual = {
    ['&'] = TRUE, [':'] = TRUE, ['.'] = TRUE, [')'] = TRUE,
    ['-'] = TRUE, ['+'] = TRUE, ['='] = TRUE, ['>'] = TRUE,
  },
  .in_context = markdown_in_context,
};

/**
 * cmio_markdown_escape:
 * @text: (nullable): plain text
 *
 * Makes @text safe to put in Markdown as text, on one line, which it may
 * begin: a backslash goes before each ASCII punctuation character that
 * Markdown (CommonMark, and GitHub's tables, strikethrough and autolinks)
 * would read there, so that nothing in it is read as emphasis, code, a
 * link or an image, an autolink ("www\.", "http\://", "a\@b"), an
 * entity, raw HTML, a heading, a list, a block quote or a table. Other
 * punctuation stays as it is, so that the file reads well as text. Line
 * breaks (also U+2028 and U+2029) and tabs become spaces; other control
 * characters become their visible Control Pictures (see
 * cmio_export_clean_text()), so none reaches the file raw.
 *
 * Returns: (transfer full): the escaped text
 */
char *
cmio_markdown_escape (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) + 16 : 0);

  cmio_export_append_text (out, text, FALSE, &markdown_escapes);
  return g_string_free (out, FALSE);
}

static void
append_text (GString    *out,
             const char *text)
{
  cmio_export_append_text (out, text, FALSE, &markdown_escapes);
}

/* "Label: value", a line of a block that keeps its line breaks. */
static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  append_text (out, label);
  g_string_append (out, ": ");
  append_text (out, value);
  g_string_append (out, "  \n");
}

/* The words every item may need, translated once for all of them. */
typedef struct
{
  CmioExportWords common;
  const char *due;
  const char *done_on;
  const char *approved;
  const char *discuss;
} ItemWords;

static void
item_words_init (ItemWords *words)
{
  cmio_export_words_init (&words->common);
  /* Translators: in the Markdown export; %s is a date like 2026-11-27 */
  words->due = _("due %s");
  /* Translators: in the Markdown export; %s is a date like 2026-11-27 */
  words->done_on = _("done %s");
  words->approved = _("approved");
  words->discuss = _("to discuss");
}

static void
append_item (GString         *out,
             const ItemWords *words,
             JsonObject      *item)
{
  const char *evidence = cmio_json_get_string (item, "evidence");
  const char *done_at = cmio_json_get_string (item, "done_at");
  CmioExportMark mark;

  g_string_append (out, cmio_json_get_true (item, "done") ? "- [x] " : "- [ ] ");
  append_text (out, cmio_json_get_string (item, "number"));
  g_string_append_c (out, ' ');
  append_text (out, cmio_json_get_string (item, "text"));
  g_string_append (out, " — ");
  cmio_export_append_format (out, words->due, cmio_json_get_string (item, "target_date"),
                             &markdown_escapes);
  g_string_append (out, ", ");
  append_text (out, cmio_export_words_owner (&words->common, cmio_json_get_string (item, "owner")));
  if (!cmio_json_get_true (item, "required"))
    {
      g_string_append (out, ", ");
      append_text (out, words->common.optional);
    }
  if (done_at != NULL)
    {
      char date[11];

      g_string_append (out, ", ");
      cmio_export_append_format (out, words->done_on, cmio_export_date (done_at, date), &markdown_escapes);
    }
  g_string_append_c (out, '\n');

  if (evidence != NULL && *evidence != '\0')
    {
      g_string_append (out, "  - ");
      append_text (out, words->common.evidence);
      g_string_append (out, ": ");
      append_text (out, evidence);
      g_string_append_c (out, '\n');
    }

  if (cmio_export_get_mark (item, &mark))
    {
      g_string_append (out, "  - ");
      append_text (out, words->common.mentor);
      g_string_append (out, ": ");
      append_text (out, mark.approved ? words->approved : words->discuss);
      if (mark.by != NULL || mark.at != NULL)
        {
          g_string_append (out, " (");
          append_text (out, mark.by);
          if (mark.by != NULL && mark.at != NULL)
            g_string_append (out, ", ");
          append_text (out, mark.at);
          g_string_append (out, ")");
        }
      g_string_append_c (out, '\n');
      if (mark.comment != NULL)
        {
          g_string_append (out, "    ");
          append_text (out, mark.comment);
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_competency_list (GString    *out,
                        const char *heading,
                        JsonObject *assessment,
                        const char *member)
{
  g_autoptr(GPtrArray) titles = cmio_export_competency_titles (assessment, member);

  g_string_append (out, "\n### ");
  append_text (out, heading);
  g_string_append (out, "\n\n");
  if (titles == NULL)
    {
      append_text (out, _("None yet."));
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; titles != NULL && i < titles->len; i++)
    {
      g_string_append (out, "- ");
      append_text (out, g_ptr_array_index (titles, i));
      g_string_append_c (out, '\n');
    }
}

static void
append_assessment (GString    *out,
                   JsonObject *assessment)
{
  JsonArray *domains = cmio_json_get_array (assessment, "domains");
  guint n_domains = domains != NULL ? json_array_get_length (domains) : 0;
  char date[11];

  g_string_append (out, "\n## ");
  append_text (out, _("Self-assessment"));
  g_string_append (out, "\n\n");
  append_field (out, _("Completed"), cmio_export_date (cmio_json_get_string (assessment, "completed_at"), date));
  cmio_export_append_scores (out, assessment, "  \n", &markdown_escapes);
  g_string_append (out, "\n\n### ");
  append_text (out, _("Scores by domain"));
  g_string_append (out, "\n\n");

  for (guint i = 0; i < n_domains; i++)
    {
      JsonObject *domain = cmio_json_array_get_object (domains, i);

      if (domain == NULL)
        continue;

      g_string_append (out, "- ");
      append_text (out, cmio_json_get_string (domain, "title"));
      g_string_append (out, ": ");
      cmio_export_append_mean (out, domain, &markdown_escapes);
      g_string_append_c (out, '\n');
    }

  append_competency_list (out, _("Strengths"), assessment, "strengths");
  append_competency_list (out, _("Gaps"), assessment, "gaps");
}

static void
append_note (GString    *out,
             JsonObject *note,
             JsonArray  *chapters)
{
  const char *title = cmio_json_get_string (note, "title");
  g_autofree char *text = cmio_export_clean_text (cmio_json_get_string (note, "text"), TRUE);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_string_append (out, "\n### ");
  append_text (out, title != NULL && *title != '\0' ? title : _("Note"));
  g_string_append (out, "\n\n");

  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *line = lines[l];

      /* Leading blanks kept as no-break spaces: four of them would make
       * the line a code block. */
      for (; *line == ' ' || *line == '\t'; line++)
        g_string_append (out, *line == ' ' ? "\u00a0" : "\u00a0\u00a0\u00a0\u00a0");
      append_text (out, line);
      g_string_append (out, lines[l + 1] != NULL ? "  \n" : "\n");
    }
}

/* The title, the profile and how many items are done. */
static void
append_head (GString    *out,
             JsonObject *root,
             guint       n_done,
             guint       n_items)
{
  g_string_append (out, "# ");
  append_text (out, _("CMIO Handbook: 90-Day Checklist"));
  g_string_append (out, "\n\n");
  cmio_export_append_fields (out, root, append_field);
  g_string_append_c (out, '\n');
  /* Translators: in the export's header */
  cmio_export_append_printf (out, &markdown_escapes, _("%u of %u items done"), n_done, n_items);
  g_string_append_c (out, '\n');
}

static void
append_chapter (GString       *out,
                JsonObject    *chapter,
                GPtrArray     *items,
                gconstpointer  words)
{
  g_string_append (out, "\n## ");
  cmio_export_append_printf (out, &markdown_escapes, "%u. %s", cmio_json_get_uint (chapter, "number"),
                             cmio_json_get_string (chapter, "title"));
  g_string_append (out, "\n\n");
  if (items == NULL || items->len == 0)
    {
      append_text (out, _("No items."));
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; items != NULL && i < items->len; i++)
    append_item (out, words, g_ptr_array_index (items, i));
}

static void
append_notes_head (GString *out,
                   guint    n_notes)
{
  g_string_append (out, "\n## ");
  append_text (out, _("Notes"));
  g_string_append_c (out, '\n');
  if (n_notes == 0)
    {
      g_string_append_c (out, '\n');
      append_text (out, _("No notes."));
      g_string_append_c (out, '\n');
    }
}

static const CmioExportWriter markdown_writer = {
  .item_size = 128,
  .head = append_head,
  .chapter = append_chapter,
  .assessment = append_assessment,
  .notes_head = append_notes_head,
  .note = append_note,
};

/**
 * cmio_export_to_markdown:
 * @export: an export from cmio_export_build()
 *
 * Returns: (transfer full): the export as Markdown: the profile, the items
 *   chapter by chapter as task lists, the self-assessment and the notes
 */
char *
cmio_export_to_markdown (JsonNode *export)
{
  ItemWords words;

  g_return_val_if_fail (export != NULL && JSON_NODE_HOLDS_OBJECT (export), NULL);

  item_words_init (&words);
  return cmio_export_walk (export, &markdown_writer, &words);
}

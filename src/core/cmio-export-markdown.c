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

/* Every ASCII punctuation character, backslashed. */
static const char * const markdown_escapes[128] = {
  ['!'] = "\\!", ['"'] = "\\\"", ['#'] = "\\#", ['$'] = "\\$", ['%'] = "\\%", ['&'] = "\\&",
  ['\''] = "\\'", ['('] = "\\(", [')'] = "\\)", ['*'] = "\\*", ['+'] = "\\+", [','] = "\\,",
  ['-'] = "\\-", ['.'] = "\\.", ['/'] = "\\/", [':'] = "\\:", [';'] = "\\;", ['<'] = "\\<",
  ['='] = "\\=", ['>'] = "\\>", ['?'] = "\\?", ['@'] = "\\@", ['['] = "\\[", ['\\'] = "\\\\",
  [']'] = "\\]", ['^'] = "\\^", ['_'] = "\\_", ['`'] = "\\`", ['{'] = "\\{", ['|'] = "\\|",
  ['}'] = "\\}", ['~'] = "\\~",
};

/**
 * cmio_markdown_escape:
 * @text: (nullable): plain text
 *
 * Makes @text safe to put in Markdown as text, on one line: every ASCII
 * punctuation character gets a backslash, so that nothing in it is read as
 * emphasis, a link or an image, an autolink (with GFM's extension too:
 * "www\.", "http\:\/\/" and "a\@b" are no longer what it looks for), an
 * entity, a heading, a list, raw HTML or a table. Line breaks (also
 * U+2028 and U+2029) and tabs become spaces; other control characters
 * become their visible Control Pictures (see cmio_export_clean_text()),
 * so none reaches the file raw.
 *
 * Returns: (transfer full): the escaped text
 */
char *
cmio_markdown_escape (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) + 16 : 0);

  cmio_export_append_text (out, text, FALSE, markdown_escapes);
  return g_string_free (out, FALSE);
}

static void
append_text (GString    *out,
             const char *text)
{
  cmio_export_append_text (out, text, FALSE, markdown_escapes);
}

static void
append_printf (GString    *out,
               const char *format,
               ...) G_GNUC_PRINTF (2, 3);

/* The printf of @format, escaped. */
static void
append_printf (GString    *out,
               const char *format,
               ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  append_text (out, text);
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

/* The date of a timestamp like 2026-11-27T09:30:00Z, or all of it. */
static char *
date_of (const char *timestamp)
{
  if (timestamp != NULL && strlen (timestamp) > 10 && timestamp[10] == 'T')
    return g_strndup (timestamp, 10);
  return g_strdup (timestamp);
}

/* The words every item may need, translated once for all of them. */
typedef struct
{
  const char *due;
  const char *done_on;
  const char *optional;
  const char *owners[3];
  const char *evidence;
  const char *mentor;
  const char *approved;
  const char *discuss;
} ItemWords;

static void
item_words_init (ItemWords *words)
{
  /* Translators: in the Markdown export; %s is a date like 2026-11-27 */
  words->due = _("due %s");
  /* Translators: in the Markdown export; %s is a date like 2026-11-27 */
  words->done_on = _("done %s");
  words->optional = _("optional");
  words->owners[0] = cmio_export_owner_words ("cmio");
  words->owners[1] = cmio_export_owner_words ("mentor");
  words->owners[2] = cmio_export_owner_words ("executive");
  words->evidence = _("Evidence");
  words->mentor = _("Mentor");
  words->approved = _("approved");
  words->discuss = _("to discuss");
}

static const char *
owner_words (const ItemWords *words,
             const char      *owner)
{
  if (g_strcmp0 (owner, "mentor") == 0)
    return words->owners[1];
  if (g_strcmp0 (owner, "executive") == 0)
    return words->owners[2];
  return words->owners[0];
}

static void
append_item (GString         *out,
             const ItemWords *words,
             JsonObject      *item)
{
  JsonObject *mentor = cmio_export_member_object (item, "mentor");
  const char *evidence = cmio_export_member_string (item, "evidence");
  const char *done_at = cmio_export_member_string (item, "done_at");

  g_string_append (out, cmio_export_member_boolean (item, "done") ? "- [x] " : "- [ ] ");
  append_text (out, cmio_export_member_string (item, "number"));
  g_string_append_c (out, ' ');
  append_text (out, cmio_export_member_string (item, "text"));
  g_string_append (out, " — ");
  cmio_export_append_format (out, words->due, cmio_export_member_string (item, "target_date"),
                             markdown_escapes);
  g_string_append (out, ", ");
  append_text (out, owner_words (words, cmio_export_member_string (item, "owner")));
  if (!cmio_export_member_boolean (item, "required"))
    {
      g_string_append (out, ", ");
      append_text (out, words->optional);
    }
  if (done_at != NULL)
    {
      char date[11] = "";

      /* The date of a timestamp like 2026-11-27T09:30:00Z. */
      if (strlen (done_at) > 10 && done_at[10] == 'T')
        done_at = memcpy (date, done_at, 10);
      g_string_append (out, ", ");
      cmio_export_append_format (out, words->done_on, done_at, markdown_escapes);
    }
  g_string_append_c (out, '\n');

  if (evidence != NULL && *evidence != '\0')
    {
      g_string_append (out, "  - ");
      append_text (out, words->evidence);
      g_string_append (out, ": ");
      append_text (out, evidence);
      g_string_append_c (out, '\n');
    }

  if (mentor != NULL)
    {
      const char *by = cmio_export_member_string (mentor, "by");
      const char *comment = cmio_export_member_string (mentor, "comment");
      g_autofree char *at = date_of (cmio_export_member_string (mentor, "at"));

      g_string_append (out, "  - ");
      append_text (out, words->mentor);
      g_string_append (out, ": ");
      append_text (out, g_strcmp0 (cmio_export_member_string (mentor, "status"), "approved") == 0
                          ? words->approved : words->discuss);
      if ((by != NULL && *by != '\0') || at != NULL)
        {
          g_string_append (out, " (");
          append_text (out, by);
          if (by != NULL && *by != '\0' && at != NULL)
            g_string_append (out, ", ");
          append_text (out, at);
          g_string_append (out, ")");
        }
      g_string_append_c (out, '\n');
      if (comment != NULL && *comment != '\0')
        {
          g_string_append (out, "    ");
          append_text (out, comment);
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
  JsonArray *ids = cmio_export_member_array (assessment, member);
  guint n = ids != NULL ? json_array_get_length (ids) : 0;

  g_string_append (out, "\n### ");
  append_text (out, heading);
  g_string_append (out, "\n\n");
  if (n == 0)
    {
      append_text (out, _("None yet."));
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (ids, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      g_string_append (out, "- ");
      append_text (out, cmio_export_competency_title (assessment, json_node_get_string (node)));
      g_string_append_c (out, '\n');
    }
}

static void
append_assessment (GString    *out,
                   JsonObject *assessment)
{
  JsonObject *counts = cmio_export_member_object (assessment, "counts");
  JsonArray *domains = cmio_export_member_array (assessment, "domains");
  guint n_domains = domains != NULL ? json_array_get_length (domains) : 0;
  g_autofree char *completed = date_of (cmio_export_member_string (assessment, "completed_at"));
  double mean = 0.0;

  g_string_append (out, "\n## ");
  append_text (out, _("Self-assessment"));
  g_string_append (out, "\n\n");
  append_field (out, _("Completed"), completed);
  if (cmio_export_member_number (assessment, "mean", &mean))
    {
      g_autofree char *score = cmio_export_format_score (mean);

      /* Translators: the mean self-assessment score, like "3.4 of 5" */
      append_printf (out, _("Mean score: %s of 5"), score);
    }
  else
    append_text (out, _("Mean score: none, no competency answered"));
  g_string_append (out, "  \n");
  /* Translators: the self-assessment's counts of competencies */
  append_printf (out, _("%u answered, %u not sure, %u unanswered"),
                 cmio_export_member_uint (counts, "answered"),
                 cmio_export_member_uint (counts, "not_sure"),
                 cmio_export_member_uint (counts, "unanswered"));
  g_string_append (out, "\n\n### ");
  append_text (out, _("Scores by domain"));
  g_string_append (out, "\n\n");

  for (guint i = 0; i < n_domains; i++)
    {
      JsonObject *domain = cmio_export_array_object (domains, i);

      if (domain == NULL)
        continue;

      g_string_append (out, "- ");
      append_text (out, cmio_export_member_string (domain, "title"));
      g_string_append (out, ": ");
      if (cmio_export_member_number (domain, "mean", &mean))
        {
          g_autofree char *score = cmio_export_format_score (mean);

          append_text (out, score);
        }
      else
        append_text (out, _("no answers"));
      g_string_append_c (out, '\n');
    }

  append_competency_list (out, _("Strengths"), assessment, "strengths");
  append_competency_list (out, _("Gaps"), assessment, "gaps");
}

static void
append_note (GString    *out,
             JsonObject *note)
{
  const char *title = cmio_export_member_string (note, "title");
  g_autofree char *text = cmio_export_clean_text (cmio_export_member_string (note, "text"), TRUE);
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
  JsonObject *root;
  JsonObject *profile;
  JsonObject *content;
  JsonObject *assessment;
  JsonArray *chapters;
  JsonArray *notes;
  g_autoptr(GHashTable) by_chapter = NULL;
  ItemWords words;
  GString *out;
  guint n_done = 0;
  guint n_items = 0;

  g_return_val_if_fail (export != NULL && JSON_NODE_HOLDS_OBJECT (export), NULL);

  root = json_node_get_object (export);
  profile = cmio_export_member_object (root, "profile");
  content = cmio_export_member_object (root, "content");
  assessment = cmio_export_member_object (root, "assessment");
  chapters = cmio_export_member_array (root, "chapters");
  notes = cmio_export_member_array (root, "notes");
  by_chapter = cmio_export_items_by_chapter (root, &n_items, &n_done);
  item_words_init (&words);

  out = g_string_new ("# ");
  append_text (out, _("CMIO Handbook: 90-Day Checklist"));
  g_string_append (out, "\n\n");
  append_field (out, _("Name"), cmio_export_member_string (profile, "name"));
  append_field (out, _("Role"), cmio_export_member_string (profile, "role"));
  append_field (out, _("Organization"), cmio_export_member_string (profile, "organization"));
  append_field (out, _("Start date"), cmio_export_member_string (profile, "start_date"));
  append_field (out, _("Mentor"), cmio_export_member_string (profile, "mentor"));
  append_field (out, _("Exported"), cmio_export_member_string (root, "exported_at"));
  if (cmio_export_member_string (content, "title") != NULL &&
      cmio_export_member_string (content, "content_version") != NULL)
    {
      /* Translators: the content pack's title and its version */
      g_autofree char *pack = g_strdup_printf (_("%s, version %s"),
                                               cmio_export_member_string (content, "title"),
                                               cmio_export_member_string (content, "content_version"));

      append_field (out, _("Content"), pack);
    }
  g_string_append_c (out, '\n');
  /* Translators: in the export's header */
  append_printf (out, _("%u of %u items done"), n_done, n_items);
  g_string_append_c (out, '\n');

  for (guint c = 0; chapters != NULL && c < json_array_get_length (chapters); c++)
    {
      JsonObject *chapter = cmio_export_array_object (chapters, c);
      const char *id = cmio_export_member_string (chapter, "id");
      GPtrArray *list = id != NULL ? g_hash_table_lookup (by_chapter, id) : NULL;

      if (chapter == NULL)
        continue;

      g_string_append (out, "\n## ");
      append_printf (out, "%u. %s", cmio_export_member_uint (chapter, "number"),
                     cmio_export_member_string (chapter, "title"));
      g_string_append (out, "\n\n");
      if (list == NULL || list->len == 0)
        {
          append_text (out, _("No items."));
          g_string_append_c (out, '\n');
        }
      for (guint i = 0; list != NULL && i < list->len; i++)
        append_item (out, &words, g_ptr_array_index (list, i));
    }

  if (assessment != NULL)
    append_assessment (out, assessment);

  if (notes != NULL)
    {
      g_string_append (out, "\n## ");
      append_text (out, _("Notes"));
      g_string_append_c (out, '\n');
      if (json_array_get_length (notes) == 0)
        {
          g_string_append_c (out, '\n');
          append_text (out, _("No notes."));
          g_string_append_c (out, '\n');
        }
      for (guint i = 0; i < json_array_get_length (notes); i++)
        {
          JsonObject *note = cmio_export_array_object (notes, i);

          if (note != NULL)
            append_note (out, note);
        }
    }

  return g_string_free (out, FALSE);
}

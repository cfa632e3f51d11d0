/* cmio-markdown.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-markdown.h"

#include <md4c-html.h>
#include <string.h>

static void
append_cb (const MD_CHAR *text,
           MD_SIZE        size,
           void          *user_data)
{
  g_string_append_len (user_data, text, size);
}

/**
 * cmio_markdown_to_html:
 * @markdown: CommonMark text, UTF-8
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Renders CommonMark with tables, strikethrough and task lists to an HTML
 * fragment. Raw HTML in the input is never passed through: md4c escapes it
 * as text, so the result contains only the markup that Markdown itself makes.
 *
 * Returns: (transfer full): the HTML fragment
 */
char *
cmio_markdown_to_html (const char *markdown,
                       gssize      length)
{
  g_autoptr(GString) html = NULL;
  unsigned parser_flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS |
                          MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEURLAUTOLINKS;

  g_return_val_if_fail (markdown != NULL, NULL);

  if (length < 0)
    length = strlen (markdown);

  html = g_string_sized_new (length + length / 4 + 64);
  md_html (markdown, (MD_SIZE) length, append_cb, html, parser_flags,
           MD_HTML_FLAG_SKIP_UTF8_BOM);

  return g_string_free (g_steal_pointer (&html), FALSE);
}

/* Plain text */

typedef struct
{
  GString *text;
  guint table_cell;   /* cells seen so far in the current table row */
} TextState;

/* Ends the current line, unless the text is empty or already ends one:
 * every block starts on a line of its own, without blank lines between. */
static void
text_end_line (TextState *state)
{
  if (state->text->len > 0 && state->text->str[state->text->len - 1] != '\n')
    g_string_append_c (state->text, '\n');
}

static int
text_enter_block_cb (MD_BLOCKTYPE  type,
                     void         *detail,
                     void         *user_data)
{
  TextState *state = user_data;

  if (type == MD_BLOCK_TH || type == MD_BLOCK_TD)
    {
      /* The cells of a row stay on one line, a tab apart. */
      if (state->table_cell++ > 0)
        g_string_append_c (state->text, '\t');
    }
  else
    {
      if (type == MD_BLOCK_TR)
        state->table_cell = 0;
      text_end_line (state);
    }

  return 0;
}

static int
text_leave_block_cb (MD_BLOCKTYPE  type,
                     void         *detail,
                     void         *user_data)
{
  TextState *state = user_data;

  if (type != MD_BLOCK_TH && type != MD_BLOCK_TD)
    text_end_line (state);

  return 0;
}

static int
text_span_cb (MD_SPANTYPE  type,
              void        *detail,
              void        *user_data)
{
  return 0;
}

/* Appends the character that the entity @entity (like "&eacute;" or
 * "&#x2014;") stands for. md4c-html knows every named entity of HTML; it
 * renders the character escaped for HTML, which is undone here. An entity it
 * does not know stays as it was written, as a browser shows it. */
static void
text_append_entity (GString    *text,
                    const char *entity,
                    gsize       size)
{
  g_autoptr(GString) html = g_string_new (NULL);
  static const struct
  {
    const char *escaped;
    char plain;
  } escapes[] = {
    { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
  };
  const char *p;
  const char *end;

  md_html (entity, (MD_SIZE) size, append_cb, html, 0, 0);

  /* The result is "<p>…</p>\n". */
  p = html->str;
  end = html->str + html->len;
  if (g_str_has_prefix (p, "<p>") && g_str_has_suffix (p, "</p>\n"))
    {
      p += strlen ("<p>");
      end -= strlen ("</p>\n");
    }
  else
    {
      g_string_append_len (text, entity, size);
      return;
    }

  while (p < end)
    {
      gboolean found = FALSE;

      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (escapes) && !found; i++)
          if (strncmp (p, escapes[i].escaped, strlen (escapes[i].escaped)) == 0)
            {
              g_string_append_c (text, escapes[i].plain);
              p += strlen (escapes[i].escaped);
              found = TRUE;
            }

      if (!found)
        g_string_append_c (text, *p++);
    }
}

static int
text_text_cb (MD_TEXTTYPE    type,
              const MD_CHAR *text,
              MD_SIZE        size,
              void          *user_data)
{
  TextState *state = user_data;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append_unichar (state->text, 0xFFFD);
      break;

    case MD_TEXT_BR:
      g_string_append_c (state->text, '\n');
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (state->text, ' ');
      break;

    case MD_TEXT_ENTITY:
      text_append_entity (state->text, text, size);
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      g_string_append_len (state->text, text, size);
      break;
    }

  return 0;
}

/**
 * cmio_markdown_to_text:
 * @markdown: CommonMark text, UTF-8
 * @length: the length of @markdown in bytes, or -1 if it is nul-terminated
 *
 * Extracts the text a reader sees from CommonMark with tables, strikethrough
 * and task lists, for searching: no markup, entities decoded to the
 * characters they stand for, every block (paragraph, heading, list item,
 * table row, line of a code block) on a line of its own, the cells of a table
 * row separated by tabs, soft line breaks turned into spaces. Raw HTML is
 * text, as cmio_markdown_to_html() shows it.
 *
 * Returns: (transfer full): the plain text, without a final newline
 */
char *
cmio_markdown_to_text (const char *markdown,
                       gssize      length)
{
  g_autoptr(GString) text = NULL;
  TextState state = { NULL, 0 };
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_NOHTML,
    .enter_block = text_enter_block_cb,
    .leave_block = text_leave_block_cb,
    .enter_span = text_span_cb,
    .leave_span = text_span_cb,
    .text = text_text_cb,
  };

  g_return_val_if_fail (markdown != NULL, NULL);

  if (length < 0)
    length = strlen (markdown);

  /* md_parse() does not skip a byte order mark itself. */
  if (length >= 3 && memcmp (markdown, "\xEF\xBB\xBF", 3) == 0)
    {
      markdown += 3;
      length -= 3;
    }

  text = g_string_sized_new (length + 1);
  state.text = text;
  md_parse (markdown, (MD_SIZE) length, &parser, &state);

  while (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

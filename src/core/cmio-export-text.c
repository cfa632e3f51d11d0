/* cmio-export-text.c — the writers' text: cleaned of what cannot be shown,
 * and escaped for the format
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-export-private.h"

/* Appends the UTF-8 of U+2400 + @c, the Control Picture of C0 control @c,
 * or of U+2421 for DEL. */
static void
append_control_picture (GString       *out,
                        unsigned char  c)
{
  char picture[3] = { '\xe2', '\x90', (char) (c == 0x7F ? 0xA1 : 0x80 + c) };

  g_string_append_len (out, picture, 3);
}

/* The same as cmio_export_append_text(), for @length bytes of @text. */
static void
append_text_len (GString                 *out,
                 const char              *text,
                 gsize                    length,
                 gboolean                 multiline,
                 const CmioExportEscapes *escapes)
{
  const char *p = text;
  const char *end = p + length;
  const char *run = p;   /* bytes that go out as they are, from here to p */

  while (p < end)
    {
      unsigned char c = (unsigned char) *p;
      const char *replacement = NULL;
      gsize length = 1;

      if (c >= 0x20 && c < 0x7F &&
          (escapes == NULL ||
           (escapes->table[c] == NULL &&
            !(escapes->contextual[c] && escapes->in_context (text, p, end)))))
        {
          p++;
          continue;
        }

      if (c >= 0x80)
        {
          gunichar u = g_utf8_get_char_validated (p, end - p);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            replacement = "\xef\xbf\xbd";    /* a byte that is not UTF-8: U+FFFD */
          else
            {
              length = g_utf8_next_char (p) - p;
              if (u >= 0x80 && u <= 0x9F)
                replacement = "\xef\xbf\xbd";   /* a C1 control */
              else if (u == 0x2028 || u == 0x2029)
                replacement = multiline ? "\n" : " ";
              else
                {
                  p += length;
                  continue;
                }
            }
        }
      else if (c == '\r' && p + 1 < end && p[1] == '\n')
        replacement = "";   /* the \n that follows makes the line feed */
      else if (c == '\n' || c == '\r')
        replacement = multiline ? "\n" : " ";
      else if (c == '\t')
        replacement = multiline ? "\t" : " ";
      else if (c < 0x20 || c == 0x7F)
        replacement = NULL;   /* a Control Picture, below */
      else if (escapes->table[c] != NULL)
        replacement = escapes->table[c];
      else
        {
          /* Where it stands, it needs a backslash before it. */
          g_string_append_len (out, run, p - run);
          g_string_append_c (out, '\\');
          run = p++;
          continue;
        }

      g_string_append_len (out, run, p - run);
      if (replacement != NULL)
        g_string_append (out, replacement);
      else
        append_control_picture (out, c);
      p += length;
      run = p;
    }

  g_string_append_len (out, run, p - run);
}

void
cmio_export_append_text (GString                 *out,
                         const char              *text,
                         gboolean                 multiline,
                         const CmioExportEscapes *escapes)
{
  if (text != NULL)
    append_text_len (out, text, strlen (text), multiline, escapes);
}

/* @format with its one "%s" replaced by @arg (nullable), every part of it
 * cleaned and escaped; no copy made when @format has no other directive,
 * as a translation of it should not. */
void
cmio_export_append_format (GString                 *out,
                           const char              *format,
                           const char              *arg,
                           const CmioExportEscapes *escapes)
{
  const char *directive = strstr (format, "%s");

  if (directive != NULL && strchr (format, '%') == directive && strchr (directive + 2, '%') == NULL)
    {
      append_text_len (out, format, directive - format, FALSE, escapes);
      cmio_export_append_text (out, arg, FALSE, escapes);
      cmio_export_append_text (out, directive + 2, FALSE, escapes);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (format, arg != NULL ? arg : "");

      cmio_export_append_text (out, text, FALSE, escapes);
    }
}

void
cmio_export_append_printf (GString                 *out,
                           const CmioExportEscapes *escapes,
                           const char              *format,
                           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  cmio_export_append_text (out, text, FALSE, escapes);
}

char *
cmio_export_clean_text (const char *text,
                        gboolean    multiline)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);

  cmio_export_append_text (out, text, multiline, NULL);
  return g_string_free (out, FALSE);
}

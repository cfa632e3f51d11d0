/* cmio-line-estimate.c — how many lines a text wraps to, without laying it out
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-line-estimate.h"

/* Shaping a paragraph to find how many lines it takes is what makes a
 * wrapped GtkLabel costly in a list of hundreds of rows. Here each
 * character's width is looked up in a table measured once, from one line
 * of text, and words are wrapped greedily as Pango does with
 * PANGO_WRAP_WORD_CHAR. Kerning and ligatures are left out, which can
 * make a text a little narrower than this says, never much wider. */

/**
 * cmio_advances_measure:
 * @advances: the table to fill
 * @widget: the widget whose font to measure
 *
 * Lays out the printable ASCII characters once in @widget's font and
 * keeps each one's advance width.
 */
void
cmio_advances_measure (CmioAdvances *advances,
                       GtkWidget    *widget)
{
  char sample[128 - 32];
  g_autoptr(PangoLayout) layout = NULL;
  double total = 0;
  int n = 0;

  g_return_if_fail (advances != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (int c = 32; c < 127; c++)
    sample[c - 32] = (char) c;
  sample[127 - 32] = '\0';

  layout = gtk_widget_create_pango_layout (widget, sample);
  memset (advances->ascii, 0, sizeof advances->ascii);
  for (int c = 32; c < 127; c++)
    {
      PangoRectangle pos;

      pango_layout_index_to_pos (layout, c - 32, &pos);
      advances->ascii[c] = ABS (pos.width) / (double) PANGO_SCALE;
      total += advances->ascii[c];
      n++;
    }
  advances->other = n > 0 ? total / n : 8;
  advances->measured = TRUE;
}

/**
 * cmio_advances_set_uniform:
 * @advances: the table to fill
 * @width: the width of every character
 *
 * Makes every character @width wide, for tests.
 */
void
cmio_advances_set_uniform (CmioAdvances *advances,
                           double        width)
{
  g_return_if_fail (advances != NULL);

  for (int c = 0; c < 128; c++)
    advances->ascii[c] = width;
  advances->other = width;
  advances->measured = TRUE;
}

static double
advance (const CmioAdvances *advances,
         gunichar            c)
{
  return c < 128 ? advances->ascii[c] : advances->other;
}

/**
 * cmio_advances_count_lines:
 * @advances: a measured table
 * @text: UTF-8 text
 * @width: the width of a line, in pixels
 *
 * Returns: how many lines @text wraps to at @width, at least 1
 */
guint
cmio_advances_count_lines (const CmioAdvances *advances,
                           const char         *text,
                           double              width)
{
  guint lines = 1;
  double line = 0;   /* the width used on the current line */
  double word = 0;   /* the word being read */
  double space = 0;  /* the spaces before it */

  g_return_val_if_fail (advances != NULL && advances->measured, 1);

  if (text == NULL || width <= 0)
    return 1;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && c != '\n' && c != '\0')
        {
          word += advance (advances, c);
          continue;
        }

      /* A word ends: it fits on this line, goes to the next, or is broken
       * between characters where it is wider than a line. Spaces with no
       * word after them hang at the end of a line. */
      if (word > 0)
        {
          if (line > 0 && line + space + word > width)
            {
              lines++;
              line = 0;
            }
          else if (line > 0)
            line += space;
          while (word > width)
            {
              lines++;
              word -= width;
            }
          line += word;
          word = 0;
          space = 0;
        }

      if (c == '\0')
        break;
      if (c == '\n')
        {
          lines++;
          line = space = 0;
        }
      else
        space += advance (advances, c);
    }

  return lines;
}

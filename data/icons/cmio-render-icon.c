/* cmio-render-icon.c — renders the app icon to a PNG at one size (build tool)
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: cmio-render-icon INPUT.svg SIZE OUTPUT.png
 *
 * The overview shows the app's icon on its first frame. Drawn from the SVG,
 * that icon makes GTK load gdk-pixbuf's SVG loader (librsvg) at start-up;
 * the build renders it once to PNGs of the sizes the app shows it at, which
 * the resource carries beside the SVG.
 */

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <locale.h>
#include <stdlib.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  long size;

  setlocale (LC_ALL, "");

  if (argc != 4)
    {
      g_printerr ("usage: %s INPUT.svg SIZE OUTPUT.png\n", argv[0]);
      return EXIT_FAILURE;
    }

  size = strtol (argv[2], &end, 10);
  if (*argv[2] == '\0' || *end != '\0' || size < 1 || size > 1024)
    {
      g_printerr ("%s: “%s” is not a size in pixels (1 to 1024)\n", argv[0], argv[2]);
      return EXIT_FAILURE;
    }

  pixbuf = gdk_pixbuf_new_from_file_at_size (argv[1], (int) size, (int) size, &error);
  if (pixbuf == NULL ||
      !gdk_pixbuf_save (pixbuf, argv[3], "png", &error, "compression", "9", NULL))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      if (g_error_matches (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
        g_printerr ("%s: the build needs gdk-pixbuf's SVG loader (librsvg; on Debian, librsvg2-common)\n",
                    argv[0]);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

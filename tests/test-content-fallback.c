/* test-content-fallback.c — the app started with --content-dir
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real application with its command line, as a user would start
 * it, and looks at the window once it is up.
 */

#include "config.h"

#include <adwaita.h>

#include "cmio-application.h"
#include "cmio-test-util.h"
#include "cmio-window.h"

typedef void (*Check) (CmioWindow *window);

static Check current_check;

static guint
count_sidebar_rows (CmioWindow *window)
{
  GtkWidget *list = cmio_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static const char *
banner_text (CmioWindow *window)
{
  GtkRevealer *revealer = GTK_REVEALER (cmio_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_REVEALER));
  GtkWidget *label;

  if (!gtk_revealer_get_reveal_child (revealer))
    return NULL;

  label = cmio_test_find_descendant (gtk_revealer_get_child (revealer), GTK_TYPE_LABEL);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
first_frame_cb (CmioWindow   *window,
                GApplication *app)
{
  current_check (window);
  g_application_quit (app);
}

static void
activate_cb (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_signal_connect_object (window, "first-frame", G_CALLBACK (first_frame_cb), app, 0);
}

static void
run_app (const char *pack_folder,
         Check       check)
{
  g_autoptr(CmioApplication) app = cmio_application_new ();
  g_autofree char *pack = g_build_filename (TEST_DATA_DIR, "packs", pack_folder, NULL);
  g_autofree char *arg = g_strdup_printf ("--content-dir=%s", pack);
  char *argv[] = { (char *) "cmio-handbook", arg, NULL };

  current_check = check;
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
}

static void
check_fallback (CmioWindow *window)
{
  const char *text = banner_text (window);

  /* The built-in handbook, and a banner that says why, naming file and line. */
  g_assert_cmpuint (count_sidebar_rows (window), ==, 10);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "unknown-owner"));
  g_assert_nonnull (strstr (text, "built-in handbook"));
  g_assert_nonnull (strstr (text, "handbook.json:27: item \"do-two\": unknown owner \"cio\""));
}

static void
test_broken_pack_falls_back (void)
{
  run_app ("unknown-owner", check_fallback);
}

static void
check_custom_pack (CmioWindow *window)
{
  /* The organization's pack: Overview and its two chapters, no banner. */
  g_assert_cmpuint (count_sidebar_rows (window), ==, 3);
  g_assert_null (banner_text (window));
}

static void
test_valid_pack_is_used (void)
{
  run_app ("valid", check_custom_pack);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cmio/content-dir/broken-pack-falls-back", test_broken_pack_falls_back);
  g_test_add_func ("/cmio/content-dir/valid-pack-is-used", test_valid_pack_is_used);

  return g_test_run ();
}

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
#include <string.h>

#include "cmio-application.h"
#include "cmio-test-util.h"
#include "cmio-window.h"

typedef void (*Check) (CmioWindow *window);

static Check current_check;

static guint
count_sidebar_rows (CmioWindow *window)
{
  GtkWidget *list = GTK_WIDGET (cmio_test_find_sidebar_list (GTK_WIDGET (window)));
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

static const char *
banner_text (CmioWindow *window)
{
  GtkRevealer *revealer = GTK_REVEALER (cmio_test_find_named (GTK_WIDGET (window), GTK_TYPE_REVEALER, "banner"));
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

/* Runs the app, with the content pack in @pack_folder if not %NULL. */
static void
run_app (const char *pack_folder,
         Check       check)
{
  g_autoptr(CmioApplication) app = cmio_application_new ();
  g_autofree char *pack = pack_folder ? g_build_filename (TEST_DATA_DIR, "packs", pack_folder, NULL) : NULL;
  g_autofree char *arg = pack ? g_strdup_printf ("--content-dir=%s", pack) : NULL;
  char *argv[] = { (char *) "cmio-handbook", arg, NULL };

  current_check = check;
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), arg ? 2 : 1, argv), ==, 0);
}

static void
check_fallback (CmioWindow *window)
{
  const char *text = banner_text (window);

  /* The built-in handbook (overview, nine chapters, checklist, notes,
   * self-assessment), and a
   * banner that says why, naming file and line. */
  g_assert_cmpuint (count_sidebar_rows (window), ==, 13);
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
  /* The organization's pack: Overview, its two chapters, the checklist, the notes, the self-assessment;
   * no banner. */
  g_assert_cmpuint (count_sidebar_rows (window), ==, 6);
  g_assert_null (banner_text (window));
}

static void
test_valid_pack_is_used (void)
{
  run_app ("valid", check_custom_pack);
}

static void
check_recovered (CmioWindow *window)
{
  CmioApplication *app = CMIO_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  CmioStore *store = cmio_application_get_store (app);
  const char *text = banner_text (window);

  /* The banner says what happened and where the damaged file is. */
  g_assert_cmpint (cmio_store_get_load_result (store), ==, CMIO_STORE_LOADED_BACKUP);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "could not be read"));
  g_assert_nonnull (strstr (text, "progress.json.corrupt-"));
  g_assert_true (cmio_progress_get_item_done (cmio_store_get_progress (store), "agree-decision-rights"));
}

static void
test_damaged_progress_recovered (void)
{
  g_autoptr(GFile) file = cmio_store_get_default_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *backup_path = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_path);
  g_autoptr(CmioProgress) good = cmio_progress_new ();
  g_autoptr(CmioProgress) after = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  const char *name;
  gboolean found_aside = FALSE;

  /* A good backup, and a damaged progress.json. */
  g_assert_true (cmio_progress_set_item_done (good, "agree-decision-rights", TRUE, &error));
  root = cmio_progress_to_json (good);
  g_assert_true (cmio_store_write_file (backup, root, FALSE, NULL, NULL, &error));
  g_assert_true (g_file_set_contents (path, "{\"format\": \"cmio-handbook-progress\", \"ver", -1, &error));

  run_app (NULL, check_recovered);

  /* The damaged file is kept as it was; progress.json is whole again. */
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "progress.json.corrupt-"))
        {
          g_autofree char *aside = g_build_filename (folder, name, NULL);
          g_autofree char *contents = NULL;

          g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "{\"format\": \"cmio-handbook-progress\", \"ver");
          found_aside = TRUE;
        }
    }
  g_assert_true (found_aside);
  after = cmio_store_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_true (cmio_progress_get_item_done (after, "agree-decision-rights"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cmio/content-dir/broken-pack-falls-back", test_broken_pack_falls_back);
  g_test_add_func ("/cmio/content-dir/valid-pack-is-used", test_valid_pack_is_used);
  g_test_add_func ("/cmio/startup/damaged-progress-recovered", test_damaged_progress_recovered);

  return g_test_run ();
}

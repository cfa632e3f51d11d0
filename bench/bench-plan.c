/* bench-plan.c — the checklist with 10,000 items: opening it, ticking
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real app on a progress file with 10,000 custom items (spread
 * over the chapters, half of them done), then measures, with the window on
 * screen:
 *
 *   checklist_open_ms  from asking for the whole-checklist page to the
 *                      first frame painted with it
 *   toggle_ms          from ticking an item (as its check box does) to the
 *                      next frame painted, median over many items
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "bench-stats.h"
#include "cmio-application.h"
#include "cmio-window.h"

#define N_TOGGLES 25

/* 10,000 unless CMIO_BENCH_ITEMS says otherwise, to see how it scales. */
static guint N_ITEMS = 10000;
static CmioApplication *app;
static GArray *toggles;
static double open_ms;
static gint64 started;
static guint toggled;
static gulong paint_handler;

static GtkWindow *
window (void)
{
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

static void toggle_next (void);

static void
toggle_painted_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  double elapsed = (g_get_monotonic_time () - started) / 1000.0;

  g_clear_signal_handler (&paint_handler, clock);
  g_array_append_val (toggles, elapsed);
  toggle_next ();
}

static gboolean
toggle_cb (gpointer data)
{
  CmioProgress *progress = cmio_store_get_progress (cmio_application_get_store (app));
  g_autofree char *id = g_strdup_printf ("custom-bench-%05u", (toggled * 397) % N_ITEMS);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window ()));

  paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (toggle_painted_cb), NULL);
  started = g_get_monotonic_time ();
  cmio_progress_set_item_done (progress, id, !cmio_progress_get_item_done (progress, id), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (window ()));
  toggled++;
  return G_SOURCE_REMOVE;
}

static void
toggle_next (void)
{
  if (toggled < N_TOGGLES)
    {
      g_timeout_add (30, toggle_cb, NULL);
      return;
    }

  bench_print_ms ("checklist_open_ms", open_ms);
  bench_print_ms ("toggle_ms", bench_median (toggles));
  g_application_quit (G_APPLICATION (app));
}

static void
open_painted_cb (GdkFrameClock *clock,
                 gpointer       data)
{
  open_ms = (g_get_monotonic_time () - started) / 1000.0;
  g_clear_signal_handler (&paint_handler, clock);
  toggle_next ();
}

static gboolean
open_checklist_cb (gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window ()));

  paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (open_painted_cb), NULL);
  started = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window ()), "win.show-page", "s", "checklist");
  gtk_widget_queue_draw (GTK_WIDGET (window ()));
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (CmioWindow *win,
                gpointer    data)
{
  /* Let the start settle (WebKit starts after the first frame). */
  g_timeout_add (1500, open_checklist_cb, NULL);
}

static void
activate_cb (GApplication *application)
{
  g_signal_connect (window (), "first-frame", G_CALLBACK (first_frame_cb), NULL);
}

static void
write_progress (void)
{
  static const char * const chapters[] = {
    "what-is-a-cmio", "cmio-vs-cio", "what-does-a-cmio-do", "beyond-the-bridge", "daily-schedule",
    "hard-skills", "soft-skills", "certification", "first-90-days",
  };
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), APP_ID, NULL);
  g_autofree char *path = g_build_filename (folder, "progress.json", NULL);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"cmio-handbook-progress\", \"version\": 1,"
                                          " \"profile\": {\"start_date\": \"2026-11-02\"}, \"items\": {");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_ITEMS; i++)
    g_string_append_printf (json, "%s\"custom-bench-%05u\": {\"done\": %s}", i ? "," : "", i,
                            i % 2 ? "true" : "false");
  g_string_append (json, "}, \"custom_items\": [");
  for (guint i = 0; i < N_ITEMS; i++)
    g_string_append_printf (json, "%s{\"id\": \"custom-bench-%05u\", \"chapter\": \"%s\", "
                            "\"text\": \"Generated item %u for the benchmark\", \"target_day\": %u, "
                            "\"owner\": \"cmio\", \"required\": %s}",
                            i ? "," : "", i, chapters[i % G_N_ELEMENTS (chapters)], i, i % 91,
                            i % 3 ? "false" : "true");
  g_string_append (json, "]}");

  g_mkdir_with_parents (folder, 0700);
  if (!g_file_set_contents (path, json->str, json->len, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (g_getenv ("CMIO_BENCH_ITEMS") != NULL)
    N_ITEMS = MAX (1, atoi (g_getenv ("CMIO_BENCH_ITEMS")));

  /* bench/run gives every run a data folder of its own. */
  write_progress ();

  toggles = g_array_new (FALSE, FALSE, sizeof (double));
  app = cmio_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_object_unref (app);
  g_array_unref (toggles);
  return status;
}

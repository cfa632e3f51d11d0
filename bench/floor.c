/* floor.c
 *
 * Copyright 2026 The CMIO Handbook authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The toolkit floor of the startup benchmark: the least a libadwaita app with a
 * header bar (--mode=bare), or with a header bar and one web view showing a short
 * page (--mode=webkit), can cost to start. bench/run divides the app's figures by
 * these. Keep it minimal: anything added here makes the app look better than it is.
 *
 * --mode=bare    prints "first_frame_ms N" at the first frame painted after the
 *                window is mapped, then quits.
 * --mode=webkit  also prints "first_frame_ms N"; then, once the page has finished
 *                loading and the next frame has been painted, "page_ready_ms N",
 *                then quits.
 *
 * N is in milliseconds from process start; see bench-time.c for the contract.
 */

#include <adwaita.h>
#include <webkit/webkit.h>

#include "bench-time.h"

#define FLOOR_APP_ID "io.github.cmiohandbook.BenchFloor"

static const char floor_page[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Floor</title></head>\n"
  "<body>\n"
  "<h1>What does a CMIO do?</h1>\n"
  "<p>The chief medical information officer connects clinical practice with the\n"
  "systems that support it, and speaks for clinicians where technology is decided.</p>\n"
  "<p>This page is the toolkit floor of the startup benchmark: one heading and two\n"
  "paragraphs, loaded from a string.</p>\n"
  "</body></html>\n";

typedef enum
{
  FLOOR_MODE_BARE,
  FLOOR_MODE_WEBKIT,
} FloorMode;

typedef struct
{
  FloorMode      mode;
  GApplication  *app;
  GtkWidget     *web_view;
  GdkFrameClock *frame_clock;
  gulong         after_paint_id;
  gboolean       first_frame_seen;
  gboolean       page_ready_armed;
  int            exit_status;
} Floor;

static void
print_figure (const char *name)
{
  g_autofree char *ms = bench_time_format_ms (bench_time_since_start_us ());

  g_print ("%s %s\n", name, ms);
  fflush (stdout);
}

static void
floor_finish (Floor *self,
              int    exit_status)
{
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);

  self->exit_status = exit_status;
  g_application_quit (self->app);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                Floor         *self)
{
  /* The page is ready when its load has finished and a frame has been painted since;
   * in the unlikely case the load finished before the first frame, that frame counts
   * for both. */
  if (!self->first_frame_seen)
    {
      self->first_frame_seen = TRUE;
      print_figure ("first_frame_ms");

      if (self->mode == FLOOR_MODE_BARE)
        {
          floor_finish (self, 0);
          return;
        }
    }

  if (self->page_ready_armed)
    {
      print_figure ("page_ready_ms");
      floor_finish (self, 0);
    }
}

static void
window_map_cb (GtkWidget *window,
               Floor     *self)
{
  if (self->frame_clock != NULL)
    return;

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (window));
  self->after_paint_id = g_signal_connect (self->frame_clock, "after-paint",
                                           G_CALLBACK (after_paint_cb), self);
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  load_event,
                 Floor           *self)
{
  if (load_event != WEBKIT_LOAD_FINISHED)
    return;

  /* Ask for a frame so that "the next frame" comes even if nothing else would
   * cause one. */
  self->page_ready_armed = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (web_view));
}

static gboolean
load_failed_cb (WebKitWebView   *web_view,
                WebKitLoadEvent  load_event,
                const char      *failing_uri,
                GError          *error,
                Floor           *self)
{
  g_printerr ("bench-floor: the page failed to load: %s\n", error->message);
  floor_finish (self, 1);

  return FALSE;
}

static void
activate_cb (GApplication *app,
             Floor        *self)
{
  GtkWidget *window;
  GtkWidget *box;

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (window), "Bench Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  if (self->mode == FLOOR_MODE_WEBKIT)
    {
      self->web_view = webkit_web_view_new ();
      gtk_widget_set_vexpand (self->web_view, TRUE);
      g_signal_connect (self->web_view, "load-changed",
                        G_CALLBACK (load_changed_cb), self);
      g_signal_connect (self->web_view, "load-failed",
                        G_CALLBACK (load_failed_cb), self);
      gtk_box_append (GTK_BOX (box), self->web_view);

      /* Start the load before the window is shown, so the web process starts while
       * the window is mapped: the best an app can do. */
      webkit_web_view_load_html (WEBKIT_WEB_VIEW (self->web_view), floor_page, NULL);
    }

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  g_signal_connect (window, "map", G_CALLBACK (window_map_cb), self);

  gtk_window_present (GTK_WINDOW (window));
}

static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *options,
                         Floor        *self)
{
  const char *mode = "bare";

  g_variant_dict_lookup (options, "mode", "&s", &mode);

  if (g_strcmp0 (mode, "bare") == 0)
    self->mode = FLOOR_MODE_BARE;
  else if (g_strcmp0 (mode, "webkit") == 0)
    self->mode = FLOOR_MODE_WEBKIT;
  else
    {
      g_printerr ("bench-floor: unknown mode “%s” (expected bare or webkit)\n", mode);
      return 2;
    }

  return -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  Floor self = { 0, };
  int status;

  app = adw_application_new (FLOOR_APP_ID, G_APPLICATION_NON_UNIQUE);
  self.app = G_APPLICATION (app);

  g_application_add_main_option (G_APPLICATION (app), "mode", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_STRING,
                                 "What to start: bare (a header bar) or webkit "
                                 "(a header bar and a web view)",
                                 "MODE");
  g_signal_connect (app, "handle-local-options",
                    G_CALLBACK (handle_local_options_cb), &self);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &self);

  status = g_application_run (G_APPLICATION (app), argc, argv);

  if (self.frame_clock != NULL)
    g_clear_signal_handler (&self.after_paint_id, self.frame_clock);
  g_clear_object (&self.frame_clock);

  return status != 0 ? status : self.exit_status;
}

/* bench-pdf.c — exporting a typical progress to PDF
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a typical progress on the built-in pack: a profile, about a third
 * of the built-in items done (each with its done_at, every other one with
 * evidence), a few of them marked by the mentor, one completed
 * self-assessment rating every competency, and 3 shared notes. Then, in
 * each round, does what the export dialog does for a PDF: builds the
 * export (cmio_export_build(), with the shared notes and the assessment)
 * and writes it with cmio_export_file_async (CMIO_EXPORT_PDF) to a file in
 * a temporary folder, running the main loop until the callback. Prints the
 * median:
 *
 *   export_pdf_ms   from before the build to the callback
 *
 * and fails unless every round's file starts with "%PDF". One warm-up
 * round first, not counted; its time (the cold start of WebKit's helper
 * processes and of GTK's print backend) is printed on stderr with every
 * round's. Needs a display. Usage: bench-pdf [ROUNDS] (default 9).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdlib.h>
#include <string.h>

#include "bench-stats.h"
#include "cmio-export-file.h"

#define N_NOTES 3
/* Between two rounds, so that each export starts alone, as the user's
 * would: the export drops its web view and print operation 1 s after
 * finishing. */
#define ROUND_PAUSE_MS 1500
/* A round not finished by then is a failure. */
#define ROUND_TIMEOUT_S 30

static const char *note_texts[N_NOTES] = {
  "## First month\n\n"
  "- Met the *CIO* about decision rights for order sets.\n"
  "- The **alert fatigue** review is on the governance committee's agenda.\n"
  "- Ask about the `HL7` interface backlog.\n\n"
  "Physician champions: two from medicine, one from surgery. "
  "The nursing workflow for the go-live still needs an owner.\n",

  "## Upgrade plan\n\n"
  "1. Downtime procedures rehearsed with each unit.\n"
  "2. Training: 40 minutes for physicians, an hour for nursing.\n"
  "3. The [policy](https://example.org/policy) for order set changes signed off.\n\n"
  "> Keep the quality measures in sight: they are what the board asks about.\n",

  "## Questions for the mentor\n\n"
  "- How do you say no to a department chair's request?\n"
  "- Which committees are worth my time in the first 90 days?\n"
  "- How much of the budget conversation should be mine?\n",
};

typedef struct
{
  GMainLoop *loop;
  GError *error;
  gboolean done;
  gint64 finished;
} Round;

static CmioProgress *
build_progress (CmioContentPack *pack)
{
  GListModel *chapters = cmio_content_pack_get_chapters (pack);
  GListModel *items = cmio_content_pack_get_items (pack);
  GListModel *competencies = cmio_content_pack_get_competencies (pack);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  GString *json = g_string_new ("{\"format\": \"cmio-handbook-progress\", \"version\": 1,"
                                " \"profile\": {\"name\": \"Dr. Bench Mark\","
                                " \"role\": \"CMIO\", \"organization\": \"Bench Hospital\","
                                " \"mentor\": \"Dr. Mentor\", \"start_date\": \"2026-11-02\"},"
                                " \"items\": {");
  guint n_items = g_list_model_get_n_items (items);
  guint n_done = 0;
  guint n_marked = 0;
  CmioProgress *progress;

  /* Every third item done, on a day of its own; every other one of those
   * with evidence; every eighth with the mentor's mark. */
  for (guint i = 0; i < n_items; i += 3)
    {
      g_autoptr(CmioChecklistItem) item = g_list_model_get_item (items, i);

      g_string_append_printf (json, "%s\"%s\": {\"done\": true, \"done_at\": \"2026-%s-%02uT10:00:00Z\"",
                              n_done ? "," : "", cmio_checklist_item_get_id (item),
                              n_done < 28 ? "11" : "12", 1 + n_done % 28);
      if (n_done % 2 == 0)
        g_string_append (json, ", \"evidence\": \"Discussed with the CIO on the ward round; "
                               "minutes filed in the governance folder <here> & shared with the team.\"");
      if (n_done % 8 == 0)
        {
          g_string_append_printf (json, ", \"mentor\": {\"status\": \"%s\", \"comment\": \"%s\","
                                        " \"by\": \"Dr. Mentor\", \"at\": \"2026-12-02T10:00:00Z\"}",
                                  n_marked % 3 == 2 ? "discuss" : "approved",
                                  n_marked % 3 == 2 ? "Let us talk this through." : "Good.");
          n_marked++;
        }
      g_string_append_c (json, '}');
      n_done++;
    }

  g_string_append (json, "}, \"notes\": [");
  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autofree char *text = g_strescape (note_texts[i], NULL);
      g_autofree char *chapter = NULL;

      /* One note of its own, the others on the first chapters. */
      if (i > 0)
        {
          g_autoptr(CmioChapter) on = g_list_model_get_item (chapters, i - 1);

          chapter = g_strdup_printf ("\"%s\"", cmio_chapter_get_id (on));
        }
      g_string_append_printf (json, "%s{\"id\": \"note-%u\", \"chapter\": %s, \"title\": \"Note %u\","
                              " \"text\": \"%s\", \"shared\": true, \"updated_at\": \"2026-12-01T09:00:00Z\"}",
                              i ? "," : "", i, chapter != NULL ? chapter : "null", i + 1, text);
    }

  g_string_append (json, "], \"assessments\": [{\"id\": \"bench\", \"started_at\": \"2026-12-01T09:00:00Z\","
                         " \"completed_at\": \"2026-12-01T09:30:00Z\", \"ratings\": {");
  for (guint c = 0; c < g_list_model_get_n_items (competencies); c++)
    {
      g_autoptr(CmioCompetency) competency = g_list_model_get_item (competencies, c);

      g_string_append_printf (json, "%s\"%s\": {\"level\": %u, \"comment\": \"Some practice; more to do.\"}",
                              c ? "," : "", cmio_competency_get_id (competency), 1 + c % 5);
    }
  g_string_append (json, "}}]}");

  if (!json_parser_load_from_data (parser, json->str, json->len, &error))
    g_error ("%s", error->message);
  g_string_free (json, TRUE);
  progress = cmio_progress_new_from_json (json_parser_get_root (parser), &error);
  if (progress == NULL)
    g_error ("%s", error->message);
  cmio_progress_set_content_pack (progress, pack);

  g_printerr ("bench-pdf: %u built-in items, %u done, %u marked by the mentor, %u competencies, %u notes\n",
              n_items, n_done, n_marked, g_list_model_get_n_items (competencies), N_NOTES);
  return progress;
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  Round *round = data;

  round->finished = g_get_monotonic_time ();
  round->done = TRUE;
  cmio_export_file_finish (result, &round->error);
  g_main_loop_quit (round->loop);
}

static gboolean
round_timeout_cb (gpointer data)
{
  g_printerr ("bench-pdf: a round did not finish in %d s\n", ROUND_TIMEOUT_S);
  exit (EXIT_FAILURE);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, so that what the last round left behind
 * (its web view, its print operation) is dropped. */
static void
pause_ms (GMainLoop *loop,
          guint      ms)
{
  g_timeout_add (ms, quit_cb, loop);
  g_main_loop_run (loop);
}

static void
check_pdf (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("bench-pdf: %s\n", error->message);
      exit (EXIT_FAILURE);
    }
  if (length < 4 || memcmp (data, "%PDF", 4) != 0)
    {
      g_printerr ("bench-pdf: %s is not a PDF (%" G_GSIZE_FORMAT " bytes)\n", path, length);
      exit (EXIT_FAILURE);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? MAX (1, atoi (argv[1])) : 9;
  g_autoptr(CmioContentPack) pack = NULL;
  g_autoptr(CmioProgress) progress = NULL;
  g_autoptr(CmioPlan) plan = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  CmioExportOptions options = { .notes = CMIO_EXPORT_NOTES_SHARED, .include_assessment = TRUE };
  GStatBuf info;

  /* GTK's print operation adds the file to the recently used ones, as it
   * does for the app, which has a name. */
  g_set_prgname ("bench-pdf");
  g_set_application_name ("CMIO Handbook benchmark");
  gtk_init ();
  if (gdk_display_get_default () == NULL)
    {
      g_printerr ("bench-pdf: no display\n");
      return EXIT_FAILURE;
    }

  pack = cmio_content_pack_load_builtin (NULL);
  if (pack == NULL)
    g_error ("The built-in pack does not load");
  progress = build_progress (pack);
  plan = cmio_plan_new (pack, progress);

  folder = g_dir_make_tmp ("cmio-bench-pdf-XXXXXX", NULL);
  if (folder == NULL)
    g_error ("Cannot make a folder for the export");
  path = g_build_filename (folder, "report.pdf", NULL);
  file = g_file_new_for_path (path);

  /* Round 0 is the warm-up: WebKit's network process and GTK's print
   * backends start there. */
  for (guint index = 0; index <= rounds; index++)
    {
      g_autoptr(JsonNode) export = NULL;
      Round round = { .loop = loop };
      guint timeout;
      gint64 start;
      gint64 built;
      double ms;

      g_unlink (path);
      timeout = g_timeout_add_seconds (ROUND_TIMEOUT_S, round_timeout_cb, NULL);

      start = g_get_monotonic_time ();
      export = cmio_export_build (pack, progress, plan, &options);
      built = g_get_monotonic_time ();
      cmio_export_file_async (export, CMIO_EXPORT_PDF, file, NULL, written_cb, &round);
      if (!round.done)
        g_main_loop_run (loop);
      ms = (round.finished - start) / 1000.0;

      g_source_remove (timeout);
      if (round.error != NULL)
        {
          g_printerr ("bench-pdf: round %u: %s\n", index, round.error->message);
          return EXIT_FAILURE;
        }
      check_pdf (path);
      g_printerr ("bench-pdf: round %u%s: %.1f ms (%.1f ms of it building the export)\n",
                  index, index == 0 ? " (warm-up, cold)" : "", ms, (built - start) / 1000.0);
      if (index > 0)
        g_array_append_val (times, ms);

      pause_ms (loop, ROUND_PAUSE_MS);
    }

  if (g_stat (path, &info) == 0)
    g_printerr ("bench-pdf: %s, %ld bytes\n", path, (long) info.st_size);
  bench_print_ms ("export_pdf_ms", bench_median (times));

  g_unlink (path);
  g_rmdir (folder);
  return EXIT_SUCCESS;
}

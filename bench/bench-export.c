/* bench-export.c — exporting a big progress for the mentor
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a progress on the built-in pack with 10,000 custom items spread
 * over its chapters (as bench-plan.c makes them), each with an item state:
 * half of them done, a quarter with evidence, one in ten marked by the
 * mentor; a completed self-assessment and 20 shared notes. Then times, in
 * each round and for each format, what the app does for an export: build
 * the export (cmio_export_build(), with the shared notes and the
 * assessment) and write it to a file in a temporary folder
 * (cmio_export_write()). One warm-up round first. Prints medians:
 *
 *   export_html_ms, export_md_ms, export_json_ms
 *
 * A second argument names a folder where the three files are kept.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-stats.h"
#include "cmio-export.h"

#define N_ITEMS 10000
#define N_NOTES 20

static CmioProgress *
build_progress (CmioContentPack *pack)
{
  GListModel *chapters = cmio_content_pack_get_chapters (pack);
  GListModel *competencies = cmio_content_pack_get_competencies (pack);
  guint n_chapters = g_list_model_get_n_items (chapters);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"cmio-handbook-progress\", \"version\": 1,"
                                          " \"profile\": {\"name\": \"Dr. Bench Mark\","
                                          " \"role\": \"CMIO\", \"organization\": \"Bench Hospital\","
                                          " \"mentor\": \"Dr. Mentor\", \"start_date\": \"2026-11-02\"},"
                                          " \"items\": {");
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) chapter_ids = g_new0 (char *, n_chapters + 1);
  CmioProgress *progress;

  for (guint c = 0; c < n_chapters; c++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, c);

      chapter_ids[c] = g_strdup (cmio_chapter_get_id (chapter));
    }

  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_string_append_printf (json, "%s\"custom-bench-%05u\": {\"done\": %s", i ? "," : "", i,
                              i % 2 ? "true" : "false");
      if (i % 2)
        g_string_append (json, ", \"done_at\": \"2026-12-01T10:00:00Z\"");
      if (i % 4 == 0)
        g_string_append (json, ", \"evidence\": \"Discussed with the CIO; minutes filed <here> & there.\"");
      if (i % 10 == 0)
        g_string_append (json, ", \"mentor\": {\"status\": \"approved\", \"comment\": \"Good.\","
                               " \"by\": \"Dr. Mentor\", \"at\": \"2026-12-02T10:00:00Z\"}");
      g_string_append_c (json, '}');
    }
  g_string_append (json, "}, \"custom_items\": [");
  for (guint i = 0; i < N_ITEMS; i++)
    g_string_append_printf (json, "%s{\"id\": \"custom-bench-%05u\", \"chapter\": \"%s\", "
                            "\"text\": \"Generated item %u for the benchmark\", \"target_day\": %u, "
                            "\"owner\": \"cmio\", \"required\": %s}",
                            i ? "," : "", i, chapter_ids[i % n_chapters], i, i % 91,
                            i % 3 ? "false" : "true");
  g_string_append (json, "], \"notes\": [");
  for (guint i = 0; i < N_NOTES; i++)
    g_string_append_printf (json, "%s{\"id\": \"note-%u\", \"chapter\": null, \"title\": \"Note %u\","
                            " \"text\": \"- Ask the *CIO* about decision rights.\\n- And the upgrade.\","
                            " \"shared\": true}", i ? "," : "", i, i);
  g_string_append (json, "], \"assessments\": [{\"id\": \"bench\", \"started_at\": \"2026-12-01T09:00:00Z\","
                         " \"completed_at\": \"2026-12-01T09:30:00Z\", \"ratings\": {");
  for (guint c = 0; c < g_list_model_get_n_items (competencies); c++)
    {
      g_autoptr(CmioCompetency) competency = g_list_model_get_item (competencies, c);

      g_string_append_printf (json, "%s\"%s\": {\"level\": %u, \"comment\": \"Some practice.\"}",
                              c ? "," : "", cmio_competency_get_id (competency), 1 + c % 5);
    }
  g_string_append (json, "}}]}");

  if (!json_parser_load_from_data (parser, json->str, json->len, &error))
    g_error ("%s", error->message);
  progress = cmio_progress_new_from_json (json_parser_get_root (parser), &error);
  if (progress == NULL)
    g_error ("%s", error->message);
  cmio_progress_set_content_pack (progress, pack);
  return progress;
}

static const struct
{
  const char *figure;
  const char *file;
  CmioExportKind kind;
} formats[] = {
  { "export_html_ms", "export.html", CMIO_EXPORT_HTML },
  { "export_md_ms", "export.md", CMIO_EXPORT_MARKDOWN },
  { "export_json_ms", "export.cmioexport", CMIO_EXPORT_JSON },
};

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 9;
  const char *keep = argc > 2 ? argv[2] : NULL;
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load_builtin (NULL);
  g_autoptr(CmioProgress) progress = NULL;
  g_autoptr(CmioPlan) plan = NULL;
  g_autofree char *folder = NULL;
  GArray *times[G_N_ELEMENTS (formats)];
  CmioExportOptions options = { .notes = CMIO_EXPORT_NOTES_SHARED, .include_assessment = TRUE };

  if (pack == NULL)
    g_error ("The built-in pack does not load");

  progress = build_progress (pack);
  plan = cmio_plan_new (pack, progress);
  folder = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("cmio-bench-export-XXXXXX", NULL);
  if (folder == NULL || g_mkdir_with_parents (folder, 0700) != 0)
    g_error ("Cannot make a folder for the exports");

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    times[f] = g_array_new (FALSE, FALSE, sizeof (double));

  /* Round 0 warms the caches and the allocator. */
  for (guint round = 0; round <= rounds; round++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autofree char *path = g_build_filename (folder, formats[f].file, NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(JsonNode) export = NULL;
        g_autoptr(GError) error = NULL;
        gint64 start = g_get_monotonic_time ();
        double ms;

        export = cmio_export_build (pack, progress, plan, &options);
        if (!cmio_export_write (export, formats[f].kind, file, &error))
          g_error ("Cannot write %s: %s", path, error->message);
        ms = (g_get_monotonic_time () - start) / 1000.0;

        if (round > 0)
          g_array_append_val (times[f], ms);
      }

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *path = g_build_filename (folder, formats[f].file, NULL);
      GStatBuf info;

      if (g_stat (path, &info) == 0)
        fprintf (stderr, "bench-export: %s, %ld bytes\n", path, (long) info.st_size);
      bench_print_ms (formats[f].figure, bench_median (times[f]));
      if (keep == NULL)
        g_unlink (path);
      g_array_unref (times[f]);
    }
  if (keep == NULL)
    g_rmdir (folder);

  return EXIT_SUCCESS;
}

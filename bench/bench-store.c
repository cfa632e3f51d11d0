/* bench-store.c — loading and saving a big progress file
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a progress with 10,000 checklist item states, 1,000 notes holding
 * 1 MB of text in all and 50 assessments, then times, alternately in each
 * round: the store's load against json-glib's bare parse of the same bytes,
 * and the store's save (snapshot, generate, write, rename; no flushes to the
 * disk) against json-glib's bare generate of the same tree. Prints medians:
 *
 *   store_load_ms, store_save_ms, store_parse_ms, store_generate_ms,
 *   store_load_ratio (load ÷ bare parse), store_save_ratio (save ÷ bare generate)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-stats.h"
#include "cmio-store.h"

#define N_ITEMS 10000
#define N_NOTES 1000
#define NOTE_BYTES 1024
#define N_ASSESSMENTS 50
#define N_COMPETENCIES 15

static CmioProgress *
build_progress (void)
{
  CmioProgress *progress = cmio_progress_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  cmio_progress_set_profile (progress, "name", "Dr. Bench Mark", &error);
  cmio_progress_set_profile (progress, "start_date", "2026-11-02", &error);

  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%05u", i);

      cmio_progress_set_item_done (progress, id, i % 3 != 0, &error);
      if (i % 4 == 0)
        cmio_progress_set_item_evidence (progress, id, "Discussed with the CIO; minutes filed.", &error);
    }

  /* 1 KB of Markdown per note, 1 MB in all. */
  while (text->len < NOTE_BYTES)
    g_string_append (text, "- Ask the *CIO* about \"decision rights\" and the upgrade date.\n");
  g_string_truncate (text, NOTE_BYTES);

  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autofree char *title = g_strdup_printf ("Note %u", i);
      g_autofree char *id = cmio_progress_add_note (progress, i % 2 ? "cmio-vs-cio" : NULL, title,
                                                    text->str, &error);

      g_assert (id != NULL);
    }

  for (guint i = 0; i < N_ASSESSMENTS; i++)
    {
      g_autofree char *done = NULL;

      cmio_progress_start_draft (progress, &error);
      for (guint c = 0; c < N_COMPETENCIES; c++)
        {
          g_autofree char *competency = g_strdup_printf ("competency-%u", c);

          cmio_progress_set_draft_rating (progress, competency, (int) ((i + c) % 6),
                                          c % 4 ? NULL : "Need more practice", &error);
        }
      done = cmio_progress_finish_draft (progress, &error);
      g_assert (done != NULL);
    }

  g_assert_no_error (error);
  return progress;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) atoi (argv[1]) : 9;
  g_autoptr(CmioProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("cmio-bench-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "progress.json", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *bytes = NULL;
  gsize length = 0;
  GArray *load = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *parse = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *save = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *generate = g_array_new (FALSE, FALSE, sizeof (double));

  progress = build_progress ();
  {
    g_autoptr(JsonNode) root = cmio_progress_to_json (progress);

    if (!cmio_store_write_file (file, root, FALSE, NULL, NULL, &error))
      g_error ("Cannot write %s: %s", path, error->message);
  }
  /* A second argument keeps a copy of the file there, for profiling. */
  if (argc > 2)
    {
      g_autoptr(GFile) copy = g_file_new_for_commandline_arg (argv[2]);

      g_file_copy (file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
  if (!g_file_get_contents (path, &bytes, &length, &error))
    g_error ("Cannot read %s: %s", path, error->message);
  fprintf (stderr, "bench-store: %s, %" G_GSIZE_FORMAT " bytes\n", path, length);

  for (guint round = 0; round <= rounds; round++)
    {
      g_autoptr(CmioProgress) loaded = NULL;
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *generated = NULL;
      double t_load;
      double t_parse;
      double t_save;
      double t_generate;
      gint64 start;

      start = g_get_monotonic_time ();
      loaded = cmio_store_read_file (file, &error);
      t_load = elapsed_ms (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      json_parser_load_from_data (parser, bytes, length, &error);
      t_parse = elapsed_ms (start);
      g_assert_no_error (error);

      /* The save as the app does it: snapshot on the caller's thread, then
       * generate and write. */
      start = g_get_monotonic_time ();
      root = cmio_progress_to_json (progress);
      cmio_store_write_file (file, root, FALSE, NULL, NULL, &error);
      t_save = elapsed_ms (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 1);
      json_generator_set_root (generator, root);
      generated = json_generator_to_data (generator, NULL);
      t_generate = elapsed_ms (start);

      /* Round 0 warms the caches and the allocator. */
      if (round == 0)
        continue;
      g_array_append_val (load, t_load);
      g_array_append_val (parse, t_parse);
      g_array_append_val (save, t_save);
      g_array_append_val (generate, t_generate);
    }

  {
    double m_load = bench_median (load);
    double m_parse = bench_median (parse);
    double m_save = bench_median (save);
    double m_generate = bench_median (generate);

    bench_print_ms ("store_load_ms", m_load);
    bench_print_ms ("store_save_ms", m_save);
    bench_print_ms ("store_parse_ms", m_parse);
    bench_print_ms ("store_generate_ms", m_generate);
    bench_print_value ("store_load_ratio", m_load / m_parse, NULL);
    bench_print_value ("store_save_ratio", m_save / m_generate, NULL);
  }

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (folder);
  g_array_unref (load);
  g_array_unref (parse);
  g_array_unref (save);
  g_array_unref (generate);
  return EXIT_SUCCESS;
}

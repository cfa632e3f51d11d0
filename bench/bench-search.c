/* bench-search.c — the global search over the built-in pack and many notes
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Indexes the built-in pack and a progress with 1,000 notes of about 1 KB of
 * varied Markdown each (1 MB in all), then times, in each round, a set of
 * realistic queries without a cap on the results: one common word, two
 * words, a rare word, a word that matches nothing and an accented word.
 * Prints medians:
 *
 *   search_ms        one global search (over every query of every round)
 *   search_first_ms  the first search, which indexes everything
 *   search_edit_ms   a search right after a note was changed
 *
 * and each query's median and number of results on stderr.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-stats.h"
#include "cmio-search-index.h"

#define N_NOTES 1000
#define NOTE_BYTES 1024

static const char * const words[] = {
  "the", "clinical", "workflow", "order", "set", "alert", "fatigue", "physician", "nurse",
  "governance", "committee", "budget", "vendor", "upgrade", "downtime", "training", "EHR",
  "documentation", "burden", "pharmacy", "safety", "event", "report", "meeting", "with", "and",
  "about", "decision", "rights", "analytics", "quality", "measure", "sepsis", "screening",
  "medication", "reconciliation", "inbox", "after-hours", "portal", "message", "schedule",
  "résumé", "café", "naïve", "rôle", "déjà", "Zürich", "São", "Paulo", "—", "–", "follow-up",
  "CMO", "CNIO", "CIO", "informatics", "optimization", "template", "build", "request",
};

static const char * const topics[] = {
  "Alert review", "Order set clean-up", "Meeting with the CIO", "Inbox burden",
  "Sepsis screening", "Training plan", "Vendor call", "Downtime drill", "Governance",
  "Mentor session",
};

static const char * const chapters[] = {
  "what-is-a-cmio", "cmio-vs-cio", "what-does-a-cmio-do", "beyond-the-bridge",
  "daily-schedule", "hard-skills", "soft-skills", "certification", "first-90-days",
};

static void
append_sentence (GString *text,
                 GRand   *rand,
                 guint    note)
{
  guint n = g_rand_int_range (rand, 6, 16);

  for (guint i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      int style = g_rand_int_range (rand, 0, 20);

      if (i > 0)
        g_string_append_c (text, ' ');
      if (i == 0)
        {
          g_string_append_unichar (text, g_unichar_toupper (g_utf8_get_char (word)));
          g_string_append (text, g_utf8_next_char (word));
        }
      else if (style == 0)
        g_string_append_printf (text, "*%s*", word);
      else if (style == 1)
        g_string_append_printf (text, "**%s**", word);
      else if (style == 2)
        g_string_append_printf (text, "`%s`", word);
      else if (style == 3)
        g_string_append_printf (text, "[%s](https://example.org/%u)", word, note);
      else
        g_string_append (text, word);
    }

  /* A rare word, in one note of a hundred */
  if (note % 100 == 7 && g_rand_int_range (rand, 0, 4) == 0)
    g_string_append (text, " zygomatic");

  g_string_append (text, ". ");
}

static char *
make_note (GRand *rand,
           guint  note)
{
  GString *text = g_string_new (NULL);

  while (text->len < NOTE_BYTES)
    {
      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          g_string_append_printf (text, "## %s\n\n",
                                  topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))]);
          break;

        case 1:
        case 2:
          g_string_append (text, "- ");
          append_sentence (text, rand, note);
          g_string_append (text, "\n- [ ] ");
          append_sentence (text, rand, note);
          g_string_append (text, "\n\n");
          break;

        default:
          append_sentence (text, rand, note);
          append_sentence (text, rand, note);
          g_string_append (text, "\n\n");
          break;
        }
    }

  return g_string_free (text, FALSE);
}

static CmioProgress *
build_progress (CmioContentPack *pack)
{
  CmioProgress *progress = cmio_progress_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GError) error = NULL;

  cmio_progress_set_content_pack (progress, pack);

  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autofree char *text = make_note (rand, i);
      g_autofree char *title = i % 5 == 4 ? NULL :
                               g_strdup_printf ("%s %u", topics[i % G_N_ELEMENTS (topics)], i);
      const char *chapter = i % 2 ? chapters[i % G_N_ELEMENTS (chapters)] : NULL;
      g_autofree char *id = cmio_progress_add_note (progress, chapter, title, text, &error);

      g_assert_no_error (error);
      g_assert_nonnull (id);
    }

  return progress;
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
timed_query (CmioSearchIndex *index,
             const char      *query,
             guint           *n_results)
{
  g_autoptr(GListModel) results = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  results = cmio_search_index_query (index, query, 0);
  ms = elapsed_ms (start);
  *n_results = g_list_model_get_n_items (results);

  return ms;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const queries[] = {
    "cio",                  /* one word, in the pack and most notes */
    "decision rights",      /* two words */
    "zygomatic",            /* rare: a few notes */
    "xylophone",            /* nothing */
    "résumé",               /* accented, in many notes */
  };
  guint rounds = argc > 1 ? (guint) MAX (atoi (argv[1]), 1) : 9;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load_builtin (&problems);
  g_autoptr(CmioProgress) progress = NULL;
  g_autoptr(CmioSearchIndex) index = cmio_search_index_new ();
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *per_query[G_N_ELEMENTS (queries)];
  guint n_results[G_N_ELEMENTS (queries)] = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (90);
  double first;
  guint n;

  if (pack == NULL)
    g_error ("Cannot load the built-in content pack");
  progress = build_progress (pack);

  cmio_search_index_set_content_pack (index, pack);
  cmio_search_index_set_progress (index, progress);
  first = timed_query (index, "cio", &n);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    per_query[q] = g_array_new (FALSE, FALSE, sizeof (double));

  /* Round 0 warms the caches and the allocator. */
  for (guint round = 0; round <= rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = make_note (rand, round);
      const char *note_id = cmio_progress_get_note_id (progress, round % N_NOTES);
      double ms;

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          ms = timed_query (index, queries[q], &n_results[q]);
          if (round == 0)
            continue;
          g_array_append_val (all, ms);
          g_array_append_val (per_query[q], ms);
        }

      /* A note changed since the last search: re-indexed by the next one. */
      if (!cmio_progress_set_note_text (progress, note_id, text, &error))
        g_error ("Cannot change a note: %s", error->message);
      ms = timed_query (index, "cio", &n);
      if (round > 0)
        g_array_append_val (edits, ms);
    }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      fprintf (stderr, "bench-search: “%s”: %s ms, %u results\n", queries[q],
               g_ascii_formatd (buffer, sizeof buffer, "%.2f", bench_median (per_query[q])),
               n_results[q]);
      g_array_unref (per_query[q]);
    }

  bench_print_ms ("search_ms", bench_median (all));
  bench_print_ms ("search_first_ms", first);
  bench_print_ms ("search_edit_ms", bench_median (edits));

  return EXIT_SUCCESS;
}

/* test-plan-dates.c — the 90-day plan: dates, the day of the plan, the overview figures
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "cmio-plan.h"
#include "cmio-test-core.h"

/* The small pack, and the progress of cmio_test_prepared_progress(), are
 * described in cmio-test-core.c. */

/* Helpers */

static char *
date_to_string (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
ids_to_string (GPtrArray *items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, cmio_plan_item_get_id (g_ptr_array_index (items, i)));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Dates */

static void
test_plan_dates (void)
{
  static const struct {
    const char *start;
    int target_day;
    const char *expected;
    const char *label;
  } cases[] = {
    { "2026-01-31", 30, "2026-03-02", "day 30 · Mar 2" },
    { "2028-02-28", 1, "2028-02-29", "day 1 · Feb 29" },
    { "2028-02-28", 2, "2028-03-01", "day 2 · Mar 1" },
    { "2027-02-28", 1, "2027-03-01", "day 1 · Mar 1" },
    { "2026-10-24", 1, "2026-10-25", "day 1 · Oct 25" },
    { "2026-10-25", 1, "2026-10-26", "day 1 · Oct 26" },
    { "2026-03-28", 1, "2026-03-29", "day 1 · Mar 29" },
    { "2026-03-29", 1, "2026-03-30", "day 1 · Mar 30" },
    { "2026-12-15", 30, "2027-01-14", "day 30 · Jan 14" },
    { "2026-11-02", 0, "2026-11-02", "day 0 · Nov 2" },
    { "2026-11-02", 90, "2027-01-31", "day 90 · Jan 31" },
  };
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));

  /* Berlin moves its clocks on 2026-03-29 and 2026-10-25: a day is then
   * 23 or 25 hours long, which adding seconds would get wrong. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  tzset ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CmioProgress) progress = cmio_test_progress_starting (cases[i].start);
      g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
      g_autoptr(GDate) start = NULL;
      g_autoptr(GDate) target = NULL;
      g_autofree char *start_text = NULL;
      g_autofree char *target_text = NULL;
      g_autofree char *label = NULL;

      /* Today is the target date: the label has no year. */
      cmio_test_set_today (plan, cases[i].expected);
      start = cmio_plan_dup_start_date (plan);
      start_text = date_to_string (start);
      g_assert_cmpstr (start_text, ==, cases[i].start);

      target = cmio_plan_dup_target_date (plan, cases[i].target_day);
      target_text = date_to_string (target);
      g_assert_cmpstr (target_text, ==, cases[i].expected);
      g_assert_cmpint (cmio_plan_get_day (plan), ==, cases[i].target_day);

      label = cmio_plan_format_target (plan, cases[i].target_day);
      g_assert_cmpstr (label, ==, cases[i].label);
    }

  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();
}

static void
test_plan_start_date (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_progress_starting (NULL);
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) fixed_start = NULL;
  g_autoptr(GDate) start_1001 = NULL;
  GDate today;
  GString *log = g_string_new (NULL);
  CmioPlanItem *row;

  /* No start date: the plan starts today, on the real local date. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  start = cmio_plan_dup_start_date (plan);
  g_assert_cmpint (g_date_compare (start, &today), ==, 0);
  g_assert_cmpint (cmio_plan_get_day (plan), ==, 0);

  /* A fixed today, without a start date, is day 0 as well. */
  cmio_test_set_today (plan, "2026-11-20");
  fixed_start = cmio_plan_dup_start_date (plan);
  g_assert_cmpint (g_date_get_day (fixed_start), ==, 20);
  g_assert_cmpint (cmio_plan_get_day (plan), ==, 0);
  row = cmio_test_find_row (plan, "do-two");
  g_assert_cmpstr (cmio_plan_item_get_target_label (row), ==, "day 30 · Dec 20");
  g_assert_false (cmio_plan_item_get_overdue (row));

  /* A start date moves every target, and makes items late. */
  g_signal_connect (row, "notify", G_CALLBACK (cmio_test_notify_cb), log);
  g_assert_true (cmio_progress_set_profile (progress, "start_date", "2026-10-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cmio_plan_get_day (plan), ==, 50);
  g_assert_true (cmio_test_find_row (plan, "do-two") == row);
  g_assert_cmpstr (cmio_plan_item_get_target_label (row), ==, "day 30 · Oct 31");
  g_assert_true (cmio_plan_item_get_overdue (row));
  cmio_test_assert_notified (log, "overdue target-label");
  g_signal_handlers_disconnect_by_data (row, log);
  g_string_free (log, TRUE);

  /* NULL goes back to the real today. */
  cmio_plan_set_today (plan, NULL);
  start_1001 = cmio_test_date_new ("2026-10-01");
  g_assert_cmpint (cmio_plan_get_day (plan), ==, g_date_days_between (start_1001, &today));
}

static void
test_plan_format_target (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_progress_starting ("2026-11-02");
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  static const struct {
    const char *today;
    int target_day;
    const char *expected;
  } cases[] = {
    { "2026-11-02", 0, "day 0 · Nov 2" },
    { "2026-11-02", 30, "day 30 · Dec 2" },
    { "2026-11-02", 59, "day 59 · Dec 31" },
    { "2026-11-02", 60, "day 60 · Jan 1, 2027" },
    { "2026-11-02", 90, "day 90 · Jan 31, 2027" },
    { "2027-01-10", 30, "day 30 · Dec 2, 2026" },
    { "2027-01-10", 90, "day 90 · Jan 31" },
    { "2026-10-01", 0, "day 0 · Nov 2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = NULL;

      cmio_test_set_today (plan, cases[i].today);
      label = cmio_plan_format_target (plan, cases[i].target_day);
      g_assert_cmpstr (label, ==, cases[i].expected);
    }

  /* The rows' labels follow today's year. */
  cmio_test_set_today (plan, "2026-11-02");
  g_assert_cmpstr (cmio_plan_item_get_target_label (cmio_test_find_row (plan, "do-three")), ==,
                   "day 60 · Jan 1, 2027");
  cmio_test_set_today (plan, "2027-01-10");
  g_assert_cmpstr (cmio_plan_item_get_target_label (cmio_test_find_row (plan, "do-three")), ==,
                   "day 60 · Jan 1");
}

static void
test_plan_describe_day (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_progress_starting ("2026-11-02");
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  static const struct {
    const char *today;
    int day;
    const char *expected;
  } cases[] = {
    { "2026-10-30", -3, "Starts in 3 days" },
    { "2026-10-31", -2, "Starts in 2 days" },
    { "2026-11-01", -1, "Starts tomorrow" },
    { "2026-11-02", 0, "Day 0 of 90" },
    { "2026-12-17", 45, "Day 45 of 90" },
    { "2027-01-31", 90, "Day 90 of 90" },
    { "2027-02-01", 91, "Plan complete" },
    { "2027-03-02", 120, "Plan complete" },
  };
  GString *log = g_string_new (NULL);

  g_signal_connect (plan, "notify::day", G_CALLBACK (cmio_test_notify_cb), log);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      int day;

      cmio_test_set_today (plan, cases[i].today);
      g_object_get (plan, "day", &day, NULL);
      g_assert_cmpint (day, ==, cases[i].day);
      g_assert_cmpint (cmio_plan_get_day (plan), ==, cases[i].day);
      text = cmio_plan_describe_day (plan);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* Notified once for each new day. */
  cmio_test_assert_notified (log, "day day day day day day day day");
  g_signal_handlers_disconnect_by_data (plan, log);
  g_string_free (log, TRUE);
}

/* Figures */

static void
test_plan_figures (void)
{
  static const struct {
    const char *today;
    CmioPlanFigures figures;
    const char *next_due;
  } cases[] = {
    /* read/total, required done/total, items done/total, overdue */
    { "2026-11-02", { 1, 2, 2, 3, 2, 6, 0 }, "custom-c|do-two|custom-a" },
    { "2026-12-17", { 1, 2, 2, 3, 2, 6, 2 }, "custom-c|do-two|custom-a" },
    { "2027-03-02", { 1, 2, 2, 3, 2, 6, 4 }, "custom-c|do-two|custom-a" },
  };
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_prepared_progress ();
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all_due = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) chapter = NULL;
  g_autofree char *all_due_text = NULL;
  g_autofree char *chapter_text = NULL;
  CmioPlanFigures figures;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) due = NULL;
      g_autofree char *due_text = NULL;

      cmio_test_set_today (plan, cases[i].today);
      cmio_plan_get_figures (plan, &figures);
      g_assert_cmpmem (&figures, sizeof figures, &cases[i].figures, sizeof cases[i].figures);

      due = cmio_plan_dup_next_due (plan, 3);
      due_text = ids_to_string (due);
      g_assert_cmpstr (due_text, ==, cases[i].next_due);
    }

  cmio_test_set_today (plan, "2026-12-17");
  all_due = cmio_plan_dup_next_due (plan, 100);
  all_due_text = ids_to_string (all_due);
  g_assert_cmpstr (all_due_text, ==, "custom-c|do-two|custom-a|custom-b");
  none = cmio_plan_dup_next_due (plan, 0);
  g_assert_cmpuint (none->len, ==, 0);

  /* The figures follow the progress. */
  cmio_test_set_done (progress, "custom-b", TRUE);
  g_assert_true (cmio_progress_set_chapter_read (progress, "second", TRUE, &error));
  g_assert_no_error (error);
  cmio_test_set_done (progress, "do-two", TRUE);
  cmio_plan_get_figures (plan, &figures);
  g_assert_cmpuint (figures.chapters_read, ==, 2);
  g_assert_cmpuint (figures.required_done, ==, 3);
  g_assert_cmpuint (figures.required_total, ==, 3);
  g_assert_cmpuint (figures.items_done, ==, 4);
  g_assert_cmpuint (figures.items_total, ==, 6);
  g_assert_cmpuint (figures.overdue, ==, 1);

  /* A chapter's items, whatever the filter */
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_OVERDUE);
  chapter = cmio_plan_dup_chapter_items (plan, "second");
  chapter_text = ids_to_string (chapter);
  g_assert_cmpstr (chapter_text, ==, "do-three|custom-b|custom-c");
  g_assert_true (g_ptr_array_index (chapter, 2) == cmio_test_find_row (plan, "custom-c"));
}

int
main (int   argc,
      char *argv[])
{
  cmio_test_use_c_locale ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/plan/dates", test_plan_dates);
  g_test_add_func ("/cmio/plan/start-date", test_plan_start_date);
  g_test_add_func ("/cmio/plan/format-target", test_plan_format_target);
  g_test_add_func ("/cmio/plan/describe-day", test_plan_describe_day);
  g_test_add_func ("/cmio/plan/figures", test_plan_figures);

  return g_test_run ();
}

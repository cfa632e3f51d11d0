/* test-plan.c — the 90-day plan: dates, groups, filters, counts, live rows
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmio-plan.h"
#include "cmio-test-core.h"

/* The small pack (tests/data/packs/valid):
 *   1. First Chapter:  do-one (1.1, day 5, required), do-two (1.2, day 30)
 *   2. Second Chapter: do-three (2.1, day 60, required)
 * and this progress, started on 2026-11-02: three custom items numbered
 * after their chapter's (custom-a 1.3 day 48; custom-b 2.2 day 75,
 * required; custom-c 2.3 day 20), do-one and do-three done, and the state
 * of an item the pack no longer has, done. On day 45 (2026-12-17), do-two
 * and custom-c are overdue and custom-a is due this week. */
static const char *prepared_json =
  "{ \"format\": \"cmio-handbook-progress\", \"version\": 1,"
  "  \"profile\": { \"name\": \"Ada\", \"start_date\": \"2026-11-02\" },"
  "  \"chapters\": { \"first\": { \"read\": true } },"
  "  \"items\": {"
  "    \"do-one\": { \"done\": true, \"done_at\": \"2026-11-05T09:00:00Z\" },"
  "    \"do-two\": { \"done\": false },"
  "    \"do-three\": { \"done\": true, \"done_at\": \"2026-12-01T09:00:00Z\" },"
  "    \"old-item\": { \"done\": true, \"done_at\": \"2026-11-03T09:00:00Z\" } },"
  "  \"custom_items\": ["
  "    { \"id\": \"custom-a\", \"chapter\": \"first\","
  "      \"text\": \"Meet the nursing informatics lead\","
  "      \"target_day\": 48, \"owner\": \"cmio\", \"required\": false },"
  "    { \"id\": \"custom-b\", \"chapter\": \"second\","
  "      \"text\": \"Present the plan to the board\","
  "      \"target_day\": 75, \"owner\": \"cmio\", \"required\": true },"
  "    { \"id\": \"custom-c\", \"chapter\": \"second\", \"text\": \"Shadow a night shift\","
  "      \"target_day\": 20, \"owner\": \"cmio\", \"required\": false } ] }";

/* Helpers */

static CmioProgress *
progress_starting (const char *start_date)
{
  CmioProgress *progress = cmio_progress_new ();
  g_autoptr(GError) error = NULL;

  if (start_date != NULL)
    {
      g_assert_true (cmio_progress_set_profile (progress, "start_date", start_date, &error));
      g_assert_no_error (error);
    }
  return progress;
}

static GDate *
date_new (const char *text)
{
  unsigned int year, month, day;

  g_assert_cmpint (sscanf (text, "%u-%u-%u", &year, &month, &day), ==, 3);
  return g_date_new_dmy (day, month, year);
}

static char *
date_to_string (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
set_today (CmioPlan   *plan,
           const char *today)
{
  g_autoptr(GDate) date = date_new (today);

  cmio_plan_set_today (plan, date);
}

static void
set_done (CmioProgress *progress,
          const char   *id,
          gboolean      done)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cmio_progress_set_item_done (progress, id, done, &error));
  g_assert_no_error (error);
}

/* The rows as one line: "# title done/total" for a header, the id of an
 * item, separated by "|". */
static char *
rows_to_string (GListModel *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmioPlanItem) row = g_list_model_get_item (rows, i);

      if (i > 0)
        g_string_append_c (out, '|');
      if (cmio_plan_item_get_kind (row) == CMIO_PLAN_ROW_HEADER)
        g_string_append_printf (out, "# %s %u/%u", cmio_plan_item_get_title (row),
                                cmio_plan_item_get_n_done (row), cmio_plan_item_get_n_total (row));
      else
        g_string_append (out, cmio_plan_item_get_id (row));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_rows (CmioPlan   *plan,
             const char *expected)
{
  g_autofree char *rows = rows_to_string (cmio_plan_get_rows (plan));

  g_assert_cmpstr (rows, ==, expected);
}

static CmioPlanItem *
find_row (CmioPlan   *plan,
          const char *id)
{
  GListModel *rows = cmio_plan_get_rows (plan);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(CmioPlanItem) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (cmio_plan_item_get_id (row), id) == 0)
        return row;
    }

  return NULL;
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

typedef struct
{
  GString *log;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  g_string_append_printf (changes->log, "%s%u-%u+%u", changes->log->len ? " " : "",
                          position, removed, added);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s%s", log->len ? " " : "", pspec->name);
}

/* The names notified, in alphabetical order: GObject sends those held
 * back by g_object_freeze_notify() in an order of its own. */
static void
assert_notified (GString    *log,
                 const char *expected)
{
  g_auto(GStrv) names = g_strsplit (log->str, " ", -1);
  g_autofree char *sorted = NULL;

  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  sorted = g_strjoinv (" ", names);
  g_assert_cmpstr (sorted, ==, expected);
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
      g_autoptr(CmioProgress) progress = progress_starting (cases[i].start);
      g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
      g_autoptr(GDate) start = NULL;
      g_autoptr(GDate) target = NULL;
      g_autofree char *start_text = NULL;
      g_autofree char *target_text = NULL;
      g_autofree char *label = NULL;

      /* Today is the target date: the label has no year. */
      set_today (plan, cases[i].expected);
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
  g_autoptr(CmioProgress) progress = progress_starting (NULL);
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
  set_today (plan, "2026-11-20");
  fixed_start = cmio_plan_dup_start_date (plan);
  g_assert_cmpint (g_date_get_day (fixed_start), ==, 20);
  g_assert_cmpint (cmio_plan_get_day (plan), ==, 0);
  row = find_row (plan, "do-two");
  g_assert_cmpstr (cmio_plan_item_get_target_label (row), ==, "day 30 · Dec 20");
  g_assert_false (cmio_plan_item_get_overdue (row));

  /* A start date moves every target, and makes items late. */
  g_signal_connect (row, "notify", G_CALLBACK (notify_cb), log);
  g_assert_true (cmio_progress_set_profile (progress, "start_date", "2026-10-01", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cmio_plan_get_day (plan), ==, 50);
  g_assert_true (find_row (plan, "do-two") == row);
  g_assert_cmpstr (cmio_plan_item_get_target_label (row), ==, "day 30 · Oct 31");
  g_assert_true (cmio_plan_item_get_overdue (row));
  assert_notified (log, "overdue target-label");
  g_signal_handlers_disconnect_by_data (row, log);
  g_string_free (log, TRUE);

  /* NULL goes back to the real today. */
  cmio_plan_set_today (plan, NULL);
  start_1001 = date_new ("2026-10-01");
  g_assert_cmpint (cmio_plan_get_day (plan), ==, g_date_days_between (start_1001, &today));
}

static void
test_plan_format_target (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = progress_starting ("2026-11-02");
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

      set_today (plan, cases[i].today);
      label = cmio_plan_format_target (plan, cases[i].target_day);
      g_assert_cmpstr (label, ==, cases[i].expected);
    }

  /* The rows' labels follow today's year. */
  set_today (plan, "2026-11-02");
  g_assert_cmpstr (cmio_plan_item_get_target_label (find_row (plan, "do-three")), ==,
                   "day 60 · Jan 1, 2027");
  set_today (plan, "2027-01-10");
  g_assert_cmpstr (cmio_plan_item_get_target_label (find_row (plan, "do-three")), ==,
                   "day 60 · Jan 1");
}

static void
test_plan_describe_day (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = progress_starting ("2026-11-02");
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

  g_signal_connect (plan, "notify::day", G_CALLBACK (notify_cb), log);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      int day;

      set_today (plan, cases[i].today);
      g_object_get (plan, "day", &day, NULL);
      g_assert_cmpint (day, ==, cases[i].day);
      g_assert_cmpint (cmio_plan_get_day (plan), ==, cases[i].day);
      text = cmio_plan_describe_day (plan);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* Notified once for each new day. */
  assert_notified (log, "day day day day day day day day");
  g_signal_handlers_disconnect_by_data (plan, log);
  g_string_free (log, TRUE);
}

/* Rows */

static const char *filter_names[] = {
  "all", "open", "done", "overdue", "due-this-week", "required",
};

static void
test_plan_filters (void)
{
  static const char *by_chapter[] = {
    [CMIO_PLAN_FILTER_ALL] =
      "# 1. First Chapter 1/3|do-one|do-two|custom-a|"
      "# 2. Second Chapter 1/3|do-three|custom-b|custom-c|"
      "# Archived 1/1|old-item",
    [CMIO_PLAN_FILTER_OPEN] =
      "# 1. First Chapter 0/2|do-two|custom-a|"
      "# 2. Second Chapter 0/2|custom-b|custom-c",
    [CMIO_PLAN_FILTER_DONE] =
      "# 1. First Chapter 1/1|do-one|"
      "# 2. Second Chapter 1/1|do-three|"
      "# Archived 1/1|old-item",
    [CMIO_PLAN_FILTER_OVERDUE] =
      "# 1. First Chapter 0/1|do-two|"
      "# 2. Second Chapter 0/1|custom-c",
    [CMIO_PLAN_FILTER_DUE_THIS_WEEK] =
      "# 1. First Chapter 0/1|custom-a",
    [CMIO_PLAN_FILTER_REQUIRED] =
      "# 1. First Chapter 1/1|do-one|"
      "# 2. Second Chapter 1/2|do-three|custom-b",
  };
  static const char *by_phase[] = {
    [CMIO_PLAN_FILTER_ALL] =
      "# Days 0–30: Discover 1/3|do-one|custom-c|do-two|"
      "# Days 31–60: Decide 1/2|custom-a|do-three|"
      "# Days 61–90: Deliver 0/1|custom-b|"
      "# Archived 1/1|old-item",
    [CMIO_PLAN_FILTER_OPEN] =
      "# Days 0–30: Discover 0/2|custom-c|do-two|"
      "# Days 31–60: Decide 0/1|custom-a|"
      "# Days 61–90: Deliver 0/1|custom-b",
    [CMIO_PLAN_FILTER_DONE] =
      "# Days 0–30: Discover 1/1|do-one|"
      "# Days 31–60: Decide 1/1|do-three|"
      "# Archived 1/1|old-item",
    [CMIO_PLAN_FILTER_OVERDUE] =
      "# Days 0–30: Discover 0/2|custom-c|do-two",
    [CMIO_PLAN_FILTER_DUE_THIS_WEEK] =
      "# Days 31–60: Decide 0/1|custom-a",
    [CMIO_PLAN_FILTER_REQUIRED] =
      "# Days 0–30: Discover 1/1|do-one|"
      "# Days 31–60: Decide 1/1|do-three|"
      "# Days 61–90: Deliver 0/1|custom-b",
  };
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (prepared_json);
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);

  set_today (plan, "2026-12-17");
  g_assert_cmpint (cmio_plan_get_day (plan), ==, 45);

  for (CmioPlanFilter filter = CMIO_PLAN_FILTER_ALL; filter <= CMIO_PLAN_FILTER_REQUIRED; filter++)
    {
      g_test_message ("filter %s", filter_names[filter]);
      cmio_plan_set_filter (plan, filter);
      cmio_plan_set_grouping (plan, CMIO_PLAN_GROUP_BY_CHAPTER);
      assert_rows (plan, by_chapter[filter]);
      cmio_plan_set_grouping (plan, CMIO_PLAN_GROUP_BY_PHASE);
      assert_rows (plan, by_phase[filter]);
    }
}

static void
test_plan_item_properties (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (prepared_json);
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  g_autoptr(CmioPlanItem) header = NULL;
  CmioPlanItem *row;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  g_autoptr(CmioChecklistItem) item = NULL;
  CmioPlanRowKind kind;
  gboolean done, overdue, custom, archived;
  int target_day;
  guint n_done, n_total;

  set_today (plan, "2026-12-17");

  header = g_list_model_get_item (cmio_plan_get_rows (plan), 0);
  g_object_get (header, "kind", &kind, "n-done", &n_done, "n-total", &n_total, NULL);
  g_assert_cmpint (kind, ==, CMIO_PLAN_ROW_HEADER);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_total, ==, 3);
  g_assert_null (cmio_plan_item_get_id (header));
  g_assert_null (cmio_plan_item_get_item (header));

  /* A built-in item */
  row = find_row (plan, "do-two");
  g_assert_cmpint (cmio_plan_item_get_kind (row), ==, CMIO_PLAN_ROW_ITEM);
  g_assert_cmpstr (cmio_plan_item_get_chapter_id (row), ==, "first");
  g_assert_cmpstr (cmio_plan_item_get_number (row), ==, "1.2");
  g_assert_cmpstr (cmio_plan_item_get_text (row), ==, "Do another thing.");
  g_assert_cmpint (cmio_plan_item_get_target_day (row), ==, 30);
  g_assert_cmpstr (cmio_plan_item_get_target_label (row), ==, "day 30 · Dec 2");
  g_assert_false (cmio_plan_item_get_done (row));
  g_assert_true (cmio_plan_item_get_overdue (row));
  g_assert_false (cmio_plan_item_get_custom (row));
  g_assert_false (cmio_plan_item_get_archived (row));
  g_assert_true (cmio_plan_item_get_item (row) == cmio_content_pack_find_item (pack, "do-two"));
  g_assert_null (cmio_plan_item_get_title (row));

  /* A custom item, numbered after its chapter's */
  row = find_row (plan, "custom-c");
  g_object_get (row, "text", &text, "target-day", &target_day, "target-label", &label,
                "done", &done, "overdue", &overdue, "custom", &custom, "archived", &archived,
                "item", &item, NULL);
  g_assert_cmpstr (text, ==, "Shadow a night shift");
  g_assert_cmpstr (cmio_plan_item_get_number (row), ==, "2.3");
  g_assert_cmpstr (cmio_plan_item_get_number (find_row (plan, "custom-b")), ==, "2.2");
  g_assert_cmpstr (cmio_plan_item_get_number (find_row (plan, "custom-a")), ==, "1.3");
  g_assert_cmpint (target_day, ==, 20);
  g_assert_cmpstr (label, ==, "day 20 · Nov 22");
  g_assert_false (done);
  g_assert_true (overdue);
  g_assert_true (custom);
  g_assert_false (archived);
  g_assert_cmpstr (cmio_checklist_item_get_id (item), ==, "custom-c");

  /* An archived item: only its id is known. */
  row = find_row (plan, "old-item");
  g_assert_true (cmio_plan_item_get_archived (row));
  g_assert_cmpstr (cmio_plan_item_get_text (row), ==, "old-item");
  g_assert_cmpstr (cmio_plan_item_get_number (row), ==, "");
  g_assert_null (cmio_plan_item_get_chapter_id (row));
  g_assert_null (cmio_plan_item_get_item (row));
  g_assert_true (cmio_plan_item_get_done (row));
  g_assert_false (cmio_plan_item_get_overdue (row));
}

static void
test_plan_search (void)
{
  static const struct {
    CmioPlanFilter filter;
    const char *search;
    const char *expected;
  } cases[] = {
    { CMIO_PLAN_FILTER_ALL, "board",
      "# 2. Second Chapter 0/1|custom-b" },
    { CMIO_PLAN_FILTER_ALL, "  THING ",
      "# 1. First Chapter 1/2|do-one|do-two|# 2. Second Chapter 1/1|do-three" },
    /* The detail, the number, several words, accents */
    { CMIO_PLAN_FILTER_ALL, "why", "# 1. First Chapter 1/1|do-one" },
    { CMIO_PLAN_FILTER_ALL, "1.2", "# 1. First Chapter 0/1|do-two" },
    { CMIO_PLAN_FILTER_ALL, "2.", "# 2. Second Chapter 1/3|do-three|custom-b|custom-c" },
    { CMIO_PLAN_FILTER_ALL, "thing do third", "# 2. Second Chapter 1/1|do-three" },
    { CMIO_PLAN_FILTER_ALL, "thing nothing", "" },
    { CMIO_PLAN_FILTER_ALL, "PRÉSENT", "# 2. Second Chapter 0/1|custom-b" },
    { CMIO_PLAN_FILTER_ALL, "old", "# Archived 1/1|old-item" },
    /* With a filter */
    { CMIO_PLAN_FILTER_OPEN, "thing", "# 1. First Chapter 0/1|do-two" },
    { CMIO_PLAN_FILTER_DONE, "thing",
      "# 1. First Chapter 1/1|do-one|# 2. Second Chapter 1/1|do-three" },
    /* No words */
    { CMIO_PLAN_FILTER_OVERDUE, " ",
      "# 1. First Chapter 0/1|do-two|# 2. Second Chapter 0/1|custom-c" },
    { CMIO_PLAN_FILTER_OVERDUE, NULL,
      "# 1. First Chapter 0/1|do-two|# 2. Second Chapter 0/1|custom-c" },
  };
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (prepared_json);
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);

  set_today (plan, "2026-12-17");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("search “%s”", cases[i].search);
      cmio_plan_set_filter (plan, cases[i].filter);
      cmio_plan_set_search (plan, cases[i].search);
      assert_rows (plan, cases[i].expected);
    }

  /* By phase too */
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_ALL);
  cmio_plan_set_grouping (plan, CMIO_PLAN_GROUP_BY_PHASE);
  cmio_plan_set_search (plan, "thing");
  assert_rows (plan, "# Days 0–30: Discover 1/2|do-one|do-two|# Days 31–60: Decide 1/1|do-three");
}

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
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (prepared_json);
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

      set_today (plan, cases[i].today);
      cmio_plan_get_figures (plan, &figures);
      g_assert_cmpmem (&figures, sizeof figures, &cases[i].figures, sizeof cases[i].figures);

      due = cmio_plan_dup_next_due (plan, 3);
      due_text = ids_to_string (due);
      g_assert_cmpstr (due_text, ==, cases[i].next_due);
    }

  set_today (plan, "2026-12-17");
  all_due = cmio_plan_dup_next_due (plan, 100);
  all_due_text = ids_to_string (all_due);
  g_assert_cmpstr (all_due_text, ==, "custom-c|do-two|custom-a|custom-b");
  none = cmio_plan_dup_next_due (plan, 0);
  g_assert_cmpuint (none->len, ==, 0);

  /* The figures follow the progress. */
  set_done (progress, "custom-b", TRUE);
  g_assert_true (cmio_progress_set_chapter_read (progress, "second", TRUE, &error));
  g_assert_no_error (error);
  set_done (progress, "do-two", TRUE);
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
  g_assert_true (g_ptr_array_index (chapter, 2) == find_row (plan, "custom-c"));
}

static void
test_plan_toggle (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (prepared_json);
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  GListModel *rows = cmio_plan_get_rows (plan);
  Changes changes = { g_string_new (NULL) };
  GString *row_log = g_string_new (NULL);
  GString *header_log = g_string_new (NULL);
  g_autoptr(CmioPlanItem) header = NULL;
  CmioPlanItem *do_two;

  set_today (plan, "2026-12-17");
  g_signal_connect (rows, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* All items: a tick changes the row and its header's count, no rows. */
  do_two = find_row (plan, "do-two");
  header = g_list_model_get_item (rows, 0);
  g_signal_connect (do_two, "notify", G_CALLBACK (notify_cb), row_log);
  g_signal_connect (header, "notify", G_CALLBACK (notify_cb), header_log);
  set_done (progress, "do-two", TRUE);
  g_assert_cmpstr (changes.log->str, ==, "");
  assert_notified (row_log, "done overdue");
  assert_notified (header_log, "n-done");
  g_assert_true (cmio_plan_item_get_done (do_two));
  g_assert_false (cmio_plan_item_get_overdue (do_two));
  assert_rows (plan,
               "# 1. First Chapter 2/3|do-one|do-two|custom-a|"
               "# 2. Second Chapter 1/3|do-three|custom-b|custom-c|"
               "# Archived 1/1|old-item");

  /* Evidence is no tick: nothing changes. */
  g_assert_true (cmio_progress_set_item_evidence (progress, "do-two", "Minutes", NULL));
  g_assert_cmpstr (changes.log->str, ==, "");
  set_done (progress, "do-two", FALSE);
  assert_notified (row_log, "done done overdue overdue");
  g_string_truncate (row_log, 0);
  g_string_truncate (header_log, 0);

  /* Open items: ticking removes just the row, and the header when the
   * group empties; unticking puts them back where they were. */
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_OPEN);
  g_string_truncate (changes.log, 0);
  assert_rows (plan,
               "# 1. First Chapter 0/2|do-two|custom-a|# 2. Second Chapter 0/2|custom-b|custom-c");

  set_done (progress, "do-two", TRUE);
  assert_rows (plan, "# 1. First Chapter 0/1|custom-a|# 2. Second Chapter 0/2|custom-b|custom-c");
  set_done (progress, "custom-a", TRUE);
  assert_rows (plan, "# 2. Second Chapter 0/2|custom-b|custom-c");
  set_done (progress, "custom-c", TRUE);
  assert_rows (plan, "# 2. Second Chapter 0/1|custom-b");
  g_assert_cmpstr (changes.log->str, ==, "1-1+0 0-2+0 2-1+0");

  g_string_truncate (changes.log, 0);
  set_done (progress, "custom-a", FALSE);
  assert_rows (plan, "# 1. First Chapter 0/1|custom-a|# 2. Second Chapter 0/1|custom-b");
  set_done (progress, "custom-c", FALSE);
  assert_rows (plan, "# 1. First Chapter 0/1|custom-a|# 2. Second Chapter 0/2|custom-b|custom-c");
  set_done (progress, "do-two", FALSE);
  assert_rows (plan,
               "# 1. First Chapter 0/2|do-two|custom-a|# 2. Second Chapter 0/2|custom-b|custom-c");
  g_assert_cmpstr (changes.log->str, ==, "0-0+2 4-0+1 1-0+1");

  /* The same row objects come back, and were told. */
  g_assert_true (find_row (plan, "do-two") == do_two);
  assert_notified (row_log, "done done overdue overdue");
  g_assert_true (g_list_model_get_item (rows, 0) == header);
  g_object_unref (header);

  /* Overdue items by phase, sorted by target day in their group */
  cmio_plan_set_grouping (plan, CMIO_PLAN_GROUP_BY_PHASE);
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_OVERDUE);
  g_string_truncate (changes.log, 0);
  assert_rows (plan, "# Days 0–30: Discover 0/2|custom-c|do-two");
  set_done (progress, "custom-c", TRUE);
  set_done (progress, "do-two", TRUE);
  assert_rows (plan, "");
  set_done (progress, "do-two", FALSE);
  set_done (progress, "custom-c", FALSE);
  assert_rows (plan, "# Days 0–30: Discover 0/2|custom-c|do-two");
  g_assert_cmpstr (changes.log->str, ==, "1-1+0 0-2+0 0-0+2 1-0+1");

  /* Done items: an archived one leaves and comes back last. */
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_DONE);
  assert_rows (plan, "# Days 0–30: Discover 1/1|do-one|# Days 31–60: Decide 1/1|do-three|"
                     "# Archived 1/1|old-item");
  set_done (progress, "old-item", FALSE);
  assert_rows (plan, "# Days 0–30: Discover 1/1|do-one|# Days 31–60: Decide 1/1|do-three");
  set_done (progress, "old-item", TRUE);
  assert_rows (plan, "# Days 0–30: Discover 1/1|do-one|# Days 31–60: Decide 1/1|do-three|"
                     "# Archived 1/1|old-item");

  g_signal_handlers_disconnect_by_data (do_two, row_log);
  g_signal_handlers_disconnect_by_data (rows, &changes);
  g_string_free (changes.log, TRUE);
  g_string_free (row_log, TRUE);
  g_string_free (header_log, TRUE);
}

static void
test_plan_custom_and_archived (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (prepared_json);
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  CmioPlanItem *custom_a;
  GString *log = g_string_new (NULL);

  set_today (plan, "2026-12-17");
  custom_a = find_row (plan, "custom-a");
  g_signal_connect (custom_a, "notify", G_CALLBACK (notify_cb), log);

  /* A new custom item comes after its chapter's others. */
  id = cmio_progress_add_custom_item (progress, "first", "Walk the wards", 2, CMIO_OWNER_CMIO,
                                      TRUE, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("# 1. First Chapter 1/4|do-one|do-two|custom-a|%s|"
                              "# 2. Second Chapter 1/3|do-three|custom-b|custom-c|"
                              "# Archived 1/1|old-item", id);
  assert_rows (plan, expected);
  g_assert_cmpstr (cmio_plan_item_get_number (find_row (plan, id)), ==, "1.4");
  g_assert_true (cmio_plan_item_get_overdue (find_row (plan, id)));

  /* An edited one keeps its row object, which says what changed. */
  g_assert_true (cmio_progress_update_custom_item (progress, "custom-a", "Meet the CNIO", 40,
                                                   CMIO_OWNER_CMIO, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (find_row (plan, "custom-a") == custom_a);
  g_assert_cmpstr (cmio_plan_item_get_text (custom_a), ==, "Meet the CNIO");
  g_assert_cmpstr (cmio_plan_item_get_target_label (custom_a), ==, "day 40 · Dec 12");
  g_assert_true (cmio_plan_item_get_overdue (custom_a));
  assert_notified (log, "item overdue target-day target-label text");

  /* A removed one is gone. */
  g_assert_true (cmio_progress_remove_custom_item (progress, id, &error));
  g_assert_no_error (error);
  assert_rows (plan,
               "# 1. First Chapter 1/3|do-one|do-two|custom-a|"
               "# 2. Second Chapter 1/3|do-three|custom-b|custom-c|"
               "# Archived 1/1|old-item");

  /* An archived state the user deletes goes, with its group. */
  g_assert_true (cmio_progress_remove_item_state (progress, "old-item", &error));
  g_assert_no_error (error);
  assert_rows (plan,
               "# 1. First Chapter 1/3|do-one|do-two|custom-a|"
               "# 2. Second Chapter 1/3|do-three|custom-b|custom-c");

  /* A state for an id the pack does not have (no pack is set on the
   * progress here) is archived. */
  set_done (progress, "older-item", TRUE);
  assert_rows (plan,
               "# 1. First Chapter 1/3|do-one|do-two|custom-a|"
               "# 2. Second Chapter 1/3|do-three|custom-b|custom-c|"
               "# Archived 1/1|older-item");

  g_signal_handlers_disconnect_by_data (custom_a, log);
  g_string_free (log, TRUE);
}

/* A custom item of a chapter the pack no longer has is still an item of
 * the plan, in a group of its own before the archived ones. */
static void
test_plan_orphan_custom_item (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_load_progress (
    "{ \"format\": \"cmio-handbook-progress\", \"version\": 1,"
    "  \"profile\": { \"start_date\": \"2026-11-02\" },"
    "  \"items\": { \"old-item\": { \"done\": false }, \"custom-x\": { \"done\": true } },"
    "  \"custom_items\": ["
    "    { \"id\": \"custom-x\", \"chapter\": \"gone-chapter\", \"text\": \"Orphan\","
    "      \"target_day\": 40, \"owner\": \"cmio\", \"required\": true } ] }");
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  CmioPlanFigures figures;

  set_today (plan, "2026-12-17");
  assert_rows (plan,
               "# 1. First Chapter 0/2|do-one|do-two|# 2. Second Chapter 0/1|do-three|"
               "# Other 1/1|custom-x|# Archived 0/1|old-item");
  g_assert_cmpstr (cmio_plan_item_get_chapter_id (find_row (plan, "custom-x")), ==, "gone-chapter");
  g_assert_false (cmio_plan_item_get_archived (find_row (plan, "custom-x")));

  cmio_plan_set_grouping (plan, CMIO_PLAN_GROUP_BY_PHASE);
  assert_rows (plan,
               "# Days 0–30: Discover 0/2|do-one|do-two|# Days 31–60: Decide 1/2|custom-x|do-three|"
               "# Archived 0/1|old-item");

  /* Open archived items are neither overdue nor due, nor counted. */
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_OVERDUE);
  assert_rows (plan, "# Days 0–30: Discover 0/2|do-one|do-two");
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_OPEN);
  assert_rows (plan,
               "# Days 0–30: Discover 0/2|do-one|do-two|# Days 31–60: Decide 0/1|do-three|"
               "# Archived 0/1|old-item");
  cmio_plan_get_figures (plan, &figures);
  g_assert_cmpuint (figures.items_total, ==, 4);
  g_assert_cmpuint (figures.items_done, ==, 1);
  g_assert_cmpuint (figures.required_total, ==, 3);
  g_assert_cmpuint (figures.required_done, ==, 1);
  g_assert_cmpuint (figures.overdue, ==, 2);
}

/* After any sequence of ticks, the rows kept up to date one change at a
 * time are the rows a new plan makes from scratch. */
static void
test_plan_incremental_matches_rebuild (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(CmioContentPack) pack = cmio_content_pack_load_builtin (&problems);
  g_autoptr(CmioProgress) progress = progress_starting ("2026-11-02");
  g_autoptr(CmioPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *custom_id = NULL;
  GListModel *items;
  guint n_items;

  g_assert_nonnull (pack);
  items = cmio_content_pack_get_items (pack);
  n_items = g_list_model_get_n_items (items);
  g_assert_cmpuint (n_items, >, 10);

  custom_id = cmio_progress_add_custom_item (progress, "what-does-a-cmio-do", "A custom one", 33,
                                             CMIO_OWNER_CMIO, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (custom_id);
  set_done (progress, "gone-from-the-pack", FALSE);

  plan = cmio_plan_new (pack, progress);
  set_today (plan, "2026-12-17");

  for (guint round = 0; round < 400; round++)
    {
      CmioPlanFilter filter = round / 20 % 6;
      CmioPlanGrouping grouping = round / 120 % 2;
      guint which = g_test_rand_int_range (0, n_items + 1);
      g_autoptr(CmioPlan) fresh = NULL;
      g_autofree char *id = NULL;
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;

      cmio_plan_set_filter (plan, filter);
      cmio_plan_set_grouping (plan, grouping);
      cmio_plan_set_search (plan, round % 7 == 0 ? "the" : NULL);

      if (which < n_items)
        {
          g_autoptr(CmioChecklistItem) item = g_list_model_get_item (items, which);

          id = g_strdup (cmio_checklist_item_get_id (item));
        }
      else
        id = g_strdup ("gone-from-the-pack");

      set_done (progress, id, !cmio_progress_get_item_done (progress, id));

      fresh = cmio_plan_new (pack, progress);
      set_today (fresh, "2026-12-17");
      cmio_plan_set_filter (fresh, filter);
      cmio_plan_set_grouping (fresh, grouping);
      cmio_plan_set_search (fresh, round % 7 == 0 ? "the" : NULL);

      ours = rows_to_string (cmio_plan_get_rows (plan));
      theirs = rows_to_string (cmio_plan_get_rows (fresh));
      g_assert_cmpstr (ours, ==, theirs);
    }
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 time_a = *(const gint64 *) a;
  gint64 time_b = *(const gint64 *) b;

  return time_a < time_b ? -1 : time_a > time_b;
}

/* Handlers of the progress's "changed" run in the order they were
 * connected: one before the plan's and one after it time the plan alone. */
static void
before_plan_cb (CmioProgress *progress,
                const char   *section,
                const char   *id,
                gint64       *start)
{
  *start = g_get_monotonic_time ();
}

static void
after_plan_cb (CmioProgress *progress,
               const char   *section,
               const char   *id,
               gint64       *end)
{
  *end = g_get_monotonic_time ();
}

/* 10,000 items, with a tick that must not cost a rebuild */
static void
test_plan_toggle_speed (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(CmioProgress) progress = NULL;
  g_autoptr(CmioPlan) plan = NULL;
  g_autoptr(GArray) plan_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) tick_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  const guint n = 10000;
  const guint n_toggles = 400;
  gint64 start, load_time, handler_start = 0, handler_end = 0;
  gint64 plan_max, tick_max;
  GListModel *rows;
  guint n_rows;

  g_string_append (json, "{ \"format\": \"cmio-handbook-progress\", \"version\": 1,"
                         "  \"profile\": { \"start_date\": \"2026-11-02\" }, \"items\": {");
  for (guint i = 0; i < n; i += 3)
    g_string_append_printf (json, "%s\"custom-%05u\": { \"done\": true }", i ? ", " : "", i);
  g_string_append (json, " }, \"custom_items\": [");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json,
                            "%s{ \"id\": \"custom-%05u\", \"chapter\": \"%s\","
                            "  \"text\": \"Item %u\","
                            "  \"target_day\": %u, \"owner\": \"cmio\", \"required\": %s }",
                            i ? ", " : "", i, i % 4 ? "first" : "second", i, i % 91,
                            i % 2 ? "true" : "false");
  g_string_append (json, "] }");
  progress = cmio_test_load_progress (json->str);

  g_signal_connect (progress, "changed", G_CALLBACK (before_plan_cb), &handler_start);
  start = g_get_monotonic_time ();
  plan = cmio_plan_new (pack, progress);
  load_time = g_get_monotonic_time () - start;
  g_signal_connect (progress, "changed", G_CALLBACK (after_plan_cb), &handler_end);

  set_today (plan, "2026-12-17");
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_OPEN);
  rows = cmio_plan_get_rows (plan);
  n_rows = g_list_model_get_n_items (rows);
  /* Two chapter headers, the pack's 3 items, two thirds of the custom items */
  g_assert_cmpuint (n_rows, ==, 2 + 3 + (n - (n + 2) / 3));

  /* The first change of a freshly loaded progress copies its map of states. */
  set_done (progress, "custom-09999", FALSE);
  set_done (progress, "custom-09999", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);

  /* Items late in their chapter's group, the costliest to place; each is
   * ticked or unticked, then put back. */
  for (guint t = 0; t < n_toggles; t++)
    {
      g_autofree char *id = g_strdup_printf ("custom-%05u", n - 1 - (t / 2) * 7);
      gboolean done = !cmio_progress_get_item_done (progress, id);
      guint n_before = g_list_model_get_n_items (rows);
      gint64 elapsed;

      start = g_get_monotonic_time ();
      set_done (progress, id, done);
      elapsed = g_get_monotonic_time () - start;
      g_array_append_val (tick_times, elapsed);
      elapsed = handler_end - handler_start;
      g_array_append_val (plan_times, elapsed);

      /* Open items only: a tick takes its row away, an untick brings it back. */
      g_assert_cmpuint (g_list_model_get_n_items (rows), ==, done ? n_before - 1 : n_before + 1);
    }
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);

  g_array_sort (plan_times, compare_times);
  g_array_sort (tick_times, compare_times);
  plan_max = g_array_index (plan_times, gint64, n_toggles - 1);
  tick_max = g_array_index (tick_times, gint64, n_toggles - 1);

  g_test_message ("%u items: plan built in %.1f ms; a tick costs the plan %" G_GINT64_FORMAT
                  " us (median), %" G_GINT64_FORMAT " us at most; the whole tick, with the "
                  "progress, %" G_GINT64_FORMAT " us (median), %" G_GINT64_FORMAT " us at most",
                  n + 3, load_time / 1000.0,
                  g_array_index (plan_times, gint64, n_toggles / 2), plan_max,
                  g_array_index (tick_times, gint64, n_toggles / 2), tick_max);

  /* A frame at 60 Hz, for the plan's part and for the whole tick; and
   * typically far less than rebuilding the rows, which takes milliseconds. */
  g_assert_cmpint (plan_max, <, 16 * 1000);
  g_assert_cmpint (tick_max, <, 16 * 1000);
  g_assert_cmpint (g_array_index (plan_times, gint64, n_toggles / 2), <, 1000);
}

int
main (int   argc,
      char *argv[])
{
  /* English month names, whatever the environment says. */
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/plan/dates", test_plan_dates);
  g_test_add_func ("/cmio/plan/start-date", test_plan_start_date);
  g_test_add_func ("/cmio/plan/format-target", test_plan_format_target);
  g_test_add_func ("/cmio/plan/describe-day", test_plan_describe_day);
  g_test_add_func ("/cmio/plan/filters", test_plan_filters);
  g_test_add_func ("/cmio/plan/item-properties", test_plan_item_properties);
  g_test_add_func ("/cmio/plan/search", test_plan_search);
  g_test_add_func ("/cmio/plan/figures", test_plan_figures);
  g_test_add_func ("/cmio/plan/toggle", test_plan_toggle);
  g_test_add_func ("/cmio/plan/custom-and-archived", test_plan_custom_and_archived);
  g_test_add_func ("/cmio/plan/orphan-custom-item", test_plan_orphan_custom_item);
  g_test_add_func ("/cmio/plan/incremental-matches-rebuild", test_plan_incremental_matches_rebuild);
  g_test_add_func ("/cmio/plan/toggle-speed", test_plan_toggle_speed);

  return g_test_run ();
}

/* test-plan-rows.c — the 90-day plan: rows, groups, filters, search, live updates
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-plan.h"
#include "cmio-test-core.h"

/* The small pack, and the progress of cmio_test_prepared_progress(), are
 * described in cmio-test-core.c. */

/* Helpers */

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
  g_autoptr(CmioProgress) progress = cmio_test_prepared_progress ();
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);

  cmio_test_set_today (plan, "2026-12-17");
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
  g_autoptr(CmioProgress) progress = cmio_test_prepared_progress ();
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

  cmio_test_set_today (plan, "2026-12-17");

  header = g_list_model_get_item (cmio_plan_get_rows (plan), 0);
  g_object_get (header, "kind", &kind, "n-done", &n_done, "n-total", &n_total, NULL);
  g_assert_cmpint (kind, ==, CMIO_PLAN_ROW_HEADER);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_total, ==, 3);
  g_assert_null (cmio_plan_item_get_id (header));
  g_assert_null (cmio_plan_item_get_item (header));

  /* A built-in item */
  row = cmio_test_find_row (plan, "do-two");
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
  row = cmio_test_find_row (plan, "custom-c");
  g_object_get (row, "text", &text, "target-day", &target_day, "target-label", &label,
                "done", &done, "overdue", &overdue, "custom", &custom, "archived", &archived,
                "item", &item, NULL);
  g_assert_cmpstr (text, ==, "Shadow a night shift");
  g_assert_cmpstr (cmio_plan_item_get_number (row), ==, "2.3");
  g_assert_cmpstr (cmio_plan_item_get_number (cmio_test_find_row (plan, "custom-b")), ==, "2.2");
  g_assert_cmpstr (cmio_plan_item_get_number (cmio_test_find_row (plan, "custom-a")), ==, "1.3");
  g_assert_cmpint (target_day, ==, 20);
  g_assert_cmpstr (label, ==, "day 20 · Nov 22");
  g_assert_false (done);
  g_assert_true (overdue);
  g_assert_true (custom);
  g_assert_false (archived);
  g_assert_cmpstr (cmio_checklist_item_get_id (item), ==, "custom-c");

  /* An archived item: only its id is known. */
  row = cmio_test_find_row (plan, "old-item");
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
  g_autoptr(CmioProgress) progress = cmio_test_prepared_progress ();
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);

  cmio_test_set_today (plan, "2026-12-17");

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
test_plan_toggle (void)
{
  g_autoptr(CmioContentPack) pack = cmio_test_valid_pack ();
  g_autoptr(CmioProgress) progress = cmio_test_prepared_progress ();
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  GListModel *rows = cmio_plan_get_rows (plan);
  Changes changes = { g_string_new (NULL) };
  GString *row_log = g_string_new (NULL);
  GString *header_log = g_string_new (NULL);
  g_autoptr(CmioPlanItem) header = NULL;
  CmioPlanItem *do_two;

  cmio_test_set_today (plan, "2026-12-17");
  g_signal_connect (rows, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* All items: a tick changes the row and its header's count, no rows. */
  do_two = cmio_test_find_row (plan, "do-two");
  header = g_list_model_get_item (rows, 0);
  g_signal_connect (do_two, "notify", G_CALLBACK (cmio_test_notify_cb), row_log);
  g_signal_connect (header, "notify", G_CALLBACK (cmio_test_notify_cb), header_log);
  cmio_test_set_done (progress, "do-two", TRUE);
  g_assert_cmpstr (changes.log->str, ==, "");
  cmio_test_assert_notified (row_log, "done overdue");
  cmio_test_assert_notified (header_log, "n-done");
  g_assert_true (cmio_plan_item_get_done (do_two));
  g_assert_false (cmio_plan_item_get_overdue (do_two));
  assert_rows (plan,
               "# 1. First Chapter 2/3|do-one|do-two|custom-a|"
               "# 2. Second Chapter 1/3|do-three|custom-b|custom-c|"
               "# Archived 1/1|old-item");

  /* Evidence is no tick: nothing changes. */
  g_assert_true (cmio_progress_set_item_evidence (progress, "do-two", "Minutes", NULL));
  g_assert_cmpstr (changes.log->str, ==, "");
  cmio_test_set_done (progress, "do-two", FALSE);
  cmio_test_assert_notified (row_log, "done done overdue overdue");
  g_string_truncate (row_log, 0);
  g_string_truncate (header_log, 0);

  /* Open items: ticking removes just the row, and the header when the
   * group empties; unticking puts them back where they were. */
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_OPEN);
  g_string_truncate (changes.log, 0);
  assert_rows (plan,
               "# 1. First Chapter 0/2|do-two|custom-a|# 2. Second Chapter 0/2|custom-b|custom-c");

  cmio_test_set_done (progress, "do-two", TRUE);
  assert_rows (plan, "# 1. First Chapter 0/1|custom-a|# 2. Second Chapter 0/2|custom-b|custom-c");
  cmio_test_set_done (progress, "custom-a", TRUE);
  assert_rows (plan, "# 2. Second Chapter 0/2|custom-b|custom-c");
  cmio_test_set_done (progress, "custom-c", TRUE);
  assert_rows (plan, "# 2. Second Chapter 0/1|custom-b");
  g_assert_cmpstr (changes.log->str, ==, "1-1+0 0-2+0 2-1+0");

  g_string_truncate (changes.log, 0);
  cmio_test_set_done (progress, "custom-a", FALSE);
  assert_rows (plan, "# 1. First Chapter 0/1|custom-a|# 2. Second Chapter 0/1|custom-b");
  cmio_test_set_done (progress, "custom-c", FALSE);
  assert_rows (plan, "# 1. First Chapter 0/1|custom-a|# 2. Second Chapter 0/2|custom-b|custom-c");
  cmio_test_set_done (progress, "do-two", FALSE);
  assert_rows (plan,
               "# 1. First Chapter 0/2|do-two|custom-a|# 2. Second Chapter 0/2|custom-b|custom-c");
  g_assert_cmpstr (changes.log->str, ==, "0-0+2 4-0+1 1-0+1");

  /* The same row objects come back, and were told. */
  g_assert_true (cmio_test_find_row (plan, "do-two") == do_two);
  cmio_test_assert_notified (row_log, "done done overdue overdue");
  g_assert_true (g_list_model_get_item (rows, 0) == header);
  g_object_unref (header);

  /* Overdue items by phase, sorted by target day in their group */
  cmio_plan_set_grouping (plan, CMIO_PLAN_GROUP_BY_PHASE);
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_OVERDUE);
  g_string_truncate (changes.log, 0);
  assert_rows (plan, "# Days 0–30: Discover 0/2|custom-c|do-two");
  cmio_test_set_done (progress, "custom-c", TRUE);
  cmio_test_set_done (progress, "do-two", TRUE);
  assert_rows (plan, "");
  cmio_test_set_done (progress, "do-two", FALSE);
  cmio_test_set_done (progress, "custom-c", FALSE);
  assert_rows (plan, "# Days 0–30: Discover 0/2|custom-c|do-two");
  g_assert_cmpstr (changes.log->str, ==, "1-1+0 0-2+0 0-0+2 1-0+1");

  /* Done items: an archived one leaves and comes back last. */
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_DONE);
  assert_rows (plan, "# Days 0–30: Discover 1/1|do-one|# Days 31–60: Decide 1/1|do-three|"
                     "# Archived 1/1|old-item");
  cmio_test_set_done (progress, "old-item", FALSE);
  assert_rows (plan, "# Days 0–30: Discover 1/1|do-one|# Days 31–60: Decide 1/1|do-three");
  cmio_test_set_done (progress, "old-item", TRUE);
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
  g_autoptr(CmioProgress) progress = cmio_test_prepared_progress ();
  g_autoptr(CmioPlan) plan = cmio_plan_new (pack, progress);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  CmioPlanItem *custom_a;
  GString *log = g_string_new (NULL);

  cmio_test_set_today (plan, "2026-12-17");
  custom_a = cmio_test_find_row (plan, "custom-a");
  g_signal_connect (custom_a, "notify", G_CALLBACK (cmio_test_notify_cb), log);

  /* A new custom item comes after its chapter's others. */
  id = cmio_progress_add_custom_item (progress, "first", "Walk the wards", 2, CMIO_OWNER_CMIO,
                                      TRUE, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("# 1. First Chapter 1/4|do-one|do-two|custom-a|%s|"
                              "# 2. Second Chapter 1/3|do-three|custom-b|custom-c|"
                              "# Archived 1/1|old-item", id);
  assert_rows (plan, expected);
  g_assert_cmpstr (cmio_plan_item_get_number (cmio_test_find_row (plan, id)), ==, "1.4");
  g_assert_true (cmio_plan_item_get_overdue (cmio_test_find_row (plan, id)));

  /* An edited one keeps its row object, which says what changed. */
  g_assert_true (cmio_progress_update_custom_item (progress, "custom-a", "Meet the CNIO", 40,
                                                   CMIO_OWNER_CMIO, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (cmio_test_find_row (plan, "custom-a") == custom_a);
  g_assert_cmpstr (cmio_plan_item_get_text (custom_a), ==, "Meet the CNIO");
  g_assert_cmpstr (cmio_plan_item_get_target_label (custom_a), ==, "day 40 · Dec 12");
  g_assert_true (cmio_plan_item_get_overdue (custom_a));
  cmio_test_assert_notified (log, "item overdue target-day target-label text");

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
  cmio_test_set_done (progress, "older-item", TRUE);
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

  cmio_test_set_today (plan, "2026-12-17");
  assert_rows (plan,
               "# 1. First Chapter 0/2|do-one|do-two|# 2. Second Chapter 0/1|do-three|"
               "# Other 1/1|custom-x|# Archived 0/1|old-item");
  g_assert_cmpstr (cmio_plan_item_get_chapter_id (cmio_test_find_row (plan, "custom-x")), ==,
                   "gone-chapter");
  g_assert_false (cmio_plan_item_get_archived (cmio_test_find_row (plan, "custom-x")));

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
  g_autoptr(CmioProgress) progress = cmio_test_progress_starting ("2026-11-02");
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
  cmio_test_set_done (progress, "gone-from-the-pack", FALSE);

  plan = cmio_plan_new (pack, progress);
  cmio_test_set_today (plan, "2026-12-17");

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

      cmio_test_set_done (progress, id, !cmio_progress_get_item_done (progress, id));

      fresh = cmio_plan_new (pack, progress);
      cmio_test_set_today (fresh, "2026-12-17");
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

  cmio_test_set_today (plan, "2026-12-17");
  cmio_plan_set_filter (plan, CMIO_PLAN_FILTER_OPEN);
  rows = cmio_plan_get_rows (plan);
  n_rows = g_list_model_get_n_items (rows);
  /* Two chapter headers, the pack's 3 items, two thirds of the custom items */
  g_assert_cmpuint (n_rows, ==, 2 + 3 + (n - (n + 2) / 3));

  /* The first change of a freshly loaded progress copies its map of states. */
  cmio_test_set_done (progress, "custom-09999", FALSE);
  cmio_test_set_done (progress, "custom-09999", TRUE);
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
      cmio_test_set_done (progress, id, done);
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
  cmio_test_use_c_locale ();

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/plan/filters", test_plan_filters);
  g_test_add_func ("/cmio/plan/item-properties", test_plan_item_properties);
  g_test_add_func ("/cmio/plan/search", test_plan_search);
  g_test_add_func ("/cmio/plan/toggle", test_plan_toggle);
  g_test_add_func ("/cmio/plan/custom-and-archived", test_plan_custom_and_archived);
  g_test_add_func ("/cmio/plan/orphan-custom-item", test_plan_orphan_custom_item);
  g_test_add_func ("/cmio/plan/incremental-matches-rebuild", test_plan_incremental_matches_rebuild);
  g_test_add_func ("/cmio/plan/toggle-speed", test_plan_toggle_speed);

  return g_test_run ();
}

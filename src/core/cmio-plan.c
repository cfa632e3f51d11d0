/* cmio-plan.c — the 90-day plan: the object, its dates, counts, overview
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-plan.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cmio-plan-private.h"
#include "cmio-progress-private.h"

G_DEFINE_FINAL_TYPE (CmioPlan, cmio_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Dates */

static void
local_today (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_time_t (date, time (NULL));
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned int year, month, day;
  char extra;

  if (text == NULL ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &extra) != 3 ||
      year < 1 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* Calendar arithmetic only: days are added to a date, never seconds to a
 * time, so month ends, leap years and clock changes cannot shift a day. */
static void
target_date (CmioPlan *self,
             int       target_day,
             GDate    *date)
{
  *date = self->start;
  if (target_day >= 0)
    g_date_add_days (date, (guint) target_day);
  else
    g_date_subtract_days (date, (guint) -target_day);
}

static char *
format_label (CmioPlan *self,
              int       target_day)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *date_text = NULL;
  GDate date;

  target_date (self, target_day, &date);

  /* Noon UTC of that date: only its calendar fields are formatted. */
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  if (time != NULL)
    {
      if (g_date_get_year (&date) == g_date_get_year (&self->today))
        /* Translators: a target date in the 90-day plan, in this year, like
         * "Dec 2"; see the GLib manual for g_date_time_format().
         * xgettext:no-c-format */
        date_text = g_date_time_format (time, _("%b %-d"));
      else
        /* Translators: a target date in the 90-day plan, in another year,
         * like "Jan 31, 2027"; see the GLib manual for g_date_time_format().
         * xgettext:no-c-format */
        date_text = g_date_time_format (time, _("%b %-d, %Y"));
    }

  /* A broken translation of the format, or a date out of range. */
  if (date_text == NULL)
    date_text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                 g_date_get_month (&date), g_date_get_day (&date));

  /* Translators: a checklist item's target: the day of the 90-day plan and
   * its date, like "day 30 · Dec 2" */
  return g_strdup_printf (_("day %d · %s"), target_day, date_text);
}

/* Labels repeat: there are only 91 target days. */
static const char *
lookup_label (CmioPlan *self,
              int       target_day)
{
  char *label = g_hash_table_lookup (self->labels, GINT_TO_POINTER (target_day));

  if (label == NULL)
    {
      label = format_label (self, target_day);
      g_hash_table_insert (self->labels, GINT_TO_POINTER (target_day), label);
    }

  return label;
}

/* Reads whether the item is done and works out whether it is late. */
void
cmio_plan_update_status (CmioPlan     *self,
                         CmioPlanItem *row)
{
  gboolean done = cmio_progress_get_item_done (self->progress, row->id);
  gboolean overdue = FALSE;

  row->due_soon = FALSE;
  if (!row->archived && !done)
    {
      /* The target date is start + target_day and today is start + day. */
      overdue = row->target_day < self->day;
      row->due_soon = row->target_day >= self->day && row->target_day <= self->day + 6;
    }

  g_object_freeze_notify (G_OBJECT (row));
  cmio_plan_item_set_done (row, done);
  cmio_plan_item_set_overdue (row, overdue);
  g_object_thaw_notify (G_OBJECT (row));
}

/* Every target date, and whether each item is late, from the start date
 * and today; then the rows, as the filter may now take others. */
void
cmio_plan_update_dates (CmioPlan *self)
{
  const char *start_date = cmio_progress_get_profile (self->progress, "start_date");
  int day;

  if (!parse_date (start_date, &self->start))
    self->start = self->today;

  day = g_date_days_between (&self->start, &self->today);
  g_hash_table_remove_all (self->labels);

  for (guint i = 0; i < self->items->len; i++)
    {
      CmioPlanItem *row = g_ptr_array_index (self->items, i);

      if (!row->archived)
        cmio_plan_item_set_target_label (row, lookup_label (self, row->target_day));
    }

  if (self->day != day)
    {
      self->day = day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
    }

  for (guint i = 0; i < self->items->len; i++)
    cmio_plan_update_status (self, g_ptr_array_index (self->items, i));
}

static void
dates_changed (CmioPlan *self)
{
  cmio_plan_update_dates (self);
  cmio_plan_rebuild_rows (self);
}

/* Whether the day changed since the plan last looked, as it does at
 * midnight, after a suspend or when the clock is set. */
static void
sync_today (CmioPlan *self)
{
  GDate today;

  if (self->today_fixed)
    return;

  local_today (&today);
  if (g_date_compare (&today, &self->today) == 0)
    return;

  self->today = today;
  dates_changed (self);
}

static gboolean midnight_cb (gpointer data);

static void
schedule_midnight (CmioPlan *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;
  guint seconds = 3600;

  g_clear_handle_id (&self->midnight_source, g_source_remove);

  /* Some places skip midnight when their clocks change: then look again in
   * an hour. */
  midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  next = midnight ? g_date_time_add_days (midnight, 1) : NULL;
  if (next != NULL)
    seconds = (guint) CLAMP (g_date_time_difference (next, now) / G_TIME_SPAN_SECOND + 1,
                             1, 25 * 3600);

  self->midnight_source = g_timeout_add_seconds (seconds, midnight_cb, self);
}

/* Callbacks */

static gboolean
midnight_cb (gpointer data)
{
  CmioPlan *self = data;

  self->midnight_source = 0;
  sync_today (self);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

static void
progress_changed_cb (CmioPlan     *self,
                     const char   *section,
                     const char   *id,
                     CmioProgress *progress)
{
  if (g_strcmp0 (section, CMIO_SECTION_ITEM) == 0)
    cmio_plan_update_item (self, id);
  else if (g_strcmp0 (section, CMIO_SECTION_CUSTOM_ITEM) == 0)
    cmio_plan_reload_items (self);
  else if (g_strcmp0 (section, CMIO_SECTION_PROFILE) == 0 &&
           (id == NULL || strcmp (id, "start_date") == 0))
    dates_changed (self);
}

/* GObject */

static void
cmio_plan_dispose (GObject *object)
{
  CmioPlan *self = (CmioPlan *) object;

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);

  G_OBJECT_CLASS (cmio_plan_parent_class)->dispose (object);
}

static void
cmio_plan_finalize (GObject *object)
{
  CmioPlan *self = (CmioPlan *) object;

  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->headers, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_object (&self->rows);
  g_clear_object (&self->progress);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (cmio_plan_parent_class)->finalize (object);
}

static void
cmio_plan_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CmioPlan *self = CMIO_PLAN (object);

  switch (prop_id)
    {
    case PROP_DAY:
      sync_today (self);
      g_value_set_int (value, self->day);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_plan_class_init (CmioPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cmio_plan_dispose;
  object_class->finalize = cmio_plan_finalize;
  object_class->get_property = cmio_plan_get_property;

  /**
   * CmioPlan:day:
   *
   * The day of the plan today is, as cmio_plan_get_day() gives it; notified
   * when it changes: at midnight, or with a new start date.
   */
  properties[PROP_DAY] =
    g_param_spec_int ("day", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cmio_plan_init (CmioPlan *self)
{
  self->rows = g_list_store_new (CMIO_TYPE_PLAN_ITEM);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->items = g_ptr_array_new ();
  self->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (self->groups, (GDestroyNotify) cmio_plan_group_clear);
  self->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->labels = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_date_clear (&self->start, 1);
  local_today (&self->today);
  self->start = self->today;
}

/* Public API */

/**
 * cmio_plan_new:
 * @pack: the content pack
 * @progress: the user's progress, which the plan follows as it changes
 *
 * Returns: (transfer full): the plan of @pack's and @progress's items,
 *   grouped by chapter, unfiltered, for today
 */
CmioPlan *
cmio_plan_new (CmioContentPack *pack,
               CmioProgress    *progress)
{
  CmioPlan *self;

  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (pack), NULL);
  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);

  self = g_object_new (CMIO_TYPE_PLAN, NULL);
  self->pack = g_object_ref (pack);
  self->progress = g_object_ref (progress);
  g_signal_connect_swapped (progress, "changed", G_CALLBACK (progress_changed_cb), self);

  cmio_plan_reload_items (self);
  schedule_midnight (self);

  return self;
}

/**
 * cmio_plan_set_today:
 * @self: a #CmioPlan
 * @today: (nullable): the date to take as today, copied; %NULL for the
 *   real one, the local date, which the plan then follows past midnight
 *
 * Moves the plan to another day, for tests and previews: target labels,
 * overdue items and the rows follow.
 */
void
cmio_plan_set_today (CmioPlan *self,
                     GDate    *today)
{
  g_return_if_fail (CMIO_IS_PLAN (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today != NULL)
    {
      g_clear_handle_id (&self->midnight_source, g_source_remove);
      self->today_fixed = TRUE;
      self->today = *today;
    }
  else
    {
      self->today_fixed = FALSE;
      local_today (&self->today);
      schedule_midnight (self);
    }

  dates_changed (self);
}

/**
 * cmio_plan_dup_start_date:
 * @self: a #CmioPlan
 *
 * Returns: (transfer full): the day the plan starts: the profile's start
 *   date, or today when it has none
 */
GDate *
cmio_plan_dup_start_date (CmioPlan *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN (self), NULL);

  sync_today (self);
  return g_date_copy (&self->start);
}

/**
 * cmio_plan_dup_target_date:
 * @self: a #CmioPlan
 * @target_day: a day of the plan, 0 for the start date
 *
 * Returns: (transfer full): the calendar date of @target_day
 */
GDate *
cmio_plan_dup_target_date (CmioPlan *self,
                           int       target_day)
{
  GDate date;

  g_return_val_if_fail (CMIO_IS_PLAN (self), NULL);

  sync_today (self);
  target_date (self, target_day, &date);
  return g_date_copy (&date);
}

/**
 * cmio_plan_format_target:
 * @self: a #CmioPlan
 * @target_day: a day of the plan
 *
 * Formats a target for people: the day and its date in the user's locale,
 * with the year when it is not this year's: "day 30 · Dec 2",
 * "day 90 · Jan 31, 2027".
 *
 * Returns: (transfer full): the target's label
 */
char *
cmio_plan_format_target (CmioPlan *self,
                         int       target_day)
{
  g_return_val_if_fail (CMIO_IS_PLAN (self), NULL);

  sync_today (self);
  return format_label (self, target_day);
}

/**
 * cmio_plan_get_day:
 * @self: a #CmioPlan
 *
 * Returns: how many whole days from the start date to today: 0 on the
 *   first day, negative before it
 */
int
cmio_plan_get_day (CmioPlan *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN (self), 0);

  sync_today (self);
  return self->day;
}

/**
 * cmio_plan_describe_day:
 * @self: a #CmioPlan
 *
 * Returns: (transfer full): where the user is in the plan: "Starts in 3
 *   days", "Starts tomorrow", "Day 45 of 90" or "Plan complete"
 */
char *
cmio_plan_describe_day (CmioPlan *self)
{
  int day;

  g_return_val_if_fail (CMIO_IS_PLAN (self), NULL);

  day = cmio_plan_get_day (self);
  if (day == -1)
    /* Translators: the 90-day plan starts tomorrow */
    return g_strdup (_("Starts tomorrow"));
  if (day < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Starts in %d day", "Starts in %d days",
                                         (gulong) -day),
                            -day);
  if (day <= CMIO_PLAN_DAYS)
    /* Translators: where the user is in the plan, like "Day 45 of 90" */
    return g_strdup_printf (_("Day %d of %d"), day, CMIO_PLAN_DAYS);

  return g_strdup (_("Plan complete"));
}

/**
 * cmio_plan_get_figures:
 * @self: a #CmioPlan
 * @figures: (out caller-allocates): where to store the figures
 *
 * Counts the progress for the overview: chapters read, required items done,
 * all items done (built-in and custom; archived ones do not count) and items
 * overdue. The counts come from the progress as it is now.
 */
void
cmio_plan_get_figures (CmioPlan        *self,
                       CmioPlanFigures *figures)
{
  GListModel *chapters;
  guint n_chapters;

  g_return_if_fail (CMIO_IS_PLAN (self));
  g_return_if_fail (figures != NULL);

  sync_today (self);
  memset (figures, 0, sizeof *figures);

  chapters = cmio_content_pack_get_chapters (self->pack);
  n_chapters = g_list_model_get_n_items (chapters);
  figures->chapters_total = n_chapters;
  for (guint i = 0; i < n_chapters; i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);

      figures->chapters_read += cmio_progress_get_chapter_read (self->progress,
                                                                cmio_chapter_get_id (chapter));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      CmioPlanItem *row = g_ptr_array_index (self->items, i);
      gboolean done;

      if (row->archived)
        continue;

      /* Asked afresh, in case this handler of the progress's "changed" runs
       * after the caller's. */
      done = cmio_progress_get_item_done (self->progress, row->id);
      figures->items_total++;
      figures->items_done += done;
      if (row->required)
        {
          figures->required_total++;
          figures->required_done += done;
        }
      if (!done && row->target_day < self->day)
        figures->overdue++;
    }
}

/**
 * cmio_plan_dup_next_due:
 * @self: a #CmioPlan
 * @max_items: the most items to return
 *
 * The items to do next: those not done, overdue ones first, by target date
 * and then in chapter order. Archived items are left out.
 *
 * Returns: (transfer container) (element-type CmioPlanItem): up to
 *   @max_items items, which the plan owns
 */
GPtrArray *
cmio_plan_dup_next_due (CmioPlan *self,
                        guint     max_items)
{
  GPtrArray *due;

  g_return_val_if_fail (CMIO_IS_PLAN (self), NULL);

  sync_today (self);
  due = g_ptr_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    {
      CmioPlanItem *row = g_ptr_array_index (self->items, i);

      if (!row->archived && !cmio_progress_get_item_done (self->progress, row->id))
        g_ptr_array_add (due, row);
    }

  g_ptr_array_sort (due, cmio_plan_compare_by_target);
  if (due->len > max_items)
    g_ptr_array_set_size (due, max_items);

  return due;
}

/**
 * cmio_plan_dup_chapter_items:
 * @self: a #CmioPlan
 * @chapter_id: a chapter id
 *
 * The chapter's items, whatever the filter and the search: the pack's, then
 * the ones the user added.
 *
 * Returns: (transfer container) (element-type CmioPlanItem): the items,
 *   which the plan owns
 */
GPtrArray *
cmio_plan_dup_chapter_items (CmioPlan   *self,
                             const char *chapter_id)
{
  GPtrArray *items;

  g_return_val_if_fail (CMIO_IS_PLAN (self), NULL);
  g_return_val_if_fail (chapter_id != NULL, NULL);

  sync_today (self);
  items = g_ptr_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    {
      CmioPlanItem *row = g_ptr_array_index (self->items, i);

      if (!row->archived && g_strcmp0 (row->chapter_id, chapter_id) == 0)
        g_ptr_array_add (items, row);
    }

  return items;
}

/**
 * cmio_plan_get_rows:
 * @self: a #CmioPlan
 *
 * The plan as a list: each group's header (kind %CMIO_PLAN_ROW_HEADER),
 * then its items that pass the filter and the search; groups with none are
 * left out. The list stays current as the progress changes.
 *
 * Returns: (transfer none): a list model of #CmioPlanItem
 */
GListModel *
cmio_plan_get_rows (CmioPlan *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN (self), NULL);

  sync_today (self);
  return G_LIST_MODEL (self->rows);
}

/**
 * cmio_plan_get_content_pack:
 * @self: a #CmioPlan
 *
 * Returns: (transfer none): the pack the plan is made from
 */
CmioContentPack *
cmio_plan_get_content_pack (CmioPlan *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN (self), NULL);
  return self->pack;
}

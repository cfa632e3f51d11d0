/* cmio-plan.c — the 90-day plan: dates, groups, filters, counts, overview
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-plan.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmio-plan-item-private.h"
#include "cmio-progress-private.h"
#include "cmio-search-text.h"

/* The plan keeps one CmioPlanItem per item, by id, for as long as the item
 * exists, so that list rows bound to its properties stay bound when the
 * rows are rebuilt. The rows are the groups' headers and the items that
 * pass the filter and the search; a tick changes only the rows it has to,
 * finding their positions from the groups' counts without a walk through
 * the list. */

typedef struct
{
  CmioPlanItem *header;      /* borrowed from headers */
  GPtrArray *items;          /* CmioPlanItem, borrowed from by_id, in the group's order */
  guint n_shown;
  guint n_shown_done;
} Group;

struct _CmioPlan
{
  GObject parent_instance;

  CmioContentPack *pack;
  CmioProgress *progress;
  GListStore *rows;
  GHashTable *by_id;         /* item id → CmioPlanItem */
  GPtrArray *items;          /* every item in chapter order, borrowed from by_id */
  GArray *groups;            /* Group, in the current grouping */
  GHashTable *headers;       /* group key → CmioPlanItem, kept across rebuilds */
  GHashTable *labels;        /* target day → its label, for the current dates */

  GDate start;
  GDate today;
  int day;
  gboolean today_fixed;
  guint midnight_source;

  CmioPlanGrouping grouping;
  CmioPlanFilter filter;
  GStrv words;               /* the search, folded; NULL for none */
};

G_DEFINE_FINAL_TYPE (CmioPlan, cmio_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The phases of the plan, by target day. */
#define PHASE_1_LAST_DAY 30
#define PHASE_2_LAST_DAY 60

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

/* Items */

static gboolean
has_state (CmioPlan   *self,
           const char *id)
{
  g_autoptr(JsonNode) record = cmio_progress_dup_item_record (self->progress, id);

  return record != NULL;
}

/* Reads whether the item is done and works out whether it is late. */
static void
update_status (CmioPlan     *self,
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

static gboolean
passes (CmioPlan     *self,
        CmioPlanItem *row)
{
  gboolean pass = TRUE;

  switch (self->filter)
    {
    case CMIO_PLAN_FILTER_ALL:
      break;

    case CMIO_PLAN_FILTER_OPEN:
      pass = !row->done;
      break;

    case CMIO_PLAN_FILTER_DONE:
      pass = row->done;
      break;

    case CMIO_PLAN_FILTER_OVERDUE:
      pass = row->overdue;
      break;

    case CMIO_PLAN_FILTER_DUE_THIS_WEEK:
      pass = row->due_soon;
      break;

    case CMIO_PLAN_FILTER_REQUIRED:
      pass = row->required;
      break;

    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; pass && self->words != NULL && self->words[i] != NULL; i++)
    pass = strstr (row->folded, self->words[i]) != NULL;

  return pass;
}

static int
compare_by_target (gconstpointer a,
                   gconstpointer b)
{
  const CmioPlanItem *row_a = *(CmioPlanItem * const *) a;
  const CmioPlanItem *row_b = *(CmioPlanItem * const *) b;

  if (row_a->target_day != row_b->target_day)
    return row_a->target_day < row_b->target_day ? -1 : 1;

  return row_a->order < row_b->order ? -1 : row_a->order > row_b->order;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Groups and rows */

static void
group_clear (Group *group)
{
  g_clear_pointer (&group->items, g_ptr_array_unref);
}

static guint
add_group (CmioPlan   *self,
           const char *key,
           const char *title)
{
  CmioPlanItem *header = g_hash_table_lookup (self->headers, key);
  Group group = { NULL, };

  if (header == NULL)
    {
      header = cmio_plan_item_new_header (title);
      g_hash_table_insert (self->headers, g_strdup (key), header);
    }
  else
    cmio_plan_item_set_title (header, title);

  group.header = header;
  group.items = g_ptr_array_new ();
  g_array_append_val (self->groups, group);
  return self->groups->len - 1;
}

static void
rebuild_groups_by_chapter (CmioPlan *self)
{
  GListModel *chapters = cmio_content_pack_get_chapters (self->pack);
  g_autoptr(GHashTable) group_of = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_chapters = g_list_model_get_n_items (chapters);
  int other = -1;
  int archived = -1;

  for (guint i = 0; i < n_chapters; i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);
      g_autofree char *key = g_strconcat ("chapter:", cmio_chapter_get_id (chapter), NULL);
      /* Translators: a group of checklist items: the chapter's number and title */
      g_autofree char *title = g_strdup_printf (C_("plan group", "%u. %s"),
                                                cmio_chapter_get_number (chapter),
                                                cmio_chapter_get_title (chapter));
      guint group = add_group (self, key, title);

      /* The pack holds the chapter, and so its id. */
      g_hash_table_insert (group_of, (gpointer) cmio_chapter_get_id (chapter),
                           GUINT_TO_POINTER (group));
    }

  /* Items come in chapter order, then custom items of chapters the pack no
   * longer has, then archived ones: groups made as needed keep that order. */
  for (guint i = 0; i < self->items->len; i++)
    {
      CmioPlanItem *row = g_ptr_array_index (self->items, i);
      gpointer value;
      guint group;

      if (row->archived)
        {
          if (archived < 0)
            archived = (int) add_group (self, "archived", _("Archived"));
          group = (guint) archived;
        }
      else if (g_hash_table_lookup_extended (group_of, row->chapter_id, NULL, &value))
        group = GPOINTER_TO_UINT (value);
      else
        {
          if (other < 0)
            /* Translators: a group of checklist items the user added to
             * chapters that are no longer in the handbook */
            other = (int) add_group (self, "other", _("Other"));
          group = (guint) other;
        }

      g_ptr_array_add (g_array_index (self->groups, Group, group).items, row);
    }
}

static void
rebuild_groups_by_phase (CmioPlan *self)
{
  int archived = -1;

  /* Translators: a group of checklist items by their target day */
  add_group (self, "phase-1", _("Days 0–30: Discover"));
  /* Translators: a group of checklist items by their target day */
  add_group (self, "phase-2", _("Days 31–60: Decide"));
  /* Translators: a group of checklist items by their target day */
  add_group (self, "phase-3", _("Days 61–90: Deliver"));

  for (guint i = 0; i < self->items->len; i++)
    {
      CmioPlanItem *row = g_ptr_array_index (self->items, i);
      guint group;

      if (row->archived)
        {
          if (archived < 0)
            archived = (int) add_group (self, "archived", _("Archived"));
          group = (guint) archived;
        }
      else if (row->target_day <= PHASE_1_LAST_DAY)
        group = 0;
      else if (row->target_day <= PHASE_2_LAST_DAY)
        group = 1;
      else
        group = 2;

      g_ptr_array_add (g_array_index (self->groups, Group, group).items, row);
    }

  for (guint g = 0; g < 3; g++)
    g_ptr_array_sort (g_array_index (self->groups, Group, g).items, compare_by_target);
}

static void
rebuild_groups (CmioPlan *self)
{
  g_array_remove_range (self->groups, 0, self->groups->len);

  if (self->grouping == CMIO_PLAN_GROUP_BY_PHASE)
    rebuild_groups_by_phase (self);
  else
    rebuild_groups_by_chapter (self);

  for (guint g = 0; g < self->groups->len; g++)
    {
      GPtrArray *items = g_array_index (self->groups, Group, g).items;

      for (guint i = 0; i < items->len; i++)
        {
          CmioPlanItem *row = g_ptr_array_index (items, i);

          row->group = g;
          row->index = i;
        }
    }
}

/* Replaces every row at once, so a list view gets one change. */
static void
rebuild_rows (CmioPlan *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  for (guint g = 0; g < self->groups->len; g++)
    {
      Group *group = &g_array_index (self->groups, Group, g);
      guint header_position = rows->len;

      group->n_shown = 0;
      group->n_shown_done = 0;
      g_ptr_array_add (rows, group->header);

      for (guint i = 0; i < group->items->len; i++)
        {
          CmioPlanItem *row = g_ptr_array_index (group->items, i);

          row->visible = passes (self, row);
          if (row->visible)
            {
              group->n_shown++;
              group->n_shown_done += row->done;
              g_ptr_array_add (rows, row);
            }
        }

      cmio_plan_item_set_counts (group->header, group->n_shown_done, group->n_shown);
      if (group->n_shown == 0)
        g_ptr_array_set_size (rows, header_position);
    }

  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
}

/* Where @row is, or would be if it were shown, in the rows. */
static guint
position_of (CmioPlan     *self,
             CmioPlanItem *row)
{
  Group *group = &g_array_index (self->groups, Group, row->group);
  guint position = 0;

  for (guint g = 0; g < row->group; g++)
    {
      guint n_shown = g_array_index (self->groups, Group, g).n_shown;

      if (n_shown > 0)
        position += 1 + n_shown;
    }

  position++;
  for (guint i = 0; i < row->index; i++)
    position += ((CmioPlanItem *) g_ptr_array_index (group->items, i))->visible;

  return position;
}

/* Every target date, and whether each item is late, from the start date
 * and today; then the rows, as the filter may now take others. */
static void
update_dates (CmioPlan *self)
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
    update_status (self, g_ptr_array_index (self->items, i));
}

static void
add_row (CmioPlan          *self,
         GHashTable        *old,
         CmioChecklistItem *item,
         gboolean           custom)
{
  const char *id = cmio_checklist_item_get_id (item);
  CmioPlanItem *row;

  /* Ids are unique across the pack, and custom ids are random. */
  if (g_hash_table_contains (self->by_id, id))
    return;

  row = old ? g_hash_table_lookup (old, id) : NULL;
  if (row != NULL && !row->archived && row->custom == !!custom)
    {
      g_object_ref (row);
      cmio_plan_item_set_item (row, item);
    }
  else
    row = cmio_plan_item_new_for_item (item, custom);

  row->order = self->items->len;
  g_hash_table_insert (self->by_id, row->id, row);
  g_ptr_array_add (self->items, row);
}

/* Custom items numbered after their chapter's items, as the progress does
 * when it knows the pack. */
static CmioChecklistItem *
number_custom_item (CmioChecklistItem *item,
                    CmioChapter       *chapter,
                    guint              index)
{
  g_autofree char *number = NULL;

  if (*cmio_checklist_item_get_number (item) != '\0')
    return g_object_ref (item);

  number = g_strdup_printf ("%u.%u", cmio_chapter_get_number (chapter), index);
  return cmio_checklist_item_new (cmio_checklist_item_get_id (item),
                                  cmio_checklist_item_get_chapter_id (item),
                                  number,
                                  cmio_checklist_item_get_text (item),
                                  cmio_checklist_item_get_detail (item),
                                  cmio_checklist_item_get_target_day (item),
                                  cmio_checklist_item_get_owner (item),
                                  cmio_checklist_item_get_required (item));
}

/* Reads the items again: the pack's, the custom ones and the archived ones. */
static void
reload_items (CmioPlan *self)
{
  g_autoptr(GHashTable) old = g_steal_pointer (&self->by_id);
  g_autoptr(GHashTable) custom = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) orphans = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *chapters = cmio_content_pack_get_chapters (self->pack);
  guint n_chapters = g_list_model_get_n_items (chapters);
  guint n_custom = cmio_progress_get_n_custom_items (self->progress);
  g_auto(GStrv) ids = NULL;
  guint n_ids;

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_ptr_array_set_size (self->items, 0);

  for (guint i = 0; i < n_custom; i++)
    {
      g_autoptr(CmioChecklistItem) item = cmio_progress_dup_custom_item (self->progress, i);
      const char *chapter_id = cmio_checklist_item_get_chapter_id (item);
      GPtrArray *list;

      if (cmio_content_pack_find_chapter (self->pack, chapter_id) == NULL)
        {
          g_ptr_array_add (orphans, g_steal_pointer (&item));
          continue;
        }

      list = g_hash_table_lookup (custom, chapter_id);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (custom, g_strdup (chapter_id), list);
        }
      g_ptr_array_add (list, g_steal_pointer (&item));
    }

  for (guint c = 0; c < n_chapters; c++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, c);
      const char *chapter_id = cmio_chapter_get_id (chapter);
      g_autoptr(GPtrArray) items = cmio_content_pack_get_chapter_items (self->pack, chapter_id);
      GPtrArray *list = g_hash_table_lookup (custom, chapter_id);

      for (guint i = 0; i < items->len; i++)
        add_row (self, old, g_ptr_array_index (items, i), FALSE);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          g_autoptr(CmioChecklistItem) item =
            number_custom_item (g_ptr_array_index (list, i), chapter, items->len + i + 1);

          add_row (self, old, item, TRUE);
        }
    }

  for (guint i = 0; i < orphans->len; i++)
    add_row (self, old, g_ptr_array_index (orphans, i), TRUE);

  /* Items with a state that are no longer anywhere, in a stable order. */
  ids = cmio_progress_dup_item_ids (self->progress);
  n_ids = g_strv_length (ids);
  qsort (ids, n_ids, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_ids; i++)
    {
      CmioPlanItem *row;

      if (g_hash_table_contains (self->by_id, ids[i]))
        continue;

      row = old ? g_hash_table_lookup (old, ids[i]) : NULL;
      if (row != NULL && row->archived)
        g_object_ref (row);
      else
        row = cmio_plan_item_new_archived (ids[i]);

      row->order = self->items->len;
      g_hash_table_insert (self->by_id, row->id, row);
      g_ptr_array_add (self->items, row);
    }

  update_dates (self);
  rebuild_groups (self);
  rebuild_rows (self);
}

/* A tick or untick: only the item's row, its header's counts, and the rows
 * that come or go with the filter change. */
static void
item_changed (CmioPlan   *self,
              const char *id)
{
  CmioPlanItem *row = id ? g_hash_table_lookup (self->by_id, id) : NULL;
  Group *group;
  gboolean was_done;
  gboolean was_shown;
  gboolean shown;
  guint position;

  /* An item that came or went as archived. */
  if (row == NULL || (row->archived && !has_state (self, id)))
    {
      if (row != NULL || id == NULL || has_state (self, id))
        reload_items (self);
      return;
    }

  was_done = row->done;
  was_shown = row->visible;
  update_status (self, row);
  if (row->done == was_done)
    return;

  shown = passes (self, row);
  group = &g_array_index (self->groups, Group, row->group);

  if (was_shown && shown)
    {
      if (row->done)
        group->n_shown_done++;
      else
        group->n_shown_done--;
      cmio_plan_item_set_counts (group->header, group->n_shown_done, group->n_shown);
    }
  else if (was_shown)
    {
      position = position_of (self, row);
      row->visible = FALSE;
      group->n_shown--;
      group->n_shown_done -= was_done;
      cmio_plan_item_set_counts (group->header, group->n_shown_done, group->n_shown);

      /* The last one shown takes its header with it. */
      if (group->n_shown == 0)
        g_list_store_splice (self->rows, position - 1, 2, NULL, 0);
      else
        g_list_store_remove (self->rows, position);
    }
  else if (shown)
    {
      row->visible = TRUE;
      group->n_shown++;
      group->n_shown_done += row->done;
      cmio_plan_item_set_counts (group->header, group->n_shown_done, group->n_shown);
      position = position_of (self, row);

      if (group->n_shown == 1)
        {
          gpointer added[] = { group->header, row };

          g_list_store_splice (self->rows, position - 1, 0, added, G_N_ELEMENTS (added));
        }
      else
        g_list_store_insert (self->rows, position, row);
    }
}

static void
dates_changed (CmioPlan *self)
{
  update_dates (self);
  rebuild_rows (self);
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
    item_changed (self, id);
  else if (g_strcmp0 (section, CMIO_SECTION_CUSTOM_ITEM) == 0)
    reload_items (self);
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
  g_array_set_clear_func (self->groups, (GDestroyNotify) group_clear);
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

  reload_items (self);
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

  g_ptr_array_sort (due, compare_by_target);
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
 * cmio_plan_set_grouping:
 * @self: a #CmioPlan
 * @grouping: by chapter, or by phase of the plan (days 0–30, 31–60, 61–90)
 *
 * Archived items make a last group of their own in either grouping.
 */
void
cmio_plan_set_grouping (CmioPlan         *self,
                        CmioPlanGrouping  grouping)
{
  g_return_if_fail (CMIO_IS_PLAN (self));
  g_return_if_fail (grouping <= CMIO_PLAN_GROUP_BY_PHASE);

  if (self->grouping == grouping)
    return;

  self->grouping = grouping;
  rebuild_groups (self);
  rebuild_rows (self);
}

/**
 * cmio_plan_set_filter:
 * @self: a #CmioPlan
 * @filter: which items to show
 *
 * Overdue and due this week are items not done whose target date is before
 * today, or from today to six days on; archived items are neither.
 */
void
cmio_plan_set_filter (CmioPlan       *self,
                      CmioPlanFilter  filter)
{
  g_return_if_fail (CMIO_IS_PLAN (self));
  g_return_if_fail (filter <= CMIO_PLAN_FILTER_REQUIRED);

  if (self->filter == filter)
    return;

  self->filter = filter;
  rebuild_rows (self);
}

/**
 * cmio_plan_set_search:
 * @self: a #CmioPlan
 * @text: (nullable): words to look for, all of them, in each item's number,
 *   text and detail, whatever their case and accents; %NULL or "" for all
 */
void
cmio_plan_set_search (CmioPlan   *self,
                      const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  g_return_if_fail (CMIO_IS_PLAN (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  while (p != NULL && *p != '\0')
    {
      const char *start;
      char *word;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;

      /* A word of combining accents alone folds to nothing, and matches all. */
      word = cmio_search_fold (start, p - start, NULL);
      if (*word != '\0')
        g_ptr_array_add (words, word);
      else
        g_free (word);
    }

  if (words->len == 0)
    {
      if (self->words == NULL)
        return;
      g_clear_pointer (&self->words, g_strfreev);
    }
  else
    {
      g_ptr_array_add (words, NULL);
      if (self->words != NULL && g_strv_equal ((const char * const *) self->words,
                                               (const char * const *) words->pdata))
        return;
      g_strfreev (self->words);
      self->words = (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
    }

  rebuild_rows (self);
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

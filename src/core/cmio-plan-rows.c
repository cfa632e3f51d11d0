/* cmio-plan-rows.c — the 90-day plan's items and rows: reading the items,
 * groups, filters and search
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "cmio-plan-private.h"
#include "cmio-progress-private.h"
#include "cmio-search-text.h"

/* The phases of the plan, by target day. */
#define PHASE_1_LAST_DAY 30
#define PHASE_2_LAST_DAY 60

/* Items */

static gboolean
has_state (CmioPlan   *self,
           const char *id)
{
  g_autoptr(JsonNode) record = cmio_progress_dup_item_record (self->progress, id);

  return record != NULL;
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

int
cmio_plan_compare_by_target (gconstpointer a,
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

void
cmio_plan_group_clear (Group *group)
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
    g_ptr_array_sort (g_array_index (self->groups, Group, g).items, cmio_plan_compare_by_target);
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
void
cmio_plan_rebuild_rows (CmioPlan *self)
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
void
cmio_plan_reload_items (CmioPlan *self)
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

  cmio_plan_update_dates (self);
  rebuild_groups (self);
  cmio_plan_rebuild_rows (self);
}

/* A tick or untick: only the item's row, its header's counts, and the rows
 * that come or go with the filter change. */
void
cmio_plan_update_item (CmioPlan   *self,
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
        cmio_plan_reload_items (self);
      return;
    }

  was_done = row->done;
  was_shown = row->visible;
  cmio_plan_update_status (self, row);
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

/* Public API */

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
  cmio_plan_rebuild_rows (self);
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
  cmio_plan_rebuild_rows (self);
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
  g_auto(GStrv) words = NULL;

  g_return_if_fail (CMIO_IS_PLAN (self));
  g_return_if_fail (text == NULL || g_utf8_validate (text, -1, NULL));

  words = cmio_search_split_words (text);
  if (words == NULL)
    {
      if (self->words == NULL)
        return;
      g_clear_pointer (&self->words, g_strfreev);
    }
  else
    {
      if (self->words != NULL && g_strv_equal ((const char * const *) self->words,
                                               (const char * const *) words))
        return;
      g_strfreev (self->words);
      self->words = g_steal_pointer (&words);
    }

  cmio_plan_rebuild_rows (self);
}

/* cmio-plan-item.c — one row of the 90-day plan: a group's header or an item
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-plan-item-private.h"

#include "cmio-search-text.h"

G_DEFINE_FINAL_TYPE (CmioPlanItem, cmio_plan_item, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CmioPlanRowKind, cmio_plan_row_kind,
                    G_DEFINE_ENUM_VALUE (CMIO_PLAN_ROW_HEADER, "header"),
                    G_DEFINE_ENUM_VALUE (CMIO_PLAN_ROW_ITEM, "item"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_N_DONE,
  PROP_N_TOTAL,
  PROP_ITEM,
  PROP_ID,
  PROP_CHAPTER_ID,
  PROP_NUMBER,
  PROP_TEXT,
  PROP_TARGET_DAY,
  PROP_TARGET_LABEL,
  PROP_DONE,
  PROP_OVERDUE,
  PROP_CUSTOM,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets *@field to a copy of @value and notifies @prop if it changed. */
static void
set_string (CmioPlanItem  *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static char *
fold_item (CmioChecklistItem *item)
{
  g_autofree char *text = g_strjoin ("\n",
                                     cmio_checklist_item_get_number (item),
                                     cmio_checklist_item_get_text (item),
                                     cmio_checklist_item_get_detail (item),
                                     NULL);

  return cmio_search_fold (text, -1, NULL);
}

static gboolean
items_equal (CmioChecklistItem *a,
             CmioChecklistItem *b)
{
  return a == b ||
         (g_strcmp0 (cmio_checklist_item_get_id (a), cmio_checklist_item_get_id (b)) == 0 &&
          g_strcmp0 (cmio_checklist_item_get_chapter_id (a),
                     cmio_checklist_item_get_chapter_id (b)) == 0 &&
          g_strcmp0 (cmio_checklist_item_get_number (a), cmio_checklist_item_get_number (b)) == 0 &&
          g_strcmp0 (cmio_checklist_item_get_text (a), cmio_checklist_item_get_text (b)) == 0 &&
          g_strcmp0 (cmio_checklist_item_get_detail (a), cmio_checklist_item_get_detail (b)) == 0 &&
          cmio_checklist_item_get_target_day (a) == cmio_checklist_item_get_target_day (b) &&
          cmio_checklist_item_get_owner (a) == cmio_checklist_item_get_owner (b) &&
          cmio_checklist_item_get_required (a) == cmio_checklist_item_get_required (b));
}

static void
cmio_plan_item_finalize (GObject *object)
{
  CmioPlanItem *self = (CmioPlanItem *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->item);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->chapter_id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->target_label, g_free);
  g_clear_pointer (&self->folded, g_free);

  G_OBJECT_CLASS (cmio_plan_item_parent_class)->finalize (object);
}

static void
cmio_plan_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CmioPlanItem *self = CMIO_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CHAPTER_ID:
      g_value_set_string (value, self->chapter_id);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_TARGET_DAY:
      g_value_set_int (value, self->target_day);
      break;

    case PROP_TARGET_LABEL:
      g_value_set_string (value, self->target_label);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;

    case PROP_CUSTOM:
      g_value_set_boolean (value, self->custom);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_plan_item_class_init (CmioPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cmio_plan_item_finalize;
  object_class->get_property = cmio_plan_item_get_property;

  /**
   * CmioPlanItem:kind:
   *
   * Whether the row is a group's header or an item.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CMIO_TYPE_PLAN_ROW_KIND, CMIO_PLAN_ROW_ITEM, flags);
  /**
   * CmioPlanItem:title:
   *
   * A header's title: "2. CMIO vs. CIO", "Days 0–30: Discover", "Archived"; %NULL
   * for items.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  /**
   * CmioPlanItem:n-done:
   *
   * How many of the group's items shown (those that pass the filter and the
   * search) are done.
   */
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * CmioPlanItem:n-total:
   *
   * How many of the group's items are shown.
   */
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  /**
   * CmioPlanItem:item:
   *
   * The checklist item, built-in or custom; %NULL for headers and archived items.
   */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, CMIO_TYPE_CHECKLIST_ITEM, flags);
  /**
   * CmioPlanItem:id:
   *
   * The item's id; %NULL for headers.
   */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  /**
   * CmioPlanItem:chapter-id:
   *
   * The chapter the item belongs to; %NULL for headers and archived items.
   */
  properties[PROP_CHAPTER_ID] = g_param_spec_string ("chapter-id", NULL, NULL, NULL, flags);
  /**
   * CmioPlanItem:number:
   *
   * The item's number, like "3.4"; "" for archived items.
   */
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  /**
   * CmioPlanItem:text:
   *
   * What to do; an archived item's id, as its text is no longer known.
   */
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  /**
   * CmioPlanItem:target-day:
   *
   * The day of the plan the item is due, 0–90; -1 for headers and archived items.
   */
  properties[PROP_TARGET_DAY] =
    g_param_spec_int ("target-day", NULL, NULL, -1, G_MAXINT, -1, flags);
  /**
   * CmioPlanItem:target-label:
   *
   * The target day and date, like "day 30 · Dec 2"; "" for archived items.
   */
  properties[PROP_TARGET_LABEL] = g_param_spec_string ("target-label", NULL, NULL, NULL, flags);
  /**
   * CmioPlanItem:done:
   *
   * Whether the item is ticked.
   */
  properties[PROP_DONE] = g_param_spec_boolean ("done", NULL, NULL, FALSE, flags);
  /**
   * CmioPlanItem:overdue:
   *
   * Whether the item is not done and its target date is before today.
   */
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  /**
   * CmioPlanItem:custom:
   *
   * Whether the user added the item.
   */
  properties[PROP_CUSTOM] = g_param_spec_boolean ("custom", NULL, NULL, FALSE, flags);
  /**
   * CmioPlanItem:archived:
   *
   * Whether the item has a state but is no longer in the handbook.
   */
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cmio_plan_item_init (CmioPlanItem *self)
{
  self->kind = CMIO_PLAN_ROW_ITEM;
  self->target_day = -1;
}

/* Private API, for CmioPlan */

CmioPlanItem *
cmio_plan_item_new_header (const char *title)
{
  CmioPlanItem *self = g_object_new (CMIO_TYPE_PLAN_ITEM, NULL);

  self->kind = CMIO_PLAN_ROW_HEADER;
  self->title = g_strdup (title);
  return self;
}

CmioPlanItem *
cmio_plan_item_new_for_item (CmioChecklistItem *item,
                             gboolean           custom)
{
  CmioPlanItem *self = g_object_new (CMIO_TYPE_PLAN_ITEM, NULL);

  self->item = g_object_ref (item);
  self->id = g_strdup (cmio_checklist_item_get_id (item));
  self->chapter_id = g_strdup (cmio_checklist_item_get_chapter_id (item));
  self->number = g_strdup (cmio_checklist_item_get_number (item));
  self->text = g_strdup (cmio_checklist_item_get_text (item));
  self->target_day = cmio_checklist_item_get_target_day (item);
  self->target_label = g_strdup ("");
  self->custom = !!custom;
  self->required = cmio_checklist_item_get_required (item);
  self->folded = fold_item (item);
  return self;
}

CmioPlanItem *
cmio_plan_item_new_archived (const char *id)
{
  CmioPlanItem *self = g_object_new (CMIO_TYPE_PLAN_ITEM, NULL);

  self->id = g_strdup (id);
  self->number = g_strdup ("");
  self->text = g_strdup (id);
  self->target_label = g_strdup ("");
  self->archived = TRUE;
  self->folded = cmio_search_fold (id, -1, NULL);
  return self;
}

/* Takes the fields of @item, a new copy of the same custom item; a copy
 * that is the same in every field changes nothing. */
void
cmio_plan_item_set_item (CmioPlanItem      *self,
                         CmioChecklistItem *item)
{
  g_return_if_fail (self->kind == CMIO_PLAN_ROW_ITEM && !self->archived);
  g_return_if_fail (g_strcmp0 (self->id, cmio_checklist_item_get_id (item)) == 0);

  if (items_equal (self->item, item))
    return;

  g_object_freeze_notify (G_OBJECT (self));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
  set_string (self, &self->chapter_id, cmio_checklist_item_get_chapter_id (item), PROP_CHAPTER_ID);
  set_string (self, &self->number, cmio_checklist_item_get_number (item), PROP_NUMBER);
  set_string (self, &self->text, cmio_checklist_item_get_text (item), PROP_TEXT);
  if (self->target_day != cmio_checklist_item_get_target_day (item))
    {
      self->target_day = cmio_checklist_item_get_target_day (item);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_DAY]);
    }
  self->required = cmio_checklist_item_get_required (item);
  g_free (self->folded);
  self->folded = fold_item (item);

  g_object_thaw_notify (G_OBJECT (self));
}

void
cmio_plan_item_set_title (CmioPlanItem *self,
                          const char   *title)
{
  set_string (self, &self->title, title, PROP_TITLE);
}

void
cmio_plan_item_set_counts (CmioPlanItem *self,
                           guint         n_done,
                           guint         n_total)
{
  if (self->n_done != n_done)
    {
      self->n_done = n_done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
    }

  if (self->n_total != n_total)
    {
      self->n_total = n_total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
    }
}

void
cmio_plan_item_set_target_label (CmioPlanItem *self,
                                 const char   *label)
{
  set_string (self, &self->target_label, label, PROP_TARGET_LABEL);
}

void
cmio_plan_item_set_done (CmioPlanItem *self,
                         gboolean      done)
{
  done = !!done;
  if (self->done == done)
    return;

  self->done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
}

void
cmio_plan_item_set_overdue (CmioPlanItem *self,
                            gboolean      overdue)
{
  overdue = !!overdue;
  if (self->overdue == overdue)
    return;

  self->overdue = overdue;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

/* Public API */

/**
 * cmio_plan_item_get_kind:
 * @self: a #CmioPlanItem
 *
 * Returns: whether the row is a group's header or an item
 */
CmioPlanRowKind
cmio_plan_item_get_kind (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), CMIO_PLAN_ROW_ITEM);
  return self->kind;
}

/**
 * cmio_plan_item_get_title:
 * @self: a #CmioPlanItem
 *
 * Returns: (nullable): a header's title, like "2. CMIO vs. CIO"; %NULL for items
 */
const char *
cmio_plan_item_get_title (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), NULL);
  return self->title;
}

/**
 * cmio_plan_item_get_n_done:
 * @self: a #CmioPlanItem
 *
 * Returns: for a header, how many of the group's items shown are done
 */
guint
cmio_plan_item_get_n_done (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), 0);
  return self->n_done;
}

/**
 * cmio_plan_item_get_n_total:
 * @self: a #CmioPlanItem
 *
 * Returns: for a header, how many of the group's items are shown
 */
guint
cmio_plan_item_get_n_total (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), 0);
  return self->n_total;
}

/**
 * cmio_plan_item_get_item:
 * @self: a #CmioPlanItem
 *
 * Returns: (transfer none) (nullable): the checklist item; %NULL for headers
 *   and archived items
 */
CmioChecklistItem *
cmio_plan_item_get_item (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), NULL);
  return self->item;
}

/**
 * cmio_plan_item_get_id:
 * @self: a #CmioPlanItem
 *
 * Returns: (nullable): the item's id; %NULL for headers
 */
const char *
cmio_plan_item_get_id (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), NULL);
  return self->id;
}

/**
 * cmio_plan_item_get_chapter_id:
 * @self: a #CmioPlanItem
 *
 * Returns: (nullable): the item's chapter; %NULL for headers and archived items
 */
const char *
cmio_plan_item_get_chapter_id (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), NULL);
  return self->chapter_id;
}

/**
 * cmio_plan_item_get_number:
 * @self: a #CmioPlanItem
 *
 * Returns: (nullable): the item's number, like "3.4"; "" for archived items
 */
const char *
cmio_plan_item_get_number (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), NULL);
  return self->number;
}

/**
 * cmio_plan_item_get_text:
 * @self: a #CmioPlanItem
 *
 * Returns: (nullable): what to do; the id of an archived item
 */
const char *
cmio_plan_item_get_text (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), NULL);
  return self->text;
}

/**
 * cmio_plan_item_get_target_day:
 * @self: a #CmioPlanItem
 *
 * Returns: the day of the plan the item is due; -1 for headers and archived items
 */
int
cmio_plan_item_get_target_day (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), -1);
  return self->target_day;
}

/**
 * cmio_plan_item_get_target_label:
 * @self: a #CmioPlanItem
 *
 * Returns: (nullable): the target day and date, like "day 30 · Dec 2"; ""
 *   for archived items
 */
const char *
cmio_plan_item_get_target_label (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), NULL);
  return self->target_label;
}

/**
 * cmio_plan_item_get_done:
 * @self: a #CmioPlanItem
 *
 * Returns: whether the item is ticked
 */
gboolean
cmio_plan_item_get_done (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), FALSE);
  return self->done;
}

/**
 * cmio_plan_item_get_overdue:
 * @self: a #CmioPlanItem
 *
 * Returns: whether the item is not done and its target date has passed
 */
gboolean
cmio_plan_item_get_overdue (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), FALSE);
  return self->overdue;
}

/**
 * cmio_plan_item_get_custom:
 * @self: a #CmioPlanItem
 *
 * Returns: whether the user added the item
 */
gboolean
cmio_plan_item_get_custom (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), FALSE);
  return self->custom;
}

/**
 * cmio_plan_item_get_archived:
 * @self: a #CmioPlanItem
 *
 * Returns: whether the item has a state but is no longer in the handbook
 */
gboolean
cmio_plan_item_get_archived (CmioPlanItem *self)
{
  g_return_val_if_fail (CMIO_IS_PLAN_ITEM (self), FALSE);
  return self->archived;
}

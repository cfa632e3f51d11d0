/* cmio-checklist-item.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-checklist-item.h"

#include <string.h>

struct _CmioChecklistItem
{
  GObject parent_instance;

  char *id;
  char *chapter_id;
  char *number;
  char *text;
  char *detail;
  int target_day;
  CmioOwner owner;
  gboolean required;
};

G_DEFINE_FINAL_TYPE (CmioChecklistItem, cmio_checklist_item, G_TYPE_OBJECT)

static const char * const owner_names[] = { "cmio", "mentor", "executive" };

static void
cmio_checklist_item_finalize (GObject *object)
{
  CmioChecklistItem *self = (CmioChecklistItem *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->chapter_id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (cmio_checklist_item_parent_class)->finalize (object);
}

static void
cmio_checklist_item_class_init (CmioChecklistItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cmio_checklist_item_finalize;
}

static void
cmio_checklist_item_init (CmioChecklistItem *self)
{
}

/**
 * cmio_checklist_item_new:
 * @id: the item's stable id
 * @chapter_id: the id of the chapter it belongs to
 * @number: its number as shown, like "3.4"
 * @text: what to do
 * @detail: (nullable): how or why
 * @target_day: the day of the 90-day plan it is due, 0–90
 * @owner: who does it
 * @required: whether it is required
 *
 * Returns: (transfer full): a new item; items from a content pack are immutable
 */
CmioChecklistItem *
cmio_checklist_item_new (const char *id,
                         const char *chapter_id,
                         const char *number,
                         const char *text,
                         const char *detail,
                         int         target_day,
                         CmioOwner   owner,
                         gboolean    required)
{
  CmioChecklistItem *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (CMIO_TYPE_CHECKLIST_ITEM, NULL);
  self->id = g_strdup (id);
  self->chapter_id = g_strdup (chapter_id ? chapter_id : "");
  self->number = g_strdup (number ? number : "");
  self->text = g_strdup (text);
  self->detail = g_strdup (detail ? detail : "");
  self->target_day = target_day;
  self->owner = owner;
  self->required = !!required;

  return self;
}

const char *
cmio_checklist_item_get_id (CmioChecklistItem *self)
{
  g_return_val_if_fail (CMIO_IS_CHECKLIST_ITEM (self), NULL);
  return self->id;
}

const char *
cmio_checklist_item_get_chapter_id (CmioChecklistItem *self)
{
  g_return_val_if_fail (CMIO_IS_CHECKLIST_ITEM (self), NULL);
  return self->chapter_id;
}

const char *
cmio_checklist_item_get_number (CmioChecklistItem *self)
{
  g_return_val_if_fail (CMIO_IS_CHECKLIST_ITEM (self), NULL);
  return self->number;
}

const char *
cmio_checklist_item_get_text (CmioChecklistItem *self)
{
  g_return_val_if_fail (CMIO_IS_CHECKLIST_ITEM (self), NULL);
  return self->text;
}

const char *
cmio_checklist_item_get_detail (CmioChecklistItem *self)
{
  g_return_val_if_fail (CMIO_IS_CHECKLIST_ITEM (self), NULL);
  return self->detail;
}

int
cmio_checklist_item_get_target_day (CmioChecklistItem *self)
{
  g_return_val_if_fail (CMIO_IS_CHECKLIST_ITEM (self), 0);
  return self->target_day;
}

CmioOwner
cmio_checklist_item_get_owner (CmioChecklistItem *self)
{
  g_return_val_if_fail (CMIO_IS_CHECKLIST_ITEM (self), CMIO_OWNER_CMIO);
  return self->owner;
}

gboolean
cmio_checklist_item_get_required (CmioChecklistItem *self)
{
  g_return_val_if_fail (CMIO_IS_CHECKLIST_ITEM (self), FALSE);
  return self->required;
}

/**
 * cmio_owner_from_string:
 * @str: "cmio", "mentor" or "executive"
 * @owner: (out): where to store the owner
 *
 * Returns: %TRUE if @str names an owner
 */
gboolean
cmio_owner_from_string (const char *str,
                        CmioOwner  *owner)
{
  g_return_val_if_fail (owner != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (owner_names); i++)
    {
      if (strcmp (str, owner_names[i]) == 0)
        {
          *owner = (CmioOwner) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cmio_owner_to_string (CmioOwner owner)
{
  g_return_val_if_fail (owner <= CMIO_OWNER_EXECUTIVE, NULL);
  return owner_names[owner];
}

/* cmio-progress-items.c — the states of chapters and checklist items, and
 * the user's own checklist items
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cmio-json.h"
#include "cmio-progress-private.h"

static gboolean
check_id (const char  *what,
          const char  *id,
          GError     **error)
{
  if (cmio_content_id_is_valid (id))
    return TRUE;

  g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
               _("“%s” is not a valid %s id"), id ? id : "", what);
  return FALSE;
}

static gboolean
check_chapter (CmioProgress  *self,
               const char    *chapter_id,
               GError       **error)
{
  if (!check_id (_("chapter"), chapter_id, error))
    return FALSE;

  /* Without a pack (tests, tools) any well-formed id is accepted; with one,
   * only its chapters, or chapters that already have a state. */
  if (self->pack != NULL && cmio_content_pack_find_chapter (self->pack, chapter_id) == NULL &&
      !json_object_has_member (self->chapters, chapter_id))
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_UNKNOWN_ID,
                   _("There is no chapter “%s” in the handbook"), chapter_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_item (CmioProgress  *self,
            const char    *item_id,
            GError       **error)
{
  if (!check_id (_("checklist item"), item_id, error))
    return FALSE;

  if (self->pack != NULL && cmio_content_pack_find_item (self->pack, item_id) == NULL &&
      cmio_records_find (self->custom_items, item_id) < 0 &&
      !json_object_has_member (self->items, item_id))
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_UNKNOWN_ID,
                   _("There is no checklist item “%s”"), item_id);
      return FALSE;
    }

  return TRUE;
}

/* Chapters */

gboolean
cmio_progress_get_chapter_read (CmioProgress *self,
                                const char   *chapter_id)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (chapter_id != NULL, FALSE);

  return cmio_record_get_boolean (json_object_get_member (self->chapters, chapter_id), "read");
}

/* The maps of chapters and items come from the parser sealed, and are
 * shared as they are until the first change copies them: a big file loads
 * without copying its thousands of records. */
static JsonObject *
mutable_map (JsonObject **map)
{
  if (json_object_is_immutable (*map))
    {
      JsonObject *copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, *map);
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (copy, name, json_node_ref (member));

      json_object_unref (*map);
      *map = copy;
    }

  return *map;
}

static void
replace_member (JsonObject **map,
                const char  *id,
                JsonNode    *record)
{
  json_object_set_member (mutable_map (map), id, record);
}

/**
 * cmio_progress_set_chapter_read:
 * @self: a #CmioProgress
 * @chapter_id: a chapter id
 * @read: whether the chapter has been read; marking it read stamps the time
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the change was made
 */
gboolean
cmio_progress_set_chapter_read (CmioProgress  *self,
                                const char    *chapter_id,
                                gboolean       read,
                                GError       **error)
{
  JsonNode *old;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!cmio_progress_check_writable (self, error) || !check_chapter (self, chapter_id, error))
    return FALSE;

  read = !!read;
  old = json_object_get_member (self->chapters, chapter_id);
  if (old != NULL && cmio_record_get_boolean (old, "read") == read)
    return TRUE;

  now = read ? cmio_progress_now () : NULL;
  replace_member (&self->chapters, chapter_id,
                  cmio_record_with (old,
                                    "read", cmio_value_boolean (read),
                                    "read_at", cmio_value_string (now),
                                    NULL));
  cmio_progress_emit_changed (self, CMIO_SECTION_CHAPTER, chapter_id);
  return TRUE;
}

/**
 * cmio_progress_get_chapter_position:
 * @self: a #CmioProgress
 * @chapter_id: a chapter id
 *
 * Returns: how far down the chapter the reader was, 0 to 1
 */
double
cmio_progress_get_chapter_position (CmioProgress *self,
                                    const char   *chapter_id)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), 0);
  g_return_val_if_fail (chapter_id != NULL, 0);

  return cmio_record_get_double (json_object_get_member (self->chapters, chapter_id), "position", 0);
}

gboolean
cmio_progress_set_chapter_position (CmioProgress  *self,
                                    const char    *chapter_id,
                                    double         position,
                                    GError       **error)
{
  JsonNode *old;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!cmio_progress_check_writable (self, error) || !check_chapter (self, chapter_id, error))
    return FALSE;

  if (!isfinite (position) || position < 0 || position > 1)
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("A reading position is between 0 and 1, not %g"), position);
      return FALSE;
    }

  old = json_object_get_member (self->chapters, chapter_id);
  if (old != NULL && cmio_record_get_double (old, "position", -1) == position)
    return TRUE;

  replace_member (&self->chapters, chapter_id,
                  cmio_record_with (old,
                                    "read", cmio_value_boolean (cmio_record_get_boolean (old, "read")),
                                    "position", cmio_value_double (position),
                                    NULL));
  cmio_progress_emit_changed (self, CMIO_SECTION_CHAPTER, chapter_id);
  return TRUE;
}

/* Checklist items */

/**
 * cmio_progress_dup_item_ids:
 * @self: a #CmioProgress
 *
 * Returns: (transfer full): the ids of every item that has a state,
 *   including items no longer in the handbook
 */
GStrv
cmio_progress_dup_item_ids (CmioProgress *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObjectIter iter;
  const char *name;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);

  json_object_iter_init (&iter, self->items);
  while (json_object_iter_next (&iter, &name, NULL))
    g_strv_builder_add (builder, name);

  return g_strv_builder_end (builder);
}

gboolean
cmio_progress_get_item_done (CmioProgress *self,
                             const char   *item_id)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  return cmio_record_get_boolean (json_object_get_member (self->items, item_id), "done");
}

/**
 * cmio_progress_get_item_done_at:
 * @self: a #CmioProgress
 * @item_id: an item id
 *
 * Returns: (nullable): when the item was ticked, as an ISO 8601 UTC time
 */
const char *
cmio_progress_get_item_done_at (CmioProgress *self,
                                const char   *item_id)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return cmio_record_get_string (json_object_get_member (self->items, item_id), "done_at");
}

/**
 * cmio_progress_set_item_done:
 * @self: a #CmioProgress
 * @item_id: an item id of the handbook, a custom item's or one with a state
 * @done: whether it is done; ticking stamps the time, unticking clears it
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the change was made
 */
gboolean
cmio_progress_set_item_done (CmioProgress  *self,
                             const char    *item_id,
                             gboolean       done,
                             GError       **error)
{
  JsonNode *old;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!cmio_progress_check_writable (self, error) || !check_item (self, item_id, error))
    return FALSE;

  done = !!done;
  old = json_object_get_member (self->items, item_id);
  if (cmio_record_get_boolean (old, "done") == done && (old != NULL || !done))
    return TRUE;

  now = done ? cmio_progress_now () : NULL;
  replace_member (&self->items, item_id,
                  cmio_record_with (old,
                                    "done", cmio_value_boolean (done),
                                    "done_at", cmio_value_string (now),
                                    NULL));
  cmio_progress_emit_changed (self, CMIO_SECTION_ITEM, item_id);
  return TRUE;
}

/**
 * cmio_progress_get_item_evidence:
 * @self: a #CmioProgress
 * @item_id: an item id
 *
 * Returns: (nullable): what the user noted as evidence of the item
 */
const char *
cmio_progress_get_item_evidence (CmioProgress *self,
                                 const char   *item_id)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  return cmio_record_get_string (json_object_get_member (self->items, item_id), "evidence");
}

gboolean
cmio_progress_set_item_evidence (CmioProgress  *self,
                                 const char    *item_id,
                                 const char    *evidence,
                                 GError       **error)
{
  JsonNode *old;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!cmio_progress_check_writable (self, error) || !check_item (self, item_id, error) ||
      !cmio_progress_check_text (_("evidence"), evidence, CMIO_PROGRESS_MAX_TEXT, error))
    return FALSE;

  old = json_object_get_member (self->items, item_id);
  if (g_strcmp0 (cmio_record_get_string (old, "evidence"), evidence) == 0)
    return TRUE;

  replace_member (&self->items, item_id,
                  cmio_record_with (old,
                                    "done", cmio_value_boolean (cmio_record_get_boolean (old, "done")),
                                    "evidence", cmio_value_string (evidence),
                                    NULL));
  cmio_progress_emit_changed (self, CMIO_SECTION_ITEM, item_id);
  return TRUE;
}

/**
 * cmio_progress_get_item_mentor:
 * @self: a #CmioProgress
 * @item_id: an item id
 * @comment: (out) (optional) (nullable): the mentor's comment
 * @by: (out) (optional) (nullable): the mentor's name
 * @at: (out) (optional) (nullable): when the mentor reviewed it
 *
 * Returns: the mentor's mark on the item, from an imported review
 */
CmioMentorStatus
cmio_progress_get_item_mentor (CmioProgress  *self,
                               const char    *item_id,
                               const char   **comment,
                               const char   **by,
                               const char   **at)
{
  JsonNode *record;
  JsonNode *mentor;
  const char *status;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), CMIO_MENTOR_STATUS_NONE);
  g_return_val_if_fail (item_id != NULL, CMIO_MENTOR_STATUS_NONE);

  record = json_object_get_member (self->items, item_id);
  mentor = record ? json_object_get_member (json_node_get_object (record), "mentor") : NULL;
  if (mentor == NULL || !JSON_NODE_HOLDS_OBJECT (mentor))
    mentor = NULL;

  if (comment != NULL)
    *comment = cmio_record_get_string (mentor, "comment");
  if (by != NULL)
    *by = cmio_record_get_string (mentor, "by");
  if (at != NULL)
    *at = cmio_record_get_string (mentor, "at");

  status = cmio_record_get_string (mentor, "status");
  if (g_strcmp0 (status, "approved") == 0)
    return CMIO_MENTOR_STATUS_APPROVED;
  if (g_strcmp0 (status, "discuss") == 0)
    return CMIO_MENTOR_STATUS_DISCUSS;

  return CMIO_MENTOR_STATUS_NONE;
}

/**
 * cmio_progress_set_item_mentor:
 * @self: a #CmioProgress
 * @item_id: an item id
 * @status: the mentor's mark; %CMIO_MENTOR_STATUS_NONE removes it
 * @comment: (nullable): the mentor's comment
 * @by: (nullable): the mentor's name
 * @at: (nullable): when the mentor reviewed it, ISO 8601 UTC
 * @error: return location for a #GError
 *
 * Sets the mentor's mark; the user's own tick and evidence stay as they are.
 *
 * Returns: %TRUE if the change was made
 */
gboolean
cmio_progress_set_item_mentor (CmioProgress      *self,
                               const char        *item_id,
                               CmioMentorStatus   status,
                               const char        *comment,
                               const char        *by,
                               const char        *at,
                               GError           **error)
{
  JsonNode *old;
  JsonNode *old_mentor;
  JsonNode *mentor = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (status <= CMIO_MENTOR_STATUS_DISCUSS, FALSE);

  if (!cmio_progress_check_writable (self, error) || !check_item (self, item_id, error) ||
      !cmio_progress_check_text (_("mentor's comment"), comment, CMIO_PROGRESS_MAX_TEXT, error) ||
      !cmio_progress_check_text (_("mentor's name"), by, CMIO_PROGRESS_MAX_SHORT_TEXT, error))
    return FALSE;

  if (at != NULL && !cmio_progress_timestamp_is_valid (at))
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("“%s” is not a time in the form 2026-11-27T09:30:00Z"), at);
      return FALSE;
    }

  old = json_object_get_member (self->items, item_id);
  old_mentor = old ? json_object_get_member (json_node_get_object (old), "mentor") : NULL;
  if (old_mentor != NULL && !JSON_NODE_HOLDS_OBJECT (old_mentor))
    old_mentor = NULL;

  if (status != CMIO_MENTOR_STATUS_NONE)
    mentor = cmio_record_with (old_mentor,
                               "status", cmio_value_string (status == CMIO_MENTOR_STATUS_APPROVED ?
                                                            "approved" : "discuss"),
                               "comment", cmio_value_string (comment),
                               "by", cmio_value_string (by),
                               "at", cmio_value_string (at),
                               NULL);

  replace_member (&self->items, item_id,
                  cmio_record_with (old,
                                    "done", cmio_value_boolean (cmio_record_get_boolean (old, "done")),
                                    "mentor", mentor,
                                    NULL));
  cmio_progress_emit_changed (self, CMIO_SECTION_ITEM, item_id);
  return TRUE;
}

/**
 * cmio_progress_remove_item_state:
 * @self: a #CmioProgress
 * @item_id: an item id
 * @error: return location for a #GError
 *
 * Forgets an item's state, as for an archived item the user deletes.
 *
 * Returns: %TRUE if there was a state and it is gone
 */
gboolean
cmio_progress_remove_item_state (CmioProgress  *self,
                                 const char    *item_id,
                                 GError       **error)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  if (!cmio_progress_check_writable (self, error))
    return FALSE;

  if (!json_object_has_member (self->items, item_id))
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NOT_FOUND,
                   _("The checklist item “%s” has no saved state"), item_id);
      return FALSE;
    }

  json_object_remove_member (mutable_map (&self->items), item_id);
  cmio_progress_emit_changed (self, CMIO_SECTION_ITEM, item_id);
  return TRUE;
}

/* Custom items */

guint
cmio_progress_get_n_custom_items (CmioProgress *self)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), 0);
  return self->custom_items->len;
}

/* Custom items are numbered after their chapter's built-in items, in
 * their order: "3.7", "3.8"… All numbers are made in one pass and kept
 * until the custom items or the pack change, so that asking for each of
 * thousands of items stays cheap. */
static const char *
custom_number (CmioProgress *self,
               guint         position)
{
  if (self->custom_numbers == NULL)
    {
      g_autoptr(GHashTable) next = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      GListModel *items = cmio_content_pack_get_items (self->pack);

      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(CmioChecklistItem) item = g_list_model_get_item (items, i);
          const char *chapter = cmio_content_pack_find_chapter (self->pack,
                                                                cmio_checklist_item_get_chapter_id (item))
                                ? cmio_checklist_item_get_chapter_id (item) : NULL;
          guint *count;

          if (chapter == NULL)
            continue;
          if ((count = g_hash_table_lookup (next, chapter)) == NULL)
            g_hash_table_insert (next, (gpointer) chapter, count = g_new0 (guint, 1));
          (*count)++;
        }

      self->custom_numbers = g_ptr_array_new_full (self->custom_items->len, g_free);
      for (guint i = 0; i < self->custom_items->len; i++)
        {
          const char *chapter_id = cmio_record_get_string (g_ptr_array_index (self->custom_items, i), "chapter");
          CmioChapter *chapter = cmio_content_pack_find_chapter (self->pack, chapter_id);
          guint *count;

          if (chapter == NULL)
            {
              g_ptr_array_add (self->custom_numbers, NULL);
              continue;
            }

          if ((count = g_hash_table_lookup (next, cmio_chapter_get_id (chapter))) == NULL)
            g_hash_table_insert (next, (gpointer) cmio_chapter_get_id (chapter), count = g_new0 (guint, 1));
          (*count)++;
          g_ptr_array_add (self->custom_numbers,
                           g_strdup_printf ("%u.%u", cmio_chapter_get_number (chapter), *count));
        }
    }

  return g_ptr_array_index (self->custom_numbers, position);
}

/**
 * cmio_progress_dup_custom_item:
 * @self: a #CmioProgress
 * @position: which custom item
 *
 * Returns: (transfer full): the item, numbered after its chapter's built-in
 *   items when a content pack is set
 */
CmioChecklistItem *
cmio_progress_dup_custom_item (CmioProgress *self,
                               guint         position)
{
  JsonNode *record;
  const char *chapter_id;
  g_autofree char *number = NULL;
  CmioOwner owner = CMIO_OWNER_CMIO;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (position < self->custom_items->len, NULL);

  record = g_ptr_array_index (self->custom_items, position);
  chapter_id = cmio_record_get_string (record, "chapter");
  cmio_owner_from_string (cmio_record_get_string (record, "owner"), &owner);

  if (self->pack != NULL)
    number = g_strdup (custom_number (self, position));

  return cmio_checklist_item_new (cmio_record_get_string (record, "id"), chapter_id, number,
                                  cmio_record_get_string (record, "text"), NULL,
                                  (int) cmio_record_get_int (record, "target_day", 0), owner,
                                  cmio_record_get_boolean (record, "required"));
}

/**
 * cmio_progress_get_custom_item_field:
 * @self: a #CmioProgress
 * @position: which custom item
 * @field: "id", "chapter" or "text"
 *
 * A field of a custom item, without making the item: cheap, for counting.
 *
 * Returns: (nullable): the field's value
 */
const char *
cmio_progress_get_custom_item_field (CmioProgress *self,
                                     guint         position,
                                     const char   *field)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (position < self->custom_items->len, NULL);

  return cmio_record_get_string (g_ptr_array_index (self->custom_items, position), field);
}

static gboolean
check_custom_item (CmioProgress  *self,
                   const char    *text,
                   int            target_day,
                   CmioOwner      owner,
                   GError       **error)
{
  if (text == NULL || cmio_text_is_blank (text))
    {
      g_set_error_literal (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                           _("A checklist item needs a text"));
      return FALSE;
    }

  if (!cmio_progress_check_text (_("checklist item"), text, CMIO_PROGRESS_MAX_SHORT_TEXT, error))
    return FALSE;

  if (target_day < 0 || target_day > 90)
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("A target day is between 0 and 90, not %d"), target_day);
      return FALSE;
    }

  if (owner > CMIO_OWNER_EXECUTIVE)
    {
      g_set_error_literal (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                           _("Unknown owner for a checklist item"));
      return FALSE;
    }

  return TRUE;
}

/**
 * cmio_progress_add_custom_item:
 * @self: a #CmioProgress
 * @chapter_id: the chapter it belongs to
 * @text: what to do
 * @target_day: the day of the plan it is due, 0–90
 * @owner: who does it
 * @required: whether it is required
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new item's id
 */
char *
cmio_progress_add_custom_item (CmioProgress  *self,
                               const char    *chapter_id,
                               const char    *text,
                               int            target_day,
                               CmioOwner      owner,
                               gboolean       required,
                               GError       **error)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);

  if (!cmio_progress_check_writable (self, error) || !check_chapter (self, chapter_id, error) ||
      !check_custom_item (self, text, target_day, owner, error))
    return NULL;

  id = cmio_progress_new_id ("custom");
  g_ptr_array_add (self->custom_items,
                   cmio_record_with (NULL,
                                     "id", cmio_value_string (id),
                                     "chapter", cmio_value_string (chapter_id),
                                     "text", cmio_value_string (text),
                                     "target_day", cmio_value_int (target_day),
                                     "owner", cmio_value_string (cmio_owner_to_string (owner)),
                                     "required", cmio_value_boolean (required),
                                     NULL));
  cmio_progress_emit_changed (self, CMIO_SECTION_CUSTOM_ITEM, id);
  return g_steal_pointer (&id);
}

gboolean
cmio_progress_update_custom_item (CmioProgress  *self,
                                  const char    *item_id,
                                  const char    *text,
                                  int            target_day,
                                  CmioOwner      owner,
                                  gboolean       required,
                                  GError       **error)
{
  JsonNode *old;
  int position;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!cmio_progress_check_writable (self, error) ||
      (position = cmio_records_find_or_fail (self->custom_items, item_id, _("custom item"), error)) < 0 ||
      !check_custom_item (self, text, target_day, owner, error))
    return FALSE;

  old = g_ptr_array_index (self->custom_items, position);
  self->custom_items->pdata[position] =
    cmio_record_with (old,
                      "text", cmio_value_string (text),
                      "target_day", cmio_value_int (target_day),
                      "owner", cmio_value_string (cmio_owner_to_string (owner)),
                      "required", cmio_value_boolean (required),
                      NULL);
  json_node_unref (old);
  cmio_progress_emit_changed (self, CMIO_SECTION_CUSTOM_ITEM, item_id);
  return TRUE;
}

gboolean
cmio_progress_remove_custom_item (CmioProgress  *self,
                                  const char    *item_id,
                                  GError       **error)
{
  g_autofree char *id = g_strdup (item_id);
  int position;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!cmio_progress_check_writable (self, error) ||
      (position = cmio_records_find_or_fail (self->custom_items, item_id, _("custom item"), error)) < 0)
    return FALSE;

  g_ptr_array_remove_index (self->custom_items, position);
  if (json_object_has_member (self->items, id))
    json_object_remove_member (mutable_map (&self->items), id);
  cmio_progress_emit_changed (self, CMIO_SECTION_CUSTOM_ITEM, id);
  return TRUE;
}

/* Undo */

/* The item's state record as it is now, or NULL when it has none. */
JsonNode *
cmio_progress_dup_item_record (CmioProgress *self,
                               const char   *item_id)
{
  JsonNode *record = json_object_get_member (self->items, item_id);

  return record ? json_node_ref (record) : NULL;
}

/* Puts back @record (or no state, when NULL) as the item's state. */
void
cmio_progress_restore_item_record (CmioProgress *self,
                                   const char   *item_id,
                                   JsonNode     *record)
{
  if (record != NULL)
    {
      /* json_object_set_member() takes no reference when the member is
       * that node already: it must not be given one then. */
      if (json_object_get_member (self->items, item_id) != record)
        replace_member (&self->items, item_id, json_node_ref (record));
    }
  else if (json_object_has_member (self->items, item_id))
    json_object_remove_member (mutable_map (&self->items), item_id);

  cmio_progress_emit_changed (self, CMIO_SECTION_ITEM, item_id);
}

int
cmio_progress_find_custom_item (CmioProgress *self,
                                const char   *item_id)
{
  return cmio_records_find (self->custom_items, item_id);
}

JsonNode *
cmio_progress_dup_custom_record (CmioProgress *self,
                                 guint         position)
{
  return json_node_ref (g_ptr_array_index (self->custom_items, position));
}

/* Puts back the custom item @item_id: @record at @position (replacing the
 * item there with that id, or inserted), or removes it when @record is NULL. */
void
cmio_progress_restore_custom_record (CmioProgress *self,
                                     guint         position,
                                     const char   *item_id,
                                     JsonNode     *record)
{
  int current = cmio_records_find (self->custom_items, item_id);

  /* Not a custom item before or after: nothing to put back. */
  if (current < 0 && record == NULL)
    return;

  if (current >= 0)
    g_ptr_array_remove_index (self->custom_items, current);

  if (record != NULL)
    g_ptr_array_insert (self->custom_items, MIN (position, self->custom_items->len),
                        json_node_ref (record));

  cmio_progress_emit_changed (self, CMIO_SECTION_CUSTOM_ITEM, item_id);
}

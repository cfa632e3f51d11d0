/* cmio-undo-stack.c — changes that can be taken back, newest first
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cmio-progress-private.h"
#include "cmio-undo-stack.h"

/* The most changes kept for undoing. */
#define MAX_ENTRIES 100

/* Each change keeps the records it replaced, exactly, so that undoing puts
 * back the old tick with its old time, not a new one. */
typedef struct
{
  char *label;
  char *item_id;
  JsonNode *item_record;     /* the item's state before, or NULL */
  JsonNode *custom_record;   /* the custom item before, or NULL */
  int custom_position;       /* where it was; -1 if it was not a custom item */
  const char *section;       /* a deleted note or assessment, or a review added, instead of an item */
  char *record_id;
  JsonNode *record;          /* the note or assessment before; NULL for a review added */
  int record_position;
  GPtrArray *parts;          /* an imported review: an entry per item it changed */
} Entry;

struct _CmioUndoStack
{
  GObject parent_instance;

  CmioProgress *progress;
  GPtrArray *entries;
};

G_DEFINE_FINAL_TYPE (CmioUndoStack, cmio_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (Entry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->label);
  g_free (entry->item_id);
  g_clear_pointer (&entry->item_record, json_node_unref);
  g_clear_pointer (&entry->custom_record, json_node_unref);
  g_free (entry->record_id);
  g_clear_pointer (&entry->record, json_node_unref);
  g_clear_pointer (&entry->parts, g_ptr_array_unref);
  g_free (entry);
}

/* Notes what the item and its custom record are now, before a change. */
static Entry *
entry_new (CmioUndoStack *self,
           const char    *label,
           const char    *item_id)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->label = g_strdup (label);
  entry->item_id = g_strdup (item_id);
  entry->item_record = cmio_progress_dup_item_record (self->progress, item_id);
  entry->custom_position = cmio_progress_find_custom_item (self->progress, item_id);
  if (entry->custom_position >= 0)
    entry->custom_record = cmio_progress_dup_custom_record (self->progress, entry->custom_position);

  return entry;
}

static void
push (CmioUndoStack *self,
      Entry         *entry)
{
  gboolean could = self->entries->len > 0;

  g_ptr_array_add (self->entries, entry);
  if (self->entries->len > MAX_ENTRIES)
    g_ptr_array_remove_index (self->entries, 0);

  if (!could)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
cmio_undo_stack_finalize (GObject *object)
{
  CmioUndoStack *self = (CmioUndoStack *) object;

  g_clear_object (&self->progress);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (cmio_undo_stack_parent_class)->finalize (object);
}

static void
cmio_undo_stack_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CmioUndoStack *self = CMIO_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cmio_undo_stack_can_undo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_undo_stack_class_init (CmioUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cmio_undo_stack_finalize;
  object_class->get_property = cmio_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cmio_undo_stack_init (CmioUndoStack *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

/**
 * cmio_undo_stack_new:
 * @progress: the progress the changes are made to
 *
 * Returns: (transfer full): an empty undo stack
 */
CmioUndoStack *
cmio_undo_stack_new (CmioProgress *progress)
{
  CmioUndoStack *self;

  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);

  self = g_object_new (CMIO_TYPE_UNDO_STACK, NULL);
  self->progress = g_object_ref (progress);
  return self;
}

gboolean
cmio_undo_stack_can_undo (CmioUndoStack *self)
{
  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);
  return self->entries->len > 0;
}

/**
 * cmio_undo_stack_get_label:
 * @self: a #CmioUndoStack
 *
 * Returns: (nullable): what the next undo takes back, for a toast
 */
const char *
cmio_undo_stack_get_label (CmioUndoStack *self)
{
  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), NULL);

  if (self->entries->len == 0)
    return NULL;
  return ((Entry *) g_ptr_array_index (self->entries, self->entries->len - 1))->label;
}

/**
 * cmio_undo_stack_undo:
 * @self: a #CmioUndoStack
 * @error: return location for a #GError
 *
 * Takes back the newest change, putting back exactly what it replaced.
 *
 * Returns: %TRUE if a change was taken back
 */
gboolean
cmio_undo_stack_undo (CmioUndoStack  *self,
                      GError        **error)
{
  Entry *entry;

  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);

  if (self->entries->len == 0)
    {
      g_set_error_literal (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NOT_FOUND,
                           _("There is nothing to undo"));
      return FALSE;
    }

  if (!cmio_progress_check_writable (self->progress, error))
    return FALSE;

  entry = g_ptr_array_steal_index (self->entries, self->entries->len - 1);
  if (entry->parts != NULL)
    {
      for (guint i = entry->parts->len; i-- > 0;)
        {
          Entry *part = g_ptr_array_index (entry->parts, i);

          cmio_progress_restore_item_record (self->progress, part->item_id, part->item_record);
        }
    }
  if (entry->section != NULL)
    {
      cmio_progress_restore_record (self->progress, entry->section, MAX (entry->record_position, 0),
                                    entry->record_id, entry->record);
    }
  else if (entry->parts == NULL)
    {
      cmio_progress_restore_custom_record (self->progress, MAX (entry->custom_position, 0),
                                           entry->item_id, entry->custom_record);
      cmio_progress_restore_item_record (self->progress, entry->item_id, entry->item_record);
    }
  entry_free (entry);

  if (self->entries->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);

  return TRUE;
}

/* Makes a change through @change, and keeps it for undoing if it worked. */
#define UNDOABLE(self, label, item_id, change) \
  G_STMT_START { \
    Entry *entry_ = entry_new ((self), (label), (item_id)); \
    if (!(change)) \
      { \
        entry_free (entry_); \
        return FALSE; \
      } \
    push ((self), entry_); \
    return TRUE; \
  } G_STMT_END

gboolean
cmio_undo_stack_set_item_done (CmioUndoStack  *self,
                               const char     *item_id,
                               gboolean        done,
                               GError        **error)
{
  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);

  UNDOABLE (self, done ? _("Item ticked") : _("Item unticked"), item_id,
            cmio_progress_set_item_done (self->progress, item_id, done, error));
}

gboolean
cmio_undo_stack_set_item_evidence (CmioUndoStack  *self,
                                   const char     *item_id,
                                   const char     *evidence,
                                   GError        **error)
{
  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);

  UNDOABLE (self, _("Evidence changed"), item_id,
            cmio_progress_set_item_evidence (self->progress, item_id, evidence, error));
}

/**
 * cmio_undo_stack_add_custom_item:
 * @self: a #CmioUndoStack
 * @chapter_id: the chapter
 * @text: what to do
 * @target_day: 0–90
 * @owner: who does it
 * @required: whether it is required
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new item's id
 */
char *
cmio_undo_stack_add_custom_item (CmioUndoStack  *self,
                                 const char     *chapter_id,
                                 const char     *text,
                                 int             target_day,
                                 CmioOwner       owner,
                                 gboolean        required,
                                 GError        **error)
{
  g_autofree char *id = NULL;
  Entry *entry;

  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), NULL);

  id = cmio_progress_add_custom_item (self->progress, chapter_id, text, target_day, owner,
                                      required, error);
  if (id == NULL)
    return NULL;

  /* Undoing an addition removes the item: before it, it did not exist. */
  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (_("Item added"));
  entry->item_id = g_strdup (id);
  entry->custom_position = -1;
  push (self, entry);
  return g_steal_pointer (&id);
}

gboolean
cmio_undo_stack_update_custom_item (CmioUndoStack  *self,
                                    const char     *item_id,
                                    const char     *text,
                                    int             target_day,
                                    CmioOwner       owner,
                                    gboolean        required,
                                    GError        **error)
{
  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);

  UNDOABLE (self, _("Item changed"), item_id,
            cmio_progress_update_custom_item (self->progress, item_id, text, target_day, owner,
                                              required, error));
}

gboolean
cmio_undo_stack_remove_custom_item (CmioUndoStack  *self,
                                    const char     *item_id,
                                    GError        **error)
{
  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);

  UNDOABLE (self, _("Item deleted"), item_id,
            cmio_progress_remove_custom_item (self->progress, item_id, error));
}

gboolean
cmio_undo_stack_remove_item_state (CmioUndoStack  *self,
                                   const char     *item_id,
                                   GError        **error)
{
  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);

  UNDOABLE (self, _("Archived item deleted"), item_id,
            cmio_progress_remove_item_state (self->progress, item_id, error));
}

/* Deletes a note or self-assessment through @remove, keeping it to undo. */
static gboolean
remove_record (CmioUndoStack  *self,
               const char     *section,
               const char     *id,
               const char     *label,
               gboolean      (*remove) (CmioProgress *, const char *, GError **),
               GError        **error)
{
  Entry *entry;
  int position;

  position = cmio_progress_find_record (self->progress, section, id);
  if (position < 0)
    return remove (self->progress, id, error);

  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (label);
  entry->section = section;
  entry->record_id = g_strdup (id);
  entry->record_position = position;
  entry->record = cmio_progress_dup_record (self->progress, section, position);
  entry->custom_position = -1;

  if (!remove (self->progress, id, error))
    {
      entry_free (entry);
      return FALSE;
    }

  push (self, entry);
  return TRUE;
}

/**
 * cmio_undo_stack_remove_note:
 * @self: a #CmioUndoStack
 * @note_id: the note
 * @error: return location for a #GError
 *
 * Deletes a note; undoing puts it back where it was, with its text, title,
 * sharing and time unchanged.
 */
gboolean
cmio_undo_stack_remove_note (CmioUndoStack  *self,
                             const char     *note_id,
                             GError        **error)
{
  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);

  return remove_record (self, CMIO_SECTION_NOTE, note_id, _("Note deleted"),
                        cmio_progress_remove_note, error);
}

/**
 * cmio_undo_stack_remove_assessment:
 * @self: a #CmioUndoStack
 * @assessment_id: a completed self-assessment
 * @error: return location for a #GError
 *
 * Deletes a self-assessment; undoing puts it back, answers and times
 * unchanged.
 */
gboolean
cmio_undo_stack_remove_assessment (CmioUndoStack  *self,
                                   const char     *assessment_id,
                                   GError        **error)
{
  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);

  return remove_record (self, CMIO_SECTION_ASSESSMENT, assessment_id, _("Self-assessment deleted"),
                        cmio_progress_remove_assessment, error);
}

/**
 * cmio_undo_stack_import_review:
 * @self: a #CmioUndoStack
 * @import: a mentor's review, read and checked
 * @error: return location for a #GError
 *
 * Merges the review into the progress as one change: undoing puts back
 * every item's state it changed, exactly, and takes the review's record
 * out again. A review already merged changes nothing and leaves nothing to
 * undo.
 *
 * Returns: %TRUE if the review is merged
 */
gboolean
cmio_undo_stack_import_review (CmioUndoStack     *self,
                               CmioReviewImport  *import,
                               GError           **error)
{
  guint n_items;
  guint n_reviews;
  g_autoptr(GPtrArray) before = NULL;
  Entry *entry;

  g_return_val_if_fail (CMIO_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  /* Records are never changed, only replaced: a record that is not the
   * same one after is one the import changed. */
  n_items = cmio_review_import_get_n_items (import);
  n_reviews = cmio_progress_get_n_reviews (self->progress);
  before = g_ptr_array_new_full (n_items, (GDestroyNotify) entry_free);
  for (guint i = 0; i < n_items; i++)
    {
      Entry *part = g_new0 (Entry, 1);

      part->item_id = g_strdup (cmio_review_import_get_item (import, i, NULL, NULL));
      part->item_record = cmio_progress_dup_item_record (self->progress, part->item_id);
      part->custom_position = -1;
      g_ptr_array_add (before, part);
    }

  if (!cmio_review_import_apply (import, self->progress, error))
    return FALSE;

  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (_("Review imported"));
  entry->custom_position = -1;
  entry->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  for (guint i = 0; i < before->len; i++)
    {
      Entry *part = g_ptr_array_index (before, i);
      g_autoptr(JsonNode) now = cmio_progress_dup_item_record (self->progress, part->item_id);

      if (now != part->item_record)
        {
          g_ptr_array_add (entry->parts, part);
          before->pdata[i] = NULL;
        }
    }

  if (cmio_progress_get_n_reviews (self->progress) > n_reviews)
    {
      entry->section = CMIO_SECTION_REVIEW;
      entry->record_position = n_reviews;
      entry->record_id = g_strdup (cmio_progress_get_review_field (self->progress, n_reviews, "id"));
    }

  if (entry->parts->len == 0 && entry->section == NULL)
    entry_free (entry);
  else
    push (self, entry);

  return TRUE;
}

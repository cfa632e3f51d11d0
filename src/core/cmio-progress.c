/* cmio-progress.c — the user's progress: records, profile, chapters, items
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmio-json.h"
#include "cmio-progress-private.h"

G_DEFINE_FINAL_TYPE (CmioProgress, cmio_progress, G_TYPE_OBJECT)
G_DEFINE_QUARK (cmio-progress-error-quark, cmio_progress_error)

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const profile_fields[] = {
  "name", "role", "organization", "start_date", "mentor", NULL
};

/* Records */

/**
 * cmio_record_get_string:
 * @record: (nullable): a sealed object node
 * @member: a member name
 *
 * Returns: (nullable): the member's text, or %NULL if it is missing or null
 */
const char *
cmio_record_get_string (JsonNode   *record,
                        const char *member)
{
  JsonNode *node;

  if (record == NULL)
    return NULL;

  node = json_object_get_member (json_node_get_object (record), member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gboolean
cmio_record_get_boolean (JsonNode   *record,
                         const char *member)
{
  JsonNode *node;

  if (record == NULL)
    return FALSE;

  node = json_object_get_member (json_node_get_object (record), member);
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

gint64
cmio_record_get_int (JsonNode   *record,
                     const char *member,
                     gint64      fallback)
{
  JsonNode *node;

  if (record == NULL)
    return fallback;

  node = json_object_get_member (json_node_get_object (record), member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;

  return json_node_get_int (node);
}

double
cmio_record_get_double (JsonNode   *record,
                        const char *member,
                        double      fallback)
{
  JsonNode *node;

  if (record == NULL)
    return fallback;

  node = json_object_get_member (json_node_get_object (record), member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);

  return fallback;
}

/**
 * cmio_record_with:
 * @record: (nullable): a sealed object node to start from
 * @...: pairs of a member name and a #JsonNode (transfer full) to set, or
 *   %NULL to remove the member; ended by %NULL
 *
 * Makes a new record: @record's members, which are sealed and so shared,
 * with the given ones set or removed. Members this version does not know
 * stay as they are.
 *
 * Returns: (transfer full): a new sealed object node
 */
JsonNode *
cmio_record_with (JsonNode *record,
                  ...)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;
  const char *name;
  va_list args;

  if (record != NULL)
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (record));
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (object, name, json_node_ref (member));
    }

  va_start (args, record);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      JsonNode *value = va_arg (args, JsonNode *);

      if (value != NULL)
        json_object_set_member (object, name, value);
      else
        json_object_remove_member (object, name);
    }
  va_end (args);

  node = json_node_init_object (json_node_alloc (), object);
  json_node_seal (node);
  return node;
}

JsonNode *
cmio_value_string (const char *value)
{
  JsonNode *node;

  if (value == NULL)
    return cmio_value_null ();

  node = json_node_init_string (json_node_alloc (), value);
  json_node_seal (node);
  return node;
}

JsonNode *
cmio_value_boolean (gboolean value)
{
  JsonNode *node = json_node_init_boolean (json_node_alloc (), value);

  json_node_seal (node);
  return node;
}

JsonNode *
cmio_value_int (gint64 value)
{
  JsonNode *node = json_node_init_int (json_node_alloc (), value);

  json_node_seal (node);
  return node;
}

JsonNode *
cmio_value_double (double value)
{
  JsonNode *node = json_node_init_double (json_node_alloc (), value);

  json_node_seal (node);
  return node;
}

JsonNode *
cmio_value_null (void)
{
  JsonNode *node = json_node_init_null (json_node_alloc ());

  json_node_seal (node);
  return node;
}

/**
 * cmio_progress_new_id:
 * @prefix: what kind of record, like "note"
 *
 * Returns: (transfer full): a new id, unique with overwhelming likelihood
 */
char *
cmio_progress_new_id (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat (prefix, "-", uuid, NULL);
}

/* The position of the record with @id in @records, or -1. */
int
cmio_records_find (GPtrArray  *records,
                   const char *id)
{
  for (guint i = 0; id != NULL && i < records->len; i++)
    if (g_strcmp0 (cmio_record_get_string (g_ptr_array_index (records, i), "id"), id) == 0)
      return (int) i;

  return -1;
}

/* The position of the record with @id, or -1 with @error saying there is
 * no such @what. */
int
cmio_records_find_or_fail (GPtrArray   *records,
                           const char  *id,
                           const char  *what,
                           GError     **error)
{
  int position = cmio_records_find (records, id);

  if (position < 0)
    g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NOT_FOUND,
                 _("There is no %s “%s”"), what, id ? id : "");

  return position;
}

/* Changes */

gboolean
cmio_progress_check_writable (CmioProgress  *self,
                              GError       **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_READ_ONLY,
                       _("Your progress was saved by a newer version of CMIO Handbook, so it is open read-only"));
  return FALSE;
}

gboolean
cmio_progress_check_text (const char  *what,
                          const char  *text,
                          gsize        limit,
                          GError     **error)
{
  gsize length;

  if (text == NULL)
    return TRUE;

  length = strlen (text);
  if (length > limit)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *max = g_format_size (limit);

      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_TOO_LARGE,
                   _("The %s is too long (%s); it can be at most %s"), what, size, max);
      return FALSE;
    }

  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text"), what);
      return FALSE;
    }

  return TRUE;
}

void
cmio_progress_emit_changed (CmioProgress *self,
                            const char   *section,
                            const char   *id)
{
  self->generation++;
  if (g_strcmp0 (section, CMIO_SECTION_CUSTOM_ITEM) == 0)
    g_clear_pointer (&self->custom_numbers, g_ptr_array_unref);
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (section), section, id);
}

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

/* GObject */

static void
cmio_progress_finalize (GObject *object)
{
  CmioProgress *self = (CmioProgress *) object;

  g_clear_pointer (&self->root, json_object_unref);
  g_clear_pointer (&self->profile, json_node_unref);
  g_clear_pointer (&self->chapters, json_object_unref);
  g_clear_pointer (&self->items, json_object_unref);
  g_clear_pointer (&self->custom_items, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->assessments, g_ptr_array_unref);
  g_clear_pointer (&self->draft, json_node_unref);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->exports, g_ptr_array_unref);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->custom_numbers, g_ptr_array_unref);

  G_OBJECT_CLASS (cmio_progress_parent_class)->finalize (object);
}

static void
cmio_progress_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CmioProgress *self = CMIO_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_progress_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CmioProgress *self = CMIO_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      cmio_progress_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_progress_class_init (CmioProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cmio_progress_finalize;
  object_class->get_property = cmio_progress_get_property;
  object_class->set_property = cmio_progress_set_property;

  /**
   * CmioProgress:read-only:
   *
   * Whether changes are refused: the file came from a newer version.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CmioProgress::changed:
   * @self: the progress
   * @section: what changed: "profile", "chapter", "item", "custom-item",
   *   "note", "assessment", "draft", "review" or "export"; also the
   *   signal's detail
   * @id: (nullable): the id of the record that changed
   *
   * Emitted after every change.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
cmio_progress_init (CmioProgress *self)
{
  self->root = json_object_new ();
  self->profile = cmio_record_with (NULL, NULL);
  self->chapters = json_object_new ();
  self->items = json_object_new ();
  self->custom_items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  self->exports = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
}

/* Creating, reading and writing */

/**
 * cmio_progress_new:
 *
 * Returns: (transfer full): empty progress, as on first use
 */
CmioProgress *
cmio_progress_new (void)
{
  return g_object_new (CMIO_TYPE_PROGRESS, NULL);
}

/**
 * cmio_progress_new_from_json:
 * @root: the parsed file
 * @error: return location for a #GError
 *
 * Validates @root, migrating an older version. A newer version loads
 * read-only. The error message names the member at fault.
 *
 * Returns: (transfer full) (nullable): the progress
 */
CmioProgress *
cmio_progress_new_from_json (JsonNode  *root,
                             GError   **error)
{
  g_autoptr(CmioProgress) self = cmio_progress_new ();

  g_return_val_if_fail (root != NULL, NULL);

  if (!cmio_progress_load_root (self, root, error))
    return NULL;

  return g_steal_pointer (&self);
}

static JsonNode *
object_copy (JsonObject *container)
{
  JsonObject *copy = json_object_new ();
  JsonNode *node;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, container);
  while (json_object_iter_next (&iter, &name, &member))
    json_object_set_member (copy, name, json_node_ref (member));

  /* json_node_init_object() takes a reference of its own: drop ours. */
  node = json_node_init_object (json_node_alloc (), copy);
  json_object_unref (copy);
  return node;
}

static JsonNode *
array_copy (GPtrArray *records)
{
  JsonArray *copy = json_array_sized_new (records->len);
  JsonNode *node;

  for (guint i = 0; i < records->len; i++)
    json_array_add_element (copy, json_node_ref (g_ptr_array_index (records, i)));

  node = json_node_init_array (json_node_alloc (), copy);
  json_array_unref (copy);
  return node;
}

/**
 * cmio_progress_to_json:
 * @self: a #CmioProgress
 *
 * Takes a snapshot for saving. Only pointers are copied: the records are
 * immutable and shared, so the snapshot may be serialized in another thread
 * while the model goes on changing.
 *
 * Returns: (transfer full): the root of the file, version 1, with
 *   `saved_at` set to now and every member the file had kept
 */
JsonNode *
cmio_progress_to_json (CmioProgress *self)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autofree char *now = cmio_progress_now ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);

  json_object_set_string_member (root, "format", CMIO_PROGRESS_FORMAT);
  json_object_set_int_member (root, "version", CMIO_PROGRESS_VERSION);
  json_object_set_string_member (root, "saved_at", now);
  json_object_set_member (root, "profile", json_node_ref (self->profile));
  json_object_set_member (root, "chapters", object_copy (self->chapters));
  json_object_set_member (root, "items", object_copy (self->items));
  json_object_set_member (root, "custom_items", array_copy (self->custom_items));
  json_object_set_member (root, "notes", array_copy (self->notes));
  json_object_set_member (root, "assessments", array_copy (self->assessments));
  json_object_set_member (root, "assessment_draft",
                          self->draft ? json_node_ref (self->draft) : json_node_new (JSON_NODE_NULL));
  json_object_set_member (root, "reviews", array_copy (self->reviews));
  json_object_set_member (root, "exports", array_copy (self->exports));

  /* Members of newer versions, or of other programs, go back unchanged. */
  json_object_iter_init (&iter, self->root);
  while (json_object_iter_next (&iter, &name, &member))
    if (!json_object_has_member (root, name))
      json_object_set_member (root, name, json_node_ref (member));

  return json_node_init_object (json_node_alloc (), root);
}

/**
 * cmio_progress_get_generation:
 * @self: a #CmioProgress
 *
 * Returns: a number that every change increases, to tell whether what was
 *   saved is still current
 */
guint64
cmio_progress_get_generation (CmioProgress *self)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), 0);
  return self->generation;
}

gboolean
cmio_progress_get_read_only (CmioProgress *self)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  return self->read_only;
}

void
cmio_progress_set_read_only (CmioProgress *self,
                             gboolean      read_only)
{
  g_return_if_fail (CMIO_IS_PROGRESS (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/**
 * cmio_progress_set_content_pack:
 * @self: a #CmioProgress
 * @pack: (nullable): the pack whose ids changes are checked against
 */
void
cmio_progress_set_content_pack (CmioProgress    *self,
                                CmioContentPack *pack)
{
  g_return_if_fail (CMIO_IS_PROGRESS (self));
  g_set_object (&self->pack, pack);
  g_clear_pointer (&self->custom_numbers, g_ptr_array_unref);
}

/* Profile */

/**
 * cmio_progress_get_profile:
 * @self: a #CmioProgress
 * @field: "name", "role", "organization", "start_date" or "mentor"
 *
 * Returns: (nullable): the field's value
 */
const char *
cmio_progress_get_profile (CmioProgress *self,
                           const char   *field)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (g_strv_contains (profile_fields, field), NULL);

  return cmio_record_get_string (self->profile, field);
}

/**
 * cmio_progress_set_profile:
 * @self: a #CmioProgress
 * @field: "name", "role", "organization", "start_date" or "mentor"
 * @value: (nullable): the new value; %NULL or "" clears it. A start date
 *   is `YYYY-MM-DD`.
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the value was valid and set
 */
gboolean
cmio_progress_set_profile (CmioProgress  *self,
                           const char    *field,
                           const char    *value,
                           GError       **error)
{
  JsonNode *old;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (g_strv_contains (profile_fields, field), FALSE);

  if (!cmio_progress_check_writable (self, error) ||
      !cmio_progress_check_text (_("profile entry"), value, CMIO_PROGRESS_MAX_SHORT_TEXT, error))
    return FALSE;

  if (value != NULL && *value == '\0')
    value = NULL;

  if (value != NULL && strcmp (field, "start_date") == 0 && !cmio_progress_date_is_valid (value))
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("“%s” is not a date; use the form 2026-11-02"), value);
      return FALSE;
    }

  if (g_strcmp0 (cmio_record_get_string (self->profile, field), value) == 0)
    return TRUE;

  old = self->profile;
  self->profile = cmio_record_with (old, field, cmio_value_string (value), NULL);
  json_node_unref (old);
  cmio_progress_emit_changed (self, CMIO_SECTION_PROFILE, field);
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

/* Helpers */

/**
 * cmio_progress_now:
 *
 * Returns: (transfer full): the time now, as ISO 8601 UTC to the second
 */
char *
cmio_progress_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * cmio_progress_timestamp_is_valid:
 * @text: (nullable): a text
 *
 * Returns: %TRUE if @text is an ISO 8601 time with a time zone
 */
gboolean
cmio_progress_timestamp_is_valid (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
  gboolean plain = TRUE;

  if (text == NULL || strlen (text) > 64)
    return FALSE;

  /* The app writes times in one shape; check those quickly, since a big
   * file has thousands, and leave other ISO 8601 forms to GLib. */
  for (guint i = 0; plain && i < sizeof shape; i++)
    plain = shape[i] == 'd' ? g_ascii_isdigit (text[i]) : text[i] == shape[i];
  if (plain)
    {
      unsigned year = atoi (text), month = atoi (text + 5), day = atoi (text + 8);
      unsigned hour = atoi (text + 11), minute = atoi (text + 14), second = atoi (text + 17);

      return g_date_valid_dmy (day, month, year) && hour < 24 && minute < 60 && second < 60;
    }

  time = g_date_time_new_from_iso8601 (text, NULL);
  return time != NULL;
}

/**
 * cmio_progress_date_is_valid:
 * @text: (nullable): a text
 *
 * Returns: %TRUE if @text is a real calendar date written `YYYY-MM-DD`
 */
gboolean
cmio_progress_date_is_valid (const char *text)
{
  unsigned year;
  unsigned month;
  unsigned day;
  char end;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  return g_date_valid_dmy (day, month, year);
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

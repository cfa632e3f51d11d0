/* cmio-progress.c — the user's progress: the object, its records, its
 * snapshot for saving and the profile
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

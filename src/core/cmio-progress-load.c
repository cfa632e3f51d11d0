/* cmio-progress-load.c — validating and migrating a parsed progress file
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cmio-json.h"
#include "cmio-progress-private.h"

/* Every check names the member at fault as a path, such as
 * items › "do-one" › done, so that a person can find it in the file. */

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

/* The problems below are returned as messages, and the path to the member
 * is only made when there is one: loading a big file checks many thousands
 * of members, almost always good. */
static char *
type_problem (JsonNode   *node,
              GType       type,
              const char *expected)
{
  if (cmio_json_node_is (node, type))
    return NULL;

  /* Whole numbers are numbers too. */
  if (type == G_TYPE_DOUBLE && cmio_json_node_is (node, G_TYPE_INT64))
    return NULL;

  return g_strdup_printf (_("must be %s, not %s"), expected, cmio_json_type_name (node));
}

/* The kinds of the members that this version knows, a CmioJsonMember's
 * kind; the members of a record that its list does not name are kept. */
typedef enum
{
  KIND_STRING,
  KIND_TEXT,       /* a string of up to CMIO_PROGRESS_MAX_TEXT bytes */
  KIND_ID,
  KIND_TIMESTAMP,
  KIND_DATE,
  KIND_BOOLEAN,
  KIND_FRACTION,   /* a number from 0 to 1 */
  KIND_DAY,        /* a whole number from 0 to 90 */
  KIND_LEVEL,      /* a whole number from 1 to 5 */
  KIND_PAGE,       /* a whole number, 0 or more */
  KIND_OWNER,
  KIND_STATUS,
} Kind;

/* A CmioJsonValueCheck for the Kind of a member. */
static char *
member_problem (JsonNode *node,
                int       kind)
{
  const char *text;
  char *problem;
  CmioOwner owner;

  switch (kind)
    {
    case KIND_BOOLEAN:
      return type_problem (node, G_TYPE_BOOLEAN, _("true or false"));

    case KIND_FRACTION:
      if ((problem = type_problem (node, G_TYPE_DOUBLE, _("a number"))) != NULL)
        return problem;
      {
        double value = cmio_json_node_is (node, G_TYPE_INT64) ? json_node_get_int (node)
                                                               : json_node_get_double (node);

        if (!isfinite (value) || value < 0 || value > 1)
          return g_strdup_printf (_("must be between 0 and 1, not %g"), value);
      }
      return NULL;

    case KIND_DAY:
    case KIND_LEVEL:
    case KIND_PAGE:
      if ((problem = type_problem (node, G_TYPE_INT64, _("a whole number"))) != NULL)
        return problem;
      {
        gint64 value = json_node_get_int (node);
        gint64 low = kind == KIND_LEVEL ? 1 : 0;
        gint64 high = kind == KIND_DAY ? 90 : kind == KIND_LEVEL ? 5 : 100000;

        if (value < low || value > high)
          return g_strdup_printf (_("must be from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT
                                      ", not %" G_GINT64_FORMAT), low, high, value);
      }
      return NULL;

    default:
      break;
    }

  if ((problem = type_problem (node, G_TYPE_STRING, _("text"))) != NULL)
        return problem;

  text = json_node_get_string (node);
  switch (kind)
    {
    case KIND_TEXT:
      if (strlen (text) > CMIO_PROGRESS_MAX_TEXT)
        return g_strdup_printf (_("is longer than %d bytes"), CMIO_PROGRESS_MAX_TEXT);
      return NULL;

    case KIND_ID:
      if (!cmio_content_id_is_valid (text))
        return g_strdup_printf (_("“%.40s” is not a valid id"), text);
      return NULL;

    case KIND_TIMESTAMP:
      if (!cmio_progress_timestamp_is_valid (text))
        return g_strdup_printf (_("“%.40s” is not a time like 2026-11-27T09:30:00Z"), text);
      return NULL;

    case KIND_DATE:
      if (!cmio_progress_date_is_valid (text))
        return g_strdup_printf (_("“%.40s” is not a date like 2026-11-02"), text);
      return NULL;

    case KIND_OWNER:
      if (!cmio_owner_from_string (text, &owner))
        return g_strdup_printf (_("“%.40s” is not \"cmio\", \"mentor\" or \"executive\""), text);
      return NULL;

    case KIND_STATUS:
      if (strcmp (text, "approved") != 0 && strcmp (text, "discuss") != 0)
        return g_strdup_printf (_("“%.40s” is not \"approved\" or \"discuss\""), text);
      return NULL;

    default:
      if (strlen (text) > CMIO_PROGRESS_MAX_SHORT_TEXT)
        return g_strdup_printf (_("is longer than %d bytes"), CMIO_PROGRESS_MAX_SHORT_TEXT);
      return NULL;
    }
}

static char *
path_of (const char *parent,
         const char *key)
{
  return key ? cmio_json_path_join (parent, key) : g_strdup (parent);
}

/* Checks @record, found at @parent › @key (or at @parent when @key is NULL). */
static gboolean
check_record (JsonNode              *record,
              const CmioJsonMember  *members,
              const char            *parent,
              const char            *key,
              GError               **error)
{
  const CmioJsonMember *member;
  g_autofree char *problem = NULL;
  g_autofree char *path = NULL;
  g_autofree char *member_path = NULL;

  if (record == NULL || !JSON_NODE_HOLDS_OBJECT (record))
    {
      path = path_of (parent, key);
      return fail (error, path, _("must be an object, not %s"), cmio_json_type_name (record));
    }

  member = cmio_json_check_members (json_node_get_object (record), members, member_problem, &problem);
  if (member == NULL)
    return TRUE;

  path = path_of (parent, key);
  if (problem == NULL)
    return fail (error, path, _("has no \"%s\""), member->name);

  member_path = cmio_json_path_join (path, member->name);
  return fail (error, member_path, "%s", problem);
}

static const CmioJsonMember profile_members[] = {
  { "name", KIND_STRING, FALSE, TRUE },
  { "role", KIND_STRING, FALSE, TRUE },
  { "organization", KIND_STRING, FALSE, TRUE },
  { "start_date", KIND_DATE, FALSE, TRUE },
  { "mentor", KIND_STRING, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember chapter_members[] = {
  { "read", KIND_BOOLEAN, FALSE, FALSE },
  { "read_at", KIND_TIMESTAMP, FALSE, TRUE },
  { "position", KIND_FRACTION, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember item_members[] = {
  { "done", KIND_BOOLEAN, FALSE, FALSE },
  { "done_at", KIND_TIMESTAMP, FALSE, TRUE },
  { "evidence", KIND_TEXT, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember mentor_members[] = {
  { "status", KIND_STATUS, TRUE, FALSE },
  { "comment", KIND_TEXT, FALSE, TRUE },
  { "by", KIND_STRING, FALSE, TRUE },
  { "at", KIND_TIMESTAMP, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember custom_item_members[] = {
  { "id", KIND_ID, TRUE, FALSE },
  { "chapter", KIND_ID, TRUE, FALSE },
  { "text", KIND_STRING, TRUE, FALSE },
  { "target_day", KIND_DAY, TRUE, FALSE },
  { "owner", KIND_OWNER, TRUE, FALSE },
  { "required", KIND_BOOLEAN, FALSE, FALSE },
  { NULL }
};

static const CmioJsonMember note_members[] = {
  { "id", KIND_ID, TRUE, FALSE },
  { "chapter", KIND_ID, FALSE, TRUE },
  { "title", KIND_STRING, FALSE, TRUE },
  { "text", KIND_TEXT, TRUE, FALSE },
  { "shared", KIND_BOOLEAN, FALSE, FALSE },
  { "updated_at", KIND_TIMESTAMP, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember assessment_members[] = {
  { "id", KIND_ID, TRUE, FALSE },
  { "started_at", KIND_TIMESTAMP, FALSE, TRUE },
  { "completed_at", KIND_TIMESTAMP, TRUE, FALSE },
  { "content_version", KIND_STRING, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember draft_members[] = {
  { "id", KIND_ID, TRUE, FALSE },
  { "started_at", KIND_TIMESTAMP, FALSE, TRUE },
  { "content_version", KIND_STRING, FALSE, TRUE },
  { "page", KIND_PAGE, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember rating_members[] = {
  { "level", KIND_LEVEL, FALSE, TRUE },
  { "comment", KIND_TEXT, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember export_members[] = {
  { "export_id", KIND_STRING, TRUE, FALSE },
  { "exported_at", KIND_TIMESTAMP, TRUE, FALSE },
  { NULL }
};

static const CmioJsonMember review_members[] = {
  { "id", KIND_ID, TRUE, FALSE },
  { "export_id", KIND_STRING, TRUE, FALSE },
  { "mentor", KIND_STRING, FALSE, TRUE },
  { "reviewed_at", KIND_TIMESTAMP, FALSE, TRUE },
  { "imported_at", KIND_TIMESTAMP, FALSE, TRUE },
  { "comment", KIND_TEXT, FALSE, TRUE },
  { NULL }
};

static gboolean
check_ratings (JsonNode    *assessment,
               const char  *path,
               GError     **error)
{
  JsonNode *ratings = json_object_get_member (json_node_get_object (assessment), "ratings");
  g_autofree char *ratings_path = cmio_json_path_join (path, "ratings");
  JsonObjectIter iter;
  const char *id;
  JsonNode *rating;

  if (ratings == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (ratings))
    return fail (error, ratings_path, _("must be an object, not %s"), cmio_json_type_name (ratings));

  json_object_iter_init (&iter, json_node_get_object (ratings));
  while (json_object_iter_next (&iter, &id, &rating))
    {
      if (!cmio_content_id_is_valid (id) ||
          !check_record (rating, rating_members, ratings_path, NULL, NULL))
        {
          g_autofree char *quoted = g_strdup_printf ("\"%.40s\"", id);

          if (!cmio_content_id_is_valid (id))
            {
              g_autofree char *rating_path = cmio_json_path_join (ratings_path, quoted);

              return fail (error, rating_path, _("is not a valid competency id"));
            }
          return check_record (rating, rating_members, ratings_path, quoted, error);
        }
    }

  return TRUE;
}

/* The map of chapter or item states: ids to records. */
static gboolean
check_map (JsonNode              *map,
           const CmioJsonMember  *members,
           const char            *path,
           JsonObject           **out,
           GError               **error)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *record;

  if (map == NULL || JSON_NODE_HOLDS_NULL (map))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (map))
    return fail (error, path, _("must be an object, not %s"), cmio_json_type_name (map));

  json_object_iter_init (&iter, json_node_get_object (map));
  while (json_object_iter_next (&iter, &id, &record))
    {
      JsonNode *mentor = NULL;

      if (members == item_members && JSON_NODE_HOLDS_OBJECT (record))
        mentor = json_object_get_member (json_node_get_object (record), "mentor");
      if (mentor != NULL && JSON_NODE_HOLDS_NULL (mentor))
        mentor = NULL;

      if (!cmio_content_id_is_valid (id) ||
          !check_record (record, members, path, NULL, NULL) ||
          (mentor != NULL && !check_record (mentor, mentor_members, path, NULL, NULL)))
        {
          /* Again, with the path this time, for the message. */
          g_autofree char *quoted = g_strdup_printf ("\"%.40s\"", id);
          g_autofree char *record_path = cmio_json_path_join (path, quoted);

          if (!cmio_content_id_is_valid (id))
            return fail (error, record_path, _("is not a valid id"));
          if (!check_record (record, members, path, quoted, error))
            return FALSE;
          return check_record (mentor, mentor_members, record_path, "mentor", error);
        }

    }

  /* Sealed like everything the parser made; shared until it changes. */
  json_object_unref (*out);
  *out = json_object_ref (json_node_get_object (map));
  return TRUE;
}

/* A list of records; with @key, one whose @key members are unique. */
static gboolean
check_list (JsonNode              *list,
            const CmioJsonMember  *members,
            const char            *path,
            const char            *key,
            GPtrArray             *out,
            GError               **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (list == NULL || JSON_NODE_HOLDS_NULL (list))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (list))
    return fail (error, path, _("must be a list, not %s"), cmio_json_type_name (list));

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *record = json_array_get_element (array, i);
      const char *id;

      if (!check_record (record, members, path, NULL, NULL) ||
          (members == assessment_members && !check_ratings (record, path, NULL)) ||
          (key != NULL && !g_hash_table_add (ids, (gpointer) cmio_record_get_string (record, key))))
        {
          g_autofree char *index = g_strdup_printf ("%u", i + 1);
          g_autofree char *record_path = cmio_json_path_join (path, index);

          if (!check_record (record, members, path, index, error))
            return FALSE;
          if (members == assessment_members && !check_ratings (record, record_path, error))
            return FALSE;
          id = cmio_record_get_string (record, key);
          return fail (error, record_path, _("the id “%.40s” is used twice"), id);
        }

      g_ptr_array_add (out, json_node_ref (record));
    }

  return TRUE;
}

/* Migration. Version 0 was the format of the development snapshots before
 * the first release: ticked items as a map of id to the time ticked, and
 * one note per chapter as a map of chapter id to text. */
static JsonNode *
migrate_v0 (JsonNode  *root,
            GError   **error)
{
  JsonObject *old = json_node_get_object (root);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) items = json_object_new ();
  g_autoptr(JsonArray) notes = json_array_new ();
  JsonNode *node;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, old);
  while (json_object_iter_next (&iter, &name, &member))
    if (strcmp (name, "checked") != 0 && strcmp (name, "chapter_notes") != 0)
      json_object_set_member (object, name, json_node_ref (member));

  node = json_object_get_member (old, "checked");
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, "checked", _("must be an object, not %s"), cmio_json_type_name (node));
      return NULL;
    }
  if (node != NULL)
    {
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          if (!cmio_json_node_is (member, G_TYPE_STRING))
            {
              g_autofree char *path = g_strdup_printf ("checked › \"%.40s\"", name);

              fail (error, path, _("must be text, not %s"), cmio_json_type_name (member));
              return NULL;
            }
          json_object_set_member (items, name,
                                  cmio_record_with (NULL,
                                                    "done", cmio_value_boolean (TRUE),
                                                    "done_at", cmio_value_string (json_node_get_string (member)),
                                                    NULL));
        }
    }

  node = json_object_get_member (old, "chapter_notes");
  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, "chapter_notes", _("must be an object, not %s"), cmio_json_type_name (node));
      return NULL;
    }
  if (node != NULL)
    {
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          g_autofree char *id = cmio_progress_new_id ("note");

          if (!cmio_json_node_is (member, G_TYPE_STRING))
            {
              g_autofree char *path = g_strdup_printf ("chapter_notes › \"%.40s\"", name);

              fail (error, path, _("must be text, not %s"), cmio_json_type_name (member));
              return NULL;
            }
          json_array_add_element (notes,
                                  cmio_record_with (NULL,
                                                    "id", cmio_value_string (id),
                                                    "chapter", cmio_value_string (name),
                                                    "title", cmio_value_string (""),
                                                    "text", cmio_value_string (json_node_get_string (member)),
                                                    "shared", cmio_value_boolean (FALSE),
                                                    NULL));
        }
    }

  json_object_set_int_member (object, "version", 1);
  json_object_set_member (object, "items", json_node_init_object (json_node_alloc (), items));
  json_object_set_member (object, "notes", json_node_init_array (json_node_alloc (), notes));

  node = json_node_init_object (json_node_alloc (), object);
  json_node_seal (node);
  return node;
}

/* Migrations, one per version, applied in order up to the current one. */
static JsonNode *(* const migrations[]) (JsonNode *root, GError **error) = {
  migrate_v0,
};

static const char * const known_members[] = {
  "format", "version", "profile", "chapters", "items", "custom_items", "notes",
  "assessments", "assessment_draft", "reviews", "exports", NULL
};

/* The members this version knows, checked and taken into @self. */
static gboolean
load_known (CmioProgress  *self,
            JsonObject    *object,
            GError       **error)
{
  JsonNode *node;

  node = json_object_get_member (object, "profile");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!check_record (node, profile_members, "profile", NULL, error))
        return FALSE;
      g_clear_pointer (&self->profile, json_node_unref);
      self->profile = json_node_ref (node);
    }

  if (!check_map (json_object_get_member (object, "chapters"), chapter_members, "chapters",
                  &self->chapters, error) ||
      !check_map (json_object_get_member (object, "items"), item_members, "items",
                  &self->items, error) ||
      !check_list (json_object_get_member (object, "custom_items"), custom_item_members,
                   "custom_items", "id", self->custom_items, error) ||
      !check_list (json_object_get_member (object, "notes"), note_members, "notes", "id",
                   self->notes, error) ||
      !check_list (json_object_get_member (object, "assessments"), assessment_members,
                   "assessments", "id", self->assessments, error) ||
      !check_list (json_object_get_member (object, "reviews"), review_members, "reviews", "id",
                   self->reviews, error) ||
      /* Older files have no exports: they were not recorded then. The
       * same export twice is harmless, so not refused. */
      !check_list (json_object_get_member (object, "exports"), export_members, "exports", NULL,
                   self->exports, error))
    return FALSE;

  node = json_object_get_member (object, "assessment_draft");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!check_record (node, draft_members, "assessment_draft", NULL, error) ||
          !check_ratings (node, "assessment_draft", error))
        return FALSE;
      self->draft = json_node_ref (node);
    }

  return TRUE;
}

/**
 * cmio_progress_load_root:
 * @self: a new, empty #CmioProgress
 * @root: the parsed file
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @root was valid and is now the progress
 */
gboolean
cmio_progress_load_root (CmioProgress  *self,
                         JsonNode      *root,
                         GError       **error)
{
  g_autoptr(JsonNode) current = json_node_ref (root);
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  JsonNode *node;
  gint64 version;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, _("the file"), _("must hold a JSON object, not %s"), cmio_json_type_name (root));

  /* The records are shared with snapshots saved in another thread: they
   * must never change. A parser made with json_parser_new_immutable()
   * gives sealed nodes already. */
  if (!json_node_is_immutable (current))
    json_node_seal (current);

  object = json_node_get_object (root);
  node = json_object_get_member (object, "format");
  if (!cmio_json_node_is (node, G_TYPE_STRING) || strcmp (json_node_get_string (node), CMIO_PROGRESS_FORMAT) != 0)
    return fail (error, "format", _("must be \"%s\"; this is not a CMIO Handbook progress file"),
                 CMIO_PROGRESS_FORMAT);

  node = json_object_get_member (object, "version");
  if (!cmio_json_node_is (node, G_TYPE_INT64) || json_node_get_int (node) < 0)
    return fail (error, "version", _("must be a whole number, not %s"), cmio_json_type_name (node));
  version = json_node_get_int (node);

  /* A newer file is read as far as this version understands it, and never
   * written: the store keeps it read-only. */
  if (version > CMIO_PROGRESS_VERSION)
    cmio_progress_set_read_only (self, TRUE);

  for (gint64 v = version; v < CMIO_PROGRESS_VERSION; v++)
    {
      JsonNode *migrated = migrations[v] (current, error);

      if (migrated == NULL)
        return FALSE;
      json_node_unref (current);
      current = migrated;
    }
  object = json_node_get_object (current);

  if (!load_known (self, object, error))
    {
      /* A newer version may have changed what this one checks: say that,
       * rather than call the file damaged. */
      if (version > CMIO_PROGRESS_VERSION && error != NULL && *error != NULL)
        {
          g_autofree char *message = g_strdup ((*error)->message);

          g_clear_error (error);
          g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NEWER_VERSION,
                       _("version %" G_GINT64_FORMAT " of the file cannot be read by this version (%s)"),
                       version, message);
        }
      return FALSE;
    }

  /* Everything else at the top level is kept as it came. */
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    if (!g_strv_contains (known_members, name) && strcmp (name, "saved_at") != 0)
      json_object_set_member (self->root, name, json_node_ref (member));

  return TRUE;
}

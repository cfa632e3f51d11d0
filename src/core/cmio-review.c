/* cmio-review.c — the mentor's side of the round trip: reading an export,
 * writing a review, and merging a review back into the mentee's progress
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cmio-export.h"
#include "cmio-json.h"
#include "cmio-progress-private.h"
#include "cmio-review-private.h"

/* Exports and reviews come from another person, by mail or on a stick, so
 * they are read as hostile: a file is checked whole before anything in it
 * is used, and refused with one message that names it and says what is
 * wrong. The texts in them are carried as they are, never interpreted. */

#define MAX_JSON_DEPTH 64

G_DEFINE_QUARK (cmio-exchange-error-quark, cmio_exchange_error)

gboolean
cmio_exchange_refuse (GError            **error,
                      CmioExchangeError   code,
                      const char         *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, CMIO_EXCHANGE_ERROR, code, message);
  return FALSE;
}

/* The start of a text from the file, for a message: whole characters. */
char *
cmio_exchange_excerpt (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= 40)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, 40);
  return g_strconcat (start, "…", NULL);
}

/* Reading */

/* json-glib says where parsing failed only in its message:
 * "<data>:LINE:COLUMN: Parse error: REASON". */
static const char *
parse_error_position (const char *message,
                      guint      *line,
                      guint      *column)
{
  const char *reason = cmio_json_parse_error_reason (message, line);
  const char *marker = strstr (message, ": Parse error: ");
  const char *p;

  *column = 0;
  if (marker != NULL && *line > 0)
    {
      for (p = marker; p > message && g_ascii_isdigit (p[-1]); p--)
        ;
      if (p < marker)
        *column = (guint) g_ascii_strtoull (p, NULL, 10);
    }

  return reason;
}

/* Parses @data as JSON holding an object, or says why it is not. */
JsonNode *
cmio_exchange_parse_root (const char  *data,
                          gsize        length,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length > CMIO_EXCHANGE_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (CMIO_EXCHANGE_MAX_BYTES);

      cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_TOO_BIG,
                            _("“%s” is too large to be a CMIO Handbook file: it is larger than %s"),
                            name, limit);
      return NULL;
    }

  if (cmio_json_max_depth (data, length) > MAX_JSON_DEPTH)
    {
      cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_INVALID,
                            _("“%s” cannot be read: its JSON is nested more than %d levels deep"),
                            name, MAX_JSON_DEPTH);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      const char *end = NULL;
      const char *reason;
      guint line = 0;
      guint column = 0;

      if (!g_utf8_validate_len (data, length, &end))
        cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_NOT_JSON,
                              _("“%s” is not a JSON file: byte %" G_GSIZE_FORMAT " is not UTF-8 text"),
                              name, (gsize) (end - data));
      else if ((reason = parse_error_position (local_error->message, &line, &column)), line > 0)
        cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_NOT_JSON,
                              _("“%s” is not a JSON file: line %u, column %u: %s"),
                              name, line, column, reason);
      else
        cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_NOT_JSON,
                              _("“%s” is not a JSON file: %s"), name, reason);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_NOT_JSON, _("“%s” is empty"), name);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_NOT_JSON,
                            _("“%s” is not a CMIO Handbook file: it holds %s, not a JSON object"),
                            name, cmio_json_type_name (root));
      return NULL;
    }

  return json_node_ref (root);
}

/* Reads @file whole, refusing one that is too large before reading it. */
gboolean
cmio_exchange_read_file (GFile   *file,
                         char   **contents,
                         gsize   *length,
                         char   **name,
                         GError **error)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    *name = g_strdup (g_file_info_get_display_name (info));
  else
    *name = g_file_get_parse_name (file);

  if (g_file_info_get_size (info) > CMIO_EXCHANGE_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (CMIO_EXCHANGE_MAX_BYTES);

      return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_TOO_BIG,
                                   _("“%s” is too large to be a CMIO Handbook file: it is larger than %s"),
                                   *name, limit);
    }

  return g_file_load_contents (file, NULL, contents, length, NULL, error);
}

static const char *
describe_format (const char *format)
{
  if (g_strcmp0 (format, CMIO_EXPORT_FORMAT) == 0)
    return _("a checklist exported for a mentor");
  if (g_strcmp0 (format, CMIO_REVIEW_FORMAT) == 0)
    return _("a mentor’s review");
  if (g_strcmp0 (format, CMIO_PROGRESS_FORMAT) == 0)
    return _("a CMIO Handbook progress file");
  if (g_strcmp0 (format, "cmio-handbook-content") == 0)
    return _("a CMIO Handbook content pack");

  return NULL;
}

/* Refuses the file @name, whose member is wrong as @problem says. */
gboolean
cmio_exchange_refuse_invalid (GError           **error,
                              CmioExchangeKind   kind,
                              const char        *name,
                              const char        *problem)
{
  if (kind == CMIO_EXCHANGE_EXPORT)
    return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_INVALID,
                                 _("“%s” is not a valid CMIO Handbook export: %s"), name, problem);

  return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_INVALID,
                               _("“%s” is not a valid mentor’s review: %s"), name, problem);
}

/* Checks that @root is the @kind of file it should be, of a version this
 * one reads. */
gboolean
cmio_exchange_check_format (JsonObject        *root,
                            CmioExchangeKind   kind,
                            const char        *name,
                            GError           **error)
{
  const char *format = cmio_json_get_string (root, "format");
  const char *expected = kind == CMIO_EXCHANGE_EXPORT ? CMIO_EXPORT_FORMAT : CMIO_REVIEW_FORMAT;
  gint64 newest = kind == CMIO_EXCHANGE_EXPORT ? CMIO_EXPORT_VERSION : CMIO_REVIEW_VERSION;
  JsonNode *node;

  if (g_strcmp0 (format, expected) != 0)
    {
      const char *other = describe_format (format);
      g_autofree char *shown = format ? cmio_exchange_excerpt (format) : NULL;
      gboolean export = kind == CMIO_EXCHANGE_EXPORT;

      if (other != NULL && export)
        return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_WRONG_FORMAT,
                                     _("“%s” is %s, not a checklist exported for a mentor"), name, other);
      if (other != NULL)
        return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_WRONG_FORMAT,
                                     _("“%s” is %s, not a mentor’s review"), name, other);
      if (format != NULL && export)
        return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_WRONG_FORMAT,
                                     _("“%s” is not a CMIO Handbook export: its format is “%s”"),
                                     name, shown);
      if (format != NULL)
        return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_WRONG_FORMAT,
                                     _("“%s” is not a mentor’s review: its format is “%s”"), name, shown);
      if (export)
        return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_WRONG_FORMAT,
                                     _("“%s” is not a CMIO Handbook export: it does not say what it is"),
                                     name);
      return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_WRONG_FORMAT,
                                   _("“%s” is not a mentor’s review: it does not say what it is"), name);
    }

  node = json_object_get_member (root, "version");
  if (!cmio_json_node_is (node, G_TYPE_INT64) || json_node_get_int (node) < 1)
    {
      g_autofree char *problem = NULL;

      if (cmio_json_node_is (node, G_TYPE_INT64))
        problem = g_strdup_printf (_("version: must be 1 or more, not %" G_GINT64_FORMAT),
                                   json_node_get_int (node));
      else
        problem = g_strdup_printf (_("version: must be a whole number, not %s"), cmio_json_type_name (node));

      return cmio_exchange_refuse_invalid (error, kind, name, problem);
    }

  if (json_node_get_int (node) > newest)
    return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_NEWER_VERSION,
                                 _("“%s” was made by a newer version of CMIO Handbook; "
                                   "update the app to open it"), name);

  return TRUE;
}

/* Checking members: each problem is a path to the member and what is
 * wrong, such as "items › 3 › text: must be text, not a number". */

typedef enum
{
  TYPE_TEXT,       /* any length: the file's size bounds it */
  TYPE_SHORT,      /* at most CMIO_PROGRESS_MAX_SHORT_TEXT bytes */
  TYPE_LONG,       /* at most CMIO_PROGRESS_MAX_TEXT bytes */
  TYPE_TIMESTAMP,
  TYPE_STATUS,
  TYPE_BOOLEAN,
  TYPE_INT,
  TYPE_OBJECT,
  TYPE_LIST,
} Type;

/* A CmioJsonValueCheck for the Type of a member. */
static char *
value_problem (JsonNode *node,
               int       type)
{
  const char *text;
  g_autofree char *shown = NULL;

  switch (type)
    {
    case TYPE_BOOLEAN:
      return cmio_json_node_is (node, G_TYPE_BOOLEAN) ? NULL
             : g_strdup_printf (_("must be true or false, not %s"), cmio_json_type_name (node));
    case TYPE_INT:
      return cmio_json_node_is (node, G_TYPE_INT64) ? NULL
             : g_strdup_printf (_("must be a whole number, not %s"), cmio_json_type_name (node));
    case TYPE_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node) ? NULL
             : g_strdup_printf (_("must be an object, not %s"), cmio_json_type_name (node));
    case TYPE_LIST:
      return JSON_NODE_HOLDS_ARRAY (node) ? NULL
             : g_strdup_printf (_("must be a list, not %s"), cmio_json_type_name (node));
    default:
      break;
    }

  if (!cmio_json_node_is (node, G_TYPE_STRING))
    return g_strdup_printf (_("must be text, not %s"), cmio_json_type_name (node));

  text = json_node_get_string (node);
  switch (type)
    {
    case TYPE_SHORT:
      return strlen (text) <= CMIO_PROGRESS_MAX_SHORT_TEXT ? NULL
             : g_strdup_printf (_("is longer than %d bytes"), CMIO_PROGRESS_MAX_SHORT_TEXT);
    case TYPE_LONG:
      return strlen (text) <= CMIO_PROGRESS_MAX_TEXT ? NULL
             : g_strdup_printf (_("is longer than %d bytes"), CMIO_PROGRESS_MAX_TEXT);
    case TYPE_TIMESTAMP:
      if (cmio_progress_timestamp_is_valid (text))
        return NULL;
      shown = cmio_exchange_excerpt (text);
      return g_strdup_printf (_("“%s” is not a time like 2026-11-27T09:30:00Z"), shown);
    case TYPE_STATUS:
      if (strcmp (text, "approved") == 0 || strcmp (text, "discuss") == 0)
        return NULL;
      shown = cmio_exchange_excerpt (text);
      return g_strdup_printf (_("“%s” is not \"approved\" or \"discuss\""), shown);
    default:
      return NULL;
    }
}

/* Checks the object at @path (NULL for the top level). */
static char *
members_problem (JsonNode             *node,
                 const CmioJsonMember *members,
                 const char           *path)
{
  const CmioJsonMember *member;
  g_autofree char *problem = NULL;
  g_autofree char *member_path = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup_printf (_("%s: must be an object, not %s"), path, cmio_json_type_name (node));

  member = cmio_json_check_members (json_node_get_object (node), members, value_problem, &problem);
  if (member == NULL)
    return NULL;
  if (problem == NULL && path == NULL)
    return g_strdup_printf (_("it has no “%s”"), member->name);
  if (problem == NULL)
    return g_strdup_printf (_("%s: has no “%s”"), path, member->name);

  member_path = cmio_json_path_join (path, member->name);
  return g_strdup_printf ("%s: %s", member_path, problem);
}

/* Checks every object of the list @name of @root, and that their ids are
 * unique when @unique. */
static char *
list_problem (JsonObject           *root,
              const char           *name,
              const CmioJsonMember *members,
              gboolean              unique)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *list = cmio_json_get_array (root, name);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *element = json_array_get_element (list, i);
      g_autofree char *index = g_strdup_printf ("%u", i + 1);
      g_autofree char *path = cmio_json_path_join (name, index);
      char *problem = members_problem (element, members, path);
      const char *id;

      if (problem != NULL)
        return problem;
      if (!unique)
        continue;

      /* The members checked, "id" is text where ids must be unique. */
      id = json_object_get_string_member (json_node_get_object (element), "id");
      if (!g_hash_table_add (ids, (gpointer) id))
        {
          g_autofree char *shown = cmio_exchange_excerpt (id);

          return g_strdup_printf (_("%s: the id “%s” is used twice"), path, shown);
        }
    }

  return NULL;
}

static char *
object_problem (JsonObject           *root,
                const char           *name,
                const CmioJsonMember *members)
{
  JsonNode *node = json_object_get_member (root, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return members_problem (node, members, name);
}

static char *
export_id_problem (JsonObject *root)
{
  const char *id = json_object_get_string_member (root, "export_id");

  return *id == '\0' ? g_strdup (_("export_id: must not be empty")) : NULL;
}

/* The profile a review copies from its export: so the same checks. */
static const CmioJsonMember profile_members[] = {
  { "name", TYPE_SHORT, FALSE, TRUE },
  { "role", TYPE_SHORT, FALSE, TRUE },
  { "organization", TYPE_SHORT, FALSE, TRUE },
  { "start_date", TYPE_SHORT, FALSE, TRUE },
  { "mentor", TYPE_SHORT, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember export_members[] = {
  { "export_id", TYPE_SHORT, TRUE, FALSE },
  { "exported_at", TYPE_SHORT, FALSE, TRUE },
  { "content", TYPE_OBJECT, FALSE, TRUE },
  { "profile", TYPE_OBJECT, FALSE, TRUE },
  { "chapters", TYPE_LIST, TRUE, FALSE },
  { "items", TYPE_LIST, TRUE, FALSE },
  { "notes", TYPE_LIST, FALSE, TRUE },
  { "assessment", TYPE_OBJECT, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember content_members[] = {
  { "id", TYPE_TEXT, FALSE, TRUE },
  { "title", TYPE_TEXT, FALSE, TRUE },
  { "content_version", TYPE_TEXT, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember export_chapter_members[] = {
  { "id", TYPE_TEXT, TRUE, FALSE },
  { "number", TYPE_INT, FALSE, FALSE },
  { "title", TYPE_TEXT, FALSE, TRUE },
  { "read", TYPE_BOOLEAN, FALSE, FALSE },
  { NULL }
};

static const CmioJsonMember export_item_members[] = {
  { "id", TYPE_TEXT, TRUE, FALSE },
  { "text", TYPE_TEXT, TRUE, FALSE },
  { "number", TYPE_TEXT, FALSE, TRUE },
  { "chapter", TYPE_TEXT, FALSE, TRUE },
  { "owner", TYPE_TEXT, FALSE, TRUE },
  { "required", TYPE_BOOLEAN, FALSE, FALSE },
  { "custom", TYPE_BOOLEAN, FALSE, FALSE },
  { "target_day", TYPE_INT, FALSE, FALSE },
  { "target_date", TYPE_TEXT, FALSE, TRUE },
  { "done", TYPE_BOOLEAN, FALSE, FALSE },
  { "done_at", TYPE_TEXT, FALSE, TRUE },
  { "evidence", TYPE_TEXT, FALSE, TRUE },
  { "mentor", TYPE_OBJECT, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember export_mentor_members[] = {
  { "status", TYPE_STATUS, TRUE, FALSE },
  { "comment", TYPE_TEXT, FALSE, TRUE },
  { "by", TYPE_TEXT, FALSE, TRUE },
  { "at", TYPE_TEXT, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember export_note_members[] = {
  { "id", TYPE_TEXT, FALSE, TRUE },
  { "chapter", TYPE_TEXT, FALSE, TRUE },
  { "title", TYPE_TEXT, FALSE, TRUE },
  { "text", TYPE_TEXT, FALSE, TRUE },
  { "updated_at", TYPE_TEXT, FALSE, TRUE },
  { NULL }
};

/* What is wrong with the export @root, or NULL. */
static char *
export_problem (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);
  JsonArray *items;
  char *problem;

  if ((problem = members_problem (root, export_members, NULL)) != NULL ||
      (problem = export_id_problem (object)) != NULL ||
      (problem = object_problem (object, "content", content_members)) != NULL ||
      (problem = object_problem (object, "profile", profile_members)) != NULL ||
      (problem = list_problem (object, "chapters", export_chapter_members, FALSE)) != NULL ||
      (problem = list_problem (object, "items", export_item_members, TRUE)) != NULL ||
      (problem = list_problem (object, "notes", export_note_members, FALSE)) != NULL)
    return problem;

  items = json_object_get_array_member (object, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *index = g_strdup_printf ("items › %u", i + 1);

      if ((problem = object_problem (json_array_get_object_element (items, i), "mentor",
                                     export_mentor_members)) != NULL)
        {
          char *located = g_strdup_printf ("%s › %s", index, problem);

          g_free (problem);
          return located;
        }
    }

  return NULL;
}

/**
 * cmio_export_parse:
 * @data: the text of an export
 * @length: its length in bytes
 * @display_name: the file's name, for messages
 * @error: return location for a #GError in %CMIO_EXCHANGE_ERROR
 *
 * Reads an export for the mentor's review, checking every member that
 * this version shows; an "assessment" is only checked to be an object.
 *
 * Returns: (transfer full) (nullable): the export's root, sealed
 */
JsonNode *
cmio_export_parse (const char  *data,
                   gsize        length,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (display_name == NULL)
    display_name = "";

  root = cmio_exchange_parse_root (data ? data : "", length, display_name, error);
  if (root == NULL ||
      !cmio_exchange_check_format (json_node_get_object (root), CMIO_EXCHANGE_EXPORT, display_name, error))
    return NULL;

  if ((problem = export_problem (root)) != NULL)
    {
      cmio_exchange_refuse_invalid (error, CMIO_EXCHANGE_EXPORT, display_name, problem);
      return NULL;
    }

  return g_steal_pointer (&root);
}

/**
 * cmio_export_load:
 * @file: a `.cmioexport` file
 * @error: return location for a #GError
 *
 * Like cmio_export_parse(), from a file, refusing one larger than
 * %CMIO_EXCHANGE_MAX_BYTES before reading it.
 *
 * Returns: (transfer full) (nullable): the export's root, sealed
 */
JsonNode *
cmio_export_load (GFile   *file,
                  GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!cmio_exchange_read_file (file, &contents, &length, &name, error))
    return NULL;

  return cmio_export_parse (contents, length, name, error);
}

/* Reviews */

static const CmioJsonMember review_members[] = {
  { "export_id", TYPE_SHORT, TRUE, FALSE },
  { "reviewed_at", TYPE_TIMESTAMP, TRUE, FALSE },
  { "mentor", TYPE_OBJECT, TRUE, FALSE },
  { "comment", TYPE_LONG, FALSE, TRUE },
  { "items", TYPE_LIST, TRUE, FALSE },
  { "exported_at", TYPE_SHORT, FALSE, TRUE },
  { "profile", TYPE_OBJECT, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember review_mentor_members[] = {
  { "name", TYPE_SHORT, FALSE, TRUE },
  { NULL }
};

static const CmioJsonMember review_item_members[] = {
  { "id", TYPE_SHORT, TRUE, FALSE },
  { "status", TYPE_STATUS, TRUE, FALSE },
  { "comment", TYPE_LONG, FALSE, TRUE },
  { NULL }
};

/* What is wrong with the review @root, or NULL. */
char *
cmio_review_problem (JsonNode *root)
{
  JsonObject *object = json_node_get_object (root);
  char *problem;

  if ((problem = members_problem (root, review_members, NULL)) != NULL ||
      (problem = export_id_problem (object)) != NULL ||
      (problem = object_problem (object, "mentor", review_mentor_members)) != NULL ||
      (problem = object_problem (object, "profile", profile_members)) != NULL ||
      (problem = list_problem (object, "items", review_item_members, TRUE)) != NULL)
    return problem;

  return NULL;
}

static void
set_string (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/**
 * cmio_review_new:
 * @export: an export from cmio_export_load()
 * @mentor: (nullable): the mentor's name
 * @comment: (nullable): the mentor's overall comment
 * @reviewed_at: (nullable): when, ISO 8601 UTC; %NULL for now
 *
 * Starts a review with no item marked. It carries the export's id,
 * exported_at and profile, so that the mentee can tell whose export, and
 * which one, it is of.
 *
 * Returns: (transfer full): the review's root, to change with
 *   cmio_review_set_item() and write with cmio_review_write()
 */
JsonNode *
cmio_review_new (JsonNode   *export,
                 const char *mentor,
                 const char *comment,
                 const char *reviewed_at)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonObject) mentor_object = json_object_new ();
  g_autofree char *now = NULL;
  JsonObject *source;

  g_return_val_if_fail (export != NULL && JSON_NODE_HOLDS_OBJECT (export), NULL);

  source = json_node_get_object (export);
  if (reviewed_at == NULL)
    reviewed_at = now = cmio_progress_now ();

  json_object_set_string_member (root, "format", CMIO_REVIEW_FORMAT);
  json_object_set_int_member (root, "version", CMIO_REVIEW_VERSION);
  set_string (root, "export_id", cmio_json_get_string (source, "export_id"));
  set_string (root, "exported_at", cmio_json_get_string (source, "exported_at"));
  if (cmio_json_get_object (source, "profile") != NULL)
    json_object_set_member (root, "profile", json_node_copy (json_object_get_member (source, "profile")));
  else
    json_object_set_null_member (root, "profile");
  set_string (root, "reviewed_at", reviewed_at);
  set_string (mentor_object, "name", mentor);
  json_object_set_object_member (root, "mentor", g_steal_pointer (&mentor_object));
  set_string (root, "comment", comment);
  json_object_set_array_member (root, "items", json_array_new ());

  return json_node_init_object (json_node_alloc (), root);
}

/* The position of each item of @export, by id. */
static GHashTable *
export_positions (JsonNode *export)
{
  GHashTable *positions = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *items = cmio_json_get_array (json_node_get_object (export), "items");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      const char *id = cmio_json_get_string (cmio_json_array_get_object (items, i), "id");

      if (id != NULL && !g_hash_table_contains (positions, id))
        g_hash_table_insert (positions, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }

  return positions;
}

/**
 * cmio_review_set_item:
 * @review: a review from cmio_review_new()
 * @export: the export it reviews
 * @item_id: an item of @export
 * @status: the mentor's mark; %CMIO_MENTOR_STATUS_NONE takes it out
 * @comment: (nullable): the mentor's comment on it
 *
 * Marks one item. The review's items stay in the export's order.
 */
void
cmio_review_set_item (JsonNode         *review,
                      JsonNode         *export,
                      const char       *item_id,
                      CmioMentorStatus  status,
                      const char       *comment)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(JsonArray) items = NULL;
  JsonObject *root;
  JsonArray *old;
  JsonNode *mark = NULL;
  guint position;

  g_return_if_fail (review != NULL && JSON_NODE_HOLDS_OBJECT (review));
  g_return_if_fail (export != NULL && JSON_NODE_HOLDS_OBJECT (export));
  g_return_if_fail (item_id != NULL);
  g_return_if_fail (status <= CMIO_MENTOR_STATUS_DISCUSS);

  positions = export_positions (export);
  position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, item_id));
  g_return_if_fail (position > 0);

  if (status != CMIO_MENTOR_STATUS_NONE)
    {
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_string_member (object, "id", item_id);
      json_object_set_string_member (object, "status",
                                     status == CMIO_MENTOR_STATUS_APPROVED ? "approved" : "discuss");
      set_string (object, "comment", comment);
      mark = json_node_init_object (json_node_alloc (), object);
    }

  /* JsonArray cannot insert: the list is made again, in the export's order. */
  root = json_node_get_object (review);
  old = json_object_get_array_member (root, "items");
  items = json_array_new ();
  for (guint i = 0; i < json_array_get_length (old); i++)
    {
      JsonNode *element = json_array_get_element (old, i);
      const char *id = cmio_json_get_string (json_node_get_object (element), "id");
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (positions, id));

      if (g_strcmp0 (id, item_id) == 0)
        continue;
      if (mark != NULL && at > position)
        json_array_add_element (items, g_steal_pointer (&mark));
      json_array_add_element (items, json_node_ref (element));
    }
  if (mark != NULL)
    json_array_add_element (items, g_steal_pointer (&mark));

  json_object_set_array_member (root, "items", g_steal_pointer (&items));
}

/**
 * cmio_review_get_item:
 * @review: a review
 * @item_id: an item id
 * @comment: (out) (optional) (nullable): the mentor's comment on it
 *
 * Returns: the review's mark on @item_id
 */
CmioMentorStatus
cmio_review_get_item (JsonNode    *review,
                      const char  *item_id,
                      const char **comment)
{
  JsonArray *items;

  g_return_val_if_fail (review != NULL && JSON_NODE_HOLDS_OBJECT (review), CMIO_MENTOR_STATUS_NONE);

  if (comment != NULL)
    *comment = NULL;

  items = json_object_get_array_member (json_node_get_object (review), "items");
  for (guint i = 0; item_id != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (cmio_json_get_string (item, "id"), item_id) != 0)
        continue;
      if (comment != NULL)
        *comment = cmio_json_get_string (item, "comment");
      return g_strcmp0 (cmio_json_get_string (item, "status"), "approved") == 0 ? CMIO_MENTOR_STATUS_APPROVED
                                                                                : CMIO_MENTOR_STATUS_DISCUSS;
    }

  return CMIO_MENTOR_STATUS_NONE;
}

/**
 * cmio_review_write:
 * @review: a review from cmio_review_new()
 * @file: where to write it
 * @error: return location for a #GError
 *
 * Writes the review as pretty JSON, replacing @file whole or not at all.
 * A review the mentee could not import (a comment too long) is refused.
 *
 * Returns: %TRUE if it was written
 */
gboolean
cmio_review_write (JsonNode  *review,
                   GFile     *file,
                   GError   **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (review != NULL && JSON_NODE_HOLDS_OBJECT (review), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((problem = cmio_review_problem (review)) != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      return cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_INVALID,
                                   _("“%s” was not written: %s"), name, problem);
    }

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, review);
  data = json_generator_to_data (generator, &length);

  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

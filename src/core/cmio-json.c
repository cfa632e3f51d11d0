/* cmio-json.c — small helpers for reading JSON that users' files hold
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cmio-json.h"

/**
 * cmio_json_type_name:
 * @node: (nullable): a node
 *
 * Returns: what @node holds, in words for a message ("text", "a number"…)
 */
const char *
cmio_json_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("text");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return _("a number");
    default:
      return _("a value");
    }
}

/**
 * cmio_json_node_is:
 * @node: (nullable): a node
 * @type: %G_TYPE_STRING, %G_TYPE_INT64, %G_TYPE_DOUBLE or %G_TYPE_BOOLEAN
 *
 * Returns: %TRUE if @node is a value of exactly @type
 */
gboolean
cmio_json_node_is (JsonNode *node,
                   GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/**
 * cmio_json_parse_error_reason:
 * @message: the message of a json-glib parse error
 * @line: (out): set to the line of the error when the message names it
 *
 * json-glib says where a parse failed only inside its message:
 * "<data>:LINE:COLUMN: Parse error: REASON".
 *
 * Returns: the reason alone, pointing into @message
 */
const char *
cmio_json_parse_error_reason (const char *message,
                              guint      *line)
{
  const char *marker = strstr (message, ": Parse error: ");
  const char *p;

  if (marker == NULL)
    return message;

  /* Walk back over ":COLUMN" to the line number before it. */
  for (p = marker - 1; p > message && g_ascii_isdigit (*p); p--)
    ;
  if (p > message && *p == ':')
    {
      const char *q;

      for (q = p - 1; q > message && g_ascii_isdigit (*q); q--)
        ;
      if (*q == ':')
        *line = (guint) g_ascii_strtoull (q + 1, NULL, 10);
    }

  return marker + strlen (": Parse error: ");
}

/**
 * cmio_json_string_end:
 * @p: the opening quote of a string in JSON text
 * @end: the end of that text
 *
 * Finds the string's closing quote: the first one not escaped by an odd
 * number of backslashes. memchr() is fast, and most of a progress file is
 * text inside strings.
 *
 * Returns: the closing quote, or @end if there is none
 */
const char *
cmio_json_string_end (const char *p,
                      const char *end)
{
  for (p++; p < end; p++)
    {
      const char *quote = memchr (p, '"', end - p);
      const char *back;

      if (quote == NULL)
        return end;
      for (back = quote; back > p && back[-1] == '\\'; back--)
        ;
      p = quote;
      if ((quote - back) % 2 == 0)
        return quote;
    }

  return end;
}

/**
 * cmio_json_max_depth:
 * @text: JSON text
 * @length: its length in bytes
 *
 * Measures how deeply @text nests objects and lists, without parsing it, so
 * that a hostile file is refused before a recursive parser meets it.
 *
 * Returns: the deepest nesting
 */
guint
cmio_json_max_depth (const char *text,
                     gsize       length)
{
  const char *end = text + length;
  const char *p = text;
  guint depth = 0;
  guint max_depth = 0;

  while (p < end)
    {
      switch (*p)
        {
        case '"':
          p = cmio_json_string_end (p, end);
          break;

        case '{':
        case '[':
          depth++;
          max_depth = MAX (max_depth, depth);
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;

        default:
          break;
        }
      p++;
    }

  return max_depth;
}

/**
 * cmio_text_is_blank:
 * @text: a nul-terminated string
 *
 * Returns: %TRUE if @text holds nothing but white space
 */
gboolean
cmio_text_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  return object != NULL ? json_object_get_member (object, member) : NULL;
}

/**
 * cmio_json_get_string:
 * @object: (nullable): an object
 * @member: a member's name
 *
 * Returns: (nullable): the member's text, or %NULL if it is not a string
 */
const char *
cmio_json_get_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node = get_member (object, member);

  return cmio_json_node_is (node, G_TYPE_STRING) ? json_node_get_string (node) : NULL;
}

/**
 * cmio_json_get_object:
 * @object: (nullable): an object
 * @member: a member's name
 *
 * Returns: (nullable) (transfer none): the member, or %NULL if it is not an object
 */
JsonObject *
cmio_json_get_object (JsonObject *object,
                      const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * cmio_json_get_array:
 * @object: (nullable): an object
 * @member: a member's name
 *
 * Returns: (nullable) (transfer none): the member, or %NULL if it is not an array
 */
JsonArray *
cmio_json_get_array (JsonObject *object,
                     const char *member)
{
  JsonNode *node = get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/**
 * cmio_json_get_true:
 * @object: (nullable): an object
 * @member: a member's name
 *
 * Returns: %TRUE if the member is the boolean true
 */
gboolean
cmio_json_get_true (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_member (object, member);

  return cmio_json_node_is (node, G_TYPE_BOOLEAN) && json_node_get_boolean (node);
}

/**
 * cmio_json_get_number:
 * @object: (nullable): an object
 * @member: a member's name
 * @value: (out): the number
 *
 * Returns: %TRUE if the member is a number, integer or not
 */
gboolean
cmio_json_get_number (JsonObject *object,
                      const char *member,
                      double     *value)
{
  JsonNode *node = get_member (object, member);

  if (cmio_json_node_is (node, G_TYPE_DOUBLE) || cmio_json_node_is (node, G_TYPE_INT64))
    {
      *value = json_node_get_double (node);
      return TRUE;
    }
  return FALSE;
}

/**
 * cmio_json_get_uint:
 * @object: (nullable): an object
 * @member: a member's name
 *
 * Returns: the member, a count: 0 unless it is a whole number that fits
 */
guint
cmio_json_get_uint (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_member (object, member);
  gint64 value;

  if (!cmio_json_node_is (node, G_TYPE_INT64))
    return 0;

  value = json_node_get_int (node);
  return value >= 0 && value <= G_MAXUINT ? (guint) value : 0;
}

/**
 * cmio_json_array_get_object:
 * @array: (nullable): an array
 * @index: a position in it
 *
 * Returns: (nullable) (transfer none): the element, or %NULL if there is
 *   none at @index or it is not an object
 */
JsonObject *
cmio_json_array_get_object (JsonArray *array,
                            guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;

  node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * cmio_json_check_members:
 * @object: an object read from a file
 * @members: what it should hold, in the order to check them
 * @check: checks a value of a member's kind
 * @problem: (out) (transfer full) (nullable): what is wrong with the member
 *   returned; %NULL when it is missing
 *
 * Checks @object's members that @members names, in their order, and stops
 * at the first at fault: a required one missing, or one whose value
 * @check finds wrong. A null is never wrong for a nullable member, and
 * members that @members does not name are not looked at.
 *
 * Returns: (nullable): the first member at fault, or %NULL if none is
 */
const CmioJsonMember *
cmio_json_check_members (JsonObject            *object,
                         const CmioJsonMember  *members,
                         CmioJsonValueCheck     check,
                         char                 **problem)
{
  *problem = NULL;
  for (const CmioJsonMember *member = members; member->name != NULL; member++)
    {
      JsonNode *node = json_object_get_member (object, member->name);

      if (node == NULL && !member->required)
        continue;
      if (node == NULL)
        return member;
      if (member->nullable && JSON_NODE_HOLDS_NULL (node))
        continue;
      if ((*problem = check (node, member->kind)) != NULL)
        return member;
    }

  return NULL;
}

/**
 * cmio_json_path_join:
 * @path: (nullable): the path to an object in a file, for a message;
 *   %NULL for the top level
 * @member: one of its members
 *
 * Returns: (transfer full): the path to @member, such as
 *   items › 3 › text
 */
char *
cmio_json_path_join (const char *path,
                     const char *member)
{
  return path ? g_strdup_printf ("%s › %s", path, member) : g_strdup (member);
}

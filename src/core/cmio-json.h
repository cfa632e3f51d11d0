/* cmio-json.h — small helpers for reading JSON that users' files hold
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

const char *cmio_json_type_name          (JsonNode   *node);
gboolean    cmio_json_node_is            (JsonNode   *node,
                                          GType       type);
const char *cmio_json_parse_error_reason (const char *message,
                                          guint      *line);
const char *cmio_json_string_end         (const char *p,
                                          const char *end);
guint       cmio_json_max_depth          (const char *text,
                                          gsize       length);
gboolean    cmio_text_is_blank           (const char *text);

/* Members of an object already checked, or NULL / FALSE when absent or of
 * another type; @object may be NULL. */
const char *cmio_json_get_string         (JsonObject *object,
                                          const char *member);
JsonObject *cmio_json_get_object         (JsonObject *object,
                                          const char *member);
JsonArray  *cmio_json_get_array          (JsonObject *object,
                                          const char *member);
gboolean    cmio_json_get_true           (JsonObject *object,
                                          const char *member);
gboolean    cmio_json_get_number         (JsonObject *object,
                                          const char *member,
                                          double     *value);
guint       cmio_json_get_uint           (JsonObject *object,
                                          const char *member);
JsonObject *cmio_json_array_get_object   (JsonArray  *array,
                                          guint       index);

/* Checking the members of an object that a file holds. */

/* A member that such an object should hold: its kind (a code that only
 * the caller's CmioJsonValueCheck knows), whether it must be there and
 * whether it may be null. A list of them ends with one named NULL. */
typedef struct
{
  const char *name;
  int kind;
  gboolean required;
  gboolean nullable;
} CmioJsonMember;

/* What is wrong with @node as a value of @kind, a message to free; NULL
 * when nothing is. Never given a null that the member allows. */
typedef char *(*CmioJsonValueCheck) (JsonNode *node,
                                     int       kind);

const CmioJsonMember *cmio_json_check_members (JsonObject            *object,
                                               const CmioJsonMember  *members,
                                               CmioJsonValueCheck     check,
                                               char                 **problem);
char       *cmio_json_path_join          (const char *path,
                                          const char *member);

G_END_DECLS

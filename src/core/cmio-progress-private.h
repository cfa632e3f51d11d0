/* cmio-progress-private.h — what the parts of CmioProgress share
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-progress.h"

G_BEGIN_DECLS

/* The progress is kept as JSON, so that members this version does not know,
 * at any depth, are written back as they came. Every record (a chapter's
 * state, an item's state, a note…) is a sealed, immutable object node: a
 * change makes a new record. The containers that hold the records are the
 * only mutable parts, so a snapshot for saving is a cheap copy of pointers
 * that a worker thread may serialize while the model goes on changing. */
struct _CmioProgress
{
  GObject parent_instance;

  JsonObject *root;          /* the members of the top level not held below */
  JsonNode *profile;         /* sealed object */
  JsonObject *chapters;      /* chapter id → sealed object */
  JsonObject *items;         /* item id → sealed object */
  GPtrArray *custom_items;   /* sealed objects */
  GPtrArray *notes;          /* sealed objects */
  GPtrArray *assessments;    /* sealed objects */
  JsonNode *draft;           /* sealed object, or NULL */
  GPtrArray *reviews;        /* sealed objects */
  GPtrArray *exports;        /* sealed objects, oldest first */

  CmioContentPack *pack;
  GPtrArray *custom_numbers; /* the custom items' numbers, made when asked */
  guint64 generation;
  gboolean read_only;
};

/* Sections, the detail of the "changed" signal */
#define CMIO_SECTION_PROFILE     "profile"
#define CMIO_SECTION_CHAPTER     "chapter"
#define CMIO_SECTION_ITEM        "item"
#define CMIO_SECTION_CUSTOM_ITEM "custom-item"
#define CMIO_SECTION_NOTE        "note"
#define CMIO_SECTION_ASSESSMENT  "assessment"
#define CMIO_SECTION_DRAFT       "draft"
#define CMIO_SECTION_REVIEW      "review"
#define CMIO_SECTION_EXPORT      "export"

/* Records */
const char *cmio_record_get_string   (JsonNode     *record,
                                      const char   *member);
gboolean    cmio_record_get_boolean  (JsonNode     *record,
                                      const char   *member);
gint64      cmio_record_get_int      (JsonNode     *record,
                                      const char   *member,
                                      gint64        fallback);
double      cmio_record_get_double   (JsonNode     *record,
                                      const char   *member,
                                      double        fallback);
JsonNode   *cmio_record_with         (JsonNode     *record,
                                      ...) G_GNUC_NULL_TERMINATED;
JsonNode   *cmio_value_string        (const char   *value);
JsonNode   *cmio_value_boolean       (gboolean      value);
JsonNode   *cmio_value_int           (gint64        value);
JsonNode   *cmio_value_double        (double        value);
JsonNode   *cmio_value_null          (void);
char       *cmio_progress_new_id     (const char   *prefix);
int         cmio_records_find        (GPtrArray    *records,
                                      const char   *id);
int         cmio_records_find_or_fail (GPtrArray   *records,
                                       const char  *id,
                                       const char  *what,
                                       GError     **error);

/* Changes */
gboolean    cmio_progress_check_writable (CmioProgress *self,
                                          GError      **error);
gboolean    cmio_progress_check_text     (const char   *what,
                                          const char   *text,
                                          gsize         limit,
                                          GError      **error);
void        cmio_progress_emit_changed   (CmioProgress *self,
                                          const char   *section,
                                          const char   *id);

/* Undo: records as they were, put back */
JsonNode   *cmio_progress_dup_item_record    (CmioProgress *self,
                                              const char   *item_id);
void        cmio_progress_restore_item_record (CmioProgress *self,
                                               const char   *item_id,
                                               JsonNode     *record);
int         cmio_progress_find_custom_item   (CmioProgress *self,
                                              const char   *item_id);
JsonNode   *cmio_progress_dup_custom_record  (CmioProgress *self,
                                              guint         position);
void        cmio_progress_restore_custom_record (CmioProgress *self,
                                                 guint         position,
                                                 const char   *item_id,
                                                 JsonNode     *record);
int         cmio_progress_find_record        (CmioProgress *self,
                                              const char   *section,
                                              const char   *id);
JsonNode   *cmio_progress_dup_record         (CmioProgress *self,
                                              const char   *section,
                                              guint         position);
void        cmio_progress_restore_record     (CmioProgress *self,
                                              const char   *section,
                                              guint         position,
                                              const char   *id,
                                              JsonNode     *record);

/* Loading */
gboolean    cmio_progress_load_root      (CmioProgress *self,
                                          JsonNode     *root,
                                          GError      **error);

G_END_DECLS

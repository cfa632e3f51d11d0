/* cmio-progress.h — the user's progress: the model behind progress.json
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cmio-content-pack.h"

G_BEGIN_DECLS

#define CMIO_PROGRESS_FORMAT "cmio-handbook-progress"
#define CMIO_PROGRESS_VERSION 1
/* The longest note, comment or evidence text, in bytes. */
#define CMIO_PROGRESS_MAX_TEXT (1024 * 1024)
/* The longest short text: a name, a title, an id. */
#define CMIO_PROGRESS_MAX_SHORT_TEXT (4 * 1024)

#define CMIO_PROGRESS_ERROR (cmio_progress_error_quark ())

typedef enum
{
  CMIO_PROGRESS_ERROR_INVALID,
  CMIO_PROGRESS_ERROR_TOO_LARGE,
  CMIO_PROGRESS_ERROR_UNKNOWN_ID,
  CMIO_PROGRESS_ERROR_NOT_FOUND,
  CMIO_PROGRESS_ERROR_READ_ONLY,
  CMIO_PROGRESS_ERROR_NEWER_VERSION,
} CmioProgressError;

typedef enum
{
  CMIO_MENTOR_STATUS_NONE,
  CMIO_MENTOR_STATUS_APPROVED,
  CMIO_MENTOR_STATUS_DISCUSS,
} CmioMentorStatus;

#define CMIO_TYPE_PROGRESS (cmio_progress_get_type ())

G_DECLARE_FINAL_TYPE (CmioProgress, cmio_progress, CMIO, PROGRESS, GObject)

GQuark             cmio_progress_error_quark             (void);

/* Creating, reading and writing */
CmioProgress      *cmio_progress_new                     (void);
CmioProgress      *cmio_progress_new_from_json           (JsonNode          *root,
                                                          GError           **error);
JsonNode          *cmio_progress_to_json                 (CmioProgress      *self);
guint64            cmio_progress_get_generation          (CmioProgress      *self);
gboolean           cmio_progress_get_read_only           (CmioProgress      *self);
void               cmio_progress_set_read_only           (CmioProgress      *self,
                                                          gboolean           read_only);
void               cmio_progress_set_content_pack        (CmioProgress      *self,
                                                          CmioContentPack   *pack);

/* Profile: "name", "role", "organization", "mentor", "start_date" */
const char        *cmio_progress_get_profile             (CmioProgress      *self,
                                                          const char        *field);
gboolean           cmio_progress_set_profile             (CmioProgress      *self,
                                                          const char        *field,
                                                          const char        *value,
                                                          GError           **error);

/* Chapters */
gboolean           cmio_progress_get_chapter_read        (CmioProgress      *self,
                                                          const char        *chapter_id);
gboolean           cmio_progress_set_chapter_read        (CmioProgress      *self,
                                                          const char        *chapter_id,
                                                          gboolean           read,
                                                          GError           **error);
double             cmio_progress_get_chapter_position    (CmioProgress      *self,
                                                          const char        *chapter_id);
gboolean           cmio_progress_set_chapter_position    (CmioProgress      *self,
                                                          const char        *chapter_id,
                                                          double             position,
                                                          GError           **error);

/* Checklist items, built-in and custom */
GStrv              cmio_progress_dup_item_ids            (CmioProgress      *self);
gboolean           cmio_progress_get_item_done           (CmioProgress      *self,
                                                          const char        *item_id);
const char        *cmio_progress_get_item_done_at        (CmioProgress      *self,
                                                          const char        *item_id);
gboolean           cmio_progress_set_item_done           (CmioProgress      *self,
                                                          const char        *item_id,
                                                          gboolean           done,
                                                          GError           **error);
const char        *cmio_progress_get_item_evidence       (CmioProgress      *self,
                                                          const char        *item_id);
gboolean           cmio_progress_set_item_evidence       (CmioProgress      *self,
                                                          const char        *item_id,
                                                          const char        *evidence,
                                                          GError           **error);
CmioMentorStatus   cmio_progress_get_item_mentor         (CmioProgress      *self,
                                                          const char        *item_id,
                                                          const char       **comment,
                                                          const char       **by,
                                                          const char       **at);
gboolean           cmio_progress_set_item_mentor         (CmioProgress      *self,
                                                          const char        *item_id,
                                                          CmioMentorStatus   status,
                                                          const char        *comment,
                                                          const char        *by,
                                                          const char        *at,
                                                          GError           **error);
gboolean           cmio_progress_remove_item_state       (CmioProgress      *self,
                                                          const char        *item_id,
                                                          GError           **error);

/* Custom items */
guint              cmio_progress_get_n_custom_items      (CmioProgress      *self);
CmioChecklistItem *cmio_progress_dup_custom_item         (CmioProgress      *self,
                                                          guint              position);
const char        *cmio_progress_get_custom_item_field   (CmioProgress      *self,
                                                          guint              position,
                                                          const char        *field);
char              *cmio_progress_add_custom_item         (CmioProgress      *self,
                                                          const char        *chapter_id,
                                                          const char        *text,
                                                          int                target_day,
                                                          CmioOwner          owner,
                                                          gboolean           required,
                                                          GError           **error);
gboolean           cmio_progress_update_custom_item      (CmioProgress      *self,
                                                          const char        *item_id,
                                                          const char        *text,
                                                          int                target_day,
                                                          CmioOwner          owner,
                                                          gboolean           required,
                                                          GError           **error);
gboolean           cmio_progress_remove_custom_item      (CmioProgress      *self,
                                                          const char        *item_id,
                                                          GError           **error);

/* Notes */
guint              cmio_progress_get_n_notes             (CmioProgress      *self);
const char        *cmio_progress_get_note_id             (CmioProgress      *self,
                                                          guint              position);
const char        *cmio_progress_find_chapter_note       (CmioProgress      *self,
                                                          const char        *chapter_id);
const char        *cmio_progress_get_note_field          (CmioProgress      *self,
                                                          const char        *note_id,
                                                          const char        *field);
gboolean           cmio_progress_get_note_shared         (CmioProgress      *self,
                                                          const char        *note_id);
char              *cmio_progress_add_note                (CmioProgress      *self,
                                                          const char        *chapter_id,
                                                          const char        *title,
                                                          const char        *text,
                                                          GError           **error);
gboolean           cmio_progress_set_note_text           (CmioProgress      *self,
                                                          const char        *note_id,
                                                          const char        *text,
                                                          GError           **error);
gboolean           cmio_progress_set_note_title          (CmioProgress      *self,
                                                          const char        *note_id,
                                                          const char        *title,
                                                          GError           **error);
gboolean           cmio_progress_set_note_shared         (CmioProgress      *self,
                                                          const char        *note_id,
                                                          gboolean           shared,
                                                          GError           **error);
gboolean           cmio_progress_remove_note             (CmioProgress      *self,
                                                          const char        *note_id,
                                                          GError           **error);

/* Self-assessments and the draft */
guint              cmio_progress_get_n_assessments       (CmioProgress      *self);
const char        *cmio_progress_get_assessment_id       (CmioProgress      *self,
                                                          guint              position);
const char        *cmio_progress_get_assessment_field    (CmioProgress      *self,
                                                          const char        *assessment_id,
                                                          const char        *field);
gboolean           cmio_progress_get_rating              (CmioProgress      *self,
                                                          const char        *assessment_id,
                                                          const char        *competency_id,
                                                          int               *level,
                                                          const char       **comment);
gboolean           cmio_progress_remove_assessment       (CmioProgress      *self,
                                                          const char        *assessment_id,
                                                          GError           **error);
gboolean           cmio_progress_has_draft               (CmioProgress      *self);
const char        *cmio_progress_start_draft             (CmioProgress      *self,
                                                          GError           **error);
int                cmio_progress_get_draft_page          (CmioProgress      *self);
gboolean           cmio_progress_set_draft_page          (CmioProgress      *self,
                                                          int                page,
                                                          GError           **error);
gboolean           cmio_progress_set_draft_rating        (CmioProgress      *self,
                                                          const char        *competency_id,
                                                          int                level,
                                                          const char        *comment,
                                                          GError           **error);
char              *cmio_progress_finish_draft            (CmioProgress      *self,
                                                          GError           **error);
gboolean           cmio_progress_discard_draft           (CmioProgress      *self,
                                                          GError           **error);

/* Imported mentor reviews */
guint              cmio_progress_get_n_reviews           (CmioProgress      *self);
const char        *cmio_progress_get_review_field        (CmioProgress      *self,
                                                          guint              position,
                                                          const char        *field);
char              *cmio_progress_add_review              (CmioProgress      *self,
                                                          const char        *export_id,
                                                          const char        *mentor,
                                                          const char        *reviewed_at,
                                                          const char        *comment,
                                                          GError           **error);

/* Exports this progress made, oldest first; only the newest
 * CMIO_PROGRESS_MAX_EXPORTS are kept */
#define CMIO_PROGRESS_MAX_EXPORTS 50

guint              cmio_progress_get_n_exports           (CmioProgress      *self);
const char        *cmio_progress_get_export_field        (CmioProgress      *self,
                                                          guint              position,
                                                          const char        *field);
int                cmio_progress_find_export             (CmioProgress      *self,
                                                          const char        *export_id);
gboolean           cmio_progress_record_export           (CmioProgress      *self,
                                                          const char        *export_id,
                                                          const char        *exported_at,
                                                          GError           **error);

/* Helpers */
char              *cmio_progress_now                     (void);
gboolean           cmio_progress_timestamp_is_valid      (const char        *text);
gboolean           cmio_progress_date_is_valid           (const char        *text);

G_END_DECLS

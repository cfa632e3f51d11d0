/* cmio-progress-notes.c — notes, self-assessments, imported reviews and
 * the exports made
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cmio-progress-private.h"

static const char * const note_fields[] = { "id", "chapter", "title", "text", "updated_at", NULL };
static const char * const assessment_fields[] = {
  "id", "started_at", "completed_at", "content_version", NULL
};
static const char * const review_fields[] = {
  "id", "export_id", "mentor", "reviewed_at", "imported_at", "comment", NULL
};
static const char * const export_fields[] = { "export_id", "exported_at", NULL };

/* Puts @record in place of the one at @position, which it replaces. */
static void
replace_record (GPtrArray *records,
                guint      position,
                JsonNode  *record)
{
  JsonNode *old = records->pdata[position];

  records->pdata[position] = record;
  json_node_unref (old);
}

/* Notes */

guint
cmio_progress_get_n_notes (CmioProgress *self)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), 0);
  return self->notes->len;
}

const char *
cmio_progress_get_note_id (CmioProgress *self,
                           guint         position)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (position < self->notes->len, NULL);

  return cmio_record_get_string (g_ptr_array_index (self->notes, position), "id");
}

/**
 * cmio_progress_find_chapter_note:
 * @self: a #CmioProgress
 * @chapter_id: a chapter id
 *
 * Returns: (nullable): the id of the chapter's note, the first if several
 */
const char *
cmio_progress_find_chapter_note (CmioProgress *self,
                                 const char   *chapter_id)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);

  for (guint i = 0; chapter_id != NULL && i < self->notes->len; i++)
    {
      JsonNode *note = g_ptr_array_index (self->notes, i);

      if (g_strcmp0 (cmio_record_get_string (note, "chapter"), chapter_id) == 0)
        return cmio_record_get_string (note, "id");
    }

  return NULL;
}

/**
 * cmio_progress_get_note_field:
 * @self: a #CmioProgress
 * @note_id: a note id
 * @field: "id", "chapter", "title", "text" or "updated_at"
 *
 * Returns: (nullable): the field's value
 */
const char *
cmio_progress_get_note_field (CmioProgress *self,
                              const char   *note_id,
                              const char   *field)
{
  int position;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (g_strv_contains (note_fields, field), NULL);

  position = cmio_records_find (self->notes, note_id);
  return position < 0 ? NULL : cmio_record_get_string (g_ptr_array_index (self->notes, position), field);
}

gboolean
cmio_progress_get_note_shared (CmioProgress *self,
                               const char   *note_id)
{
  int position;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  position = cmio_records_find (self->notes, note_id);
  return position >= 0 && cmio_record_get_boolean (g_ptr_array_index (self->notes, position), "shared");
}

/**
 * cmio_progress_add_note:
 * @self: a #CmioProgress
 * @chapter_id: (nullable): the chapter it belongs to, or %NULL for a free note
 * @title: (nullable): its title
 * @text: (nullable): its Markdown text, at most %CMIO_PROGRESS_MAX_TEXT bytes
 * @error: return location for a #GError
 *
 * Adds a note, private (not shared with the mentor).
 *
 * Returns: (transfer full) (nullable): the new note's id
 */
char *
cmio_progress_add_note (CmioProgress  *self,
                        const char    *chapter_id,
                        const char    *title,
                        const char    *text,
                        GError       **error)
{
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);

  if (!cmio_progress_check_writable (self, error) ||
      !cmio_progress_check_text (_("note's title"), title, CMIO_PROGRESS_MAX_SHORT_TEXT, error) ||
      !cmio_progress_check_text (_("note"), text, CMIO_PROGRESS_MAX_TEXT, error))
    return NULL;

  if (chapter_id != NULL && !cmio_content_id_is_valid (chapter_id))
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("“%s” is not a valid %s id"), chapter_id, _("chapter"));
      return NULL;
    }

  id = cmio_progress_new_id ("note");
  now = cmio_progress_now ();
  g_ptr_array_add (self->notes,
                   cmio_record_with (NULL,
                                     "id", cmio_value_string (id),
                                     "chapter", cmio_value_string (chapter_id),
                                     "title", cmio_value_string (title ? title : ""),
                                     "text", cmio_value_string (text ? text : ""),
                                     "shared", cmio_value_boolean (FALSE),
                                     "updated_at", cmio_value_string (now),
                                     NULL));
  cmio_progress_emit_changed (self, CMIO_SECTION_NOTE, id);
  return g_steal_pointer (&id);
}

static gboolean
set_note_member (CmioProgress  *self,
                 const char    *note_id,
                 const char    *member,
                 JsonNode      *value,
                 GError       **error)
{
  g_autoptr(JsonNode) owned = value;
  g_autofree char *now = NULL;
  JsonNode *old;
  JsonNode *current;
  int position;

  if (!cmio_progress_check_writable (self, error) ||
      (position = cmio_records_find_or_fail (self->notes, note_id, _("note"), error)) < 0)
    return FALSE;

  old = g_ptr_array_index (self->notes, position);
  current = json_object_get_member (json_node_get_object (old), member);
  if (current != NULL && json_node_equal (current, value))
    return TRUE;

  now = cmio_progress_now ();
  replace_record (self->notes, position,
                  cmio_record_with (old,
                                    member, g_steal_pointer (&owned),
                                    "updated_at", cmio_value_string (now),
                                    NULL));
  cmio_progress_emit_changed (self, CMIO_SECTION_NOTE, note_id);
  return TRUE;
}

/**
 * cmio_progress_set_note_text:
 * @self: a #CmioProgress
 * @note_id: a note id
 * @text: the new text; more than %CMIO_PROGRESS_MAX_TEXT bytes is refused
 *   and the note stays as it was
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the text was set
 */
gboolean
cmio_progress_set_note_text (CmioProgress  *self,
                             const char    *note_id,
                             const char    *text,
                             GError       **error)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!cmio_progress_check_text (_("note"), text, CMIO_PROGRESS_MAX_TEXT, error))
    return FALSE;

  return set_note_member (self, note_id, "text", cmio_value_string (text), error);
}

gboolean
cmio_progress_set_note_title (CmioProgress  *self,
                              const char    *note_id,
                              const char    *title,
                              GError       **error)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  if (!cmio_progress_check_text (_("note's title"), title, CMIO_PROGRESS_MAX_SHORT_TEXT, error))
    return FALSE;

  return set_note_member (self, note_id, "title", cmio_value_string (title), error);
}

/**
 * cmio_progress_set_note_shared:
 * @self: a #CmioProgress
 * @note_id: a note id
 * @shared: whether the note goes into exports for the mentor
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the change was made
 */
gboolean
cmio_progress_set_note_shared (CmioProgress  *self,
                               const char    *note_id,
                               gboolean       shared,
                               GError       **error)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  return set_note_member (self, note_id, "shared", cmio_value_boolean (!!shared), error);
}

gboolean
cmio_progress_remove_note (CmioProgress  *self,
                           const char    *note_id,
                           GError       **error)
{
  g_autofree char *id = g_strdup (note_id);
  int position;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!cmio_progress_check_writable (self, error) ||
      (position = cmio_records_find_or_fail (self->notes, note_id, _("note"), error)) < 0)
    return FALSE;

  g_ptr_array_remove_index (self->notes, position);
  cmio_progress_emit_changed (self, CMIO_SECTION_NOTE, id);
  return TRUE;
}

/* Undo: a deleted note or self-assessment put back where it was, exactly
 * as it was, or an imported review taken out. @section is
 * CMIO_SECTION_NOTE, CMIO_SECTION_ASSESSMENT or CMIO_SECTION_REVIEW. */

static GPtrArray *
section_records (CmioProgress *self,
                 const char   *section)
{
  if (g_strcmp0 (section, CMIO_SECTION_ASSESSMENT) == 0)
    return self->assessments;
  if (g_strcmp0 (section, CMIO_SECTION_REVIEW) == 0)
    return self->reviews;

  g_return_val_if_fail (g_strcmp0 (section, CMIO_SECTION_NOTE) == 0, NULL);
  return self->notes;
}

int
cmio_progress_find_record (CmioProgress *self,
                           const char   *section,
                           const char   *id)
{
  return cmio_records_find (section_records (self, section), id);
}

JsonNode *
cmio_progress_dup_record (CmioProgress *self,
                          const char   *section,
                          guint         position)
{
  return json_node_ref (g_ptr_array_index (section_records (self, section), position));
}

/* Puts back the record @id of @section: @record at @position (replacing
 * the one there with that id, or inserted), or removes it when @record is
 * NULL. */
void
cmio_progress_restore_record (CmioProgress *self,
                              const char   *section,
                              guint         position,
                              const char   *id,
                              JsonNode     *record)
{
  GPtrArray *records = section_records (self, section);
  int current = cmio_records_find (records, id);

  if (current < 0 && record == NULL)
    return;

  if (current >= 0)
    g_ptr_array_remove_index (records, current);

  if (record != NULL)
    g_ptr_array_insert (records, MIN (position, records->len), json_node_ref (record));

  cmio_progress_emit_changed (self, section, id);
}

/* Self-assessments */

guint
cmio_progress_get_n_assessments (CmioProgress *self)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), 0);
  return self->assessments->len;
}

const char *
cmio_progress_get_assessment_id (CmioProgress *self,
                                 guint         position)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (position < self->assessments->len, NULL);

  return cmio_record_get_string (g_ptr_array_index (self->assessments, position), "id");
}

/* The completed assessment with @id, or the draft when @id is its id. */
static JsonNode *
find_assessment (CmioProgress *self,
                 const char   *id)
{
  int position = cmio_records_find (self->assessments, id);

  if (position >= 0)
    return g_ptr_array_index (self->assessments, position);
  if (self->draft != NULL && g_strcmp0 (cmio_record_get_string (self->draft, "id"), id) == 0)
    return self->draft;

  return NULL;
}

/**
 * cmio_progress_get_assessment_field:
 * @self: a #CmioProgress
 * @assessment_id: the id of an assessment or of the draft
 * @field: "id", "started_at", "completed_at" or "content_version"
 *
 * Returns: (nullable): the field's value
 */
const char *
cmio_progress_get_assessment_field (CmioProgress *self,
                                    const char   *assessment_id,
                                    const char   *field)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (g_strv_contains (assessment_fields, field), NULL);

  return cmio_record_get_string (find_assessment (self, assessment_id), field);
}

/**
 * cmio_progress_get_rating:
 * @self: a #CmioProgress
 * @assessment_id: the id of an assessment or of the draft
 * @competency_id: a competency id
 * @level: (out) (optional): 1–5, or 0 for "not sure"
 * @comment: (out) (optional) (nullable): the comment
 *
 * Returns: %TRUE if the competency was rated (or marked "not sure")
 */
gboolean
cmio_progress_get_rating (CmioProgress  *self,
                          const char    *assessment_id,
                          const char    *competency_id,
                          int           *level,
                          const char   **comment)
{
  JsonNode *assessment;
  JsonNode *ratings;
  JsonNode *rating = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  g_return_val_if_fail (competency_id != NULL, FALSE);

  assessment = find_assessment (self, assessment_id);
  ratings = assessment ? json_object_get_member (json_node_get_object (assessment), "ratings") : NULL;
  if (ratings != NULL && JSON_NODE_HOLDS_OBJECT (ratings))
    rating = json_object_get_member (json_node_get_object (ratings), competency_id);
  if (rating != NULL && !JSON_NODE_HOLDS_OBJECT (rating))
    rating = NULL;

  if (level != NULL)
    *level = (int) cmio_record_get_int (rating, "level", 0);
  if (comment != NULL)
    *comment = cmio_record_get_string (rating, "comment");

  return rating != NULL;
}

gboolean
cmio_progress_remove_assessment (CmioProgress  *self,
                                 const char    *assessment_id,
                                 GError       **error)
{
  g_autofree char *id = g_strdup (assessment_id);
  int position;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!cmio_progress_check_writable (self, error) ||
      (position = cmio_records_find_or_fail (self->assessments, assessment_id, _("self-assessment"), error)) < 0)
    return FALSE;

  g_ptr_array_remove_index (self->assessments, position);
  cmio_progress_emit_changed (self, CMIO_SECTION_ASSESSMENT, id);
  return TRUE;
}

gboolean
cmio_progress_has_draft (CmioProgress *self)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);
  return self->draft != NULL;
}

static void
set_draft (CmioProgress *self,
           JsonNode     *draft)
{
  g_clear_pointer (&self->draft, json_node_unref);
  self->draft = draft;
  cmio_progress_emit_changed (self, CMIO_SECTION_DRAFT,
                              draft ? cmio_record_get_string (draft, "id") : NULL);
}

/**
 * cmio_progress_start_draft:
 * @self: a #CmioProgress
 * @error: return location for a #GError
 *
 * Starts a self-assessment, or returns the one already started.
 *
 * Returns: (nullable): the draft's id
 */
const char *
cmio_progress_start_draft (CmioProgress  *self,
                           GError       **error)
{
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autoptr(JsonObject) ratings = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);

  if (self->draft != NULL)
    return cmio_record_get_string (self->draft, "id");

  if (!cmio_progress_check_writable (self, error))
    return NULL;

  id = cmio_progress_new_id ("assessment");
  now = cmio_progress_now ();
  ratings = json_object_new ();
  set_draft (self,
             cmio_record_with (NULL,
                               "id", cmio_value_string (id),
                               "started_at", cmio_value_string (now),
                               "content_version",
                               cmio_value_string (self->pack ?
                                                  cmio_content_pack_get_content_version (self->pack) :
                                                  NULL),
                               "ratings", json_node_init_object (json_node_alloc (), ratings),
                               "page", cmio_value_int (0),
                               NULL));
  return cmio_record_get_string (self->draft, "id");
}

int
cmio_progress_get_draft_page (CmioProgress *self)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), 0);
  return (int) cmio_record_get_int (self->draft, "page", 0);
}

static gboolean
check_draft (CmioProgress  *self,
             GError       **error)
{
  if (!cmio_progress_check_writable (self, error))
    return FALSE;

  if (self->draft == NULL)
    {
      g_set_error_literal (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NOT_FOUND,
                           _("No self-assessment has been started"));
      return FALSE;
    }

  return TRUE;
}

gboolean
cmio_progress_set_draft_page (CmioProgress  *self,
                              int            page,
                              GError       **error)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!check_draft (self, error))
    return FALSE;

  if (page < 0 || page > 1000)
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("There is no page %d in the self-assessment"), page);
      return FALSE;
    }

  if (cmio_progress_get_draft_page (self) == page)
    return TRUE;

  set_draft (self, cmio_record_with (self->draft, "page", cmio_value_int (page), NULL));
  return TRUE;
}

/**
 * cmio_progress_set_draft_rating:
 * @self: a #CmioProgress
 * @competency_id: a competency id
 * @level: 1–5, or 0 for "not sure"
 * @comment: (nullable): a comment
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the rating was valid and set
 */
gboolean
cmio_progress_set_draft_rating (CmioProgress  *self,
                                const char    *competency_id,
                                int            level,
                                const char    *comment,
                                GError       **error)
{
  JsonNode *old_ratings;
  JsonNode *old_rating = NULL;
  JsonObject *ratings;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!check_draft (self, error) ||
      !cmio_progress_check_text (_("comment"), comment, CMIO_PROGRESS_MAX_TEXT, error))
    return FALSE;

  if (!cmio_content_id_is_valid (competency_id))
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("“%s” is not a valid %s id"), competency_id ? competency_id : "",
                   _("competency"));
      return FALSE;
    }

  if (level < 0 || level > 5)
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("A rating is from 1 to 5, or “not sure”; not %d"), level);
      return FALSE;
    }

  /* A new ratings object, sharing every other rating. */
  ratings = json_object_new ();
  old_ratings = json_object_get_member (json_node_get_object (self->draft), "ratings");
  if (old_ratings != NULL && JSON_NODE_HOLDS_OBJECT (old_ratings))
    {
      json_object_iter_init (&iter, json_node_get_object (old_ratings));
      while (json_object_iter_next (&iter, &name, &member))
        json_object_set_member (ratings, name, json_node_ref (member));
      old_rating = json_object_get_member (json_node_get_object (old_ratings), competency_id);
      if (old_rating != NULL && !JSON_NODE_HOLDS_OBJECT (old_rating))
        old_rating = NULL;
    }

  json_object_set_member (ratings, competency_id,
                          cmio_record_with (old_rating,
                                            "level", level > 0 ? cmio_value_int (level) : cmio_value_null (),
                                            "comment", cmio_value_string (comment),
                                            NULL));
  set_draft (self,
             cmio_record_with (self->draft,
                               "ratings", json_node_init_object (json_node_alloc (), ratings),
                               NULL));
  json_object_unref (ratings);
  return TRUE;
}

/**
 * cmio_progress_finish_draft:
 * @self: a #CmioProgress
 * @error: return location for a #GError
 *
 * Completes the draft: it joins the assessments with the time it was
 * completed, and there is no draft any more.
 *
 * Returns: (transfer full) (nullable): the completed assessment's id
 */
char *
cmio_progress_finish_draft (CmioProgress  *self,
                            GError       **error)
{
  g_autofree char *now = NULL;
  g_autofree char *id = NULL;
  JsonNode *done;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);

  if (!check_draft (self, error))
    return NULL;

  now = cmio_progress_now ();
  id = g_strdup (cmio_record_get_string (self->draft, "id"));
  done = cmio_record_with (self->draft,
                           "completed_at", cmio_value_string (now),
                           "page", NULL,
                           NULL);
  g_ptr_array_add (self->assessments, done);
  set_draft (self, NULL);
  cmio_progress_emit_changed (self, CMIO_SECTION_ASSESSMENT, id);
  return g_steal_pointer (&id);
}

gboolean
cmio_progress_discard_draft (CmioProgress  *self,
                             GError       **error)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!check_draft (self, error))
    return FALSE;

  set_draft (self, NULL);
  return TRUE;
}

/* Imported reviews */

guint
cmio_progress_get_n_reviews (CmioProgress *self)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), 0);
  return self->reviews->len;
}

/**
 * cmio_progress_get_review_field:
 * @self: a #CmioProgress
 * @position: which review
 * @field: "id", "export_id", "mentor", "reviewed_at", "imported_at" or "comment"
 *
 * Returns: (nullable): the field's value
 */
const char *
cmio_progress_get_review_field (CmioProgress *self,
                                guint         position,
                                const char   *field)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (position < self->reviews->len, NULL);
  g_return_val_if_fail (g_strv_contains (review_fields, field), NULL);

  return cmio_record_get_string (g_ptr_array_index (self->reviews, position), field);
}

/**
 * cmio_progress_add_review:
 * @self: a #CmioProgress
 * @export_id: the id of the export the mentor reviewed
 * @mentor: (nullable): the mentor's name
 * @reviewed_at: when the mentor reviewed it, ISO 8601 UTC
 * @comment: (nullable): the mentor's overall comment
 * @error: return location for a #GError
 *
 * Records that a review was imported, stamped with the time now.
 *
 * Returns: (transfer full) (nullable): the new record's id
 */
char *
cmio_progress_add_review (CmioProgress  *self,
                          const char    *export_id,
                          const char    *mentor,
                          const char    *reviewed_at,
                          const char    *comment,
                          GError       **error)
{
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);

  if (!cmio_progress_check_writable (self, error) ||
      !cmio_progress_check_text (_("export id"), export_id, CMIO_PROGRESS_MAX_SHORT_TEXT, error) ||
      !cmio_progress_check_text (_("mentor's name"), mentor, CMIO_PROGRESS_MAX_SHORT_TEXT, error) ||
      !cmio_progress_check_text (_("mentor's comment"), comment, CMIO_PROGRESS_MAX_TEXT, error))
    return NULL;

  if (export_id == NULL || *export_id == '\0' || !cmio_progress_timestamp_is_valid (reviewed_at))
    {
      g_set_error_literal (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                           _("A review needs the export it reviewed and the time it was made"));
      return NULL;
    }

  id = cmio_progress_new_id ("review");
  now = cmio_progress_now ();
  g_ptr_array_add (self->reviews,
                   cmio_record_with (NULL,
                                     "id", cmio_value_string (id),
                                     "export_id", cmio_value_string (export_id),
                                     "mentor", cmio_value_string (mentor),
                                     "reviewed_at", cmio_value_string (reviewed_at),
                                     "imported_at", cmio_value_string (now),
                                     "comment", cmio_value_string (comment),
                                     NULL));
  cmio_progress_emit_changed (self, CMIO_SECTION_REVIEW, id);
  return g_steal_pointer (&id);
}

/* Exports made */

guint
cmio_progress_get_n_exports (CmioProgress *self)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), 0);
  return self->exports->len;
}

/**
 * cmio_progress_get_export_field:
 * @self: a #CmioProgress
 * @position: which export, 0 the oldest kept
 * @field: "export_id" or "exported_at"
 *
 * Returns: (nullable): the field's value
 */
const char *
cmio_progress_get_export_field (CmioProgress *self,
                                guint         position,
                                const char   *field)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), NULL);
  g_return_val_if_fail (position < self->exports->len, NULL);
  g_return_val_if_fail (g_strv_contains (export_fields, field), NULL);

  return cmio_record_get_string (g_ptr_array_index (self->exports, position), field);
}

/**
 * cmio_progress_find_export:
 * @self: a #CmioProgress
 * @export_id: (nullable): an export's id
 *
 * Returns: the position of the export with @export_id, the newest if it
 *   was recorded more than once, or -1 if this progress has no record of it
 */
int
cmio_progress_find_export (CmioProgress *self,
                           const char   *export_id)
{
  g_return_val_if_fail (CMIO_IS_PROGRESS (self), -1);

  for (guint i = self->exports->len; export_id != NULL && i-- > 0;)
    if (g_strcmp0 (cmio_record_get_string (g_ptr_array_index (self->exports, i), "export_id"),
                   export_id) == 0)
      return (int) i;

  return -1;
}

/**
 * cmio_progress_record_export:
 * @self: a #CmioProgress
 * @export_id: the id of the export just written
 * @exported_at: (nullable): its time, ISO 8601 UTC; %NULL for now
 * @error: return location for a #GError
 *
 * Remembers that this progress made the export, so that a review of it
 * can be told from a review of someone else's. The newest
 * %CMIO_PROGRESS_MAX_EXPORTS are kept; recording an export already
 * recorded changes nothing.
 *
 * Returns: %TRUE if the export is recorded
 */
gboolean
cmio_progress_record_export (CmioProgress  *self,
                             const char    *export_id,
                             const char    *exported_at,
                             GError       **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (CMIO_IS_PROGRESS (self), FALSE);

  if (!cmio_progress_check_writable (self, error) ||
      !cmio_progress_check_text (_("export id"), export_id, CMIO_PROGRESS_MAX_SHORT_TEXT, error))
    return FALSE;

  if (exported_at == NULL)
    exported_at = now = cmio_progress_now ();

  if (export_id == NULL || *export_id == '\0' || !cmio_progress_timestamp_is_valid (exported_at))
    {
      g_set_error_literal (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                           _("An export needs an id and the time it was made"));
      return FALSE;
    }

  if (cmio_progress_find_export (self, export_id) >= 0)
    return TRUE;

  g_ptr_array_add (self->exports,
                   cmio_record_with (NULL,
                                     "export_id", cmio_value_string (export_id),
                                     "exported_at", cmio_value_string (exported_at),
                                     NULL));
  if (self->exports->len > CMIO_PROGRESS_MAX_EXPORTS)
    g_ptr_array_remove_range (self->exports, 0, self->exports->len - CMIO_PROGRESS_MAX_EXPORTS);

  cmio_progress_emit_changed (self, CMIO_SECTION_EXPORT, export_id);
  return TRUE;
}

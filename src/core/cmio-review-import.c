/* cmio-review-import.c — the mentee's side: a mentor's review checked
 * against the progress, and merged into it
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cmio-json.h"
#include "cmio-progress-private.h"
#include "cmio-review-private.h"

/* An import keeps the review as parsed (sealed) and points into it. The
 * marks it would set are compared with the progress each time they are
 * counted, so the count stays right while the progress changes. */

typedef struct
{
  const char *id;
  CmioMentorStatus status;
  const char *comment;
} Mark;

struct _CmioReviewImport
{
  grefcount ref_count;

  JsonNode *root;
  CmioProgress *progress;
  const char *export_id;
  const char *exported_at;
  const char *reviewed_at;
  const char *mentor;
  const char *comment;
  GArray *marks;
  guint n_approved;
  guint n_discuss;
  GPtrArray *warnings;       /* NULL-terminated */
};

G_DEFINE_BOXED_TYPE (CmioReviewImport, cmio_review_import,
                     cmio_review_import_ref, cmio_review_import_unref)

CmioReviewImport *
cmio_review_import_ref (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
cmio_review_import_unref (CmioReviewImport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_object (&self->progress);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

/* Whether the progress knows @id: an item of the handbook, a custom item,
 * or an item with a state (an archived one). */
static gboolean
item_is_known (CmioProgress    *progress,
               CmioContentPack *pack,
               const char      *id)
{
  if (!cmio_content_id_is_valid (id))
    return FALSE;

  return (pack != NULL && cmio_content_pack_find_item (pack, id) != NULL) ||
         cmio_progress_find_custom_item (progress, id) >= 0 ||
         json_object_has_member (progress->items, id);
}

/* A time from a file, as a person reads it. */
static char *
describe_time (const char *time)
{
  g_autoptr(GDateTime) parsed = time ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (parsed == NULL)
    return g_strdup (time ? time : "?");

  local = g_date_time_to_local (parsed);
  /* Translators: a date and time in a warning; see g_date_time_format() */
  return g_date_time_format (local, _("%Y-%m-%d %H:%M"));
}

/* Names compared as a person would: case and spaces around aside. */
static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);
  g_autofree char *na = g_utf8_normalize (g_strstrip (fa), -1, G_NORMALIZE_ALL);
  g_autofree char *nb = g_utf8_normalize (g_strstrip (fb), -1, G_NORMALIZE_ALL);

  return g_strcmp0 (na, nb) == 0;
}

static void
add_warnings (CmioReviewImport *self,
              JsonObject       *root)
{
  CmioProgress *progress = self->progress;
  JsonObject *profile = cmio_json_get_object (root, "profile");
  const char *their_name = cmio_json_get_string (profile, "name");
  const char *their_start = cmio_json_get_string (profile, "start_date");
  const char *my_name = cmio_progress_get_profile (progress, "name");
  const char *my_start = cmio_progress_get_profile (progress, "start_date");
  guint n_exports = cmio_progress_get_n_exports (progress);
  int position = cmio_progress_find_export (progress, self->export_id);

  if (position >= 0)
    {
      /* This progress made the export: its profile may have changed since,
       * which is no reason to warn; a newer export is. */
      if ((guint) position + 1 < n_exports)
        {
          g_autofree char *made = describe_time (cmio_progress_get_export_field (progress, position,
                                                                                 "exported_at"));
          g_autofree char *latest = describe_time (cmio_progress_get_export_field (progress, n_exports - 1,
                                                                                   "exported_at"));

          g_ptr_array_add (self->warnings,
                           g_strdup_printf (_("This review is of an older export (made %s); you exported "
                                              "again on %s, so its marks may not match your latest progress."),
                                            made, latest));
        }
    }
  else if (their_name != NULL && my_name != NULL && !same_name (their_name, my_name))
    {
      g_ptr_array_add (self->warnings,
                       g_strdup_printf (_("This review is of an export by %s, not by you (%s)."),
                                        their_name, my_name));
    }
  else if (their_start != NULL && my_start != NULL && strcmp (their_start, my_start) != 0)
    {
      g_ptr_array_add (self->warnings,
                       g_strdup_printf (_("This review is of an export by someone who started on %s; "
                                          "you started on %s."), their_start, my_start));
    }
  else if (n_exports == 0)
    {
      g_ptr_array_add (self->warnings,
                       g_strdup (_("This progress has no record of making the export this review is of: "
                                   "it may be another person’s, made on another computer, or made "
                                   "before exports were recorded.")));
    }
  else
    {
      g_ptr_array_add (self->warnings,
                       g_strdup (_("This review is of an export not made from this progress: it may be "
                                   "another person’s, or made on another computer.")));
    }
}

/**
 * cmio_review_import_parse:
 * @data: the text of a review
 * @length: its length in bytes
 * @display_name: the file's name, for messages
 * @progress: the mentee's progress
 * @plan: (nullable): the plan, whose content pack has the handbook's items
 * @error: return location for a #GError in %CMIO_EXCHANGE_ERROR
 *
 * Reads a mentor's review and checks it whole, and against @progress: a
 * review of items this progress does not have is refused.
 *
 * Returns: (transfer full) (nullable): the import, to look at and apply
 */
CmioReviewImport *
cmio_review_import_parse (const char    *data,
                          gsize          length,
                          const char    *display_name,
                          CmioProgress  *progress,
                          CmioPlan      *plan,
                          GError       **error)
{
  g_autoptr(CmioReviewImport) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *problem = NULL;
  CmioContentPack *pack;
  JsonObject *object;
  JsonArray *items;
  const char *first_unknown = NULL;
  guint n_unknown = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (plan == NULL || CMIO_IS_PLAN (plan), NULL);

  if (display_name == NULL)
    display_name = "";

  root = cmio_exchange_parse_root (data ? data : "", length, display_name, error);
  if (root == NULL ||
      !cmio_exchange_check_format (json_node_get_object (root), CMIO_EXCHANGE_REVIEW, display_name, error))
    return NULL;

  if ((problem = cmio_review_problem (root)) != NULL)
    {
      cmio_exchange_refuse_invalid (error, CMIO_EXCHANGE_REVIEW, display_name, problem);
      return NULL;
    }

  self = g_new0 (CmioReviewImport, 1);
  g_ref_count_init (&self->ref_count);
  self->root = json_node_ref (root);
  self->progress = g_object_ref (progress);
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  object = json_node_get_object (root);
  self->export_id = cmio_json_get_string (object, "export_id");
  self->exported_at = cmio_json_get_string (object, "exported_at");
  self->reviewed_at = cmio_json_get_string (object, "reviewed_at");
  self->mentor = cmio_json_get_string (cmio_json_get_object (object, "mentor"), "name");
  self->comment = cmio_json_get_string (object, "comment");

  pack = plan != NULL ? cmio_plan_get_content_pack (plan) : progress->pack;
  items = json_object_get_array_member (object, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      Mark mark = {
        .id = cmio_json_get_string (item, "id"),
        .status = g_strcmp0 (cmio_json_get_string (item, "status"), "approved") == 0
                  ? CMIO_MENTOR_STATUS_APPROVED : CMIO_MENTOR_STATUS_DISCUSS,
        .comment = cmio_json_get_string (item, "comment"),
      };

      if (!item_is_known (progress, pack, mark.id) && n_unknown++ == 0)
        first_unknown = mark.id;

      if (mark.status == CMIO_MENTOR_STATUS_APPROVED)
        self->n_approved++;
      else
        self->n_discuss++;
      g_array_append_val (self->marks, mark);
    }

  if (n_unknown > 0)
    {
      g_autofree char *shown = cmio_exchange_excerpt (first_unknown);

      cmio_exchange_refuse (error, CMIO_EXCHANGE_ERROR_UNKNOWN_ITEMS,
                            g_dngettext (GETTEXT_PACKAGE,
                            "“%s” reviews %u checklist item that you do not have (“%s”): "
                            "it is probably a review of someone else’s checklist",
                            "“%s” reviews %u checklist items that you do not have, such as "
                            "“%s”: it is probably a review of someone else’s checklist",
                            n_unknown),
                            display_name, n_unknown, shown);
      return NULL;
    }

  add_warnings (self, object);
  g_ptr_array_add (self->warnings, NULL);
  return g_steal_pointer (&self);
}

/**
 * cmio_review_import_load:
 * @file: a `.cmioreview` file
 * @progress: the mentee's progress
 * @plan: (nullable): the plan
 * @error: return location for a #GError
 *
 * Like cmio_review_import_parse(), from a file, refusing one larger than
 * %CMIO_EXCHANGE_MAX_BYTES before reading it.
 *
 * Returns: (transfer full) (nullable): the import
 */
CmioReviewImport *
cmio_review_import_load (GFile         *file,
                         CmioProgress  *progress,
                         CmioPlan      *plan,
                         GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), NULL);

  if (!cmio_exchange_read_file (file, &contents, &length, &name, error))
    return NULL;

  return cmio_review_import_parse (contents, length, name, progress, plan, error);
}

const char *
cmio_review_import_get_mentor (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->mentor;
}

const char *
cmio_review_import_get_reviewed_at (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reviewed_at;
}

const char *
cmio_review_import_get_comment (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->comment;
}

const char *
cmio_review_import_get_export_id (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->export_id;
}

/**
 * cmio_review_import_get_exported_at:
 * @self: a #CmioReviewImport
 *
 * Returns: (nullable): when the export reviewed was made, as its file says
 */
const char *
cmio_review_import_get_exported_at (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->exported_at;
}

guint
cmio_review_import_get_n_approved (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_approved;
}

guint
cmio_review_import_get_n_discuss (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_discuss;
}

guint
cmio_review_import_get_n_items (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->marks->len;
}

/**
 * cmio_review_import_get_item:
 * @self: a #CmioReviewImport
 * @position: which of the review's items, in its order
 * @status: (out) (optional): the mentor's mark
 * @comment: (out) (optional) (nullable): the mentor's comment
 *
 * Returns: the item's id
 */
const char *
cmio_review_import_get_item (CmioReviewImport  *self,
                             guint              position,
                             CmioMentorStatus  *status,
                             const char       **comment)
{
  Mark *mark;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->marks->len, NULL);

  mark = &g_array_index (self->marks, Mark, position);
  if (status != NULL)
    *status = mark->status;
  if (comment != NULL)
    *comment = mark->comment;
  return mark->id;
}

const char * const *
cmio_review_import_get_warnings (CmioReviewImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->warnings->pdata;
}

/* Whether applying would change the item's mark. */
static gboolean
mark_differs (CmioReviewImport *self,
              CmioProgress     *progress,
              const Mark       *mark)
{
  const char *comment = NULL;
  const char *by = NULL;
  const char *at = NULL;
  CmioMentorStatus status = cmio_progress_get_item_mentor (progress, mark->id, &comment, &by, &at);

  return status != mark->status || g_strcmp0 (comment, mark->comment) != 0 ||
         g_strcmp0 (by, self->mentor) != 0 || g_strcmp0 (at, self->reviewed_at) != 0;
}

/* Whether the progress has this review's record: the same export, mentor
 * and time. */
static gboolean
review_recorded (CmioReviewImport *self,
                 CmioProgress     *progress)
{
  for (guint i = 0; i < cmio_progress_get_n_reviews (progress); i++)
    if (g_strcmp0 (cmio_progress_get_review_field (progress, i, "export_id"), self->export_id) == 0 &&
        g_strcmp0 (cmio_progress_get_review_field (progress, i, "reviewed_at"), self->reviewed_at) == 0 &&
        g_strcmp0 (cmio_progress_get_review_field (progress, i, "mentor"), self->mentor) == 0)
      return TRUE;

  return FALSE;
}

guint
cmio_review_import_get_n_changes (CmioReviewImport *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->marks->len; i++)
    if (mark_differs (self, self->progress, &g_array_index (self->marks, Mark, i)))
      n++;

  return n + (review_recorded (self, self->progress) ? 0 : 1);
}

typedef struct
{
  const char *id;
  JsonNode *record;
} Saved;

static void
saved_clear (Saved *saved)
{
  g_clear_pointer (&saved->record, json_node_unref);
}

/**
 * cmio_review_import_apply:
 * @self: a #CmioReviewImport
 * @progress: the progress to merge it into
 * @error: return location for a #GError
 *
 * Sets each reviewed item's mentor mark (status, comment, the mentor's
 * name, the time of the review) where it differs, and records the review
 * if it is not recorded yet. The mentee's own ticks, evidence and notes are
 * not touched, and applying the same review twice changes nothing. On
 * failure nothing is changed.
 *
 * Returns: %TRUE if the review is merged
 */
gboolean
cmio_review_import_apply (CmioReviewImport  *self,
                          CmioProgress      *progress,
                          GError           **error)
{
  g_autoptr(GArray) saved = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (CMIO_IS_PROGRESS (progress), FALSE);

  if (!cmio_progress_check_writable (progress, error))
    return FALSE;

  saved = g_array_new (FALSE, FALSE, sizeof (Saved));
  g_array_set_clear_func (saved, (GDestroyNotify) saved_clear);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      Saved before = { mark->id, NULL };

      if (!mark_differs (self, progress, mark))
        continue;

      before.record = cmio_progress_dup_item_record (progress, mark->id);
      g_array_append_val (saved, before);
      if (!cmio_progress_set_item_mentor (progress, mark->id, mark->status, mark->comment,
                                          self->mentor, self->reviewed_at, error))
        goto roll_back;
    }

  if (!review_recorded (self, progress))
    {
      g_autofree char *id = cmio_progress_add_review (progress, self->export_id, self->mentor,
                                                      self->reviewed_at, self->comment, error);

      if (id == NULL)
        goto roll_back;
    }

  return TRUE;

roll_back:
  /* Checked before, this should not happen; if it does, nothing stays. */
  for (guint i = saved->len; i-- > 0;)
    {
      Saved *before = &g_array_index (saved, Saved, i);

      cmio_progress_restore_item_record (progress, before->id, before->record);
    }
  return FALSE;
}

/**
 * cmio_exchange_file_is_review:
 * @file: a file of any name
 *
 * Says whether @file holds a mentor's review, whatever its name ends in,
 * so that one saved as .json can be imported too.  Files too large for a
 * review are not read.
 *
 * Returns: %TRUE if @file is JSON whose "format" is a review's
 */
gboolean
cmio_exchange_file_is_review (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!cmio_exchange_read_file (file, &contents, &length, &name, NULL))
    return FALSE;

  root = cmio_exchange_parse_root (contents, length, name, NULL);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
         g_strcmp0 (cmio_json_get_string (json_node_get_object (root), "format"), CMIO_REVIEW_FORMAT) == 0;
}

/* cmio-review.h — the mentor's side of the round trip: reading an export,
 * writing a review, and merging a review back into the mentee's progress
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cmio-plan.h"
#include "cmio-progress.h"

G_BEGIN_DECLS

#define CMIO_REVIEW_FORMAT  "cmio-handbook-review"
#define CMIO_REVIEW_VERSION 1

/* Exports and reviews bigger than this are refused before they are parsed. */
#define CMIO_EXCHANGE_MAX_BYTES (32 * 1024 * 1024)

#define CMIO_EXCHANGE_ERROR (cmio_exchange_error_quark ())

typedef enum
{
  CMIO_EXCHANGE_ERROR_NOT_JSON,      /* not JSON at all, or not an object */
  CMIO_EXCHANGE_ERROR_WRONG_FORMAT,  /* JSON, but not this kind of file */
  CMIO_EXCHANGE_ERROR_NEWER_VERSION, /* made by a newer version of the app */
  CMIO_EXCHANGE_ERROR_TOO_BIG,
  CMIO_EXCHANGE_ERROR_INVALID,       /* a member is missing or of the wrong type */
  CMIO_EXCHANGE_ERROR_UNKNOWN_ITEMS, /* a review of items this progress does not have */
} CmioExchangeError;

GQuark     cmio_exchange_error_quark (void);

/* The mentor's side.  Every function that reads a file or text checks it
 * fully and returns a validated root or a GError whose message names the
 * file and says what is wrong, ready to show to a person. */
JsonNode  *cmio_export_load          (GFile             *file,
                                      GError           **error);
JsonNode  *cmio_export_parse         (const char        *data,
                                      gsize              length,
                                      const char        *display_name,
                                      GError           **error);

/* A review of @export (from cmio_export_load()): it carries the export's
 * id, exported_at and profile, so the mentee can tell whose export and
 * which one was reviewed.  @reviewed_at NULL means now. */
JsonNode  *cmio_review_new           (JsonNode          *export,
                                      const char        *mentor,
                                      const char        *comment,
                                      const char        *reviewed_at);
/* Sets one item's mark; CMIO_MENTOR_STATUS_NONE takes it out.  Items keep
 * the export's order. */
void       cmio_review_set_item      (JsonNode          *review,
                                      JsonNode          *export,
                                      const char        *item_id,
                                      CmioMentorStatus   status,
                                      const char        *comment);
/* The review's mark on one item, NONE when it has none. */
CmioMentorStatus cmio_review_get_item (JsonNode         *review,
                                       const char       *item_id,
                                       const char      **comment);
gboolean   cmio_review_write         (JsonNode          *review,
                                      GFile             *file,
                                      GError           **error);

/* The mentee's side. */
gboolean           cmio_exchange_file_is_review       (GFile             *file);
typedef struct _CmioReviewImport CmioReviewImport;

#define CMIO_TYPE_REVIEW_IMPORT (cmio_review_import_get_type ())

GType              cmio_review_import_get_type        (void) G_GNUC_CONST;
CmioReviewImport  *cmio_review_import_load            (GFile             *file,
                                                       CmioProgress      *progress,
                                                       CmioPlan          *plan,
                                                       GError           **error);
CmioReviewImport  *cmio_review_import_parse           (const char        *data,
                                                       gsize              length,
                                                       const char        *display_name,
                                                       CmioProgress      *progress,
                                                       CmioPlan          *plan,
                                                       GError           **error);
CmioReviewImport  *cmio_review_import_ref             (CmioReviewImport  *self);
void               cmio_review_import_unref           (CmioReviewImport  *self);
const char        *cmio_review_import_get_mentor      (CmioReviewImport  *self);
const char        *cmio_review_import_get_reviewed_at (CmioReviewImport  *self);
const char        *cmio_review_import_get_comment     (CmioReviewImport  *self);
const char        *cmio_review_import_get_export_id   (CmioReviewImport  *self);
const char        *cmio_review_import_get_exported_at (CmioReviewImport  *self);
guint              cmio_review_import_get_n_approved  (CmioReviewImport  *self);
guint              cmio_review_import_get_n_discuss   (CmioReviewImport  *self);
/* The review's marks, in its order. */
guint              cmio_review_import_get_n_items     (CmioReviewImport  *self);
const char        *cmio_review_import_get_item        (CmioReviewImport  *self,
                                                       guint              position,
                                                       CmioMentorStatus  *status,
                                                       const char       **comment);
/* How many items merging would change now; 0 when it was imported already. */
guint              cmio_review_import_get_n_changes   (CmioReviewImport  *self);
/* Sentences to show before importing: a review of another person's export,
 * of an export not made from this progress, or of an older export than the
 * latest one made.  Empty when there is nothing to warn about. */
const char * const *cmio_review_import_get_warnings   (CmioReviewImport  *self);
/* Merges the marks and comments; the mentee's own marks, evidence and
 * notes are left alone.  Applying the same review twice changes nothing. */
gboolean           cmio_review_import_apply           (CmioReviewImport  *self,
                                                       CmioProgress      *progress,
                                                       GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmioReviewImport, cmio_review_import_unref)

G_END_DECLS

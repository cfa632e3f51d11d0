/* cmio-review-row.h — one row of the checklist a mentor reviews
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "cmio-progress.h"

G_BEGIN_DECLS

#define CMIO_TYPE_REVIEW_ENTRY (cmio_review_entry_get_type ())
G_DECLARE_FINAL_TYPE (CmioReviewEntry, cmio_review_entry, CMIO, REVIEW_ENTRY, GObject)

/* A chapter's heading, or an item of the export and the mentor's mark. */
struct _CmioReviewEntry
{
  GObject parent_instance;

  JsonObject *item;       /* NULL for a chapter heading */
  char *heading;
  CmioMentorStatus status;
  char *comment;
};

typedef void (*CmioReviewRowChanged) (CmioReviewEntry *entry,
                                      gpointer         user_data);

GtkListItemFactory *cmio_review_row_factory_new (CmioReviewRowChanged changed,
                                                 gpointer             user_data);
void                cmio_review_entry_show_mark (CmioReviewEntry     *entry);

G_END_DECLS

/* cmio-review-window.h — a mentor reviews a mentee's export
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "cmio-progress.h"

G_BEGIN_DECLS

#define CMIO_TYPE_REVIEW_WINDOW (cmio_review_window_get_type ())

G_DECLARE_FINAL_TYPE (CmioReviewWindow, cmio_review_window, CMIO, REVIEW_WINDOW, AdwApplicationWindow)

CmioReviewWindow *cmio_review_window_new          (GtkApplication   *application,
                                                   GSettings        *settings,
                                                   JsonNode         *export,
                                                   GFile            *file);
GFile            *cmio_review_window_get_file     (CmioReviewWindow *self);
CmioMentorStatus  cmio_review_window_get_status   (CmioReviewWindow *self,
                                                   const char       *item_id,
                                                   const char      **comment);
guint             cmio_review_window_get_n_marked (CmioReviewWindow *self);
gboolean          cmio_review_window_get_dirty    (CmioReviewWindow *self);
GtkListView      *cmio_review_window_get_list     (CmioReviewWindow *self);
GtkButton        *cmio_review_window_get_save_button (CmioReviewWindow *self);
const char       *cmio_review_window_get_last_toast (CmioReviewWindow *self);

G_END_DECLS

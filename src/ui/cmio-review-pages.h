/* cmio-review-pages.h — what a mentor reads in an export besides the
 * checklist: the self-assessment and the notes, read-only
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

GtkWidget *cmio_plain_label                (const char *text,
                                            const char *css_class);
GtkWidget *cmio_review_assessment_page_new (JsonObject *assessment);
GtkWidget *cmio_review_notes_page_new      (JsonArray  *notes);

G_END_DECLS

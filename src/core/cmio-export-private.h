/* cmio-export-private.h — what the export's writers share
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-export.h"

G_BEGIN_DECLS

/* Readers of the export's JSON. The writers are given what
 * cmio_export_build() made, but they check every type all the same: a
 * member missing or of another type reads as NULL, FALSE or "none". */
const char *cmio_export_member_string  (JsonObject  *object,
                                        const char  *member);
gboolean    cmio_export_member_boolean (JsonObject  *object,
                                        const char  *member);
gboolean    cmio_export_member_number  (JsonObject  *object,
                                        const char  *member,
                                        double      *value);
guint       cmio_export_member_uint    (JsonObject  *object,
                                        const char  *member);
JsonObject *cmio_export_member_object  (JsonObject  *object,
                                        const char  *member);
JsonArray  *cmio_export_member_array   (JsonObject  *object,
                                        const char  *member);
JsonObject *cmio_export_array_object   (JsonArray   *array,
                                        guint        index);

/* The export's items, chapter id → GPtrArray of item JsonObjects, in
 * their order, and how many there are and are done; one pass over them,
 * whatever the number of chapters. */
GHashTable *cmio_export_items_by_chapter (JsonObject *root,
                                          guint      *n_items,
                                          guint      *n_done);

/* Words for what the JSON has as codes, and numbers as shown. */
const char *cmio_export_owner_words           (const char  *owner);
const char *cmio_export_competency_title      (JsonObject  *assessment,
                                               const char  *competency_id);
char       *cmio_export_format_score          (double       score);

/* @text (nullable) made fit to print: valid UTF-8 (a bad byte becomes
 * U+FFFD), C0 controls and DEL shown as their Control Pictures (U+2400…),
 * C1 controls as U+FFFD, line and paragraph separators (U+2028, U+2029)
 * and CR or CRLF as line feeds; with @multiline FALSE, line feeds and tabs
 * become spaces. Nothing else changes. */
char       *cmio_export_clean_text            (const char  *text,
                                               gboolean     multiline);
/* The same, appended to @out, and each printable ASCII character c for
 * which @escapes (nullable, 128 entries) has escapes[c] replaced by that. */
void        cmio_export_append_text           (GString            *out,
                                               const char         *text,
                                               gboolean            multiline,
                                               const char * const *escapes);
/* @format (a translation, say) with its "%s" replaced by @arg, on one
 * line, escaped as cmio_export_append_text() does. */
void        cmio_export_append_format         (GString            *out,
                                               const char         *format,
                                               const char         *arg,
                                               const char * const *escapes);

G_END_DECLS

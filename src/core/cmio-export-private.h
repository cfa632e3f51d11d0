/* cmio-export-private.h — what the export's writers share
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-export.h"
#include "cmio-json.h"

G_BEGIN_DECLS

/* The writers read the JSON that cmio_export_build() made with the
 * cmio_json_get_*() readers, which check every type all the same: a member
 * missing or of another type reads as NULL, FALSE or 0. */

/* A writer: how it puts each part of the export into its text. The walk
 * over the export is cmio_export_walk()'s, the same for every writer. */
typedef struct
{
  /* About how many bytes an item takes, to size the text at first. */
  gsize item_size;
  /* The header: the fields of @root (see cmio_export_append_fields()),
   * and that @n_done of @n_items items are done. */
  void (*head)       (GString       *out,
                      JsonObject    *root,
                      guint          n_done,
                      guint          n_items);
  /* A chapter, with its items in their order (NULL when it has none);
   * @words are the writer's, as given to cmio_export_walk(). */
  void (*chapter)    (GString       *out,
                      JsonObject    *chapter,
                      GPtrArray     *items,
                      gconstpointer  words);
  /* The self-assessment, when the export has one. */
  void (*assessment) (GString       *out,
                      JsonObject    *assessment);
  /* When the export has a list of notes: its start, which says so when
   * @n_notes is 0, each note, and its end (nullable). */
  void (*notes_head) (GString       *out,
                      guint          n_notes);
  void (*note)       (GString       *out,
                      JsonObject    *note,
                      JsonArray     *chapters);
  void (*notes_foot) (GString       *out);
  /* The end of the text (nullable). */
  void (*foot)       (GString       *out);
} CmioExportWriter;

/* The text of @export as @writer writes it: the header, the chapters in
 * their order with their items, the self-assessment and the notes. */
char       *cmio_export_walk                  (JsonNode               *export,
                                               const CmioExportWriter *writer,
                                               gconstpointer           words);

/* The words every writer's items need, translated once for all of them. */
typedef struct
{
  const char *optional;
  const char *owners[3];   /* "cmio", "mentor", "executive" */
  const char *evidence;
  const char *mentor;
} CmioExportWords;

void        cmio_export_words_init            (CmioExportWords       *words);
/* The words for an item's "owner" code; "cmio"'s for any other. */
const char *cmio_export_words_owner           (const CmioExportWords *words,
                                               const char            *owner);

/* The first element of @array (nullable) whose "id" is @id, or NULL. */
JsonObject *cmio_export_find_by_id            (JsonArray   *array,
                                               const char  *id);
/* The titles of the competencies that the assessment's list @member
 * ("strengths" or "gaps") names, in its order; NULL when it names none. */
GPtrArray  *cmio_export_competency_titles     (JsonObject  *assessment,
                                               const char  *member);
/* The date of @timestamp (nullable) when it is a time like
 * 2026-11-27T09:30:00Z, copied into @date; else @timestamp itself. */
const char *cmio_export_date                  (const char  *timestamp,
                                               char         date[11]);

/* An item's mark by the mentor. */
typedef struct
{
  gboolean    approved;  /* FALSE: to discuss */
  const char *by;        /* who, or NULL when not said */
  const char *at;        /* when, as cmio_export_date() gives it; nullable */
  const char *comment;   /* NULL when there is none */
  char        date[11];  /* where @at may point */
} CmioExportMark;

/* Reads @item's "mentor" member into @mark; FALSE when it has none. */
gboolean    cmio_export_get_mark              (JsonObject     *item,
                                               CmioExportMark *mark);

/* @text (nullable) made fit to print: valid UTF-8 (a bad byte becomes
 * U+FFFD), C0 controls and DEL shown as their Control Pictures (U+2400…),
 * C1 controls as U+FFFD, line and paragraph separators (U+2028, U+2029)
 * and CR or CRLF as line feeds; with @multiline FALSE, line feeds and tabs
 * become spaces. Nothing else changes. */
char       *cmio_export_clean_text            (const char  *text,
                                               gboolean     multiline);
/* How a writer escapes printable ASCII text: each character c for which
 * @table has table[c] is replaced by that; where @in_context is not NULL,
 * it is asked about each character c marked in @contextual, and one it
 * answers TRUE for gets a backslash. @start is where the text begins (a
 * line may begin there), @p the character, @end the text's end. */
typedef struct {
  const char *table[128];
  gboolean    contextual[128];
  gboolean  (*in_context) (const char *start,
                           const char *p,
                           const char *end);
} CmioExportEscapes;

/* The same, appended to @out, and escaped by @escapes (nullable). */
void        cmio_export_append_text           (GString                 *out,
                                               const char              *text,
                                               gboolean                 multiline,
                                               const CmioExportEscapes *escapes);
/* @format (a translation, say) with its "%s" replaced by @arg, on one
 * line, escaped as cmio_export_append_text() does. */
void        cmio_export_append_format         (GString                 *out,
                                               const char              *format,
                                               const char              *arg,
                                               const CmioExportEscapes *escapes);

/* The printf of @format, on one line, escaped as cmio_export_append_text()
 * does. */
void        cmio_export_append_printf         (GString                 *out,
                                               const CmioExportEscapes *escapes,
                                               const char              *format,
                                               ...) G_GNUC_PRINTF (3, 4);

/* A writer's "label: value" field, which leaves out a NULL or empty value. */
typedef void (*CmioExportFieldFunc) (GString    *out,
                                     const char *label,
                                     const char *value);

/* The header's fields, through @append_field: the profile, when it was
 * exported, and the content pack's title and version. */
void        cmio_export_append_fields         (GString             *out,
                                               JsonObject          *root,
                                               CmioExportFieldFunc  append_field);
/* The self-assessment's mean score, @separator, and its counts, escaped. */
void        cmio_export_append_scores         (GString                 *out,
                                               JsonObject              *assessment,
                                               const char              *separator,
                                               const CmioExportEscapes *escapes);
/* A domain's mean score, or that it has no answers, escaped. */
void        cmio_export_append_mean           (GString                 *out,
                                               JsonObject              *domain,
                                               const CmioExportEscapes *escapes);

G_END_DECLS

/* cmio-export.h — what the user sends a mentor: JSON, Markdown, HTML
 *
 * cmio-export.c builds the JSON and writes files; cmio-export-markdown.c
 * and cmio-export-html.c turn the JSON into the other formats.
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cmio-plan.h"

G_BEGIN_DECLS

#define CMIO_EXPORT_FORMAT "cmio-handbook-export"
#define CMIO_EXPORT_VERSION 1

typedef enum
{
  CMIO_EXPORT_NOTES_NONE,
  CMIO_EXPORT_NOTES_SHARED,
  CMIO_EXPORT_NOTES_ALL,
} CmioExportNotes;

typedef enum
{
  CMIO_EXPORT_JSON,
  CMIO_EXPORT_MARKDOWN,
  CMIO_EXPORT_HTML,
  CMIO_EXPORT_PDF,
} CmioExportKind;

/* What goes in an export, and what identifies it. Zero-initialised, it is
 * an export with no notes and no self-assessment, a new id, made now. */
typedef struct
{
  CmioExportNotes  notes;
  gboolean         include_assessment;   /* the latest completed self-assessment */
  const char      *export_id;            /* NULL: a new UUID */
  const char      *exported_at;          /* NULL: now (cmio_progress_now ()) */
} CmioExportOptions;

gboolean  cmio_export_kind_for_path (const char       *path,
                                     CmioExportKind   *kind,
                                     GError          **error);
JsonNode *cmio_export_build         (CmioContentPack          *pack,
                                     CmioProgress             *progress,
                                     CmioPlan                 *plan,
                                     const CmioExportOptions  *options);
char     *cmio_export_to_json       (JsonNode         *export);
char     *cmio_export_to_markdown   (JsonNode         *export);
char     *cmio_export_to_html       (JsonNode         *export);
gboolean  cmio_export_write         (JsonNode         *export,
                                     CmioExportKind    kind,
                                     GFile            *file,
                                     GError          **error);
char     *cmio_markdown_escape      (const char       *text);
gboolean  cmio_export_record        (JsonNode         *export,
                                     CmioProgress     *progress,
                                     GError          **error);

G_END_DECLS

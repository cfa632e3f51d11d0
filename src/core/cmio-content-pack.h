/* cmio-content-pack.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cmio-chapter.h"
#include "cmio-checklist-item.h"
#include "cmio-competency.h"

G_BEGIN_DECLS

/* The largest chapter file a pack may hold, in bytes. */
#define CMIO_CONTENT_MAX_CHAPTER_SIZE (1024 * 1024)
/* The largest handbook.json a pack may hold, in bytes. */
#define CMIO_CONTENT_MAX_INDEX_SIZE (4 * 1024 * 1024)

typedef struct
{
  char  *file;
  guint  line;
  char  *message;
} CmioProblem;

typedef struct
{
  char *id;
  char *title;
} CmioDomain;

#define CMIO_TYPE_PROBLEM (cmio_problem_get_type ())
#define CMIO_TYPE_CONTENT_PACK (cmio_content_pack_get_type ())

GType        cmio_problem_get_type      (void) G_GNUC_CONST;
CmioProblem *cmio_problem_new           (const char        *file,
                                         guint              line,
                                         const char        *message);
CmioProblem *cmio_problem_copy          (const CmioProblem *problem);
void         cmio_problem_free          (CmioProblem       *problem);
char        *cmio_problem_to_string     (const CmioProblem *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmioProblem, cmio_problem_free)

G_DECLARE_FINAL_TYPE (CmioContentPack, cmio_content_pack, CMIO, CONTENT_PACK, GObject)

CmioContentPack   *cmio_content_pack_load                (GFile            *dir,
                                                          GPtrArray       **problems);
CmioContentPack   *cmio_content_pack_load_builtin        (GPtrArray       **problems);
GFile             *cmio_content_pack_get_dir             (CmioContentPack  *self);
gboolean           cmio_content_pack_is_builtin          (CmioContentPack  *self);
const char        *cmio_content_pack_get_id              (CmioContentPack  *self);
const char        *cmio_content_pack_get_title           (CmioContentPack  *self);
const char        *cmio_content_pack_get_content_version (CmioContentPack  *self);
const char        *cmio_content_pack_get_language        (CmioContentPack  *self);
GListModel        *cmio_content_pack_get_chapters        (CmioContentPack  *self);
GListModel        *cmio_content_pack_get_items           (CmioContentPack  *self);
GListModel        *cmio_content_pack_get_competencies    (CmioContentPack  *self);
guint              cmio_content_pack_get_n_domains       (CmioContentPack  *self);
const CmioDomain  *cmio_content_pack_get_domain          (CmioContentPack  *self,
                                                          guint             position);
CmioChapter       *cmio_content_pack_find_chapter        (CmioContentPack  *self,
                                                          const char       *id);
CmioChecklistItem *cmio_content_pack_find_item           (CmioContentPack  *self,
                                                          const char       *id);
const CmioDomain  *cmio_content_pack_find_domain         (CmioContentPack  *self,
                                                          const char       *id);
GPtrArray         *cmio_content_pack_get_chapter_items   (CmioContentPack  *self,
                                                          const char       *chapter_id);
gboolean           cmio_content_id_is_valid              (const char       *id);

G_END_DECLS

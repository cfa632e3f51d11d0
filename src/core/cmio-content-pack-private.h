/* cmio-content-pack-private.h — what the parts of CmioContentPack share
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-content-pack.h"

G_BEGIN_DECLS

struct _CmioContentPack
{
  GObject parent_instance;

  GFile *dir;
  char *id;
  char *title;
  char *content_version;
  char *language;
  GListStore *chapters;
  GListStore *items;
  GListStore *competencies;
  GArray *domains;
  GHashTable *chapter_by_id;
  GHashTable *item_by_id;
  gboolean builtin;
};

/* State of one load: the text of the index (to find line numbers), the
 * problems found so far, and the ids seen in each kind with their line. */
typedef struct
{
  GFile *dir;
  char *dir_real;
  const char *text;
  GPtrArray *problems;
  GHashTable *chapter_ids;
  GHashTable *item_ids;
  GHashTable *domain_ids;
  GHashTable *competency_ids;
} Loader;

gboolean cmio_content_pack_load_index (Loader          *loader,
                                       CmioContentPack *self);

G_END_DECLS

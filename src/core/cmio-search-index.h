/* cmio-search-index.h — the global search over chapters, checklist items and notes
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cmio-content-pack.h"
#include "cmio-progress.h"
#include "cmio-search-result.h"

G_BEGIN_DECLS

#define CMIO_TYPE_SEARCH_INDEX (cmio_search_index_get_type ())

G_DECLARE_FINAL_TYPE (CmioSearchIndex, cmio_search_index, CMIO, SEARCH_INDEX, GObject)

CmioSearchIndex *cmio_search_index_new              (void);
void             cmio_search_index_set_content_pack (CmioSearchIndex *self,
                                                     CmioContentPack *pack);
void             cmio_search_index_set_progress     (CmioSearchIndex *self,
                                                     CmioProgress    *progress);
GListModel      *cmio_search_index_query            (CmioSearchIndex *self,
                                                     const char      *query,
                                                     guint            max_results);

char            *cmio_search_normalize              (const char      *text);

G_END_DECLS

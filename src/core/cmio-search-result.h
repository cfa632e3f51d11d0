/* cmio-search-result.h — one hit of the global search
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CMIO_SEARCH_KIND_CHAPTER,
  CMIO_SEARCH_KIND_ITEM,
  CMIO_SEARCH_KIND_NOTE,
} CmioSearchKind;

#define CMIO_TYPE_SEARCH_KIND (cmio_search_kind_get_type ())
#define CMIO_TYPE_SEARCH_RESULT (cmio_search_result_get_type ())

GType cmio_search_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (CmioSearchResult, cmio_search_result, CMIO, SEARCH_RESULT, GObject)

CmioSearchResult *cmio_search_result_new              (CmioSearchKind    kind,
                                                       const char       *id,
                                                       const char       *chapter_id,
                                                       const char       *title,
                                                       const char       *snippet,
                                                       guint             match_start,
                                                       guint             match_length,
                                                       const char       *match_text);
CmioSearchKind    cmio_search_result_get_kind         (CmioSearchResult *self);
const char       *cmio_search_result_get_id           (CmioSearchResult *self);
const char       *cmio_search_result_get_chapter_id   (CmioSearchResult *self);
const char       *cmio_search_result_get_title        (CmioSearchResult *self);
const char       *cmio_search_result_get_snippet      (CmioSearchResult *self);
guint             cmio_search_result_get_match_start  (CmioSearchResult *self);
guint             cmio_search_result_get_match_length (CmioSearchResult *self);
const char       *cmio_search_result_get_match_text   (CmioSearchResult *self);

G_END_DECLS

/* cmio-search-text.h — one searchable text: folded for matching, cut for snippets
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* About how many characters a snippet holds, and how many of them come
 * before the match when there is text enough on both sides. */
#define CMIO_SEARCH_SNIPPET_CHARS 120
#define CMIO_SEARCH_SNIPPET_BEFORE 40

typedef struct _CmioSearchText CmioSearchText;

char           *cmio_search_fold             (const char      *text,
                                              gssize           length,
                                              gsize           *folded_length);
GStrv           cmio_search_split_words      (const char      *query);
CmioSearchText *cmio_search_text_new         (char            *text,
                                              gsize            body_start);
void            cmio_search_text_free        (CmioSearchText  *self);
const char     *cmio_search_text_get_text    (CmioSearchText  *self);
gboolean        cmio_search_text_matches     (CmioSearchText  *self,
                                              const char     **words);
gboolean        cmio_search_text_find        (CmioSearchText  *self,
                                              const char      *word,
                                              gsize           *start,
                                              gsize           *end);
char           *cmio_search_text_snippet     (CmioSearchText  *self,
                                              gsize            start,
                                              gsize            end,
                                              guint           *match_start,
                                              guint           *match_length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CmioSearchText, cmio_search_text_free)

G_END_DECLS

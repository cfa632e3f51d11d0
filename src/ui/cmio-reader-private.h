/* cmio-reader-private.h — the reader's parts in other files
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

#include "cmio-content-pack.h"
#include "cmio-reader-view.h"

G_BEGIN_DECLS

/* Where in the app's scheme the pack's files are, and the stylesheet. */
#define CMIO_READER_PACK_HOST "pack"
#define CMIO_READER_STYLE_URI CMIO_READER_SCHEME "://style/reader.css"

/* cmio-reader-links.c */
void        cmio_reader_finish_request  (WebKitURISchemeRequest  *request,
                                         GBytes                  *bytes,
                                         const char              *content_type);
void        cmio_reader_refuse_request  (WebKitURISchemeRequest  *request,
                                         const char              *uri);
GBytes     *cmio_reader_load_pack_image (CmioContentPack         *pack,
                                         const char              *path,
                                         const char             **content_type);

/* cmio-reader-page.c */
const char *cmio_reader_chapter_of_file (CmioContentPack         *pack,
                                         const char              *path);
char       *cmio_reader_chapter_uri     (CmioChapter             *chapter);
GBytes     *cmio_reader_build_page      (CmioContentPack         *pack,
                                         CmioChapter             *chapter);

G_END_DECLS

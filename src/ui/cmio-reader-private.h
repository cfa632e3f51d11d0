/* cmio-reader-private.h — the reader's parts in other files
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <webkit/webkit.h>

#include "cmio-content-pack.h"

G_BEGIN_DECLS

void    cmio_reader_finish_request  (WebKitURISchemeRequest  *request,
                                     GBytes                  *bytes,
                                     const char              *content_type);
void    cmio_reader_refuse_request  (WebKitURISchemeRequest  *request,
                                     const char              *uri);
GBytes *cmio_reader_load_pack_image (CmioContentPack         *pack,
                                     const char              *path,
                                     const char             **content_type);

G_END_DECLS

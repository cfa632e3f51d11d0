/* cmio-reader-view.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-chapter.h"

G_BEGIN_DECLS

#define CMIO_TYPE_READER_VIEW (cmio_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (CmioReaderView, cmio_reader_view, CMIO, READER_VIEW, AdwBin)

void         cmio_reader_view_load_chapter (CmioReaderView *self,
                                            CmioChapter    *chapter);
CmioChapter *cmio_reader_view_get_chapter  (CmioReaderView *self);
gboolean     cmio_reader_view_is_ready     (CmioReaderView *self);

G_END_DECLS

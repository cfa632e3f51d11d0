/* cmio-reader-view.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <webkit/webkit.h>

#include "cmio-content-pack.h"

G_BEGIN_DECLS

/* The app's own URI scheme: chapters, their images and the stylesheet. */
#define CMIO_READER_SCHEME "cmio-handbook"

/**
 * CmioUriLauncher:
 * @uri: an http(s) or mailto URI the user chose
 * @parent: the widget the link was in
 *
 * Opens @uri outside the app; the seam tests replace.
 */
typedef void (*CmioUriLauncher) (const char *uri,
                                 GtkWidget  *parent);

#define CMIO_TYPE_READER_VIEW (cmio_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (CmioReaderView, cmio_reader_view, CMIO, READER_VIEW, AdwBin)

void         cmio_reader_view_set_content_pack (CmioReaderView  *self,
                                                CmioContentPack *pack);
void         cmio_reader_view_start            (CmioReaderView  *self);
void         cmio_reader_view_load_chapter     (CmioReaderView  *self,
                                                CmioChapter     *chapter,
                                                double           position);
CmioChapter *cmio_reader_view_get_chapter      (CmioReaderView  *self);
const char  *cmio_reader_view_get_uri          (CmioReaderView  *self);
gboolean     cmio_reader_view_is_ready         (CmioReaderView  *self);
double       cmio_reader_view_get_position     (CmioReaderView  *self);
void         cmio_reader_view_scroll_to_heading (CmioReaderView *self,
                                                 guint           index);
void         cmio_reader_view_set_zoom         (CmioReaderView  *self,
                                                double           zoom);
void         cmio_reader_view_find             (CmioReaderView  *self,
                                                const char      *text);
void         cmio_reader_view_find_next        (CmioReaderView  *self);
void         cmio_reader_view_find_previous    (CmioReaderView  *self);
void         cmio_reader_view_find_finish      (CmioReaderView  *self);
guint        cmio_reader_view_get_match_count  (CmioReaderView  *self);
void         cmio_reader_view_print            (CmioReaderView  *self);
void         cmio_reader_view_focus_text       (CmioReaderView  *self);
void         cmio_reader_view_set_uri_launcher (CmioUriLauncher  launcher);
void         cmio_reader_open_link             (const char      *uri,
                                                GtkWidget       *parent);
const char  *cmio_reader_page_classes          (void);
gboolean     cmio_reader_open_outside_link     (GUri            *parsed,
                                                const char      *uri,
                                                GtkWidget       *parent);
void         cmio_reader_set_page_background   (WebKitWebView   *web_view);

G_END_DECLS

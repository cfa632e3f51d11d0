/* cmio-metainfo.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cmio_metainfo_dup_release_notes (const char  *xml,
                                       gssize       length,
                                       const char  *version,
                                       GError     **error);

G_END_DECLS

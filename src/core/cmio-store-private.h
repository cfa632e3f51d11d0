/* cmio-store-private.h — what the store's files share
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cmio_store_set_errno_error (GError     **error,
                                     const char  *what,
                                     const char  *path);
gboolean cmio_store_write_all       (int          fd,
                                     const char  *data,
                                     gsize        length,
                                     gpointer     user_data,
                                     GError     **error);

G_END_DECLS

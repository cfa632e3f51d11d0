/* cmio-store.h — progress.json on disk: load, recover, save
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cmio-progress.h"

G_BEGIN_DECLS

/* How long after the last change a save starts, in milliseconds. */
#define CMIO_STORE_SAVE_DELAY_MS 500
/* The largest progress file that is read, in bytes. */
#define CMIO_STORE_MAX_FILE_SIZE (256 * 1024 * 1024)

typedef enum
{
  CMIO_STORE_LOADED_FRESH,     /* there was no file: first use */
  CMIO_STORE_LOADED,           /* the file loaded */
  CMIO_STORE_LOADED_BACKUP,    /* the file was bad or missing; the .bak loaded */
  CMIO_STORE_LOADED_NOTHING,   /* the file was bad and no good .bak: fresh */
  CMIO_STORE_LOADED_NEWER,     /* a newer version's file: read-only */
} CmioStoreLoadResult;

/**
 * CmioStoreWriteFunc:
 * @fd: the open temporary file
 * @data: what to write
 * @length: how many bytes
 * @user_data: what was given with the function
 * @error: return location for a #GError
 *
 * Writes all of @data; the seam through which tests make writes fail.
 *
 * Returns: %TRUE if everything was written
 */
typedef gboolean (*CmioStoreWriteFunc) (int           fd,
                                        const char   *data,
                                        gsize         length,
                                        gpointer      user_data,
                                        GError      **error);

#define CMIO_TYPE_STORE (cmio_store_get_type ())

G_DECLARE_FINAL_TYPE (CmioStore, cmio_store, CMIO, STORE, GObject)

CmioStore          *cmio_store_new                (GFile               *file);
GFile              *cmio_store_get_default_file   (void);
GFile              *cmio_store_get_file           (CmioStore           *self);
CmioStoreLoadResult cmio_store_load               (CmioStore           *self);
CmioStoreLoadResult cmio_store_get_load_result    (CmioStore           *self);
const char         *cmio_store_get_load_message   (CmioStore           *self);
GFile              *cmio_store_get_moved_aside    (CmioStore           *self);
CmioProgress       *cmio_store_get_progress       (CmioStore           *self);
gboolean            cmio_store_get_dirty          (CmioStore           *self);
const char         *cmio_store_get_save_error     (CmioStore           *self);
void                cmio_store_save_soon          (CmioStore           *self);
gboolean            cmio_store_save_now           (CmioStore           *self,
                                                   GError             **error);
gboolean            cmio_store_flush              (CmioStore           *self,
                                                   GError             **error);
void                cmio_store_set_write_func     (CmioStore           *self,
                                                   CmioStoreWriteFunc   func,
                                                   gpointer             user_data);
void                cmio_store_set_sync_to_disk   (CmioStore           *self,
                                                   gboolean             sync);

gboolean            cmio_store_write_file         (GFile               *file,
                                                   JsonNode            *root,
                                                   gboolean             sync_to_disk,
                                                   CmioStoreWriteFunc   write_func,
                                                   gpointer             user_data,
                                                   GError             **error);
CmioProgress       *cmio_store_read_file          (GFile               *file,
                                                   GError             **error);

G_END_DECLS

/* cmio-test-core.h — helpers shared by the unit tests (the core, no display)
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-content-pack.h"
#include "cmio-plan.h"
#include "cmio-progress.h"
#include "cmio-store.h"

G_BEGIN_DECLS

/* Asserts that @call, which takes `&error` as its last argument and returns
 * a gboolean, succeeds. */
#define ASSERT_OK(call) \
  G_STMT_START { \
    g_autoptr(GError) error = NULL; \
    gboolean ok_ = (call); \
    g_assert_no_error (error); \
    g_assert_true (ok_); \
  } G_STMT_END

CmioContentPack *cmio_test_valid_pack             (void);
CmioProgress    *cmio_test_load_progress          (const char          *json);

/* Files and folders */
char            *cmio_test_progress_path          (const char          *folder);
char            *cmio_test_sibling_path           (const char          *path,
                                                   const char          *suffix);
void             cmio_test_write_file             (const char          *path,
                                                   const char          *data,
                                                   gssize               length);
GBytes          *cmio_test_read_file              (const char          *path);
void             cmio_test_assert_file_bytes      (const char          *path,
                                                   GBytes              *expected);
gboolean         cmio_test_file_exists            (const char          *path);
char            *cmio_test_folder_listing         (const char          *folder);
char            *cmio_test_folder_listing_of_file (const char          *path);
guint            cmio_test_file_mode              (const char          *path);

/* JSON */
char            *cmio_test_json_text              (const char          *single_quoted);
JsonNode        *cmio_test_json_at                (JsonNode            *root,
                                                   const char          *path);
void             cmio_test_assert_json_equal      (JsonNode            *expected,
                                                   JsonNode            *actual);

/* Progress */
void             cmio_test_assert_progress_equal  (CmioProgress        *expected,
                                                   CmioProgress        *actual);
CmioProgress    *cmio_test_read_progress          (const char          *path);
void             cmio_test_fill_full_progress     (CmioProgress        *progress);

/* Stores */
CmioStore       *cmio_test_load_store             (const char          *path,
                                                   CmioStoreLoadResult  expected);
void             cmio_test_save_now               (CmioStore           *store);
void             cmio_test_set_name               (CmioStore           *store,
                                                   const char          *name);

/* The main context */
gboolean         cmio_test_iterate_until          (gboolean (*done) (gpointer data),
                                                   gpointer             data,
                                                   guint                timeout_ms);
void             cmio_test_iterate_for            (guint                ms);

/* The 90-day plan, over the small pack */
CmioProgress    *cmio_test_prepared_progress      (void);
CmioProgress    *cmio_test_progress_starting      (const char          *start_date);
GDate           *cmio_test_date_new               (const char          *text);
void             cmio_test_set_today              (CmioPlan            *plan,
                                                   const char          *today);
void             cmio_test_set_done               (CmioProgress        *progress,
                                                   const char          *id,
                                                   gboolean             done);
CmioPlanItem    *cmio_test_find_row               (CmioPlan            *plan,
                                                   const char          *id);
void             cmio_test_notify_cb              (GObject             *object,
                                                   GParamSpec          *pspec,
                                                   GString             *log);
void             cmio_test_assert_notified        (GString             *log,
                                                   const char          *expected);
void             cmio_test_use_c_locale           (void);

G_END_DECLS

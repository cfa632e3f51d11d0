/* test-metainfo.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-metainfo.h"

static const char metainfo[] =
  "<?xml version=\"1.0\"?><component><releases>"
  "<release version=\"0.2.0\"><description><p>Later</p></description></release>"
  "<release version=\"0.1.0\" date=\"2026-11-27\"><description>"
  "<p>First &amp; best</p><ul><li>One</li><li>Two</li></ul>"
  "</description></release></releases></component>";

static void
test_metainfo_release_notes (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = cmio_metainfo_dup_release_notes (metainfo, -1, "0.1.0", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (notes, ==, "<p>First &amp; best</p><ul><li>One</li><li>Two</li></ul>");
}

static void
test_metainfo_missing_release (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = cmio_metainfo_dup_release_notes (metainfo, -1, "9.9", &error);

  g_assert_null (notes);
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT);
}

static void
test_metainfo_installed_file (void)
{
  g_autofree char *text = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;

  /* The real metainfo has notes for the version being built. */
  g_assert_true (g_file_get_contents (METAINFO_PATH, &text, NULL, &error));
  notes = cmio_metainfo_dup_release_notes (text, -1, PACKAGE_VERSION, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (notes, "<li>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/metainfo/release-notes", test_metainfo_release_notes);
  g_test_add_func ("/cmio/metainfo/missing-release", test_metainfo_missing_release);
  g_test_add_func ("/cmio/metainfo/installed-file", test_metainfo_installed_file);

  return g_test_run ();
}

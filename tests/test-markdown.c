/* test-markdown.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-markdown.h"

static void
test_markdown_basics (void)
{
  g_autofree char *html = cmio_markdown_to_html ("# Title\n\nSome *text*.\n\n- one\n- two\n", -1);

  g_assert_nonnull (strstr (html, "<h1>Title</h1>"));
  g_assert_nonnull (strstr (html, "<em>text</em>"));
  g_assert_nonnull (strstr (html, "<li>two</li>"));
}

static void
test_markdown_tables (void)
{
  g_autofree char *html = cmio_markdown_to_html ("| a | b |\n|---|---|\n| 1 | 2 |\n", -1);

  g_assert_nonnull (strstr (html, "<table>"));
  g_assert_nonnull (strstr (html, "<td>2</td>"));
}

static void
test_markdown_raw_html_is_text (void)
{
  g_autofree char *html =
    cmio_markdown_to_html ("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there\n\n"
                           "<iframe src=\"https://example.com\"></iframe>\n", -1);

  /* Raw HTML is shown as text, never passed through as markup. */
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<iframe"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/markdown/basics", test_markdown_basics);
  g_test_add_func ("/cmio/markdown/tables", test_markdown_tables);
  g_test_add_func ("/cmio/markdown/raw-html-is-text", test_markdown_raw_html_is_text);

  return g_test_run ();
}

/* test-markdown.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cmio-markdown.h"
#include "cmio-safe-html.h"

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

static void
test_markdown_unsafe_links (void)
{
  static const char markdown[] =
    "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](file:///etc/passwd)"
    " [d](data:text/html,<b>x</b>) [e](https://example.com/x) [f](mailto:a@b.c)"
    " [g](03-next.md#part) [h](#here) [i](//evil.example/x) [j](vbscript:msgbox)\n\n"
    "![one](https://example.com/track.png) ![two](images/chart.png) <javascript:alert(2)>\n";
  g_autofree char *rendered = cmio_markdown_to_html (markdown, -1);
  g_autofree char *html = cmio_html_neutralize_links (rendered);

  /* The dangerous ones became "#", scheme case and all; an autolink's
   * text may still read "javascript:…", as text. */
  g_assert_null (strstr (html, "\"javascript:"));
  g_assert_null (strstr (html, "\"JaVaScRiPt:"));
  g_assert_null (strstr (html, "\"file:"));
  g_assert_null (strstr (html, "\"data:"));
  g_assert_null (strstr (html, "\"vbscript:"));
  g_assert_null (strstr (html, "\"//evil.example"));
  g_assert_nonnull (strstr (html, "<a href=\"#\">a</a>"));
  /* Images may not reach the network; relative ones stay in the pack. */
  g_assert_null (strstr (html, "track.png"));
  g_assert_nonnull (strstr (html, "src=\"images/chart.png\""));
  /* Ordinary links stay as they were. */
  g_assert_nonnull (strstr (html, "href=\"https://example.com/x\""));
  g_assert_nonnull (strstr (html, "href=\"mailto:a@b.c\""));
  g_assert_nonnull (strstr (html, "href=\"03-next.md#part\""));
  g_assert_nonnull (strstr (html, "href=\"#here\""));
}

static void
test_markdown_url_is_safe (void)
{
  g_assert_true (cmio_url_is_safe ("chapters/a.md", FALSE));
  g_assert_true (cmio_url_is_safe ("cmio-handbook://pack/x", TRUE));
  g_assert_true (cmio_url_is_safe ("HTTPS://example.com", FALSE));
  g_assert_false (cmio_url_is_safe ("https://example.com/a.png", TRUE));
  g_assert_false (cmio_url_is_safe ("javascript:x", FALSE));
  g_assert_false (cmio_url_is_safe ("//host/x", FALSE));
}


/* What a hostile note may try; the preview and exports render it this way. */
static const char hostile_note[] =
  "<script>alert(1)</script>\n\n"
  "<img src=x onerror=alert(1)>\n\n"
  "<iframe src=\"https://example.org/\"></iframe>\n\n"
  "<!-- hidden -->\n\n"
  "<a href=\"javascript:alert(1)\">raw link</a>\n\n"
  "[click](javascript:alert(1)) [again](JaVaScRiPt:alert(2)) [data](data:text/html,x)\n\n"
  "![pixel](https://tracker.example/p.png) ![local](file:///etc/passwd)\n\n"
  "[ok](https://example.org/ \"title\" onclick=\"x\")\n";

/* Looks inside every tag (text between tags is escaped and harmless). */
static void
assert_no_active_markup (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);

  g_assert_null (strstr (lower, "<!--"));
  for (const char *p = strchr (lower, '<'); p != NULL; p = strchr (p + 1, '<'))
    {
      const char *end = strchr (p, '>');
      g_autofree char *tag = g_strndup (p, end ? (gsize) (end - p) : strlen (p));
      g_auto(GStrv) words = g_strsplit_set (tag + 1, " \t\n", -1);

      g_test_message ("tag: %s", tag);
      g_assert_false (g_str_has_prefix (tag, "<script"));
      g_assert_false (g_str_has_prefix (tag, "<iframe"));
      g_assert_false (g_str_has_prefix (tag, "<object"));
      g_assert_false (g_str_has_prefix (tag, "<embed"));
      g_assert_false (g_str_has_prefix (tag, "<style"));
      g_assert_null (strstr (tag, "javascript:"));
      g_assert_null (strstr (tag, "data:"));
      g_assert_null (strstr (tag, "src=\"http"));
      g_assert_null (strstr (tag, "src=\"file:"));
      for (guint i = 1; words[i] != NULL; i++)
        g_assert_false (g_str_has_prefix (words[i], "on") && strchr (words[i], '=') != NULL);
    }
}

static void
test_markdown_safe_html (void)
{
  g_autofree char *html = cmio_markdown_to_safe_html (hostile_note);

  assert_no_active_markup (html);
  /* The words are still there, as text. */
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "click"));
  /* A safe link stays a link. */
  g_assert_nonnull (strstr (html, "href=\"https://example.org/\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cmio/markdown/basics", test_markdown_basics);
  g_test_add_func ("/cmio/markdown/tables", test_markdown_tables);
  g_test_add_func ("/cmio/markdown/raw-html-is-text", test_markdown_raw_html_is_text);
  g_test_add_func ("/cmio/markdown/unsafe-links", test_markdown_unsafe_links);
  g_test_add_func ("/cmio/markdown/url-is-safe", test_markdown_url_is_safe);
  g_test_add_func ("/cmio/markdown/safe-html", test_markdown_safe_html);

  return g_test_run ();
}

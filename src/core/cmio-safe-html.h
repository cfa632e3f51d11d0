/* cmio-safe-html.h — keeping rendered Markdown's links and images harmless
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  cmio_url_is_safe           (const char *url,
                                      gboolean    is_image);
char     *cmio_html_neutralize_links (const char *html);
char     *cmio_markdown_to_safe_html (const char *markdown);

G_END_DECLS

/* cmio-markdown.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cmio_markdown_to_html (const char *markdown,
                             gssize      length);
char *cmio_markdown_to_text (const char *markdown,
                             gssize      length);

G_END_DECLS

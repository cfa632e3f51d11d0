/* bench-time.h
 *
 * Copyright 2026 The CMIO Handbook authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gint64 bench_time_since_start_us (void);
char  *bench_time_format_ms      (gint64 elapsed_us);

G_END_DECLS

/* bench-stats.h — medians and figure lines shared by the benchmarks
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_median      (GArray     *values);
void   bench_print_ms    (const char *name,
                          double      value);
void   bench_print_value (const char *name,
                          double      value,
                          const char *unit);

G_END_DECLS

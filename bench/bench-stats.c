/* bench-stats.c — medians and figure lines shared by the benchmarks
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every benchmark prints its figures on stdout as bench/run reads them:
 *
 *   <name> <value> <unit>    a time, one decimal
 *   <name> <value>           a ratio, two decimals
 *
 * with a '.' whatever the locale (GTK calls setlocale()).
 */

#include "bench-stats.h"

#include <stdio.h>

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * bench_median:
 * @values: (element-type double): at least one value; sorted in place
 *
 * Returns: the median of @values, the mean of the two middle ones when
 *   there is an even number of them
 */
double
bench_median (GArray *values)
{
  guint n = values->len;

  g_return_val_if_fail (n > 0, 0);

  g_array_sort (values, compare_doubles);
  if (n % 2)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

/**
 * bench_print_value:
 * @name: the figure's name
 * @value: its value
 * @unit: (nullable): its unit, or %NULL for a ratio
 *
 * Prints "NAME VALUE UNIT" with one decimal, or "NAME VALUE" with two
 * decimals when @unit is %NULL.
 */
void
bench_print_value (const char *name,
                   double      value,
                   const char *unit)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, unit != NULL ? "%.1f" : "%.2f", value);
  if (unit != NULL)
    printf ("%s %s %s\n", name, buffer, unit);
  else
    printf ("%s %s\n", name, buffer);
}

/**
 * bench_print_ms:
 * @name: the figure's name
 * @value: milliseconds
 *
 * Prints "NAME VALUE ms" with one decimal.
 */
void
bench_print_ms (const char *name,
                double      value)
{
  bench_print_value (name, value, "ms");
}

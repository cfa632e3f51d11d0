/* bench-time.c
 *
 * Copyright 2026 The CMIO Handbook authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The clock contract of every startup figure, shared by the floor and mirrored by
 * the app's --startup-benchmark:
 *
 * - If CMIO_BENCH_T0_US is set, it is the CLOCK_MONOTONIC time in microseconds that
 *   the harness read just before it exec'd this process (the clock behind
 *   g_get_monotonic_time()). Elapsed time is now minus that.
 * - Otherwise the start time of this process is taken from /proc/self/stat (field 22,
 *   clock ticks since boot) and compared with CLOCK_BOOTTIME, the clock the kernel
 *   counts it on. That is only good to one clock tick (10 ms), but it lets a figure be
 *   read by hand without the harness.
 */

#include "bench-time.h"

#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static gint64
since_proc_start_us (void)
{
  g_autofree char *stat = NULL;
  const char *p;
  struct timespec now;
  unsigned long long start_ticks;
  long ticks_per_second;
  gint64 now_us;
  gint64 start_us;
  int field;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return -1;

  /* Field 2 (the command name) is in parentheses and may itself hold spaces and
   * parentheses, so count from the last ")"; the field after it is field 3. */
  p = strrchr (stat, ')');
  if (p == NULL)
    return -1;
  p++;

  for (field = 3; field < 22; field++)
    {
      p = strchr (p + 1, ' ');
      if (p == NULL)
        return -1;
    }

  errno = 0;
  start_ticks = g_ascii_strtoull (p + 1, NULL, 10);
  ticks_per_second = sysconf (_SC_CLK_TCK);
  if (errno != 0 || ticks_per_second <= 0)
    return -1;

  if (clock_gettime (CLOCK_BOOTTIME, &now) != 0)
    return -1;

  now_us = (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
  start_us = (gint64) (start_ticks * G_USEC_PER_SEC / (unsigned long long) ticks_per_second);

  return now_us - start_us;
}

/**
 * bench_time_since_start_us:
 *
 * Returns: microseconds since the process was started (see the contract above),
 *   or -1 if that cannot be known.
 */
gint64
bench_time_since_start_us (void)
{
  const char *t0 = g_getenv ("CMIO_BENCH_T0_US");

  if (t0 != NULL && *t0 != '\0')
    {
      gint64 t0_us;
      char *end = NULL;

      errno = 0;
      t0_us = g_ascii_strtoll (t0, &end, 10);
      if (errno == 0 && end != t0 && *end == '\0' && t0_us > 0)
        return g_get_monotonic_time () - t0_us;

      g_warning ("CMIO_BENCH_T0_US is not a number of microseconds: “%s”", t0);
    }

  return since_proc_start_us ();
}

/**
 * bench_time_format_ms:
 * @elapsed_us: a duration in microseconds
 *
 * Formats @elapsed_us as milliseconds with one decimal and a "." whatever the
 * locale (GTK has called setlocale() by the time anything is measured).
 *
 * Returns: (transfer full): the text, e.g. "312.4"
 */
char *
bench_time_format_ms (gint64 elapsed_us)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", elapsed_us / 1000.0));
}

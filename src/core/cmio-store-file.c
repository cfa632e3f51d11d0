/* cmio-store-file.c — progress.json itself: written atomically with a
 * backup kept, read with every check
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmio-json.h"
#include "cmio-store.h"
#include "cmio-store-private.h"

/* Deeper nesting than this is refused before the parser sees it. The format
 * nests five levels; members added by others get plenty of room. */
#define MAX_JSON_DEPTH 128

/* Writing */

/* The CmioStoreWriteFunc of the normal way: writes all of @data. */
gboolean
cmio_store_write_all (int          fd,
                      const char  *data,
                      gsize        length,
                      gpointer     user_data,
                      GError     **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          int saved_errno = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return FALSE;
        }

      data += written;
      length -= written;
    }

  return TRUE;
}

/* Always FALSE, for "return cmio_store_set_errno_error (…)". */
gboolean
cmio_store_set_errno_error (GError     **error,
                            const char  *what,
                            const char  *path)
{
  int saved_errno = errno;
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s “%s”: %s", what, display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
sync_folder (const char  *folder,
             GError     **error)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      cmio_store_set_errno_error (error, _("Cannot flush the folder"), folder);
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Keeps the file that is about to be replaced as the .bak: a hard link,
 * renamed into place, so that there is always a whole .bak. */
static void
keep_backup (const char *path)
{
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *backup_tmp = g_strconcat (path, ".bak.tmp", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  g_unlink (backup_tmp);
  if (link (path, backup_tmp) == 0)
    {
      if (g_rename (backup_tmp, backup) != 0)
        g_unlink (backup_tmp);
      return;
    }

  /* No hard links here (some file systems): copy instead. */
  {
    g_autoptr(GFile) from = g_file_new_for_path (path);
    g_autoptr(GFile) to = g_file_new_for_path (backup_tmp);

    if (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL))
      g_rename (backup_tmp, backup);
  }
}

/**
 * cmio_store_write_file:
 * @file: where to write, a local file
 * @root: what to write
 * @sync_to_disk: whether to flush the file and its folder to the disk
 * @write_func: (nullable): writes the bytes; %NULL for the normal way
 * @user_data: for @write_func
 * @error: return location for a #GError
 *
 * Writes atomically: a temporary file in the same folder, written and
 * flushed, renamed over @file, then the folder flushed. A crash at any
 * moment leaves the old file or the new one, never a mix. The replaced file
 * stays as `.bak`. The folder is made private (0700) and the file is 0600.
 * Safe to call from a worker thread.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
cmio_store_write_file (GFile               *file,
                       JsonNode            *root,
                       gboolean             sync_to_disk,
                       CmioStoreWriteFunc   write_func,
                       gpointer             user_data,
                       GError             **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *tmp = g_build_filename (folder, ".progress.json.XXXXXX", NULL);
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf buf;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    return cmio_store_set_errno_error (error, _("Cannot create the folder"), folder);

  /* Private, but never opened up: a folder the user made read-only stays
   * so, and the save fails with a reason instead of writing anyway. */
  if (g_stat (folder, &buf) == 0 && (buf.st_mode & 077) != 0)
    g_chmod (folder, buf.st_mode & 0700);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return cmio_store_set_errno_error (error, _("Cannot create a file in"), folder);

  if (!(write_func ? write_func : cmio_store_write_all) (fd, data, length, user_data, error) ||
      (sync_to_disk && fsync (fd) != 0 && cmio_store_set_errno_error (error, _("Cannot flush"), tmp)))
    {
      close (fd);
      g_unlink (tmp);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      cmio_store_set_errno_error (error, _("Cannot write"), tmp);
      g_unlink (tmp);
      return FALSE;
    }

  keep_backup (path);

  if (g_rename (tmp, path) != 0)
    {
      cmio_store_set_errno_error (error, _("Cannot replace"), path);
      g_unlink (tmp);
      return FALSE;
    }

  if (sync_to_disk && !sync_folder (folder, error))
    return FALSE;

  return TRUE;
}

/* Reading */

/* json-glib reads a number too large for its types as another number,
 * without an error: 1e400 as infinity, which it then writes as "inf.0" (not
 * JSON), and 99999999999999999999999 as -1. Kept in a member this version
 * does not know, or read as a level or a day, such a number would change
 * silently or make the next save unreadable. Finds the first one in @text,
 * valid JSON, and the line it is on. */
static gboolean
find_number_out_of_range (const char  *text,
                          gsize        length,
                          guint       *line,
                          char       **number)
{
  const char *end = text + length;

  *line = 1;
  for (const char *p = text; p < end; p++)
    {
      if (*p == '\n')
        (*line)++;
      else if (*p == '"')
        {
          const char *quote = cmio_json_string_end (p, end);

          /* Valid JSON has no line feed inside a string; json-glib may. */
          for (const char *feed = p; (feed = memchr (feed, '\n', quote - feed)) != NULL; feed++)
            (*line)++;
          p = quote;
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *start = p;
          gboolean integer = TRUE;
          gboolean in_range;

          while (p < end && (g_ascii_isdigit (*p) || *p == '-' || *p == '+' ||
                             *p == '.' || *p == 'e' || *p == 'E'))
            {
              if (*p == '.' || *p == 'e' || *p == 'E')
                integer = FALSE;
              p++;
            }

          /* The text ends in a NUL, so the number ends before it does. */
          errno = 0;
          if (integer)
            {
              g_ascii_strtoll (start, NULL, 10);
              in_range = errno != ERANGE;
            }
          else
            in_range = isfinite (g_ascii_strtod (start, NULL));

          if (!in_range)
            {
              *number = g_strndup (start, MIN (p - start, 40));
              return TRUE;
            }
          p--;
        }
    }

  return FALSE;
}

/**
 * cmio_store_read_file:
 * @file: a progress file
 * @error: return location for a #GError
 *
 * Reads, parses and validates a progress file, refusing anything damaged:
 * not UTF-8, NUL bytes, too large, nested too deep, not JSON, numbers out
 * of range, wrong types.
 *
 * Returns: (transfer full) (nullable): the progress
 */
CmioProgress *
cmio_store_read_file (GFile   *file,
                      GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  const char *end = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_size (info) > CMIO_STORE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_TOO_LARGE,
                   _("the file is too large (%s)"), size);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  if (cmio_json_max_depth (contents, length) > MAX_JSON_DEPTH)
    {
      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("the JSON is nested more than %d levels deep"), MAX_JSON_DEPTH);
      return NULL;
    }

  /* json-glib checks that the text is UTF-8, without NUL bytes; only when
   * it is not is it worth finding where. */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      guint line = 0;
      const char *reason = cmio_json_parse_error_reason (local_error->message, &line);

      if (!g_utf8_validate (contents, length, &end))
        {
          g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                       _("byte %" G_GSIZE_FORMAT " is not valid UTF-8 text (or is a NUL byte)"),
                       (gsize) (end - contents));
          return NULL;
        }

      g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                   _("line %u: not valid JSON: %s"), line, reason);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                           _("the file is empty"));
      return NULL;
    }

  {
    g_autofree char *number = NULL;
    guint line = 0;

    if (find_number_out_of_range (contents, length, &line, &number))
      {
        g_set_error (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_INVALID,
                     _("line %u: the number %s is too large"), line, number);
        return NULL;
      }
  }

  return cmio_progress_new_from_json (json_parser_get_root (parser), error);
}


/* cmio-store.c — progress.json on disk: load, recover, save (the file
 * itself is written and read in cmio-store-file.c)
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

struct _CmioStore
{
  GObject parent_instance;

  GFile *file;
  CmioProgress *progress;
  GFile *moved_aside;
  char *load_message;
  char *save_error;
  CmioStoreLoadResult load_result;

  CmioStoreWriteFunc write_func;
  gpointer write_data;
  gboolean sync_to_disk;

  guint64 saved_generation;
  guint save_source;
  GCancellable *cancellable;
  gboolean saving;
  gboolean dirty;
};

G_DEFINE_FINAL_TYPE (CmioStore, cmio_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRTY,
  PROP_SAVE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_async (CmioStore *self);

/* Moves a file that failed to load out of the way, never deleting it. */
static GFile *
move_aside (GFile   *file,
            GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *path = g_file_get_path (file);

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *target = i == 0 ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
                                       : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, i);

      if (g_file_test (target, G_FILE_TEST_EXISTS))
        continue;
      if (g_rename (path, target) != 0)
        {
          cmio_store_set_errno_error (error, _("Cannot move aside"), path);
          return NULL;
        }
      return g_file_new_for_path (target);
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("Too many damaged copies"));
  return NULL;
}

/* A save cut short by a crash leaves its temporary file behind; only this
 * app's one instance writes here, so any of them at load is stale. */
static void
remove_stale_temporaries (CmioStore *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, ".progress.json.") && strlen (name) == strlen (".progress.json.XXXXXX"))
        {
          g_autofree char *stale = g_build_filename (folder, name, NULL);

          g_unlink (stale);
        }
    }
}

static GFile *
backup_file (CmioStore *self)
{
  g_autofree char *path = g_file_get_path (self->file);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);

  return g_file_new_for_path (backup);
}

/* GObject */

static void
progress_changed_cb (CmioStore *self)
{
  if (!self->dirty)
    {
      self->dirty = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  cmio_store_save_soon (self);
}

static void
cmio_store_dispose (GObject *object)
{
  CmioStore *self = (CmioStore *) object;

  g_clear_handle_id (&self->save_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);

  G_OBJECT_CLASS (cmio_store_parent_class)->dispose (object);
}

static void
cmio_store_finalize (GObject *object)
{
  CmioStore *self = (CmioStore *) object;

  g_clear_object (&self->file);
  g_clear_object (&self->progress);
  g_clear_object (&self->moved_aside);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->load_message, g_free);
  g_clear_pointer (&self->save_error, g_free);

  G_OBJECT_CLASS (cmio_store_parent_class)->finalize (object);
}

static void
cmio_store_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CmioStore *self = CMIO_STORE (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_string (value, self->save_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_store_class_init (CmioStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cmio_store_dispose;
  object_class->finalize = cmio_store_finalize;
  object_class->get_property = cmio_store_get_property;

  /**
   * CmioStore:dirty:
   *
   * Whether there are changes not yet on disk.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CmioStore:save-error:
   *
   * Why the last save failed, for the user; %NULL once a save succeeds.
   */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_string ("save-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cmio_store_init (CmioStore *self)
{
  self->sync_to_disk = TRUE;
  self->cancellable = g_cancellable_new ();
}

/* Saving */

typedef struct
{
  GFile *file;
  JsonNode *snapshot;
  CmioStoreWriteFunc write_func;
  gpointer write_data;
  guint64 generation;
  gboolean sync_to_disk;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->snapshot, json_node_unref);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (cmio_store_write_file (job->file, job->snapshot, job->sync_to_disk,
                             job->write_func, job->write_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_save_error (CmioStore  *self,
                const char *message)
{
  if (g_strcmp0 (self->save_error, message) == 0)
    return;

  g_free (self->save_error);
  self->save_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
}

static void
saved (CmioStore *self,
       guint64    generation,
       GError    *error)
{
  self->saving = FALSE;

  if (error != NULL)
    {
      /* Everything stays in memory; the next change, or Retry, tries again. */
      set_save_error (self, error->message);
      return;
    }

  self->saved_generation = generation;
  set_save_error (self, NULL);

  if (self->saved_generation == cmio_progress_get_generation (self->progress))
    {
      if (self->dirty)
        {
          self->dirty = FALSE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
        }
    }
  else
    cmio_store_save_soon (self);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CmioStore) self = user_data;
  g_autoptr(GError) error = NULL;
  SaveJob *job = g_task_get_task_data (G_TASK (result));

  g_task_propagate_boolean (G_TASK (result), &error);
  saved (self, job->generation, error);
}

static SaveJob *
new_job (CmioStore *self)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->file = g_object_ref (self->file);
  job->snapshot = cmio_progress_to_json (self->progress);
  job->write_func = self->write_func;
  job->write_data = self->write_data;
  job->generation = cmio_progress_get_generation (self->progress);
  job->sync_to_disk = self->sync_to_disk;
  return job;
}

static gboolean
can_save (CmioStore *self)
{
  return self->progress != NULL && !cmio_progress_get_read_only (self->progress);
}

/* The snapshot is taken here, on the main thread, and costs only pointer
 * copies; generating the JSON and the disk work happen in a worker. */
static void
save_async (CmioStore *self)
{
  g_autoptr(GTask) task = NULL;

  if (!can_save (self) || self->saving)
    return;

  self->saving = TRUE;
  task = g_task_new (NULL, NULL, save_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, save_async);
  g_task_set_task_data (task, new_job (self), (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
save_timeout_cb (gpointer data)
{
  CmioStore *self = data;

  self->save_source = 0;
  save_async (self);
  return G_SOURCE_REMOVE;
}

/* Public API */

/**
 * cmio_store_new:
 * @file: the progress file, a local file
 *
 * Returns: (transfer full): a store; call cmio_store_load() next
 */
CmioStore *
cmio_store_new (GFile *file)
{
  CmioStore *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CMIO_TYPE_STORE, NULL);
  self->file = g_object_ref (file);
  return self;
}

/**
 * cmio_store_get_default_file:
 *
 * Returns: (transfer full): `progress.json` in the app's folder of the
 *   user's data folder
 */
GFile *
cmio_store_get_default_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), APP_ID, "progress.json", NULL);

  return g_file_new_for_path (path);
}

GFile *
cmio_store_get_file (CmioStore *self)
{
  g_return_val_if_fail (CMIO_IS_STORE (self), NULL);
  return self->file;
}

static void
set_progress (CmioStore    *self,
              CmioProgress *progress)
{
  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_set_object (&self->progress, progress);
  self->saved_generation = cmio_progress_get_generation (progress);
  g_signal_connect_swapped (progress, "changed", G_CALLBACK (progress_changed_cb), self);
}

/**
 * cmio_store_load:
 * @self: a #CmioStore
 *
 * Loads the progress. A file that fails to load is moved aside as
 * `progress.json.corrupt-<UTC time>`, never deleted or changed, and the
 * `.bak` is tried; when that is good it is saved back as progress.json. A
 * newer version's file opens read-only and is never written. Whatever
 * happens, there is progress afterwards, and cmio_store_get_load_message()
 * says what happened.
 *
 * Returns: what happened
 */
CmioStoreLoadResult
cmio_store_load (CmioStore *self)
{
  g_autoptr(CmioProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) backup_error = NULL;
  g_autoptr(GFile) backup = NULL;
  g_autofree char *display = NULL;
  gboolean missing;

  g_return_val_if_fail (CMIO_IS_STORE (self), CMIO_STORE_LOADED_NOTHING);

  g_clear_object (&self->moved_aside);
  g_clear_pointer (&self->load_message, g_free);
  remove_stale_temporaries (self);
  backup = backup_file (self);
  missing = !g_file_query_exists (self->file, NULL);

  if (missing && !g_file_query_exists (backup, NULL))
    {
      set_progress (self, progress = cmio_progress_new ());
      return self->load_result = CMIO_STORE_LOADED_FRESH;
    }

  if (!missing && (progress = cmio_store_read_file (self->file, &error)) != NULL)
    {
      set_progress (self, progress);
      if (cmio_progress_get_read_only (progress))
        {
          display = g_file_get_parse_name (self->file);
          self->load_message =
            g_strdup_printf (_("Your progress in “%s” was saved by a newer version of CMIO Handbook. "
                               "It is open read-only: changes you make now cannot be saved. "
                               "Update the app to work on it."), display);
          return self->load_result = CMIO_STORE_LOADED_NEWER;
        }
      return self->load_result = CMIO_STORE_LOADED;
    }

  /* Saved by a newer version in a way this one cannot read: not damage.
   * Leave it where it is, and write nothing. */
  if (g_error_matches (error, CMIO_PROGRESS_ERROR, CMIO_PROGRESS_ERROR_NEWER_VERSION))
    {
      progress = cmio_progress_new ();
      cmio_progress_set_read_only (progress, TRUE);
      set_progress (self, progress);
      display = g_file_get_parse_name (self->file);
      self->load_message =
        g_strdup_printf (_("Your progress in “%s” was saved by a newer version of CMIO Handbook, "
                           "and this version cannot read it (%s). It is left as it is: nothing will "
                           "be saved until you update the app."), display, error->message);
      return self->load_result = CMIO_STORE_LOADED_NEWER;
    }

  /* The file is damaged (or gone while a .bak is there): keep it, untouched,
   * under another name, and fall back to the last good copy. */
  if (!missing)
    {
      g_autoptr(GError) move_error = NULL;

      self->moved_aside = move_aside (self->file, &move_error);
      if (self->moved_aside == NULL)
        {
          /* It cannot be moved (a read-only folder): leave it, and do not
           * overwrite it either. */
          progress = cmio_progress_new ();
          cmio_progress_set_read_only (progress, TRUE);
          set_progress (self, progress);
          display = g_file_get_parse_name (self->file);
          self->load_message =
            g_strdup_printf (_("Your progress in “%s” could not be read (%s), and it could not be "
                               "moved aside (%s). Nothing will be saved until this is fixed."),
                             display, error->message, move_error->message);
          return self->load_result = CMIO_STORE_LOADED_NOTHING;
        }
    }

  progress = cmio_store_read_file (backup, &backup_error);
  if (progress != NULL && !cmio_progress_get_read_only (progress))
    {
      g_autofree char *aside = self->moved_aside ? g_file_get_parse_name (self->moved_aside) : NULL;

      set_progress (self, progress);
      if (aside != NULL)
        self->load_message =
          g_strdup_printf (_("Your progress file could not be read (%s). It was kept as “%s”. "
                             "Your last good copy was restored, so only your most recent "
                             "changes may be missing."), error->message, aside);
      else
        self->load_message =
          g_strdup (_("Your progress file was missing. Your last good copy was restored."));

      /* Write it back as progress.json straight away: a generation that
       * was never saved marks it unsaved. */
      self->dirty = TRUE;
      self->saved_generation = G_MAXUINT64;
      cmio_store_save_soon (self);
      return self->load_result = CMIO_STORE_LOADED_BACKUP;
    }

  set_progress (self, progress = cmio_progress_new ());
  {
    g_autofree char *aside = self->moved_aside ? g_file_get_parse_name (self->moved_aside) : NULL;

    self->load_message =
      g_strdup_printf (_("Your progress file could not be read (%s), and there is no good backup. "
                         "It was kept as “%s”. You are starting with empty progress."),
                       error ? error->message : _("missing"), aside ? aside : "");
  }
  return self->load_result = CMIO_STORE_LOADED_NOTHING;
}

CmioStoreLoadResult
cmio_store_get_load_result (CmioStore *self)
{
  g_return_val_if_fail (CMIO_IS_STORE (self), CMIO_STORE_LOADED_NOTHING);
  return self->load_result;
}

/**
 * cmio_store_get_load_message:
 * @self: a #CmioStore
 *
 * Returns: (nullable): what happened at load, for the user, when it was
 *   anything but a normal load or a first start
 */
const char *
cmio_store_get_load_message (CmioStore *self)
{
  g_return_val_if_fail (CMIO_IS_STORE (self), NULL);
  return self->load_message;
}

/**
 * cmio_store_get_moved_aside:
 * @self: a #CmioStore
 *
 * Returns: (transfer none) (nullable): where a damaged file was moved
 */
GFile *
cmio_store_get_moved_aside (CmioStore *self)
{
  g_return_val_if_fail (CMIO_IS_STORE (self), NULL);
  return self->moved_aside;
}

/**
 * cmio_store_get_progress:
 * @self: a #CmioStore
 *
 * Returns: (transfer none) (nullable): the progress, once loaded
 */
CmioProgress *
cmio_store_get_progress (CmioStore *self)
{
  g_return_val_if_fail (CMIO_IS_STORE (self), NULL);
  return self->progress;
}

gboolean
cmio_store_get_dirty (CmioStore *self)
{
  g_return_val_if_fail (CMIO_IS_STORE (self), FALSE);
  return self->dirty;
}

/**
 * cmio_store_get_save_error:
 * @self: a #CmioStore
 *
 * Returns: (nullable): why the last save failed
 */
const char *
cmio_store_get_save_error (CmioStore *self)
{
  g_return_val_if_fail (CMIO_IS_STORE (self), NULL);
  return self->save_error;
}

/**
 * cmio_store_save_soon:
 * @self: a #CmioStore
 *
 * Saves %CMIO_STORE_SAVE_DELAY_MS after the last call, in the background.
 */
void
cmio_store_save_soon (CmioStore *self)
{
  g_return_if_fail (CMIO_IS_STORE (self));

  if (!can_save (self))
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (CMIO_STORE_SAVE_DELAY_MS, save_timeout_cb, self);
}

/**
 * cmio_store_save_now:
 * @self: a #CmioStore
 * @error: return location for a #GError
 *
 * Saves at once, in this thread, waiting for a save in progress first.
 * For quitting, closing a window, and Retry.
 *
 * Returns: %TRUE if everything is on disk
 */
gboolean
cmio_store_save_now (CmioStore  *self,
                     GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  SaveJob *job;
  gboolean ok;

  g_return_val_if_fail (CMIO_IS_STORE (self), FALSE);

  if (!can_save (self))
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  while (self->saving)
    g_main_context_iteration (NULL, TRUE);

  job = new_job (self);
  self->saving = TRUE;
  ok = cmio_store_write_file (job->file, job->snapshot, job->sync_to_disk,
                              job->write_func, job->write_data, &local_error);
  saved (self, job->generation, local_error);
  save_job_free (job);

  /* saved() may have scheduled another save for a change made meanwhile;
   * nothing changed while this thread wrote, so it is not needed. */
  if (ok)
    g_clear_handle_id (&self->save_source, g_source_remove);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * cmio_store_flush:
 * @self: a #CmioStore
 * @error: return location for a #GError
 *
 * Writes pending changes now, if there are any.
 *
 * Returns: %TRUE if nothing is left unsaved
 */
gboolean
cmio_store_flush (CmioStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (CMIO_IS_STORE (self), FALSE);

  if (!can_save (self))
    return TRUE;

  while (self->saving)
    g_main_context_iteration (NULL, TRUE);

  if (!self->dirty)
    return TRUE;

  return cmio_store_save_now (self, error);
}

/**
 * cmio_store_set_write_func:
 * @self: a #CmioStore
 * @func: (nullable): how to write the bytes; %NULL restores the normal way
 * @user_data: for @func
 *
 * The seam for tests that make writes fail (a full disk, say).
 */
void
cmio_store_set_write_func (CmioStore          *self,
                           CmioStoreWriteFunc  func,
                           gpointer            user_data)
{
  g_return_if_fail (CMIO_IS_STORE (self));

  self->write_func = func;
  self->write_data = user_data;
}

/**
 * cmio_store_set_sync_to_disk:
 * @self: a #CmioStore
 * @sync: whether saves flush to the disk (the default)
 *
 * Only the benchmark turns flushing off, to time the rest.
 */
void
cmio_store_set_sync_to_disk (CmioStore *self,
                             gboolean   sync)
{
  g_return_if_fail (CMIO_IS_STORE (self));
  self->sync_to_disk = !!sync;
}

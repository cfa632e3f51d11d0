/* cmio-export-file.c — writes an export in any format, PDF included
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "cmio-export-file.h"

/* The PDF is the HTML report printed by WebKit to a file, so the two look
 * the same.  The page is loaded with script off and the report's own
 * Content-Security-Policy, which lets nothing be fetched; a web view that
 * tries to go anywhere else is stopped.  WebKit prints to a private
 * temporary file first, which is then copied over the chosen one: under
 * the file chooser portal only that one file may be writable, and a
 * failed print must not leave half a PDF there. */

typedef struct
{
  WebKitWebView *web_view;
  WebKitPrintOperation *operation;
  GFile *file;
  char *temp_dir;
  char *temp_path;
  gboolean loaded;
} PdfJob;

static void     print_finished_cb (WebKitPrintOperation    *operation,
                                   GTask                   *task);
static void     print_failed_cb  (WebKitPrintOperation     *operation,
                                  GError                   *error,
                                  GTask                    *task);
static void     load_changed_cb  (WebKitWebView            *web_view,
                                  WebKitLoadEvent           event,
                                  GTask                    *task);
static gboolean load_failed_cb   (WebKitWebView            *web_view,
                                  WebKitLoadEvent           event,
                                  const char               *uri,
                                  GError                   *error,
                                  GTask                    *task);
static gboolean decide_policy_cb (WebKitWebView            *web_view,
                                  WebKitPolicyDecision     *decision,
                                  WebKitPolicyDecisionType  type,
                                  gpointer                  user_data);

static gboolean
drop_web_view (gpointer object)
{
  g_object_unref (object);
  return G_SOURCE_REMOVE;
}

static void
pdf_job_free (PdfJob *job)
{
  if (job->web_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (job->web_view, decide_policy_cb, NULL);
      g_signal_handlers_disconnect_matched (job->web_view, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            load_changed_cb, NULL);
      g_signal_handlers_disconnect_matched (job->web_view, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            load_failed_cb, NULL);
      /* Not from inside WebKit's own callbacks: a moment later. */
      g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, drop_web_view, job->web_view, NULL);
    }
  if (job->operation != NULL)
    {
      g_signal_handlers_disconnect_matched (job->operation, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            print_finished_cb, NULL);
      g_signal_handlers_disconnect_matched (job->operation, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            print_failed_cb, NULL);
      g_timeout_add_seconds_full (G_PRIORITY_LOW, 1, drop_web_view, job->operation, NULL);
    }
  g_clear_object (&job->file);
  if (job->temp_path != NULL)
    g_unlink (job->temp_path);
  if (job->temp_dir != NULL)
    g_rmdir (job->temp_dir);
  g_free (job->temp_path);
  g_free (job->temp_dir);
  g_free (job);
}

static void
print_finished_cb (WebKitPrintOperation *operation,
                   GTask                *task)
{
  PdfJob *job = g_task_get_task_data (task);
  g_autoptr(GFile) temp = g_file_new_for_path (job->temp_path);
  g_autoptr(GError) error = NULL;

  g_signal_handlers_disconnect_by_data (operation, task);

  if (g_task_had_error (task))
    {
      g_object_unref (task);
      return;
    }

  if (!g_file_copy (temp, job->file, G_FILE_COPY_OVERWRITE, g_task_get_cancellable (task),
                    NULL, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
print_failed_cb (WebKitPrintOperation *operation,
                 GError               *error,
                 GTask                *task)
{
  /* "finished" follows and drops the task. */
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The PDF could not be made: %s"), error->message);
}

static void
print_to_file (GTask *task)
{
  PdfJob *job = g_task_get_task_data (task);
  WebKitPrintOperation *operation = webkit_print_operation_new (job->web_view);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
  g_autofree char *uri = g_filename_to_uri (job->temp_path, NULL, NULL);

  /* GTK's own file printer, under the name GTK gives it. */
  gtk_print_settings_set_printer (settings, g_dgettext ("gtk40", "Print to File"));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_print_settings_set_paper_size (settings, paper);

  /* WebKit does not keep the operation alive while it prints. */
  job->operation = operation;
  webkit_print_operation_set_print_settings (operation, settings);
  webkit_print_operation_set_page_setup (operation, page_setup);
  g_signal_connect (operation, "failed", G_CALLBACK (print_failed_cb), task);
  g_signal_connect (operation, "finished", G_CALLBACK (print_finished_cb), task);
  webkit_print_operation_print (operation);
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 GTask           *task)
{
  PdfJob *job = g_task_get_task_data (task);

  if (event != WEBKIT_LOAD_FINISHED || job->loaded)
    return;

  job->loaded = TRUE;
  print_to_file (task);
}

static gboolean
load_failed_cb (WebKitWebView   *web_view,
                WebKitLoadEvent  event,
                const char      *uri,
                GError          *error,
                GTask           *task)
{
  PdfJob *job = g_task_get_task_data (task);

  if (job->loaded)
    return TRUE;

  job->loaded = TRUE;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The PDF could not be made: %s"), error->message);
  g_object_unref (task);
  return TRUE;
}

/* Only the report itself is shown: any other navigation is refused. */
static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  gpointer                  user_data)
{
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION)
    {
      WebKitNavigationAction *action =
        webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

      if (g_strcmp0 (uri, "about:blank") != 0)
        {
          webkit_policy_decision_ignore (decision);
          return TRUE;
        }
    }
  else if (type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    {
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }

  return FALSE;
}

static void
write_pdf (JsonNode *export,
           GFile    *file,
           GTask    *task)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *html = cmio_export_to_html (export);
  WebKitSettings *settings;
  PdfJob *job;

  if (!gtk_is_initialized () || gdk_display_get_default () == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Making a PDF needs a display; export to .html instead and print that"));
      g_object_unref (task);
      return;
    }

  job = g_new0 (PdfJob, 1);
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify) pdf_job_free);

  job->temp_dir = g_dir_make_tmp ("cmio-pdf-XXXXXX", &error);
  if (job->temp_dir == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  job->temp_path = g_build_filename (job->temp_dir, "report.pdf", NULL);

  settings = webkit_settings_new_with_settings ("enable-javascript", FALSE,
                                                "enable-javascript-markup", FALSE,
                                                "auto-load-images", FALSE,
                                                "enable-html5-database", FALSE,
                                                "enable-html5-local-storage", FALSE,
                                                "enable-page-cache", FALSE,
                                                NULL);
  job->web_view = g_object_ref_sink (g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                                   "settings", settings,
                                                   NULL));
  g_object_unref (settings);
  g_signal_connect (job->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), NULL);
  g_signal_connect (job->web_view, "load-changed", G_CALLBACK (load_changed_cb), task);
  g_signal_connect (job->web_view, "load-failed", G_CALLBACK (load_failed_cb), task);
  webkit_web_view_load_html (job->web_view, html, NULL);
}

/**
 * cmio_export_file_async:
 * @export: an export from cmio_export_build()
 * @kind: the format
 * @file: where to write it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or could not be
 * @user_data: for @callback
 *
 * Writes @export.  JSON, Markdown and HTML are written at once; a PDF is
 * printed by WebKit, which needs a display and takes a moment.
 */
void
cmio_export_file_async (JsonNode            *export,
                        CmioExportKind       kind,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, cmio_export_file_async);

  if (kind == CMIO_EXPORT_PDF)
    {
      write_pdf (export, file, task);
      return;
    }

  if (cmio_export_write (export, kind, file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  g_object_unref (task);
}

/**
 * cmio_export_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file was written
 */
gboolean
cmio_export_file_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

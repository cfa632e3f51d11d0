/* cmio-window-exchange.c — the window's side of the mentor round trip:
 * exporting, and importing a mentor's review
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-export-dialog.h"
#include "cmio-review.h"
#include "cmio-window-private.h"

static void
exported_cb (CmioExportDialog *dialog,
             GFile            *file,
             CmioWindow       *self)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = folder != NULL ? g_file_get_uri (folder) : NULL;
  AdwToast *toast;

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  toast = adw_toast_new (message);
  if (folder_uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (folder_uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CmioWindow *self = CMIO_WINDOW (widget);
  CmioExportDialog *dialog;

  if (self->pack == NULL || self->progress == NULL)
    return;

  dialog = cmio_export_dialog_new (GTK_WINDOW (self), self->pack, self->progress, self->plan);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cmio_reader_open_link (g_variant_get_string (parameter, NULL), widget);
}

/* Importing a review */

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CmioWindow       *self)
{
  CmioReviewImport *import = g_object_get_data (G_OBJECT (dialog), "import");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "import") != 0)
    return;

  if (!cmio_undo_stack_import_review (self->undo, import, &error))
    {
      message = g_strdup_printf (_("The review could not be imported: %s"), error->message);
      cmio_window_show_toast (self, message, FALSE);
      return;
    }

  message = g_strdup_printf (_("Review from %s imported"),
                             cmio_review_import_get_mentor (import) ? cmio_review_import_get_mentor (import)
                                                                    : _("your mentor"));
  cmio_window_show_toast (self, message, TRUE);
  cmio_window_update_actions (self);
}

static void
show_error (CmioWindow *self,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cmio_window_import_review:
 * @self: a #CmioWindow
 * @file: a mentor's .cmioreview
 *
 * Reads @file and, if it is a review of this progress's checklist, shows
 * what it holds and asks before merging it.  A bad file gets a message and
 * changes nothing.
 */
void
cmio_window_import_review (CmioWindow *self,
                           GFile      *file)
{
  g_autoptr(CmioReviewImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *date = NULL;
  GString *text;
  const char * const *warnings;
  AdwMessageDialog *dialog;
  guint n_approved, n_discuss;
  const char *mentor;

  g_return_if_fail (CMIO_IS_WINDOW (self));

  if (self->progress == NULL || self->plan == NULL)
    return;

  import = cmio_review_import_load (file, self->progress, self->plan, &error);
  if (import == NULL)
    {
      show_error (self, _("Cannot Import the Review"), error->message);
      return;
    }

  mentor = cmio_review_import_get_mentor (import);
  n_approved = cmio_review_import_get_n_approved (import);
  n_discuss = cmio_review_import_get_n_discuss (import);
  date = g_strndup (cmio_review_import_get_reviewed_at (import), 10);
  text = g_string_new (NULL);
  /* TRANSLATORS: "From Dr. Lee, 2026-12-01." */
  g_string_append_printf (text, _("From %s, %s."), mentor && *mentor ? mentor : _("your mentor"), date);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u item approved", "%u items approved", n_approved),
                          n_approved);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u to discuss.", "%u to discuss.", n_discuss),
                          n_discuss);
  if (cmio_review_import_get_comment (import) != NULL && *cmio_review_import_get_comment (import) != '\0')
    /* TRANSLATORS: the mentor's overall comment, quoted */
    g_string_append_printf (text, "\n\n%s", cmio_review_import_get_comment (import));
  if (cmio_review_import_get_n_changes (import) == 0)
    {
      g_string_append (text, "\n\n");
      g_string_append (text, _("This review is already in your checklist; importing it again changes nothing."));
    }
  warnings = cmio_review_import_get_warnings (import);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    g_string_append_printf (text, "\n\n%s", warnings[i]);
  g_string_append (text, "\n\n");
  g_string_append (text, _("Your own ticks, evidence and notes stay as they are."));
  body = g_string_free (text, FALSE);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Import the Mentor’s Review?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "import",
                                              warnings != NULL && warnings[0] != NULL
                                                ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "import", cmio_review_import_ref (import),
                          (GDestroyNotify) cmio_review_import_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
cmio_window_class_init_exchange (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
}

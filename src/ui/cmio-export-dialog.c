/* cmio-export-dialog.c — what goes in an export, and in which format
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-assessment.h"
#include "cmio-export-dialog.h"
#include "cmio-export-file.h"

/* The checklist always goes in; the latest self-assessment when there is
 * one and the user leaves it on; notes only when asked, and every note,
 * private ones too, only after a warning.  The file chooser is the native
 * one, so a sandboxed app goes through the portal. */

struct _CmioExportDialog
{
  AdwWindow parent_instance;

  CmioContentPack *pack;
  CmioProgress *progress;
  CmioPlan *plan;
  GtkFileChooserNative *chooser;
  GCancellable *cancellable;

  AdwToastOverlay *toasts;
  GtkWidget *export_button;
  GtkWidget *spinner;
  GtkCheckButton *kind_buttons[4];
  AdwActionRow *assessment_row;
  GtkSwitch *assessment_switch;
  AdwComboRow *notes_row;
  guint n_notes;
  guint n_shared;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (CmioExportDialog, cmio_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The formats, in the order shown. */
static const struct {
  CmioExportKind kind;
  const char *title;
  const char *subtitle;
  const char *extension;
} kinds[] = {
  { CMIO_EXPORT_HTML, N_("_HTML Report"),
    N_("One page that opens in any browser and prints with boxes to sign"), "html" },
  { CMIO_EXPORT_PDF, N_("_PDF Report"),
    N_("The same report, ready to print or send"), "pdf" },
  { CMIO_EXPORT_MARKDOWN, N_("_Markdown"),
    N_("Plain text with task lists, for notes and wikis"), "md" },
  { CMIO_EXPORT_JSON, N_("CMIO Hand_book Export"),
    N_("For a mentor who signs items off in this app and sends a review back"), "cmioexport" },
};

enum {
  NOTES_NONE_ROW,
  NOTES_SHARED_ROW,
  NOTES_ALL_ROW,
};

static void
set_busy (CmioExportDialog *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->export_button, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static gboolean
has_assessment (CmioExportDialog *self)
{
  g_auto(GStrv) history = cmio_assessment_dup_history (self->progress);

  return history != NULL && history[0] != NULL;
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = G_TASK (user_data);
  CmioExportDialog *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!cmio_export_file_finish (result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      set_busy (self, FALSE);
      message = g_strdup_printf (_("Could not export: %s"), error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
      return;
    }

  set_busy (self, FALSE);
  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

/* Builds the export as the dialog says and writes it to @file. */
static void
export_to (CmioExportDialog *self,
           GFile            *file)
{
  CmioExportOptions options = { 0 };
  CmioExportKind kind = cmio_export_dialog_get_kind (self);
  g_autoptr(JsonNode) export = NULL;
  g_autoptr(GError) error = NULL;
  GTask *task;

  if (self->busy)
    return;

  options.notes = cmio_export_dialog_get_notes (self);
  options.include_assessment = cmio_export_dialog_get_include_assessment (self);
  export = cmio_export_build (self->pack, self->progress, self->plan, &options);

  /* Only a .cmioexport comes back as a review; the progress remembers it
   * so that a review of an older one can be told apart. */
  if (kind == CMIO_EXPORT_JSON && !cmio_export_record (export, self->progress, &error))
    g_debug ("The export is not remembered: %s", error->message);

  set_busy (self, TRUE);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  cmio_export_file_async (export, kind, file, self->cancellable, write_done_cb, task);
}

static void
write_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  export_to (CMIO_EXPORT_DIALOG (widget), file);
}

static void
chooser_response_cb (CmioExportDialog *self,
                     int               response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    export_to (self, file);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CmioExportDialog *self = CMIO_EXPORT_DIALOG (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->busy)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = cmio_export_dialog_dup_suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
all_notes_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CmioExportDialog *self)
{
  if (g_strcmp0 (response, "include") != 0)
    adw_combo_row_set_selected (self->notes_row, NOTES_SHARED_ROW);
}

/* Private notes leave the machine only after the user has read this. */
static void
notes_selected_cb (CmioExportDialog *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  guint n_private = self->n_notes - self->n_shared;

  if (adw_combo_row_get_selected (self->notes_row) != NOTES_ALL_ROW || n_private == 0)
    return;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u note you have not shared with your mentor will be in the file. "
                                       "Anyone who gets the file can read it.",
                                       "%u notes you have not shared with your mentor will be in the file. "
                                       "Anyone who gets the file can read them.",
                                       n_private),
                          n_private);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Include Private Notes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "include", _("_Include All Notes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "include", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (all_notes_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_page_add (page, group);
  return group;
}

static void
build_format_group (CmioExportDialog   *self,
                    AdwPreferencesPage *page)
{
  AdwPreferencesGroup *group = add_group (page, _("Format"));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(kinds[i].title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_action_row_set_subtitle (row, _(kinds[i].subtitle));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->kind_buttons[0]);
      adw_action_row_add_prefix (row, check);
      adw_action_row_set_activatable_widget (row, check);
      self->kind_buttons[i] = GTK_CHECK_BUTTON (check);
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
  gtk_check_button_set_active (self->kind_buttons[0], TRUE);
}

static void
build_contents_group (CmioExportDialog   *self,
                      AdwPreferencesPage *page)
{
  AdwPreferencesGroup *group = add_group (page, _("Include"));
  AdwActionRow *row;
  g_autofree char *shared = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GtkStringList) choices = NULL;

  row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Checklist"));
  adw_action_row_set_subtitle (row, _("Every item with its dates, evidence and mentor marks; always included"));
  adw_preferences_group_add (group, GTK_WIDGET (row));

  self->assessment_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->assessment_row), _("Latest _Self-Assessment"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->assessment_row), TRUE);
  self->assessment_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->assessment_switch), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->assessment_row, GTK_WIDGET (self->assessment_switch));
  adw_action_row_set_activatable_widget (self->assessment_row, GTK_WIDGET (self->assessment_switch));
  if (has_assessment (self))
    {
      gtk_switch_set_active (self->assessment_switch, TRUE);
      adw_action_row_set_subtitle (self->assessment_row, _("Scores by domain, strengths and gaps, with a chart"));
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->assessment_row), FALSE);
      adw_action_row_set_subtitle (self->assessment_row, _("No self-assessment completed yet"));
    }
  adw_preferences_group_add (group, GTK_WIDGET (self->assessment_row));

  for (guint i = 0; i < cmio_progress_get_n_notes (self->progress); i++)
    {
      self->n_notes++;
      if (cmio_progress_get_note_shared (self->progress, cmio_progress_get_note_id (self->progress, i)))
        self->n_shared++;
    }
  /* TRANSLATORS: notes marked "Share with Mentor", and how many */
  shared = g_strdup_printf (_("Shared (%u)"), self->n_shared);
  /* TRANSLATORS: every note, and how many */
  all = g_strdup_printf (_("All (%u)"), self->n_notes);
  choices = gtk_string_list_new ((const char * const []) { _("None"), shared, all, NULL });
  self->notes_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes_row), _("_Notes"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->notes_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->notes_row),
                               _("Only notes marked “Share with Mentor” unless you choose all"));
  adw_combo_row_set_model (self->notes_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->notes_row, NOTES_SHARED_ROW);
  g_signal_connect_object (self->notes_row, "notify::selected", G_CALLBACK (notes_selected_cb),
                           self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, GTK_WIDGET (self->notes_row));
}

static void
cmio_export_dialog_dispose (GObject *object)
{
  CmioExportDialog *self = (CmioExportDialog *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->pack);
  g_clear_object (&self->progress);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cmio_export_dialog_parent_class)->dispose (object);
}

static void
cmio_export_dialog_class_init (CmioExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_export_dialog_dispose;

  /**
   * CmioExportDialog::exported:
   * @file: the file written
   *
   * The export was written; the dialog closes next.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "export.write-to", "s", write_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "export.choose", NULL);
}

static void
cmio_export_dialog_init (CmioExportDialog *self)
{
  self->cancellable = g_cancellable_new ();
}

static void
build (CmioExportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Export"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->export_button), "export.choose");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Exporting"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  build_format_group (self, ADW_PREFERENCES_PAGE (page));
  build_contents_group (self, ADW_PREFERENCES_PAGE (page));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);
}

/**
 * cmio_export_dialog_new:
 * @parent: the window it belongs to
 * @pack: the content pack
 * @progress: the user's progress
 * @plan: the plan, for numbers and dates
 *
 * Returns: (transfer none): a new modal export dialog
 */
CmioExportDialog *
cmio_export_dialog_new (GtkWindow       *parent,
                        CmioContentPack *pack,
                        CmioProgress    *progress,
                        CmioPlan        *plan)
{
  CmioExportDialog *self = g_object_new (CMIO_TYPE_EXPORT_DIALOG,
                                         "transient-for", parent,
                                         "modal", TRUE,
                                         "destroy-with-parent", TRUE,
                                         NULL);

  self->pack = g_object_ref (pack);
  self->progress = g_object_ref (progress);
  self->plan = g_object_ref (plan);
  build (self);
  return self;
}

/**
 * cmio_export_dialog_get_kind:
 * @self: a #CmioExportDialog
 *
 * Returns: the format chosen
 */
CmioExportKind
cmio_export_dialog_get_kind (CmioExportDialog *self)
{
  g_return_val_if_fail (CMIO_IS_EXPORT_DIALOG (self), CMIO_EXPORT_HTML);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (gtk_check_button_get_active (self->kind_buttons[i]))
      return kinds[i].kind;
  return CMIO_EXPORT_HTML;
}

/**
 * cmio_export_dialog_set_kind:
 * @self: a #CmioExportDialog
 * @kind: the format to choose
 */
void
cmio_export_dialog_set_kind (CmioExportDialog *self,
                             CmioExportKind    kind)
{
  g_return_if_fail (CMIO_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      gtk_check_button_set_active (self->kind_buttons[i], TRUE);
}

/**
 * cmio_export_dialog_get_notes:
 * @self: a #CmioExportDialog
 *
 * Returns: which notes go in
 */
CmioExportNotes
cmio_export_dialog_get_notes (CmioExportDialog *self)
{
  g_return_val_if_fail (CMIO_IS_EXPORT_DIALOG (self), CMIO_EXPORT_NOTES_NONE);

  switch (adw_combo_row_get_selected (self->notes_row))
    {
    case NOTES_SHARED_ROW:
      return CMIO_EXPORT_NOTES_SHARED;
    case NOTES_ALL_ROW:
      return CMIO_EXPORT_NOTES_ALL;
    default:
      return CMIO_EXPORT_NOTES_NONE;
    }
}

/**
 * cmio_export_dialog_get_include_assessment:
 * @self: a #CmioExportDialog
 *
 * Returns: whether the latest self-assessment goes in
 */
gboolean
cmio_export_dialog_get_include_assessment (CmioExportDialog *self)
{
  g_return_val_if_fail (CMIO_IS_EXPORT_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (GTK_WIDGET (self->assessment_row)) &&
         gtk_switch_get_active (self->assessment_switch);
}

/**
 * cmio_export_dialog_dup_suggested_name:
 * @self: a #CmioExportDialog
 *
 * Returns: (transfer full): a file name for the chooser: the checklist,
 *   today's date and the format's extension
 */
char *
cmio_export_dialog_dup_suggested_name (CmioExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  CmioExportKind kind = cmio_export_dialog_get_kind (self);
  const char *extension = "html";

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      extension = kinds[i].extension;

  /* TRANSLATORS: a file name: "CMIO Checklist 2026-11-27.html" */
  return g_strdup_printf (_("CMIO Checklist %s.%s"), date, extension);
}

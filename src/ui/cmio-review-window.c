/* cmio-review-window.c — a mentor reviews a mentee's export
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-json.h"
#include "cmio-review.h"
#include "cmio-review-pages.h"
#include "cmio-review-row.h"
#include "cmio-review-window.h"

/* The mentee's export, read-only: the checklist, the self-assessment and
 * the notes they shared.  The mentor marks items Approved or To Discuss,
 * with a comment each, adds an overall comment and their name, and saves a
 * .cmioreview to send back.  The export itself is never written to.  The
 * checklist is a list view over one small object per row, so a long
 * checklist costs only the rows on screen. */

struct _CmioReviewWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  JsonNode *export;
  GFile *file;
  GListStore *entries;
  GHashTable *by_id;          /* item id → CmioReviewEntry */
  GtkFileChooserNative *chooser;
  char *last_toast;
  gboolean dirty;
  gboolean closing;

  AdwToastOverlay *toasts;
  AdwViewStack *stack;
  GtkListView *list;
  AdwEntryRow *name_row;
  GtkTextBuffer *comment_buffer;
  GtkLabel *counts_label;
  GtkButton *save_button;
};

G_DEFINE_FINAL_TYPE (CmioReviewWindow, cmio_review_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_counts (CmioReviewWindow *self)
{
  guint n_approved = 0, n_discuss = 0, n_items = 0;
  g_autofree char *text = NULL;
  GHashTableIter iter;
  CmioReviewEntry *entry;

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      n_items++;
      if (entry->status == CMIO_MENTOR_STATUS_APPROVED)
        n_approved++;
      else if (entry->status == CMIO_MENTOR_STATUS_DISCUSS)
        n_discuss++;
    }

  /* TRANSLATORS: "3 approved · 1 to discuss · 40 not marked" */
  text = g_strdup_printf (_("%u approved · %u to discuss · %u not marked"),
                          n_approved, n_discuss, n_items - n_approved - n_discuss);
  gtk_label_set_text (self->counts_label, text);
}

static void
set_dirty (CmioReviewWindow *self)
{
  self->dirty = TRUE;
  update_counts (self);
}

/* Changes one item's mark and shows it in its row. */
static void
set_status (CmioReviewWindow *self,
            const char       *item_id,
            CmioMentorStatus  status)
{
  CmioReviewEntry *entry = g_hash_table_lookup (self->by_id, item_id);

  if (entry == NULL || entry->status == status)
    return;

  entry->status = status;
  set_dirty (self);
  cmio_review_entry_show_mark (entry);
}

static void
set_comment (CmioReviewWindow *self,
             CmioReviewEntry  *entry,
             const char       *comment)
{
  if (g_strcmp0 (entry->comment ? entry->comment : "", comment ? comment : "") == 0)
    return;

  g_free (entry->comment);
  entry->comment = g_strdup (comment);
  set_dirty (self);
  cmio_review_entry_show_mark (entry);
}

static void
status_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CmioMentorStatus status = CMIO_MENTOR_STATUS_NONE;

  if (g_str_equal (action_name, "review.approve"))
    status = CMIO_MENTOR_STATUS_APPROVED;
  else if (g_str_equal (action_name, "review.discuss"))
    status = CMIO_MENTOR_STATUS_DISCUSS;

  set_status (CMIO_REVIEW_WINDOW (widget), g_variant_get_string (parameter, NULL), status);
}

static void
comment_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CmioReviewWindow *self = CMIO_REVIEW_WINDOW (widget);
  const char *item_id, *comment;
  CmioReviewEntry *entry;

  g_variant_get (parameter, "(&s&s)", &item_id, &comment);
  entry = g_hash_table_lookup (self->by_id, item_id);
  if (entry == NULL)
    return;

  set_comment (self, entry, comment);
  /* A comment is for talking about: an unmarked item becomes To Discuss. */
  if (*comment != '\0' && entry->status == CMIO_MENTOR_STATUS_NONE)
    set_status (self, item_id, CMIO_MENTOR_STATUS_DISCUSS);
}

static void
show_toast (CmioReviewWindow *self,
            const char       *message)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static char *
dup_overall_comment (CmioReviewWindow *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->comment_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->comment_buffer, &start, &end, FALSE);
}

/* Writes the review; TRUE when it is safely on disk. */
static gboolean
save_to (CmioReviewWindow *self,
         GFile            *file)
{
  g_autofree char *comment = dup_overall_comment (self);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autoptr(JsonNode) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *basename = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  review = cmio_review_new (self->export, *name ? name : NULL, *comment ? comment : NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmioReviewEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->item != NULL && entry->status != CMIO_MENTOR_STATUS_NONE)
        cmio_review_set_item (review, self->export, cmio_json_get_string (entry->item, "id"),
                              entry->status, entry->comment);
    }

  if (!cmio_review_write (review, file, &error))
    {
      message = g_strdup_printf (_("Could not save the review: %s"), error->message);
      show_toast (self, message);
      return FALSE;
    }

  g_settings_set_string (self->settings, "reviewer-name", name);
  self->dirty = FALSE;
  basename = g_file_get_basename (file);
  message = g_strdup_printf (_("Review saved as “%s”; send it to your mentee"), basename);
  show_toast (self, message);
  return TRUE;
}

static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  save_to (CMIO_REVIEW_WINDOW (widget), file);
}

static void
chooser_response_cb (CmioReviewWindow *self,
                     int               response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);

  if (file != NULL && save_to (self, file) && self->closing)
    gtk_window_destroy (GTK_WINDOW (self));
  self->closing = FALSE;
}

static char *
dup_suggested_name (CmioReviewWindow *self)
{
  JsonObject *profile = cmio_json_get_object (json_node_get_object (self->export), "profile");
  const char *mentee = cmio_json_get_string (profile, "name");
  g_autofree char *safe = g_strdup (mentee != NULL && *mentee != '\0' ? mentee : _("Mentee"));

  /* A name, not a path. */
  g_strdelimit (safe, "/\\:*?\"<>|", '-');
  /* TRANSLATORS: a file name: "Review for Dr. Ada Park.cmioreview" */
  return g_strdup_printf (_("Review for %s.cmioreview"), safe);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CmioReviewWindow *self = CMIO_REVIEW_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = dup_suggested_name (self);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save Review"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Mentor reviews"));
  gtk_file_filter_add_mime_type (filter, "application/x-cmio-handbook-review");
  gtk_file_filter_add_suffix (filter, "cmioreview");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
fill_entries (CmioReviewWindow *self)
{
  JsonObject *root = json_node_get_object (self->export);
  JsonArray *chapters = cmio_json_get_array (root, "chapters");
  JsonArray *items = cmio_json_get_array (root, "items");
  g_autoptr(GHashTable) headings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *last_chapter = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; chapters != NULL && i < json_array_get_length (chapters); i++)
    {
      JsonObject *chapter = json_array_get_object_element (chapters, i);
      const char *id = cmio_json_get_string (chapter, "id");
      g_autofree char *heading = NULL;

      if (id == NULL)
        continue;
      heading = g_strdup_printf ("%" G_GINT64_FORMAT ". %s", json_object_get_int_member_with_default (chapter, "number", i + 1),
                                 cmio_json_get_string (chapter, "title") ? cmio_json_get_string (chapter, "title") : id);
      g_hash_table_insert (headings, (char *) id, g_steal_pointer (&heading));
    }

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *chapter = cmio_json_get_string (item, "chapter");
      JsonObject *mentor = cmio_json_get_object (item, "mentor");
      CmioReviewEntry *entry;

      if (g_strcmp0 (chapter, last_chapter) != 0)
        {
          const char *heading = chapter ? g_hash_table_lookup (headings, chapter) : NULL;

          entry = g_object_new (CMIO_TYPE_REVIEW_ENTRY, NULL);
          entry->heading = g_strdup (heading ? heading : _("Other items"));
          g_ptr_array_add (rows, entry);
          last_chapter = chapter;
        }

      entry = g_object_new (CMIO_TYPE_REVIEW_ENTRY, NULL);
      entry->item = json_object_ref (item);
      /* A mark imported from an earlier review starts the new one. */
      if (g_strcmp0 (cmio_json_get_string (mentor, "status"), "approved") == 0)
        entry->status = CMIO_MENTOR_STATUS_APPROVED;
      else if (g_strcmp0 (cmio_json_get_string (mentor, "status"), "discuss") == 0)
        entry->status = CMIO_MENTOR_STATUS_DISCUSS;
      entry->comment = g_strdup (cmio_json_get_string (mentor, "comment"));
      g_hash_table_insert (self->by_id, g_strdup (cmio_json_get_string (item, "id")), entry);
      g_ptr_array_add (rows, entry);
    }

  g_list_store_splice (self->entries, 0, 0, rows->pdata, rows->len);
}

/* The pages */

/* A row's buttons or comment changed its entry. */
static void
row_changed_cb (CmioReviewEntry *entry,
                gpointer         user_data)
{
  set_dirty (user_data);
}

static GtkWidget *
build_checklist_page (CmioReviewWindow *self)
{
  GtkListItemFactory *factory = cmio_review_row_factory_new (row_changed_cb, self);
  GtkNoSelection *selection;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checklist to review"), -1);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 820);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
build_signoff_page (CmioReviewWindow *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *comment_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  JsonObject *root = json_node_get_object (self->export);
  JsonObject *profile = cmio_json_get_object (root, "profile");
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Review…"));
  GString *about = g_string_new (NULL);
  g_autofree char *exported = g_strndup (cmio_json_get_string (root, "exported_at") ? cmio_json_get_string (root, "exported_at") : "", 10);

  /* Whose export this is, in plain labels: it is the mentee's text. */
  adw_preferences_group_set_title (group, _("Sign-Off"));
  for (const char * const *field = (const char * const []) { "name", "role", "organization", NULL }; *field; field++)
    if (cmio_json_get_string (profile, *field) != NULL && *cmio_json_get_string (profile, *field) != '\0')
      g_string_append_printf (about, "%s%s", about->len ? " · " : "", cmio_json_get_string (profile, *field));
  if (cmio_json_get_string (profile, "start_date") != NULL)
    g_string_append_printf (about, "%s%s %s", about->len ? " · " : "", _("started"), cmio_json_get_string (profile, "start_date"));
  g_string_append_printf (about, "%s%s %s", about->len ? "\n" : "", _("Exported"), exported);
  adw_preferences_group_add (group, cmio_plain_label (about->str, "dim-label"));
  g_string_free (about, TRUE);

  self->counts_label = GTK_LABEL (cmio_plain_label (NULL, NULL));
  gtk_widget_set_margin_top (GTK_WIDGET (self->counts_label), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->counts_label), 0);
  adw_preferences_group_add (group, GTK_WIDGET (self->counts_label));

  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Your Name"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), g_settings_get_string (self->settings, "reviewer-name"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  /* Rows go above other widgets in a group: the name in a group of its own. */
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_add (group, GTK_WIDGET (self->name_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  adw_preferences_group_set_title (comment_group, _("Overall Comment"));
  self->comment_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_signal_connect_object (self->comment_buffer, "changed", G_CALLBACK (set_dirty), self, G_CONNECT_SWAPPED);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overall comment"), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (comment_group, frame);

  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_add_css_class (save, "pill");
  gtk_widget_set_halign (save, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (save, 18);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "review.save");
  adw_preferences_group_add (comment_group, save);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), comment_group);
  return page;
}

static gboolean
close_later (gpointer window)
{
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CmioReviewWindow *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      /* Once the dialog, which belongs to this window, has gone. */
      self->dirty = FALSE;
      g_idle_add_full (G_PRIORITY_DEFAULT, close_later, g_object_ref (self), g_object_unref);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->closing = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "review.save", NULL);
    }
}

/* Marks that were never saved are not dropped without asking. */
static gboolean
cmio_review_window_close_request (GtkWindow *window)
{
  CmioReviewWindow *self = CMIO_REVIEW_WINDOW (window);
  AdwMessageDialog *dialog;

  if (!self->dirty)
    return GTK_WINDOW_CLASS (cmio_review_window_parent_class)->close_request (window);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save the Review?"),
                                                       _("Your marks and comments are not saved in a review file yet.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
cmio_review_window_dispose (GObject *object)
{
  CmioReviewWindow *self = (CmioReviewWindow *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (cmio_review_window_parent_class)->dispose (object);
}

static void
cmio_review_window_finalize (GObject *object)
{
  CmioReviewWindow *self = (CmioReviewWindow *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->export, json_node_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->entries);
  g_free (self->last_toast);

  G_OBJECT_CLASS (cmio_review_window_parent_class)->finalize (object);
}

static void
cmio_review_window_class_init (CmioReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cmio_review_window_dispose;
  object_class->finalize = cmio_review_window_finalize;
  window_class->close_request = cmio_review_window_close_request;

  gtk_widget_class_install_action (widget_class, "review.approve", "s", status_action);
  gtk_widget_class_install_action (widget_class, "review.discuss", "s", status_action);
  gtk_widget_class_install_action (widget_class, "review.clear", "s", status_action);
  gtk_widget_class_install_action (widget_class, "review.set-comment", "(ss)", comment_action);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "review.save-to", "s", save_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "review.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
cmio_review_window_init (CmioReviewWindow *self)
{
  self->entries = g_list_store_new (CMIO_TYPE_REVIEW_ENTRY);
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
add_page (CmioReviewWindow *self,
          GtkWidget        *child,
          const char       *name,
          const char       *title,
          const char       *icon)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->stack, child, name, title);

  adw_view_stack_page_set_icon_name (page, icon);
}

/* Narrow, the view switcher leaves the header bar for the bottom and the
 * title takes its place; "Save Review…" then shrinks to its icon so that
 * the title can be read. */
static void
title_visible_cb (AdwViewSwitcherTitle *switcher,
                  GParamSpec           *pspec,
                  CmioReviewWindow     *self)
{
  if (adw_view_switcher_title_get_title_visible (switcher))
    {
      gtk_button_set_icon_name (self->save_button, "document-save-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Save Review…"));
    }
  else
    {
      gtk_button_set_label (self->save_button, _("_Save Review…"));
      gtk_button_set_use_underline (self->save_button, TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), NULL);
    }
}

static void
build (CmioReviewWindow *self)
{
  JsonObject *root = json_node_get_object (self->export);
  JsonObject *profile = cmio_json_get_object (root, "profile");
  JsonObject *assessment = cmio_json_get_object (root, "assessment");
  JsonArray *notes = cmio_json_get_array (root, "notes");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  AdwViewSwitcherTitle *switcher = ADW_VIEW_SWITCHER_TITLE (adw_view_switcher_title_new ());
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (adw_view_switcher_bar_new ());
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save Review…"));
  const char *mentee = cmio_json_get_string (profile, "name");
  g_autofree char *title = NULL;
  g_autofree char *basename = g_file_get_basename (self->file);

  /* TRANSLATORS: the review window's title: "Review of Dr. Ada Park" */
  title = mentee != NULL && *mentee != '\0' ? g_strdup_printf (_("Review of %s"), mentee) : g_strdup (_("Review"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 720);

  self->stack = ADW_VIEW_STACK (adw_view_stack_new ());
  add_page (self, build_checklist_page (self), "checklist", _("Checklist"), "view-list-bullet-symbolic");
  if (assessment != NULL)
    add_page (self, cmio_review_assessment_page_new (assessment), "assessment", _("Self-Assessment"), "emblem-default-symbolic");
  if (notes != NULL && json_array_get_length (notes) > 0)
    add_page (self, cmio_review_notes_page_new (notes), "notes", _("Notes"), "accessories-text-editor-symbolic");
  add_page (self, build_signoff_page (self), "sign-off", _("Sign-Off"), "document-edit-symbolic");

  adw_view_switcher_title_set_stack (switcher, self->stack);
  adw_view_switcher_title_set_title (switcher, title);
  adw_view_switcher_title_set_subtitle (switcher, basename);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (switcher));
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "review.save");
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save Review…"), -1);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  self->save_button = GTK_BUTTON (save);

  adw_view_switcher_bar_set_stack (bar, self->stack);
  g_object_bind_property (switcher, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (switcher, "notify::title-visible", G_CALLBACK (title_visible_cb), self, 0);

  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (bar));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, box);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), GTK_WIDGET (self->toasts));
  update_counts (self);
}

/**
 * cmio_review_window_new:
 * @application: the application
 * @settings: the app's settings, for the reviewer's name
 * @export: an export from cmio_export_load()
 * @file: the file it came from
 *
 * Returns: (transfer none): a new review window
 */
CmioReviewWindow *
cmio_review_window_new (GtkApplication *application,
                        GSettings      *settings,
                        JsonNode       *export,
                        GFile          *file)
{
  CmioReviewWindow *self = g_object_new (CMIO_TYPE_REVIEW_WINDOW,
                                         "application", application,
                                         NULL);

  self->settings = g_object_ref (settings);
  self->export = json_node_ref (export);
  self->file = g_object_ref (file);
  fill_entries (self);
  build (self);
  self->dirty = FALSE;
  return self;
}

/**
 * cmio_review_window_get_file:
 * @self: a #CmioReviewWindow
 *
 * Returns: (transfer none): the export under review
 */
GFile *
cmio_review_window_get_file (CmioReviewWindow *self)
{
  g_return_val_if_fail (CMIO_IS_REVIEW_WINDOW (self), NULL);
  return self->file;
}

/**
 * cmio_review_window_get_status:
 * @self: a #CmioReviewWindow
 * @item_id: an item of the export
 * @comment: (out) (optional) (transfer none): the mentor's comment on it
 *
 * Returns: the mentor's mark on @item_id so far
 */
CmioMentorStatus
cmio_review_window_get_status (CmioReviewWindow  *self,
                               const char        *item_id,
                               const char       **comment)
{
  CmioReviewEntry *entry;

  g_return_val_if_fail (CMIO_IS_REVIEW_WINDOW (self), CMIO_MENTOR_STATUS_NONE);

  entry = g_hash_table_lookup (self->by_id, item_id);
  if (comment != NULL)
    *comment = entry != NULL ? entry->comment : NULL;
  return entry != NULL ? entry->status : CMIO_MENTOR_STATUS_NONE;
}

/**
 * cmio_review_window_get_n_marked:
 * @self: a #CmioReviewWindow
 *
 * Returns: how many items are approved or to discuss
 */
guint
cmio_review_window_get_n_marked (CmioReviewWindow *self)
{
  GHashTableIter iter;
  CmioReviewEntry *entry;
  guint n = 0;

  g_return_val_if_fail (CMIO_IS_REVIEW_WINDOW (self), 0);

  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (entry->status != CMIO_MENTOR_STATUS_NONE)
      n++;
  return n;
}

/**
 * cmio_review_window_get_dirty:
 * @self: a #CmioReviewWindow
 *
 * Returns: whether there are marks or comments not saved in a review yet
 */
gboolean
cmio_review_window_get_dirty (CmioReviewWindow *self)
{
  g_return_val_if_fail (CMIO_IS_REVIEW_WINDOW (self), FALSE);
  return self->dirty;
}

/**
 * cmio_review_window_get_list:
 * @self: a #CmioReviewWindow
 *
 * Returns: (transfer none): the checklist's list view, for tests
 */
GtkListView *
cmio_review_window_get_list (CmioReviewWindow *self)
{
  g_return_val_if_fail (CMIO_IS_REVIEW_WINDOW (self), NULL);
  return self->list;
}

/**
 * cmio_review_window_get_save_button:
 * @self: a #CmioReviewWindow
 *
 * Returns: (transfer none): the header bar's "Save Review…" button, for tests
 */
GtkButton *
cmio_review_window_get_save_button (CmioReviewWindow *self)
{
  g_return_val_if_fail (CMIO_IS_REVIEW_WINDOW (self), NULL);
  return self->save_button;
}

/**
 * cmio_review_window_get_last_toast:
 * @self: a #CmioReviewWindow
 *
 * Returns: (nullable): the text of the last toast, for tests
 */
const char *
cmio_review_window_get_last_toast (CmioReviewWindow *self)
{
  g_return_val_if_fail (CMIO_IS_REVIEW_WINDOW (self), NULL);
  return self->last_toast;
}

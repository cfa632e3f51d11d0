/* cmio-note-editor.c — a chapter's note, in Markdown, beside its text
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>
#include <webkit/webkit.h>

#include "cmio-note-editor.h"
#include "cmio-reader-view.h"
#include "cmio-safe-html.h"
#include "cmio-store.h"

/* The note reaches the model once per main-loop turn after a change, so a
 * paste or a burst of typing is one update; the store then saves it after
 * its own debounce. Leaving the editor, changing chapter or closing commits
 * at once. */

struct _CmioNoteEditor
{
  GtkBox parent_instance;

  GtkSourceView *view;
  GtkSourceBuffer *buffer;
  GtkCheckButton *share;
  GtkLabel *state;
  GtkStack *pages;
  GtkToggleButton *preview_button;
  /* Made the first time the preview is asked for */
  WebKitWebView *preview;
  char *preview_html;

  CmioProgress *progress;
  CmioStore *store;
  char *chapter_id;
  char *note_id;

  /* The buffer's length in bytes, kept as it changes, so the limit is
   * checked without copying the text. */
  gsize bytes;
  guint commit_source;
  /* Bound to one note by its id (a free note), not to a chapter's */
  gboolean free_note;

  /* Typing or pasting over a selection deletes it first, in the same user
   * action; when the insertion is then refused, the selection comes back. */
  guint action_depth;
  char *action_deleted;
  int action_deleted_offset;
  gboolean action_refused;
  gboolean dirty;
  gboolean loading;
  gboolean committing;
  /* Markdown highlighting, set up when first needed */
  gboolean highlighting;
  guint highlighting_source;
};

G_DEFINE_FINAL_TYPE (CmioNoteEditor, cmio_note_editor, GTK_TYPE_BOX)

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_preview (CmioNoteEditor *self);

static void
toast (CmioNoteEditor *self,
       const char     *message)
{
  g_signal_emit (self, signals[TOAST], 0, message, FALSE);
}

/* A quiet word on whether the note is on disk yet. */
static void
update_state (CmioNoteEditor *self)
{
  const char *state;

  if (self->store != NULL && cmio_store_get_save_error (self->store) != NULL)
    state = _("Not Saved");
  else if (self->dirty || (self->store != NULL && cmio_store_get_dirty (self->store)))
    state = _("Saving…");
  else
    state = _("Saved");

  gtk_label_set_text (self->state, state);
}

static gboolean
note_exists (CmioNoteEditor *self)
{
  return self->progress != NULL && self->note_id != NULL &&
         cmio_progress_get_note_field (self->progress, self->note_id, "text") != NULL;
}

gboolean
cmio_note_editor_commit (CmioNoteEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start;
  GtkTextIter end;
  gboolean ok = TRUE;

  g_return_val_if_fail (CMIO_IS_NOTE_EDITOR (self), FALSE);

  g_clear_handle_id (&self->commit_source, g_source_remove);
  if (!self->dirty || self->progress == NULL || (self->chapter_id == NULL && self->note_id == NULL))
    return TRUE;

  self->dirty = FALSE;
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);

  self->committing = TRUE;
  if (note_exists (self))
    {
      if (g_strcmp0 (cmio_progress_get_note_field (self->progress, self->note_id, "text"), text) != 0)
        ok = cmio_progress_set_note_text (self->progress, self->note_id, text, &error);
    }
  else if (*text != '\0' && self->chapter_id != NULL)
    {
      g_free (self->note_id);
      self->note_id = cmio_progress_add_note (self->progress, self->chapter_id, NULL, text, &error);
      ok = self->note_id != NULL;
    }
  self->committing = FALSE;

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf (_("The note was not kept: %s"), error->message);

      self->dirty = TRUE;
      toast (self, message);
    }

  update_state (self);
  return ok;
}

static gboolean
commit_cb (gpointer data)
{
  CmioNoteEditor *self = data;

  self->commit_source = 0;
  cmio_note_editor_commit (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (CmioNoteEditor *self)
{
  if (self->loading)
    return;

  self->dirty = TRUE;
  update_state (self);
  if (self->commit_source == 0)
    self->commit_source = g_idle_add_full (G_PRIORITY_DEFAULT, commit_cb, self, NULL);
}

static void
insert_text_cb (CmioNoteEditor *self,
                GtkTextIter    *location,
                const char     *text,
                int             length)
{
  if (self->loading)
    return;

  if (self->bytes + (gsize) length > CMIO_PROGRESS_MAX_TEXT)
    {
      g_signal_stop_emission_by_name (self->buffer, "insert-text");
      self->action_refused = TRUE;
      gtk_widget_error_bell (GTK_WIDGET (self->view));
      toast (self, _("Not added: a note holds at most 1 MB of text"));
    }
}

static void
text_inserted_cb (CmioNoteEditor *self,
                  GtkTextIter    *location,
                  const char     *text,
                  int             length)
{
  self->bytes += length;
}

static void
delete_range_cb (CmioNoteEditor *self,
                 GtkTextIter    *start,
                 GtkTextIter    *end)
{
  g_autofree char *removed = gtk_text_iter_get_slice (start, end);
  gsize length = strlen (removed);

  self->bytes = self->bytes > length ? self->bytes - length : 0;

  if (self->action_depth > 0 && !self->loading && self->action_deleted == NULL)
    {
      self->action_deleted = g_steal_pointer (&removed);
      self->action_deleted_offset = MIN (gtk_text_iter_get_offset (start), gtk_text_iter_get_offset (end));
    }
}

static void
begin_user_action_cb (CmioNoteEditor *self)
{
  if (self->action_depth++ == 0)
    {
      g_clear_pointer (&self->action_deleted, g_free);
      self->action_refused = FALSE;
    }
}

static void
end_user_action_cb (CmioNoteEditor *self)
{
  g_autofree char *deleted = NULL;
  GtkTextIter start;
  GtkTextIter end;

  if (self->action_depth == 0 || --self->action_depth > 0)
    return;

  deleted = g_steal_pointer (&self->action_deleted);
  if (!self->action_refused || deleted == NULL)
    return;

  self->action_refused = FALSE;
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &start, self->action_deleted_offset);
  gtk_text_buffer_insert (GTK_TEXT_BUFFER (self->buffer), &start, deleted, -1);
  gtk_text_buffer_get_iter_at_offset (GTK_TEXT_BUFFER (self->buffer), &start, self->action_deleted_offset);
  end = start;
  gtk_text_iter_forward_chars (&end, (int) g_utf8_strlen (deleted, -1));
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self->buffer), &start, &end);
}

static void
load (CmioNoteEditor *self)
{
  const char *text = NULL;
  gboolean read_only = TRUE;

  if (!self->free_note)
    {
      g_clear_pointer (&self->note_id, g_free);
      if (self->progress != NULL && self->chapter_id != NULL)
        self->note_id = g_strdup (cmio_progress_find_chapter_note (self->progress, self->chapter_id));
    }
  if (self->progress != NULL)
    {
      if (self->note_id != NULL)
        text = cmio_progress_get_note_field (self->progress, self->note_id, "text");
      read_only = cmio_progress_get_read_only (self->progress);
    }

  /* Another chapter's text is not something Undo should bring back. */
  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->buffer), text ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self->buffer));
  gtk_check_button_set_active (self->share,
                               note_exists (self) &&
                               cmio_progress_get_note_shared (self->progress, self->note_id));
  self->loading = FALSE;

  self->bytes = text ? strlen (text) : 0;
  self->dirty = FALSE;
  update_state (self);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), !read_only);
  update_preview (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->share),
                            !read_only && (self->chapter_id != NULL || note_exists (self)));
}

static void
share_toggled_cb (CmioNoteEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean shared;

  if (self->loading || self->progress == NULL || (self->chapter_id == NULL && !note_exists (self)))
    return;

  shared = gtk_check_button_get_active (self->share);
  cmio_note_editor_commit (self);

  /* Sharing an empty note keeps it, so the choice is remembered. */
  self->committing = TRUE;
  if (!note_exists (self))
    {
      g_free (self->note_id);
      self->note_id = cmio_progress_add_note (self->progress, self->chapter_id, NULL, "", &error);
    }
  if (self->note_id != NULL)
    cmio_progress_set_note_shared (self->progress, self->note_id, shared, &error);
  self->committing = FALSE;

  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The note’s sharing was not changed: %s"), error->message);

      toast (self, message);
      self->loading = TRUE;
      gtk_check_button_set_active (self->share, !shared);
      self->loading = FALSE;
    }
}

/* A change made elsewhere (undo, another window, a reload) shows here,
 * unless the user is typing: their text wins and is committed next. */
static void
progress_note_changed_cb (CmioNoteEditor *self,
                          const char     *section,
                          const char     *id)
{
  if (self->committing || self->dirty)
    return;

  if (id == NULL || self->note_id == NULL || g_strcmp0 (id, self->note_id) == 0 ||
      (self->chapter_id != NULL &&
       g_strcmp0 (cmio_progress_get_note_field (self->progress, id, "chapter"), self->chapter_id) == 0))
    load (self);
}

static void
update_scheme (CmioNoteEditor *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gtk_source_buffer_set_style_scheme (self->buffer,
                                      gtk_source_style_scheme_manager_get_scheme (schemes,
                                                                                  dark ? "Adwaita-dark" : "Adwaita"));
  if (self->preview_button != NULL)
    update_preview (self);
}

/* GtkSourceView's language and style scheme managers read every
 * definition file they know the first time they are asked, which took
 * 150 ms here: as long again as a window's first frame. So the editor
 * highlights Markdown from when it is first shown, or when the window
 * asks for it once it is idle, never while the window starts. */
static void
ensure_highlighting (CmioNoteEditor *self)
{
  GtkSourceLanguageManager *languages;

  g_clear_handle_id (&self->highlighting_source, g_source_remove);
  if (self->highlighting || self->buffer == NULL)
    return;

  self->highlighting = TRUE;
  languages = gtk_source_language_manager_get_default ();
  gtk_source_buffer_set_language (self->buffer,
                                  gtk_source_language_manager_get_language (languages, "markdown"));
  update_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
}

static gboolean
highlighting_idle_cb (gpointer data)
{
  CmioNoteEditor *self = data;

  self->highlighting_source = 0;
  ensure_highlighting (self);
  return G_SOURCE_REMOVE;
}

/* Ctrl+B and Ctrl+I: wrap the selection in Markdown's strong or emphasis
 * marks, or put an empty pair at the cursor. */
static void
wrap_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CmioNoteEditor *self = CMIO_NOTE_EDITOR (widget);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  const char *mark = g_str_equal (action_name, "note.bold") ? "**" : "_";
  int mark_chars = (int) g_utf8_strlen (mark, -1);
  GtkTextIter start;
  GtkTextIter end;
  int start_offset;
  int end_offset;

  if (!gtk_text_view_get_editable (GTK_TEXT_VIEW (self->view)))
    return;

  gtk_text_buffer_get_selection_bounds (buffer, &start, &end);
  start_offset = gtk_text_iter_get_offset (&start);
  end_offset = gtk_text_iter_get_offset (&end);

  /* The end first, so the start's offset still holds. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &end, mark, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_insert (buffer, &start, mark, -1);
  gtk_text_buffer_end_user_action (buffer);

  /* Select the wrapped text again, inside its marks. */
  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset + mark_chars);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset + mark_chars);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

/* Preview: the note rendered as the reader renders a chapter, in a view
 * with no script, no network and no way to navigate away. */

static gboolean
preview_decide_policy_cb (WebKitWebView            *web_view,
                          WebKitPolicyDecision     *decision,
                          WebKitPolicyDecisionType  type,
                          CmioNoteEditor           *self)
{
  WebKitNavigationAction *action;
  g_autoptr(GUri) parsed = NULL;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  /* The page the editor loads itself, and nothing else. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      webkit_navigation_action_get_navigation_type (action) != WEBKIT_NAVIGATION_TYPE_LINK_CLICKED &&
      g_strcmp0 (uri, "about:blank") == 0)
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  webkit_policy_decision_ignore (decision);

  /* A web or mail link the user clicks opens outside the app. */
  if (webkit_navigation_action_get_navigation_type (action) == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED &&
      (parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL)) != NULL)
    cmio_reader_open_outside_link (parsed, uri, GTK_WIDGET (self));

  return TRUE;
}

static char *
build_preview (CmioNoteEditor *self,
               const char     *markdown)
{
  g_autoptr(GBytes) css = g_resources_lookup_data (RESOURCE_PATH "/ui/reader.css", 0, NULL);
  g_autofree char *body = cmio_markdown_to_safe_html (markdown);

  /* Only the inline style may apply; nothing may load or run. */
  return g_strdup_printf ("<!DOCTYPE html>\n<html class=\"%s\"><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'unsafe-inline'\">"
                          "<meta name=\"color-scheme\" content=\"light dark\">"
                          "<style>%.*s</style></head><body><main>%s</main></body></html>",
                          cmio_reader_page_classes (),
                          css ? (int) g_bytes_get_size (css) : 0,
                          css ? (const char *) g_bytes_get_data (css, NULL) : "",
                          body);
}

static void
ensure_preview (CmioNoteEditor *self)
{
  g_autoptr(WebKitSettings) settings = NULL;

  if (self->preview != NULL)
    return;

  /* As in the reader: the page's own script (elements, event handlers) is
   * off, and the content security policy lets nothing load or run. */
  settings = webkit_settings_new_with_settings ("enable-javascript", TRUE,
                                                "enable-javascript-markup", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                "enable-developer-extras", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-webgl", FALSE,
                                                "enable-media", FALSE,
                                                NULL);
  self->preview = g_object_new (WEBKIT_TYPE_WEB_VIEW, "settings", settings, NULL);
  gtk_widget_set_name (GTK_WIDGET (self->preview), "note-preview");
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note preview"), -1);
  g_signal_connect_object (self->preview, "decide-policy", G_CALLBACK (preview_decide_policy_cb), self, 0);
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->preview), "preview");
}

static void
update_preview (CmioNoteEditor *self)
{
  g_autofree char *text = NULL;
  GtkTextIter start;
  GtkTextIter end;

  if (!gtk_toggle_button_get_active (self->preview_button))
    return;

  ensure_preview (self);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &start, &end);
  text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &start, &end, TRUE);
  g_free (self->preview_html);
  self->preview_html = build_preview (self, text);
  cmio_reader_set_page_background (self->preview);
  webkit_web_view_load_html (self->preview, self->preview_html, NULL);
}

static void
preview_toggled_cb (CmioNoteEditor *self)
{
  gboolean preview = gtk_toggle_button_get_active (self->preview_button);

  cmio_note_editor_commit (self);
  update_preview (self);
  gtk_stack_set_visible_child_name (self->pages, preview ? "preview" : "edit");
  if (!preview)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CmioNoteEditor *self = CMIO_NOTE_EDITOR (widget);

  gtk_toggle_button_set_active (self->preview_button, !gtk_toggle_button_get_active (self->preview_button));
}

static void
cmio_note_editor_dispose (GObject *object)
{
  CmioNoteEditor *self = (CmioNoteEditor *) object;

  if (self->buffer != NULL)
    {
      cmio_note_editor_commit (self);
      g_signal_handlers_disconnect_by_data (self->buffer, self);
    }
  g_clear_handle_id (&self->highlighting_source, g_source_remove);
  g_clear_object (&self->progress);
  g_clear_object (&self->store);
  g_clear_object (&self->buffer);

  G_OBJECT_CLASS (cmio_note_editor_parent_class)->dispose (object);
}

static void
cmio_note_editor_finalize (GObject *object)
{
  CmioNoteEditor *self = (CmioNoteEditor *) object;

  g_free (self->chapter_id);
  g_free (self->note_id);
  g_free (self->action_deleted);
  g_free (self->preview_html);

  G_OBJECT_CLASS (cmio_note_editor_parent_class)->finalize (object);
}

static void
cmio_note_editor_map (GtkWidget *widget)
{
  ensure_highlighting (CMIO_NOTE_EDITOR (widget));

  GTK_WIDGET_CLASS (cmio_note_editor_parent_class)->map (widget);
}

static void
cmio_note_editor_class_init (CmioNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_note_editor_dispose;
  object_class->finalize = cmio_note_editor_finalize;
  widget_class->map = cmio_note_editor_map;

  /**
   * CmioNoteEditor::toast:
   * @message: what to tell the user
   * @undoable: always %FALSE; the editor has its own undo
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "note.bold", NULL, wrap_action);
  gtk_widget_class_install_action (widget_class, "note.italic", NULL, wrap_action);
  gtk_widget_class_install_action (widget_class, "note.preview", NULL, preview_action);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              const char            *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
    gtk_shortcut_new (gtk_keyval_trigger_new (key, GDK_CONTROL_MASK),
                      gtk_named_action_new (action_name)));
}

static void
cmio_note_editor_init (CmioNoteEditor *self)
{
  GtkEventController *focus;
  GtkShortcutController *shortcuts;
  GtkWidget *scroller;
  GtkWidget *bar;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  /* Highlighting comes later: see ensure_highlighting(). */
  self->buffer = gtk_source_buffer_new (NULL);
  gtk_source_buffer_set_highlight_matching_brackets (self->buffer, FALSE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->buffer), TRUE);

  self->view = GTK_SOURCE_VIEW (gtk_source_view_new_with_buffer (self->buffer));
  gtk_widget_set_name (GTK_WIDGET (self->view), "note");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chapter note"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Markdown. Ctrl+B bold, Ctrl+I italic, Ctrl+Tab leaves the note."),
                                  -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->pages), TRUE);
  gtk_stack_add_named (self->pages, scroller, "edit");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->pages));

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (bar, "toolbar");
  self->share = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Share with Mentor")));
  gtk_widget_set_name (GTK_WIDGET (self->share), "share");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->share),
                               _("Exports include this note only when it is shared"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->share), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->share));
  self->state = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->state), "save-state");
  gtk_widget_add_css_class (GTK_WIDGET (self->state), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->state), "caption");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->state));
  self->preview_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Preview")));
  gtk_widget_set_name (GTK_WIDGET (self->preview_button), "preview");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->preview_button), _("Show the note as formatted text (Shift+Ctrl+P)"));
  g_signal_connect_swapped (self->preview_button, "toggled", G_CALLBACK (preview_toggled_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->preview_button));
  gtk_box_append (GTK_BOX (self), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self), bar);

  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  g_signal_connect_swapped (self->buffer, "insert-text", G_CALLBACK (insert_text_cb), self);
  g_signal_connect_data (self->buffer, "insert-text", G_CALLBACK (text_inserted_cb), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (self->buffer, "delete-range", G_CALLBACK (delete_range_cb), self);
  g_signal_connect_swapped (self->buffer, "begin-user-action", G_CALLBACK (begin_user_action_cb), self);
  g_signal_connect_data (self->buffer, "end-user-action", G_CALLBACK (end_user_action_cb), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_swapped (self->share, "toggled", G_CALLBACK (share_toggled_cb), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (cmio_note_editor_commit), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), focus);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts), GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, GDK_KEY_b, "note.bold");
  add_shortcut (shortcuts, GDK_KEY_i, "note.italic");
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                      gtk_named_action_new ("note.preview")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  load (self);
}

void
cmio_note_editor_set_progress (CmioNoteEditor *self,
                               CmioProgress   *progress)
{
  g_return_if_fail (CMIO_IS_NOTE_EDITOR (self));

  cmio_note_editor_commit (self);
  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_set_object (&self->progress, progress);
  if (progress != NULL)
    g_signal_connect_object (progress, "changed::note", G_CALLBACK (progress_note_changed_cb), self,
                             G_CONNECT_SWAPPED);
  load (self);
}

void
cmio_note_editor_set_chapter (CmioNoteEditor *self,
                              const char     *chapter_id)
{
  g_return_if_fail (CMIO_IS_NOTE_EDITOR (self));

  if (g_strcmp0 (chapter_id, self->chapter_id) == 0)
    return;

  cmio_note_editor_commit (self);
  g_free (self->chapter_id);
  self->chapter_id = g_strdup (chapter_id);
  self->free_note = FALSE;
  load (self);
}

/**
 * cmio_note_editor_set_note:
 * @self: a #CmioNoteEditor
 * @note_id: (nullable): a note that belongs to no chapter
 *
 * Edits that note; the editor is no longer bound to a chapter.
 */
void
cmio_note_editor_set_note (CmioNoteEditor *self,
                           const char     *note_id)
{
  g_return_if_fail (CMIO_IS_NOTE_EDITOR (self));

  cmio_note_editor_commit (self);
  g_clear_pointer (&self->chapter_id, g_free);
  g_free (self->note_id);
  self->note_id = g_strdup (note_id);
  self->free_note = TRUE;
  load (self);
}

const char *
cmio_note_editor_get_note (CmioNoteEditor *self)
{
  g_return_val_if_fail (CMIO_IS_NOTE_EDITOR (self), NULL);
  return self->note_id;
}

void
cmio_note_editor_focus (CmioNoteEditor *self)
{
  g_return_if_fail (CMIO_IS_NOTE_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

const char *
cmio_note_editor_get_chapter (CmioNoteEditor *self)
{
  g_return_val_if_fail (CMIO_IS_NOTE_EDITOR (self), NULL);
  return self->chapter_id;
}

/**
 * cmio_note_editor_prepare:
 * @self: a #CmioNoteEditor
 *
 * Sets up Markdown highlighting in a low-priority idle callback, if the
 * editor has not been shown yet, so that showing it later is quick. Call
 * it once the window has nothing more urgent to do.
 */
void
cmio_note_editor_prepare (CmioNoteEditor *self)
{
  g_return_if_fail (CMIO_IS_NOTE_EDITOR (self));

  if (!self->highlighting && self->highlighting_source == 0)
    self->highlighting_source = g_idle_add_full (G_PRIORITY_LOW, highlighting_idle_cb, self, NULL);
}

/**
 * cmio_note_editor_get_highlighting:
 * @self: a #CmioNoteEditor
 *
 * Returns: whether Markdown highlighting has been set up
 */
gboolean
cmio_note_editor_get_highlighting (CmioNoteEditor *self)
{
  g_return_val_if_fail (CMIO_IS_NOTE_EDITOR (self), FALSE);
  return self->highlighting;
}

GtkTextBuffer *
cmio_note_editor_get_buffer (CmioNoteEditor *self)
{
  g_return_val_if_fail (CMIO_IS_NOTE_EDITOR (self), NULL);
  return GTK_TEXT_BUFFER (self->buffer);
}

/* The HTML the preview shows now, or NULL; for tests. */
const char *
cmio_note_editor_get_preview_html (CmioNoteEditor *self)
{
  g_return_val_if_fail (CMIO_IS_NOTE_EDITOR (self), NULL);
  return gtk_toggle_button_get_active (self->preview_button) ? self->preview_html : NULL;
}

/**
 * cmio_note_editor_set_store:
 * @self: a #CmioNoteEditor
 * @store: (nullable): the store that saves the progress
 *
 * Lets the editor say whether the note is saved yet.
 */
void
cmio_note_editor_set_store (CmioNoteEditor *self,
                            CmioStore      *store)
{
  g_return_if_fail (CMIO_IS_NOTE_EDITOR (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "notify::dirty", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::save-error", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
    }
  update_state (self);
}

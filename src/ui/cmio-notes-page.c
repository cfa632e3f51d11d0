/* cmio-notes-page.c — every note, newest first: chapter notes and free notes
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cmio-note-editor.h"
#include "cmio-notes-page.h"

/* How much of a note's first line a row shows */
#define SNIPPET_CHARS 120

struct _CmioNotesPage
{
  GtkBox parent_instance;

  GtkStack *stack;
  GtkSearchEntry *search;
  GtkListBox *list;
  GtkLabel *placeholder;
  GtkEntry *title;
  CmioNoteEditor *editor;

  CmioContentPack *pack;
  CmioProgress *progress;
  CmioUndoStack *undo;

  guint refresh_source;
  gboolean stale;
  gboolean setting_title;
};

G_DEFINE_FINAL_TYPE (CmioNotesPage, cmio_notes_page, GTK_TYPE_BOX)

enum {
  TOAST,
  OPEN_CHAPTER_NOTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (CmioNotesPage *self);

static void
toast (CmioNotesPage *self,
       const char    *message,
       gboolean       undoable)
{
  g_signal_emit (self, signals[TOAST], 0, message, undoable);
}

/* What a note is called: its title, its chapter's, or "Untitled Note". */
static char *
note_title (CmioNotesPage *self,
            const char    *note_id)
{
  const char *chapter_id = cmio_progress_get_note_field (self->progress, note_id, "chapter");
  const char *title = cmio_progress_get_note_field (self->progress, note_id, "title");
  CmioChapter *chapter;

  if (chapter_id != NULL && *chapter_id != '\0')
    {
      chapter = self->pack ? cmio_content_pack_find_chapter (self->pack, chapter_id) : NULL;
      /* Translators: the title of a chapter's note; %s is the chapter's title */
      return g_strdup_printf (_("Note on “%s”"), chapter ? cmio_chapter_get_title (chapter) : chapter_id);
    }

  return g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Note"));
}

/* The first line with something on it, shortened. */
static char *
note_snippet (const char *text)
{
  const char *line = text ? text : "";
  const char *end;

  /* Past blank lines and the Markdown marks that open a line. */
  while (*line != '\0' && strchr ("\n\r \t#>-*", *line) != NULL)
    line++;
  end = strchr (line, '\n');
  if (end == NULL)
    end = line + strlen (line);

  if (line == end)
    return g_strdup (_("Empty"));

  if (g_utf8_strlen (line, end - line) > SNIPPET_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, SNIPPET_CHARS);
      return g_strconcat (cut, "…", NULL);
    }

  return g_utf8_make_valid (line, end - line);
}

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  /* Translators: when a note last changed, as in "Nov 27, 14:05" */
  return g_date_time_format (local, _("%b %-d, %H:%M"));
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static void
delete_clicked_cb (GtkButton     *button,
                   CmioNotesPage *self)
{
  const char *note_id = g_object_get_data (G_OBJECT (button), "note-id");
  g_autofree char *id = g_strdup (note_id);
  g_autoptr(GError) error = NULL;

  if (self->undo == NULL || id == NULL)
    return;

  if (g_strcmp0 (cmio_note_editor_get_note (self->editor), id) == 0)
    {
      cmio_note_editor_commit (self->editor);
      cmio_note_editor_set_note (self->editor, NULL);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }

  if (!cmio_undo_stack_remove_note (self->undo, id, &error))
    toast (self, error->message, FALSE);
  else
    toast (self, cmio_undo_stack_get_label (self->undo), TRUE);
}

static GtkWidget *
create_row (CmioNotesPage *self,
            const char    *note_id)
{
  g_autofree char *title = note_title (self, note_id);
  g_autofree char *snippet = note_snippet (cmio_progress_get_note_field (self->progress, note_id, "text"));
  g_autofree char *date = format_date (cmio_progress_get_note_field (self->progress, note_id, "updated_at"));
  g_autofree char *delete_label = g_strdup_printf (_("Delete “%s”"), title);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label;
  GtkWidget *button;

  gtk_widget_set_name (row, note_id);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  /* Plain labels: a title or text the user wrote is never markup. */
  label = gtk_label_new (title);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), label);

  label = gtk_label_new (snippet);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (texts), label);

  label = gtk_label_new (date);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (texts), label);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Delete Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data_full (G_OBJECT (button), "note-id", g_strdup (note_id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_widget_set_sensitive (button, !cmio_progress_get_read_only (self->progress));
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      data)
{
  CmioProgress *progress = data;
  const char *at_a = cmio_progress_get_note_field (progress, *(const char **) a, "updated_at");
  const char *at_b = cmio_progress_get_note_field (progress, *(const char **) b, "updated_at");

  return g_strcmp0 (at_b, at_a);
}

static void
refresh (CmioNotesPage *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *query = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search));
  GtkWidget *child;
  guint n;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL &&
         GTK_IS_LIST_BOX_ROW (child))
    gtk_list_box_remove (self->list, child);

  if (self->progress == NULL)
    return;

  query = *text ? g_utf8_casefold (text, -1) : NULL;
  n = cmio_progress_get_n_notes (self->progress);
  /* Newest added first, so that the stable sort below puts, of notes
   * changed in the same second, the one added last on top. */
  for (guint i = n; i-- > 0;)
    {
      const char *id = cmio_progress_get_note_id (self->progress, i);
      g_autofree char *title = NULL;

      if (query != NULL)
        {
          title = note_title (self, id);
          if (!contains_casefolded (title, query) &&
              !contains_casefolded (cmio_progress_get_note_field (self->progress, id, "text"), query))
            continue;
        }

      g_ptr_array_add (ids, (gpointer) id);
    }

  g_ptr_array_sort_with_data (ids, compare_newest_first, self->progress);
  for (guint i = 0; i < ids->len; i++)
    gtk_list_box_append (self->list, create_row (self, g_ptr_array_index (ids, i)));

  gtk_label_set_text (self->placeholder,
                      query != NULL ? _("No notes match") : _("No notes yet. Write one beside a chapter, or start a new note here."));
}

static gboolean
refresh_cb (gpointer data)
{
  CmioNotesPage *self = data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* The list follows the notes while it shows; out of sight it is redone
 * when it shows again, so typing in a note costs the list nothing. */
static void
progress_note_changed_cb (CmioNotesPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->list)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_cb, self, NULL);
}

static void
list_map_cb (CmioNotesPage *self)
{
  if (self->stale)
    refresh (self);
}

static void
row_activated_cb (CmioNotesPage *self,
                  GtkListBoxRow *row)
{
  const char *id = gtk_widget_get_name (GTK_WIDGET (row));
  const char *chapter = cmio_progress_get_note_field (self->progress, id, "chapter");

  if (chapter != NULL && *chapter != '\0')
    g_signal_emit (self, signals[OPEN_CHAPTER_NOTE], 0, chapter);
  else
    cmio_notes_page_open_note (self, id);
}

static void
title_changed_cb (CmioNotesPage *self)
{
  const char *id = cmio_note_editor_get_note (self->editor);
  g_autoptr(GError) error = NULL;

  if (self->setting_title || id == NULL || self->progress == NULL)
    return;

  if (!cmio_progress_set_note_title (self->progress, id,
                                     gtk_editable_get_text (GTK_EDITABLE (self->title)), &error))
    toast (self, error->message, FALSE);
}

/* Leaving a new note with nothing in it drops it: it was never written. */
static void
back_clicked_cb (CmioNotesPage *self)
{
  const char *id;

  cmio_note_editor_commit (self->editor);
  id = cmio_note_editor_get_note (self->editor);
  if (id != NULL && self->progress != NULL && !cmio_progress_get_read_only (self->progress))
    {
      const char *text = cmio_progress_get_note_field (self->progress, id, "text");
      const char *title = cmio_progress_get_note_field (self->progress, id, "title");

      if (text != NULL && *text == '\0' && (title == NULL || *title == '\0') &&
          !cmio_progress_get_note_shared (self->progress, id))
        {
          g_autofree char *empty = g_strdup (id);

          cmio_note_editor_set_note (self->editor, NULL);
          cmio_progress_remove_note (self->progress, empty, NULL);
        }
    }

  cmio_notes_page_show_list (self);
}

static void
new_clicked_cb (CmioNotesPage *self)
{
  g_free (cmio_notes_page_new_note (self));
}

static void
delete_open_clicked_cb (CmioNotesPage *self,
                        GtkButton     *button)
{
  g_object_set_data_full (G_OBJECT (button), "note-id",
                          g_strdup (cmio_note_editor_get_note (self->editor)), g_free);
  delete_clicked_cb (button, self);
}

static void
search_changed_cb (CmioNotesPage *self)
{
  refresh (self);
}

static void
editor_toast_cb (CmioNotesPage *self,
                 const char    *message,
                 gboolean       undoable)
{
  toast (self, message, undoable);
}

static void
cmio_notes_page_dispose (GObject *object)
{
  CmioNotesPage *self = (CmioNotesPage *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->pack);
  g_clear_object (&self->progress);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (cmio_notes_page_parent_class)->dispose (object);
}

static void
cmio_notes_page_class_init (CmioNotesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cmio_notes_page_dispose;

  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  signals[OPEN_CHAPTER_NOTE] =
    g_signal_new ("open-chapter-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static GtkWidget *
build_list (CmioNotesPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->search), "notes-search");
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_object_set (self->search, "placeholder-text", _("Search notes"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search notes"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));

  button = gtk_button_new_with_mnemonic (_("_New Note"));
  gtk_widget_set_name (button, "new-note");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (new_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (GTK_BOX (box), bar);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "notes");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Notes"), -1);
  self->placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_label_set_justify (self->placeholder, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->placeholder), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->placeholder), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->placeholder), 12);
  gtk_list_box_set_placeholder (self->list, GTK_WIDGET (self->placeholder));
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->list, "map", G_CALLBACK (list_map_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}

static GtkWidget *
build_editor (CmioNotesPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;

  gtk_widget_add_css_class (bar, "toolbar");

  button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_name (button, "all-notes");
  gtk_widget_set_tooltip_text (button, _("All Notes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("All Notes"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (back_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), button);

  self->title = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->title), "note-title");
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_entry_set_placeholder_text (self->title, _("Title"));
  gtk_entry_set_max_length (self->title, 200);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note title"), -1);
  g_signal_connect_swapped (self->title, "changed", G_CALLBACK (title_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->title));

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Delete Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Note"), -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (delete_open_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), button);

  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->editor = g_object_new (CMIO_TYPE_NOTE_EDITOR, NULL);
  gtk_widget_set_vexpand (GTK_WIDGET (self->editor), TRUE);
  g_signal_connect_swapped (self->editor, "toast", G_CALLBACK (editor_toast_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor));
  return box;
}

static void
cmio_notes_page_init (CmioNotesPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_list (self), "list");
  gtk_stack_add_named (self->stack, build_editor (self), "note");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
}

void
cmio_notes_page_set_context (CmioNotesPage   *self,
                             CmioContentPack *pack,
                             CmioProgress    *progress,
                             CmioUndoStack   *undo)
{
  g_return_if_fail (CMIO_IS_NOTES_PAGE (self));

  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_set_object (&self->pack, pack);
  g_set_object (&self->progress, progress);
  g_set_object (&self->undo, undo);
  cmio_note_editor_set_progress (self->editor, progress);
  if (progress != NULL)
    g_signal_connect_object (progress, "changed::note", G_CALLBACK (progress_note_changed_cb), self,
                             G_CONNECT_SWAPPED);
  refresh (self);
}

void
cmio_notes_page_show_list (CmioNotesPage *self)
{
  g_return_if_fail (CMIO_IS_NOTES_PAGE (self));

  cmio_note_editor_commit (self->editor);
  gtk_stack_set_visible_child_name (self->stack, "list");
  if (self->stale)
    refresh (self);
}

/**
 * cmio_notes_page_open_note:
 * @self: a #CmioNotesPage
 * @note_id: a free note (one that belongs to no chapter)
 *
 * Shows the note in the page's editor, with its title.
 */
void
cmio_notes_page_open_note (CmioNotesPage *self,
                           const char    *note_id)
{
  const char *title;

  g_return_if_fail (CMIO_IS_NOTES_PAGE (self));

  if (self->progress == NULL || cmio_progress_get_note_field (self->progress, note_id, "text") == NULL)
    return;

  cmio_note_editor_set_note (self->editor, note_id);
  title = cmio_progress_get_note_field (self->progress, note_id, "title");
  self->setting_title = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title), title ? title : "");
  self->setting_title = FALSE;
  gtk_editable_set_editable (GTK_EDITABLE (self->title), !cmio_progress_get_read_only (self->progress));
  gtk_stack_set_visible_child_name (self->stack, "note");
}

/**
 * cmio_notes_page_new_note:
 * @self: a #CmioNotesPage
 *
 * Starts a free note and opens it, the title ready for typing.
 *
 * Returns: (transfer full) (nullable): the new note's id
 */
char *
cmio_notes_page_new_note (CmioNotesPage *self)
{
  g_autoptr(GError) error = NULL;
  char *id;

  g_return_val_if_fail (CMIO_IS_NOTES_PAGE (self), NULL);

  if (self->progress == NULL)
    return NULL;

  id = cmio_progress_add_note (self->progress, NULL, "", "", &error);
  if (id == NULL)
    {
      toast (self, error->message, FALSE);
      return NULL;
    }

  cmio_notes_page_open_note (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->title));
  return id;
}

/* Puts what is being typed into the model now, as before closing. */
void
cmio_notes_page_commit (CmioNotesPage *self)
{
  g_return_if_fail (CMIO_IS_NOTES_PAGE (self));
  cmio_note_editor_commit (self->editor);
}

CmioNoteEditor *
cmio_notes_page_get_editor (CmioNotesPage *self)
{
  g_return_val_if_fail (CMIO_IS_NOTES_PAGE (self), NULL);
  return self->editor;
}

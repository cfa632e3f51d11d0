/* cmio-window.c — the main window: pages, history, reading
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cmio-window-private.h"

G_DEFINE_FINAL_TYPE (CmioWindow, cmio_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  FIRST_FRAME,
  CHAPTER_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How far down a chapter counts as having read it to the end. */
#define READ_TO_END 0.98
/* The most pages Back goes back through. */
#define MAX_HISTORY 100

/* Reading */

/* The chapter "Continue Reading" opens: the one last open, else the first
 * not yet read, else the first. */
static CmioChapter *
get_continue_chapter (CmioWindow *self)
{
  g_autofree char *last = NULL;
  GListModel *chapters;
  CmioChapter *chapter;

  if (self->pack == NULL)
    return NULL;

  last = g_settings_get_string (self->settings, "last-chapter");
  if ((chapter = cmio_content_pack_find_chapter (self->pack, last)) != NULL)
    return g_object_ref (chapter);

  chapters = cmio_content_pack_get_chapters (self->pack);
  for (guint i = 0; self->progress != NULL && i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(CmioChapter) candidate = g_list_model_get_item (chapters, i);

      if (!cmio_progress_get_chapter_read (self->progress, cmio_chapter_get_id (candidate)))
        return g_steal_pointer (&candidate);
    }

  return g_list_model_get_item (chapters, 0);
}

static void
update_overview (CmioWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-chapter");

  cmio_overview_page_set_continue_label (self->overview_page,
                                         cmio_content_pack_find_chapter (self->pack, last) != NULL
                                           ? _("_Continue Reading") : _("_Start Reading"));
  cmio_overview_page_update (self->overview_page);
}

static void
update_read_button (CmioWindow *self)
{
  CmioChapter *chapter = cmio_window_get_chapter (self);
  gboolean read = chapter != NULL && self->progress != NULL &&
                  cmio_progress_get_chapter_read (self->progress, cmio_chapter_get_id (chapter));

  self->updating_read_button = TRUE;
  gtk_toggle_button_set_active (self->read_button, read);
  self->updating_read_button = FALSE;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->read_button),
                               read ? _("Mark as Unread") : _("Mark as Read"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->read_button),
                            self->progress != NULL && !cmio_progress_get_read_only (self->progress));
}

static void
populate_outline (CmioWindow  *self,
                  CmioChapter *chapter)
{
  g_autoptr(GPtrArray) headings = cmio_chapter_dup_headings (chapter);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list))) != NULL)
    gtk_list_box_remove (self->outline_list, child);

  for (guint i = 0; i < headings->len; i++)
    {
      CmioHeading *heading = g_ptr_array_index (headings, i);
      GtkWidget *label = gtk_label_new (heading->text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_margin_start (label, 12 * (MAX (heading->level, 1) - 1));
      if (heading->level == 1)
        gtk_widget_add_css_class (label, "heading");
      gtk_list_box_append (self->outline_list, label);
    }
}

static void
show_chapter (CmioWindow  *self,
              CmioChapter *chapter)
{
  g_autofree char *subtitle = g_strdup_printf (_("Chapter %u"), cmio_chapter_get_number (chapter));
  double position = 0;

  if (self->progress != NULL)
    position = cmio_progress_get_chapter_position (self->progress, cmio_chapter_get_id (chapter));

  adw_window_title_set_title (self->content_title, cmio_chapter_get_title (chapter));
  adw_window_title_set_subtitle (self->content_title, subtitle);
  gtk_stack_set_visible_child_name (self->content_stack, "chapter");
  cmio_reader_view_load_chapter (self->reader, chapter, position);
  cmio_checklist_panel_set_chapter (self->checklist_panel, cmio_chapter_get_id (chapter));
  cmio_note_editor_set_chapter (cmio_chapter_page_get_note (self->chapter_page), cmio_chapter_get_id (chapter));
  populate_outline (self, chapter);
  g_settings_set_string (self->settings, "last-chapter", cmio_chapter_get_id (chapter));
}

/**
 * cmio_window_open_page:
 * @self: a #CmioWindow
 * @page: "overview" or "chapter:" and a chapter id; anything unknown shows
 *   the overview
 * @remember: whether Back should come back here (a history entry)
 */
void
cmio_window_open_page (CmioWindow *self,
                       const char *page,
                       gboolean    remember)
{
  CmioChapter *chapter = NULL;

  if (page != NULL && g_str_has_prefix (page, CHAPTER_PREFIX) && self->pack != NULL)
    chapter = cmio_content_pack_find_chapter (self->pack, page + strlen (CHAPTER_PREFIX));

  g_free (self->page);
  if (chapter != NULL)
    {
      self->page = g_strdup (page);
      show_chapter (self, chapter);
    }
  else if (g_strcmp0 (page, CHECKLIST_PAGE) == 0 && self->plan != NULL)
    {
      cmio_window_ensure_checklist_page (self);
      self->page = g_strdup (CHECKLIST_PAGE);
      adw_window_title_set_title (self->content_title, _("Checklist"));
      adw_window_title_set_subtitle (self->content_title, _("Your 90-day plan"));
      gtk_stack_set_visible_child_name (self->content_stack, CHECKLIST_PAGE);
      gtk_search_bar_set_search_mode (self->find_bar, FALSE);
    }
  else if (g_strcmp0 (page, NOTES_PAGE) == 0 && self->progress != NULL && self->undo != NULL)
    {
      cmio_window_ensure_notes_page (self);
      self->page = g_strdup (NOTES_PAGE);
      adw_window_title_set_title (self->content_title, _("Notes"));
      adw_window_title_set_subtitle (self->content_title, NULL);
      cmio_notes_page_show_list (self->notes_page);
      gtk_stack_set_visible_child_name (self->content_stack, NOTES_PAGE);
      gtk_search_bar_set_search_mode (self->find_bar, FALSE);
    }
  else if (g_strcmp0 (page, ASSESSMENT_PAGE) == 0 && self->progress != NULL && self->pack != NULL &&
           self->undo != NULL)
    {
      cmio_window_ensure_assessment_page (self);
      self->page = g_strdup (ASSESSMENT_PAGE);
      adw_window_title_set_title (self->content_title, _("Self-Assessment"));
      adw_window_title_set_subtitle (self->content_title, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, ASSESSMENT_PAGE);
      gtk_search_bar_set_search_mode (self->find_bar, FALSE);
    }
  else
    {
      self->page = g_strdup ("overview");
      adw_window_title_set_title (self->content_title, _("Overview"));
      adw_window_title_set_subtitle (self->content_title, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "overview");
      gtk_search_bar_set_search_mode (self->find_bar, FALSE);
      update_overview (self);
    }

  if (remember)
    {
      /* Going somewhere new drops the pages ahead, as in a browser. */
      if (self->history->len > 0 && self->history_index + 1 < self->history->len)
        g_ptr_array_remove_range (self->history, self->history_index + 1,
                                  self->history->len - self->history_index - 1);
      if (self->history->len == 0 ||
          g_strcmp0 (g_ptr_array_index (self->history, self->history->len - 1), self->page) != 0)
        g_ptr_array_add (self->history, g_strdup (self->page));
      if (self->history->len > MAX_HISTORY)
        g_ptr_array_remove_index (self->history, 0);
      self->history_index = self->history->len - 1;
    }

  update_read_button (self);
  if (!adw_leaflet_get_folded (self->leaflet))
    cmio_window_select_sidebar_row (self, self->page);
  cmio_window_update_actions (self);
}

/**
 * cmio_window_get_chapter:
 * @self: a #CmioWindow
 *
 * Returns: (transfer none) (nullable): the chapter shown, if a chapter page is
 */
CmioChapter *
cmio_window_get_chapter (CmioWindow *self)
{
  if (self->pack == NULL || self->page == NULL || !g_str_has_prefix (self->page, CHAPTER_PREFIX))
    return NULL;

  return cmio_content_pack_find_chapter (self->pack, self->page + strlen (CHAPTER_PREFIX));
}

/* Callbacks */

static gboolean
update_marks_needed (CmioWindow *self,
                     const char *chapter_id)
{
  g_autofree char *page = g_strconcat (CHAPTER_PREFIX, chapter_id, NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), page) == 0)
      {
        GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
        GtkWidget *mark = gtk_widget_get_last_child (box);

        return gtk_widget_get_visible (mark) != cmio_progress_get_chapter_read (self->progress, chapter_id);
      }

  return FALSE;
}

static void
progress_changed_cb (CmioWindow *self,
                     const char *section,
                     const char *id)
{
  if (g_strcmp0 (section, "chapter") == 0)
    update_read_button (self);

  /* Scrolling changes the reading position all the time; that changes no
   * mark unless the chapter became read. A tick changes one chapter's count. */
  if (g_strcmp0 (section, "chapter") == 0)
    {
      if (update_marks_needed (self, id))
        cmio_window_update_sidebar_marks (self, id);
    }
  else if (g_strcmp0 (section, "item") == 0 && id != NULL)
    {
      const char *chapter = cmio_window_count_tick (self, id);

      if (chapter != NULL)
        cmio_window_update_sidebar_marks (self, chapter);
    }
  else if (g_strcmp0 (section, "note") == 0 || g_strcmp0 (section, "assessment") == 0 ||
           g_strcmp0 (section, "draft") == 0)
    {
      /* Typing in a note changes no count or mark. */
    }
  else
    {
      cmio_window_count_items (self);
      cmio_window_update_sidebar_marks (self, NULL);
    }
}

static void
read_toggled_cb (CmioWindow *self)
{
  CmioChapter *chapter = cmio_window_get_chapter (self);
  g_autoptr(GError) error = NULL;

  if (self->updating_read_button || chapter == NULL || self->progress == NULL)
    return;

  if (!cmio_progress_set_chapter_read (self->progress, cmio_chapter_get_id (chapter),
                                       gtk_toggle_button_get_active (self->read_button), &error))
    {
      cmio_window_add_toast (self, error->message);
      update_read_button (self);
    }
}

static void
reader_position_cb (CmioWindow     *self,
                    double          position,
                    CmioReaderView *reader)
{
  CmioChapter *chapter = cmio_reader_view_get_chapter (reader);
  const char *id;

  if (chapter == NULL || self->progress == NULL || cmio_progress_get_read_only (self->progress))
    return;

  id = cmio_chapter_get_id (chapter);
  cmio_progress_set_chapter_position (self->progress, id, position, NULL);

  /* Reaching the end marks the chapter read; it is never unmarked for
   * scrolling back up. */
  if (position >= READ_TO_END && !cmio_progress_get_chapter_read (self->progress, id))
    cmio_progress_set_chapter_read (self->progress, id, TRUE, NULL);
}

void
cmio_window_open_chapter_cb (CmioWindow *self,
                             const char *chapter_id)
{
  g_autofree char *page = g_strconcat (CHAPTER_PREFIX, chapter_id, NULL);

  cmio_window_open_page (self, page, TRUE);
}

void
cmio_window_page_toast_cb (CmioWindow *self,
                           const char *message,
                           gboolean    undoable)
{
  cmio_window_show_toast (self, message, undoable);
}

static void
reader_ready_cb (CmioWindow *self)
{
  /* With the chapter on screen, the note beside it gets ready. */
  cmio_note_editor_prepare (cmio_chapter_page_get_note (self->chapter_page));
  g_signal_emit (self, signals[CHAPTER_READY], 0);
}

static void
outline_activated_cb (CmioWindow    *self,
                      GtkListBoxRow *row)
{
  gtk_popover_popdown (gtk_menu_button_get_popover (self->outline_button));
  cmio_reader_view_scroll_to_heading (self->reader, gtk_list_box_row_get_index (row));
}

static void
folded_changed_cb (CmioWindow *self)
{
  /* Folded, the sidebar is a page of its own, so no row stays selected. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_list_box_unselect_all (self->sidebar_list);
  else
    cmio_window_select_sidebar_row (self, self->page);

  cmio_window_update_actions (self);
}

/* WebKit's processes take half a second to start. Loading, out of sight,
 * the chapter "Continue Reading" will open starts them, so that chapter
 * then opens at once. This runs right after the first frame, never before
 * it: the processes start while the user looks at the overview. */
static void
start_reader (CmioWindow *self)
{
  g_autoptr(CmioChapter) chapter = NULL;

  if (cmio_reader_view_get_chapter (self->reader) == NULL &&
      (chapter = get_continue_chapter (self)) != NULL)
    {
      double position = self->progress ? cmio_progress_get_chapter_position (self->progress,
                                                                              cmio_chapter_get_id (chapter))
                                       : 0;

      cmio_reader_view_load_chapter (self->reader, chapter, position);
    }

  cmio_reader_view_start (self->reader);
}

static void
after_paint_cb (GdkFrameClock *clock,
                CmioWindow    *self)
{
  g_clear_signal_handler (&self->after_paint_handler, clock);
  g_signal_emit (self, signals[FIRST_FRAME], 0);

  /* Only now, with the window on screen, may WebKit start. The whole
   * checklist waits until its processes are up and the first chapter has
   * loaded: on a machine with few cores, making it while they start would
   * slow them down. */
  start_reader (self);
  if (cmio_reader_view_get_chapter (self->reader) != NULL)
    self->reader_loaded_handler = g_signal_connect_object (self->reader, "loaded",
                                                           G_CALLBACK (cmio_window_prepare_checklist), self,
                                                           G_CONNECT_SWAPPED);
  else
    cmio_window_prepare_checklist (self);
}

/* Setting up, once the window knows its application */

static void
setup (CmioWindow      *self,
       CmioApplication *application)
{
  g_autofree char *last_page = NULL;

  self->settings = g_object_ref (cmio_application_get_settings (application));
  g_set_object (&self->pack, cmio_application_get_content_pack (application));
  cmio_reader_view_set_content_pack (self->reader, self->pack);
  cmio_reader_view_set_zoom (self->reader, g_settings_get_double (self->settings, "zoom"));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_set_object (&self->store, cmio_application_get_store (application));
  if (self->store != NULL)
    {
      g_set_object (&self->progress, cmio_store_get_progress (self->store));
      g_signal_connect_object (self->progress, "changed", G_CALLBACK (progress_changed_cb), self,
                               G_CONNECT_SWAPPED);
      cmio_window_set_banner (self, BANNER_LOAD, cmio_store_get_load_message (self->store));
      g_signal_connect_object (self->store, "notify::save-error",
                               G_CALLBACK (cmio_window_save_error_changed_cb), self, G_CONNECT_SWAPPED);
      cmio_window_save_error_changed_cb (self);
    }

  if (self->progress != NULL && self->pack != NULL)
    {
      self->plan = cmio_plan_new (self->pack, self->progress);
      self->undo = cmio_undo_stack_new (self->progress);
      cmio_checklist_panel_set_context (self->checklist_panel, self->plan, self->progress, self->undo);
      cmio_note_editor_set_progress (cmio_chapter_page_get_note (self->chapter_page), self->progress);
      cmio_note_editor_set_store (cmio_chapter_page_get_note (self->chapter_page), self->store);
      cmio_overview_page_set_context (self->overview_page, self->plan, self->progress);
    }

  self->search = cmio_search_index_new ();
  if (self->pack != NULL)
    cmio_search_index_set_content_pack (self->search, self->pack);
  if (self->progress != NULL)
    cmio_search_index_set_progress (self->search, self->progress);

  cmio_window_populate_sidebar (self);
  cmio_window_show_content_problems (self, application);

  last_page = g_settings_get_string (self->settings, "last-page");
  cmio_window_open_page (self, last_page, TRUE);

  /* Reopened on a chapter, a narrow window shows that chapter, not the list. */
  if (g_strcmp0 (self->page, "overview") != 0)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* GtkWidget */

static void
cmio_window_realize (GtkWidget *widget)
{
  CmioWindow *self = CMIO_WINDOW (widget);

  GTK_WIDGET_CLASS (cmio_window_parent_class)->realize (widget);

  self->after_paint_handler =
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_paint_cb), self, 0);
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CmioWindow       *self)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      self->close_unsaved = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "retry") == 0)
    gtk_window_close (GTK_WINDOW (self));
}

/* Saves what is pending; when that fails, asks before closing, because
 * closing would lose the changes. Returns TRUE if the window may close. */
static gboolean
flush_or_ask (CmioWindow *self)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  cmio_note_editor_commit (cmio_chapter_page_get_note (self->chapter_page));
  if (self->notes_page != NULL)
    cmio_notes_page_commit (self->notes_page);
  if (self->store == NULL || self->close_unsaved || cmio_store_flush (self->store, &error))
    return TRUE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Your Progress Could Not Be Saved"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nIf you close now, the changes since the last save are lost."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Open"),
                                    "retry", _("_Try Again"),
                                    "close", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean
cmio_window_close_request (GtkWindow *window)
{
  CmioWindow *self = CMIO_WINDOW (window);
  int width;
  int height;

  if (!flush_or_ask (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_string (self->settings, "last-page", self->page);
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (cmio_window_parent_class)->close_request (window);
}

/* GObject */

static void
cmio_window_dispose (GObject *object)
{
  CmioWindow *self = (CmioWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CMIO_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->pack);
  g_clear_object (&self->store);
  g_clear_object (&self->progress);
  g_clear_object (&self->search);
  g_clear_object (&self->plan);
  g_clear_object (&self->undo);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (cmio_window_parent_class)->dispose (object);
}

static void
cmio_window_finalize (GObject *object)
{
  CmioWindow *self = (CmioWindow *) object;

  g_clear_pointer (&self->page, g_free);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->chapter_counts, g_hash_table_unref);
  g_clear_pointer (&self->item_chapters, g_hash_table_unref);
  g_clear_pointer (&self->done_items, g_hash_table_unref);
  for (guint i = 0; i < N_BANNERS; i++)
    g_clear_pointer (&self->banners[i], g_free);

  G_OBJECT_CLASS (cmio_window_parent_class)->finalize (object);
}

static void
cmio_window_class_init (CmioWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cmio_window_dispose;
  object_class->finalize = cmio_window_finalize;
  widget_class->realize = cmio_window_realize;
  window_class->close_request = cmio_window_close_request;

  /**
   * CmioWindow::first-frame:
   *
   * Emitted once, after the window's first frame has been painted.
   */
  signals[FIRST_FRAME] =
    g_signal_new ("first-frame", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CmioWindow::chapter-ready:
   *
   * Emitted when a chapter has loaded and its first frame has been painted.
   */
  signals[CHAPTER_READY] =
    g_signal_new ("chapter-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CMIO_TYPE_CHAPTER_PAGE);
  g_type_ensure (CMIO_TYPE_CHECKLIST_PAGE);
  g_type_ensure (CMIO_TYPE_OVERVIEW_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/cmio-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, content);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, read_button);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, find_button);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, outline_button);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, outline_list);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, find_entry);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, find_count);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, chapter_page);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CmioWindow, banner_button);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, read_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_activated_cb);

  cmio_window_class_init_sidebar (widget_class);
  cmio_window_class_init_actions (widget_class);
  cmio_window_class_init_exchange (widget_class);
  cmio_window_class_init_banners (widget_class);
}

static void
cmio_window_init (CmioWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = g_ptr_array_new_with_free_func (g_free);
  self->chapter_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->item_chapters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->done_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->reader = cmio_chapter_page_get_reader (self->chapter_page);
  self->checklist_panel = cmio_chapter_page_get_checklist (self->chapter_page);
  g_signal_connect_object (cmio_chapter_page_get_note (self->chapter_page), "toast",
                           G_CALLBACK (cmio_window_page_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checklist_panel, "toast", G_CALLBACK (cmio_window_page_toast_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overview_page, "open-chapter", G_CALLBACK (cmio_window_open_chapter_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "ready", G_CALLBACK (reader_ready_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "open-chapter", G_CALLBACK (cmio_window_open_chapter_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "position-changed", G_CALLBACK (reader_position_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "matches-changed", G_CALLBACK (cmio_window_find_matches_cb), self,
                           G_CONNECT_SWAPPED);

  g_object_bind_property (self->find_button, "active", self->find_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->find_bar, "notify::search-mode-enabled",
                           G_CALLBACK (cmio_window_find_mode_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  cmio_window_init_sidebar (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* Public API */

CmioWindow *
cmio_window_new (CmioApplication *application)
{
  CmioWindow *self;

  g_return_val_if_fail (CMIO_IS_APPLICATION (application), NULL);

  self = g_object_new (CMIO_TYPE_WINDOW, "application", application, NULL);
  setup (self, application);
  return self;
}

/**
 * cmio_window_add_toast:
 * @self: a #CmioWindow
 * @message: what to say
 *
 * Shows @message in a toast at the bottom of the window.
 */
void
cmio_window_add_toast (CmioWindow *self,
                       const char *message)
{
  g_return_if_fail (CMIO_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  cmio_window_show_toast (self, message, FALSE);
}

/**
 * cmio_window_show_toast:
 * @self: a #CmioWindow
 * @message: what happened
 * @undoable: whether to offer Undo (Ctrl+Z does the same)
 */
void
cmio_window_show_toast (CmioWindow *self,
                        const char *message,
                        gboolean    undoable)
{
  AdwToast *toast;

  g_return_if_fail (CMIO_IS_WINDOW (self));

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  toast = adw_toast_new (message);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * cmio_window_get_last_toast:
 * @self: a #CmioWindow
 *
 * Returns: (nullable): the text of the last toast shown, for tests
 */
const char *
cmio_window_get_last_toast (CmioWindow *self)
{
  g_return_val_if_fail (CMIO_IS_WINDOW (self), NULL);
  return self->last_toast;
}

/**
 * cmio_window_get_page:
 * @self: a #CmioWindow
 *
 * Returns: the page shown: "overview" or "chapter:" and a chapter id
 */
const char *
cmio_window_get_page (CmioWindow *self)
{
  g_return_val_if_fail (CMIO_IS_WINDOW (self), NULL);
  return self->page;
}

/**
 * cmio_window_show_page:
 * @self: a #CmioWindow
 * @page: "overview" or "chapter:" and a chapter id; anything unknown shows
 *   the overview
 *
 * Opens @page, as a new step in the history.
 */
void
cmio_window_show_page (CmioWindow *self,
                       const char *page)
{
  g_return_if_fail (CMIO_IS_WINDOW (self));

  cmio_window_open_page (self, page, TRUE);
}

/**
 * cmio_window_continue_reading:
 * @self: a #CmioWindow
 *
 * Opens the chapter last read, at its place; at first the first chapter.
 */
void
cmio_window_continue_reading (CmioWindow *self)
{
  g_autoptr(CmioChapter) chapter = NULL;
  g_autofree char *page = NULL;

  g_return_if_fail (CMIO_IS_WINDOW (self));

  if ((chapter = get_continue_chapter (self)) == NULL)
    return;

  page = g_strconcat (CHAPTER_PREFIX, cmio_chapter_get_id (chapter), NULL);
  cmio_window_open_page (self, page, TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* cmio-window-sidebar.c — the handbook's contents and the global search
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cmio-json.h"
#include "cmio-window-private.h"

/* How many results the sidebar lists at most. */
#define MAX_RESULTS 200

/* Contents */

static GtkWidget *
create_row (const char *page,
            const char *number,
            const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  GtkWidget *mark;

  gtk_widget_set_name (row, page);

  label = gtk_label_new (number);
  gtk_widget_set_size_request (label, 18, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_tooltip_text (label, title);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  /* The checklist count, then the read mark, filled in by the marks. */
  label = gtk_label_new (NULL);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_name (label, "count");
  gtk_box_append (GTK_BOX (box), label);

  mark = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_name (mark, "read-mark");
  gtk_widget_set_visible (mark, FALSE);
  gtk_widget_add_css_class (mark, "success");
  gtk_box_append (GTK_BOX (box), mark);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return row;
}

static GtkWidget *
find_named_child (GtkWidget  *row,
                  const char *name)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
      return child;

  return NULL;
}

void
cmio_window_populate_sidebar (CmioWindow *self)
{
  GListModel *chapters;
  guint n;

  gtk_list_box_append (self->sidebar_list, create_row ("overview", "", _("Overview")));

  if (self->pack == NULL)
    return;

  chapters = cmio_content_pack_get_chapters (self->pack);
  n = g_list_model_get_n_items (chapters);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);
      g_autofree char *page = g_strconcat (CHAPTER_PREFIX, cmio_chapter_get_id (chapter), NULL);
      g_autofree char *number = g_strdup_printf ("%u", cmio_chapter_get_number (chapter));

      gtk_list_box_append (self->sidebar_list,
                           create_row (page, number, cmio_chapter_get_title (chapter)));
    }

  gtk_list_box_append (self->sidebar_list, create_row (CHECKLIST_PAGE, "", _("Checklist")));
  gtk_list_box_append (self->sidebar_list, create_row (NOTES_PAGE, "", _("Notes")));
  gtk_list_box_append (self->sidebar_list, create_row (ASSESSMENT_PAGE, "", _("Self-Assessment")));
  cmio_window_count_items (self);
  cmio_window_update_sidebar_marks (self, NULL);
}

/* Done and total items of each chapter, built-in and the user's own,
 * counted in one pass over the items; a plan may hold thousands. A tick
 * then moves one count by one (see cmio_window_count_tick()). */
void
cmio_window_count_items (CmioWindow *self)
{
  GListModel *items = cmio_content_pack_get_items (self->pack);
  guint n_custom = self->progress ? cmio_progress_get_n_custom_items (self->progress) : 0;
  guint n = g_list_model_get_n_items (items);

  g_hash_table_remove_all (self->chapter_counts);
  g_hash_table_remove_all (self->item_chapters);
  g_hash_table_remove_all (self->done_items);

  for (guint i = 0; i < n + n_custom; i++)
    {
      g_autoptr(CmioChecklistItem) item = i < n ? g_list_model_get_item (items, i) : NULL;
      const char *chapter = item ? cmio_checklist_item_get_chapter_id (item)
                                 : cmio_progress_get_custom_item_field (self->progress, i - n, "chapter");
      const char *id = item ? cmio_checklist_item_get_id (item)
                            : cmio_progress_get_custom_item_field (self->progress, i - n, "id");
      guint *count;

      if (chapter == NULL || id == NULL)
        continue;
      if ((count = g_hash_table_lookup (self->chapter_counts, chapter)) == NULL)
        g_hash_table_insert (self->chapter_counts, g_strdup (chapter), count = g_new0 (guint, 2));
      g_hash_table_insert (self->item_chapters, g_strdup (id), g_strdup (chapter));
      count[1]++;
      if (self->progress != NULL && cmio_progress_get_item_done (self->progress, id))
        {
          count[0]++;
          g_hash_table_add (self->done_items, g_strdup (id));
        }
    }
}

/* Moves the count of @item_id's chapter after a tick or an untick;
 * returns its chapter, or NULL if the item is in none. */
const char *
cmio_window_count_tick (CmioWindow *self,
                        const char *item_id)
{
  const char *chapter = g_hash_table_lookup (self->item_chapters, item_id);
  gboolean done = cmio_progress_get_item_done (self->progress, item_id);
  guint *count;

  if (chapter == NULL || (count = g_hash_table_lookup (self->chapter_counts, chapter)) == NULL)
    return NULL;

  if (done && g_hash_table_add (self->done_items, g_strdup (item_id)))
    count[0]++;
  else if (!done && g_hash_table_remove (self->done_items, item_id))
    count[0]--;

  return chapter;
}

/**
 * cmio_window_update_sidebar_marks:
 * @self: a #CmioWindow
 *
 * @only_chapter: (nullable): the one chapter to update, or %NULL for all
 *
 * Shows, for each chapter, whether it was read and how many of its
 * checklist items (built-in and the user's own) are done.
 */
void
cmio_window_update_sidebar_marks (CmioWindow *self,
                                  const char *only_chapter)
{
  if (self->pack == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const char *page = gtk_widget_get_name (row);
      CmioChapter *chapter;
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;
      const char *id;
      guint *count;
      gboolean read;

      if (!g_str_has_prefix (page, CHAPTER_PREFIX) ||
          (chapter = cmio_content_pack_find_chapter (self->pack, page + strlen (CHAPTER_PREFIX))) == NULL ||
          (only_chapter != NULL && g_strcmp0 (cmio_chapter_get_id (chapter), only_chapter) != 0))
        continue;

      id = cmio_chapter_get_id (chapter);
      count = g_hash_table_lookup (self->chapter_counts, id);
      read = self->progress != NULL && cmio_progress_get_chapter_read (self->progress, id);
      text = count ? g_strdup_printf ("%u/%u", count[0], count[1]) : g_strdup ("");
      gtk_label_set_text (GTK_LABEL (find_named_child (row, "count")), text);
      gtk_widget_set_visible (find_named_child (row, "read-mark"), read);

      /* What the marks show, in words, for screen readers. */
      description = g_strdup_printf (read ? _("Read. %u of %u checklist items done")
                                          : _("Not read yet. %u of %u checklist items done"),
                                     count ? count[0] : 0, count ? count[1] : 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
}

void
cmio_window_select_sidebar_row (CmioWindow *self,
                                const char *page)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), page) == 0)
        {
          gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
}

static void
sidebar_row_activated_cb (CmioWindow    *self,
                          GtkListBoxRow *row)
{
  cmio_window_open_page (self, gtk_widget_get_name (GTK_WIDGET (row)), TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* Search */

static const char *
kind_icon (CmioSearchKind kind)
{
  switch (kind)
    {
    case CMIO_SEARCH_KIND_CHAPTER:
      return "accessories-dictionary-symbolic";
    case CMIO_SEARCH_KIND_ITEM:
      return "object-select-symbolic";
    case CMIO_SEARCH_KIND_NOTE:
    default:
      return "document-edit-symbolic";
    }
}

static const char *
kind_name (CmioSearchKind kind)
{
  switch (kind)
    {
    case CMIO_SEARCH_KIND_CHAPTER:
      return _("Chapter");
    case CMIO_SEARCH_KIND_ITEM:
      return _("Checklist item");
    case CMIO_SEARCH_KIND_NOTE:
    default:
      return _("Note");
    }
}

/* The snippet, escaped, with the match in bold. */
static char *
snippet_markup (CmioSearchResult *result)
{
  const char *snippet = cmio_search_result_get_snippet (result);
  guint start = cmio_search_result_get_match_start (result);
  guint length = cmio_search_result_get_match_length (result);
  gsize total = strlen (snippet);
  g_autofree char *before = NULL;
  g_autofree char *match = NULL;
  g_autofree char *after = NULL;

  if (start > total || start + length > total)
    return g_markup_escape_text (snippet, -1);

  before = g_markup_escape_text (snippet, start);
  match = g_markup_escape_text (snippet + start, length);
  after = g_markup_escape_text (snippet + start + length, -1);
  return g_strdup_printf ("%s<b>%s</b>%s", before, match, after);
}

static GtkWidget *
create_result_row (CmioSearchResult *result)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (kind_icon (cmio_search_result_get_kind (result)));
  GtkWidget *label;
  g_autofree char *markup = snippet_markup (result);
  g_autofree char *accessible = NULL;

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (box), icon);

  label = gtk_label_new (cmio_search_result_get_title (result));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (text), label);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (text), label);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  accessible = g_strdup_printf ("%s: %s. %s", kind_name (cmio_search_result_get_kind (result)),
                                cmio_search_result_get_title (result),
                                cmio_search_result_get_snippet (result));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

/**
 * cmio_window_search:
 * @self: a #CmioWindow
 * @query: the words to find, all of them
 *
 * Lists, in the sidebar, the chapters, checklist items and notes that hold
 * every word of @query; an empty query shows the contents again.
 */
void
cmio_window_search (CmioWindow *self,
                    const char *query)
{
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  g_clear_object (&self->results);

  if (query == NULL || cmio_text_is_blank (query))
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "contents");
      return;
    }

  self->results = cmio_search_index_query (self->search, query, MAX_RESULTS);
  n = g_list_model_get_n_items (self->results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmioSearchResult) result = g_list_model_get_item (self->results, i);

      gtk_list_box_append (self->results_list, create_result_row (result));
    }

  gtk_stack_set_visible_child_name (self->sidebar_stack, n > 0 ? "results" : "no-results");
}

static void
search_changed_cb (CmioWindow *self)
{
  cmio_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
open_result (CmioWindow       *self,
             CmioSearchResult *result)
{
  const char *chapter_id = cmio_search_result_get_chapter_id (result);
  g_autofree char *page = NULL;

  if (chapter_id == NULL)
    {
      /* A free note: notes get a page of their own in a later version. */
      cmio_window_open_page (self, "overview", TRUE);
      cmio_window_add_toast (self, cmio_search_result_get_title (result));
      return;
    }

  page = g_strconcat (CHAPTER_PREFIX, chapter_id, NULL);
  cmio_window_open_page (self, page, TRUE);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  /* In a chapter's text, the match is found and highlighted. */
  if (cmio_search_result_get_kind (result) == CMIO_SEARCH_KIND_CHAPTER)
    {
      gtk_search_bar_set_search_mode (self->find_bar, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), cmio_search_result_get_match_text (result));
      cmio_reader_view_find (self->reader, cmio_search_result_get_match_text (result));
    }
}

static void
result_activated_cb (CmioWindow    *self,
                     GtkListBoxRow *row)
{
  g_autoptr(CmioSearchResult) result = NULL;

  if (self->results == NULL)
    return;

  result = g_list_model_get_item (self->results, gtk_list_box_row_get_index (row));
  if (result != NULL)
    open_result (self, result);
}

static void
search_activated_cb (CmioWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL)
    result_activated_cb (self, first);
}

static void
search_stopped_cb (CmioWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (CmioWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      cmio_window_search (self, NULL);
    }
}

void
cmio_window_class_init_sidebar (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
}

/* Called from the window's init, once the template is built. */
void
cmio_window_init_sidebar (CmioWindow *self)
{
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

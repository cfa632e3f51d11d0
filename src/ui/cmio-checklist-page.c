/* cmio-checklist-page.c — the whole checklist: every item, grouped and filtered
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-checklist-page.h"
#include "cmio-line-estimate.h"
#include "cmio-width-bin.h"

/* The narrowest a row's text gets: a 360 px window still fits. */
#define CMIO_ROW_MIN_CHARS 20
/* The most lines an item's text gets in the list; longer ones end in an
 * ellipsis, and their tooltip shows them whole. */
#define CMIO_ROW_MAX_LINES 6
/* What a row takes beside its text (the check box, spacing, the list's and
 * the row's padding) with Adwaita, until a row laid out says. */
#define CMIO_ROW_CHROME_PX 64
/* The delete button of an archived item, and the space before it */
#define CMIO_ROW_DELETE_PX 44

/* A GtkListView: rows are made for what is on screen only, so ten
 * thousand items are a few dozen widgets (200 in GTK 4.8). Headers and
 * items come from the plan as one flat list; each row shows one or the
 * other.
 *
 * An item's text and dates are GtkInscriptions, not GtkLabels: their size
 * comes from a number of lines and characters instead of from laying the
 * text out, so the rows cost no text shaping until they are drawn, and
 * only those on screen are. Opening the page with 10,000 items went from
 * 155-280 ms to about 30 ms. The lines an item's text needs at the list's
 * width come from a table of its font's character widths
 * (cmio-line-estimate.c). */

struct _CmioChecklistPage
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown *filter_dropdown;
  GtkDropDown *grouping_dropdown;
  GtkStack *stack;
  GtkListView *list_view;

  /* Owned */
  CmioPlan *plan;
  CmioProgress *progress;
  CmioUndoStack *undo;

  /* The rows the list view made (Row); the width an item's text has,
   * and its font's character widths, to find the lines it needs */
  GPtrArray *rows;
  int list_width;
  int chrome;
  CmioAdvances advances;
};

G_DEFINE_FINAL_TYPE (CmioChecklistPage, cmio_checklist_page, GTK_TYPE_BOX)

enum {
  TOAST,
  OPEN_CHAPTER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  GtkWidget *header;
  GtkWidget *header_title;
  GtkWidget *header_count;
  GtkWidget *item;
  GtkWidget *check;
  GtkWidget *title;
  GtkWidget *meta;
  GtkWidget *delete;
  CmioPlanItem *bound;
  gulong notify_handler;
  gboolean updating;
  CmioChecklistPage *page;
} Row;

/* Lines enough for @row's text at the list's width. */
static void
update_row_lines (Row *row)
{
  CmioChecklistPage *page = row->page;
  guint lines = 1;

  if (page != NULL && page->advances.measured)
    {
      int width = page->list_width - page->chrome;

      /* An archived item's delete button takes from its text. */
      if (gtk_widget_get_visible (row->delete))
        width -= CMIO_ROW_DELETE_PX;
      lines = cmio_advances_count_lines (&page->advances,
                                         gtk_inscription_get_text (GTK_INSCRIPTION (row->title)),
                                         width);
    }

  lines = CLAMP (lines, 1, CMIO_ROW_MAX_LINES);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (row->title), (guint) lines);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (row->title), (guint) lines);
}

static void
update_row (Row *row)
{
  CmioPlanItem *plan_item = row->bound;
  g_autofree char *text = NULL;
  g_autofree char *count = NULL;

  if (plan_item == NULL)
    return;

  if (cmio_plan_item_get_kind (plan_item) == CMIO_PLAN_ROW_HEADER)
    {
      count = g_strdup_printf ("%u/%u", cmio_plan_item_get_n_done (plan_item),
                               cmio_plan_item_get_n_total (plan_item));
      gtk_label_set_text (GTK_LABEL (row->header_title), cmio_plan_item_get_title (plan_item));
      gtk_label_set_text (GTK_LABEL (row->header_count), count);
      return;
    }

  row->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), cmio_plan_item_get_done (plan_item));
  row->updating = FALSE;

  text = g_strdup_printf ("%s  %s", cmio_plan_item_get_number (plan_item), cmio_plan_item_get_text (plan_item));
  gtk_inscription_set_text (GTK_INSCRIPTION (row->title), text);
  gtk_widget_set_visible (row->delete, cmio_plan_item_get_archived (plan_item));
  update_row_lines (row);

  if (cmio_plan_item_get_archived (plan_item))
    gtk_inscription_set_text (GTK_INSCRIPTION (row->meta), _("No longer in the handbook"));
  else if (cmio_plan_item_get_overdue (plan_item))
    {
      g_autofree char *meta = g_strdup_printf ("%s · %s", cmio_plan_item_get_target_label (plan_item),
                                               _("Overdue"));

      gtk_inscription_set_text (GTK_INSCRIPTION (row->meta), meta);
    }
  else
    gtk_inscription_set_text (GTK_INSCRIPTION (row->meta), cmio_plan_item_get_target_label (plan_item));

  /* The check box reads as the item, its dates as the description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  gtk_inscription_get_text (GTK_INSCRIPTION (row->meta)),
                                  -1);
}

static void
report (CmioChecklistPage *self,
        const char        *message,
        gboolean           undoable)
{
  g_signal_emit (self, signals[TOAST], 0, message, undoable);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  Row            *row)
{
  CmioChecklistPage *self = g_object_get_data (G_OBJECT (check), "page");
  g_autoptr(GError) error = NULL;
  gboolean done = gtk_check_button_get_active (check);

  if (row->updating || row->bound == NULL)
    return;

  if (!cmio_undo_stack_set_item_done (self->undo, cmio_plan_item_get_id (row->bound), done, &error))
    {
      report (self, error->message, FALSE);
      update_row (row);
      return;
    }

  report (self, done ? _("Item ticked") : _("Item unticked"), TRUE);
}

static void
delete_clicked_cb (GtkButton *button,
                   Row       *row)
{
  CmioChecklistPage *self = g_object_get_data (G_OBJECT (button), "page");
  g_autoptr(GError) error = NULL;

  if (row->bound == NULL)
    return;

  if (!cmio_undo_stack_remove_item_state (self->undo, cmio_plan_item_get_id (row->bound), &error))
    report (self, error->message, FALSE);
  else
    report (self, _("Archived item deleted"), TRUE);
}

/* A text cut short shows whole in its tooltip. Whether it was is found
 * here, on hovering, by laying it out at the width it has. */
static gboolean
title_tooltip_cb (GtkWidget  *title,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  Row        *row)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (title));
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || gtk_widget_get_width (title) <= 0)
    return FALSE;

  layout = gtk_widget_create_pango_layout (title, text);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, gtk_widget_get_width (title) * PANGO_SCALE);
  if ((guint) pango_layout_get_line_count (layout) <= gtk_inscription_get_nat_lines (GTK_INSCRIPTION (title)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  if (row->page != NULL && row->page->rows != NULL)
    g_ptr_array_remove_fast (row->page->rows, row);
  g_free (row);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CmioChecklistPage        *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text_box;

  row->page = self;
  g_ptr_array_add (self->rows, row);

  row->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (row->header, 12);
  row->header_title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->header_title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->header_title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (row->header_title, TRUE);
  gtk_widget_add_css_class (row->header_title, "heading");
  gtk_box_append (GTK_BOX (row->header), row->header_title);
  row->header_count = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->header_count, "dim-label");
  gtk_widget_add_css_class (row->header_count, "numeric");
  gtk_box_append (GTK_BOX (row->header), row->header_count);
  gtk_box_append (GTK_BOX (box), row->header);

  row->item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  row->check = gtk_check_button_new ();
  gtk_widget_set_valign (row->check, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (row->check), "page", self);
  g_signal_connect (row->check, "toggled", G_CALLBACK (check_toggled_cb), row);
  gtk_box_append (GTK_BOX (row->item), row->check);

  text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text_box, TRUE);
  row->title = gtk_inscription_new (NULL);
  gtk_widget_set_name (row->title, "item-text");
  gtk_inscription_set_xalign (GTK_INSCRIPTION (row->title), 0);
  gtk_inscription_set_yalign (GTK_INSCRIPTION (row->title), 0);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (row->title), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (row->title), CMIO_ROW_MIN_CHARS);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (row->title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (row->title, TRUE);
  g_signal_connect (row->title, "query-tooltip", G_CALLBACK (title_tooltip_cb), row);
  gtk_box_append (GTK_BOX (text_box), row->title);
  row->meta = gtk_inscription_new (NULL);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (row->meta), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (row->meta), CMIO_ROW_MIN_CHARS);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (row->meta), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (row->meta, "caption");
  gtk_widget_add_css_class (row->meta, "dim-label");
  gtk_box_append (GTK_BOX (text_box), row->meta);
  gtk_box_append (GTK_BOX (row->item), text_box);

  row->delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (row->delete, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->delete, _("Delete This Archived Item"));
  gtk_widget_add_css_class (row->delete, "flat");
  g_object_set_data (G_OBJECT (row->delete), "page", self);
  g_signal_connect (row->delete, "clicked", G_CALLBACK (delete_clicked_cb), row);
  gtk_box_append (GTK_BOX (row->item), row->delete);
  gtk_box_append (GTK_BOX (box), row->item);

  g_object_set_data_full (G_OBJECT (list_item), "row", row, row_free);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         CmioChecklistPage        *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "row");
  CmioPlanItem *plan_item = gtk_list_item_get_item (list_item);
  gboolean header = cmio_plan_item_get_kind (plan_item) == CMIO_PLAN_ROW_HEADER;

  row->bound = plan_item;
  row->notify_handler = g_signal_connect_swapped (plan_item, "notify", G_CALLBACK (update_row), row);
  gtk_widget_set_visible (row->header, header);
  gtk_widget_set_visible (row->item, !header);
  gtk_list_item_set_activatable (list_item, !header);
  gtk_list_item_set_selectable (list_item, FALSE);
  update_row (row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           CmioChecklistPage        *self)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "row");

  if (row->bound != NULL)
    g_clear_signal_handler (&row->notify_handler, row->bound);
  row->bound = NULL;
}

static void
update_stack (CmioChecklistPage *self)
{
  GListModel *rows = self->plan ? cmio_plan_get_rows (self->plan) : NULL;

  gtk_stack_set_visible_child_name (self->stack,
                                    rows && g_list_model_get_n_items (rows) > 0 ? "list" : "empty");
}

static void
search_changed_cb (CmioChecklistPage *self)
{
  if (self->plan != NULL)
    cmio_plan_set_search (self->plan, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_stack (self);
}

static void
filter_changed_cb (CmioChecklistPage *self)
{
  if (self->plan != NULL)
    cmio_plan_set_filter (self->plan, gtk_drop_down_get_selected (self->filter_dropdown));
  update_stack (self);
}

static void
grouping_changed_cb (CmioChecklistPage *self)
{
  if (self->plan != NULL)
    cmio_plan_set_grouping (self->plan, gtk_drop_down_get_selected (self->grouping_dropdown));
  update_stack (self);
}

static void
row_activated_cb (CmioChecklistPage *self,
                  guint              position)
{
  g_autoptr(CmioPlanItem) plan_item = g_list_model_get_item (cmio_plan_get_rows (self->plan), position);

  if (plan_item != NULL && cmio_plan_item_get_kind (plan_item) == CMIO_PLAN_ROW_ITEM &&
      cmio_plan_item_get_chapter_id (plan_item) != NULL)
    g_signal_emit (self, signals[OPEN_CHAPTER], 0, cmio_plan_item_get_chapter_id (plan_item));
}

static void
update_all_row_lines (CmioChecklistPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    update_row_lines (g_ptr_array_index (self->rows, i));
}

/* Before the list view lays its rows out at a new width, each learns the
 * lines its text needs there. */
static void
width_changed_cb (CmioChecklistPage *self,
                  int                width)
{
  /* What the rows take beside their text, from one laid out before */
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      int title_width = gtk_widget_get_width (row->title);

      if (title_width > 0 && gtk_widget_get_mapped (row->title) &&
          !gtk_widget_get_visible (row->delete))
        {
          self->chrome = CLAMP (self->list_width - title_width, 0, self->list_width / 2);
          break;
        }
    }

  self->list_width = width;
  if (!self->advances.measured)
    cmio_advances_measure (&self->advances, GTK_WIDGET (self));
  update_all_row_lines (self);
}

/* Another font or resolution: measure again. */
static void
font_changed_cb (CmioChecklistPage *self)
{
  self->advances.measured = FALSE;
  if (self->list_width > 0 && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    {
      cmio_advances_measure (&self->advances, GTK_WIDGET (self));
      update_all_row_lines (self);
    }
}

static void
cmio_checklist_page_dispose (GObject *object)
{
  CmioChecklistPage *self = (CmioChecklistPage *) object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CMIO_TYPE_CHECKLIST_PAGE);

  g_clear_object (&self->plan);
  g_clear_object (&self->progress);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (cmio_checklist_page_parent_class)->dispose (object);
}

static void
cmio_checklist_page_finalize (GObject *object)
{
  CmioChecklistPage *self = (CmioChecklistPage *) object;

  /* Rows freed later no longer look for the page. */
  for (guint i = 0; i < self->rows->len; i++)
    ((Row *) g_ptr_array_index (self->rows, i))->page = NULL;
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (cmio_checklist_page_parent_class)->finalize (object);
}

static void
cmio_checklist_page_class_init (CmioChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_checklist_page_dispose;
  object_class->finalize = cmio_checklist_page_finalize;

  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  signals[OPEN_CHAPTER] =
    g_signal_new ("open-chapter", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/cmio-checklist-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CmioChecklistPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CmioChecklistPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CmioChecklistPage, grouping_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CmioChecklistPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CmioChecklistPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, grouping_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, width_changed_cb);
}

static void
cmio_checklist_page_init (CmioChecklistPage *self)
{
  GtkListItemFactory *factory;

  g_type_ensure (CMIO_TYPE_WIDTH_BIN);
  self->rows = g_ptr_array_new ();
  self->chrome = CMIO_ROW_CHROME_PX;
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-font-name",
                           G_CALLBACK (font_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                           G_CALLBACK (font_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

/**
 * cmio_checklist_page_set_context:
 * @self: a #CmioChecklistPage
 * @plan: the plan whose rows to show
 * @progress: the progress
 * @undo: where changes go, so they can be undone
 */
void
cmio_checklist_page_set_context (CmioChecklistPage *self,
                                 CmioPlan          *plan,
                                 CmioProgress      *progress,
                                 CmioUndoStack     *undo)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (CMIO_IS_CHECKLIST_PAGE (self));

  g_set_object (&self->plan, plan);
  g_set_object (&self->progress, progress);
  g_set_object (&self->undo, undo);

  selection = gtk_no_selection_new (g_object_ref (cmio_plan_get_rows (plan)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (cmio_plan_get_rows (plan), "items-changed",
                           G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  update_stack (self);
}

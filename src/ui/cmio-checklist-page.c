/* cmio-checklist-page.c — the whole checklist: every item, grouped and filtered
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-checklist-page.h"

/* The narrowest a row's text gets: a 360 px window still fits. */
#define CMIO_ROW_MIN_CHARS 20

/* A GtkListView: rows are made for what is on screen only, so ten
 * thousand items are a few dozen widgets. Headers and items come from the
 * plan as one flat list; each row shows one or the other. */

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
} Row;

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
  gtk_label_set_text (GTK_LABEL (row->title), text);

  if (cmio_plan_item_get_archived (plan_item))
    gtk_label_set_text (GTK_LABEL (row->meta), _("No longer in the handbook"));
  else if (cmio_plan_item_get_overdue (plan_item))
    {
      g_autofree char *meta = g_strdup_printf ("%s · %s", cmio_plan_item_get_target_label (plan_item),
                                               _("Overdue"));

      gtk_label_set_text (GTK_LABEL (row->meta), meta);
    }
  else
    gtk_label_set_text (GTK_LABEL (row->meta), cmio_plan_item_get_target_label (plan_item));

  gtk_widget_set_visible (row->delete, cmio_plan_item_get_archived (plan_item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
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

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          CmioChecklistPage        *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text_box;

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
  row->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->title), 0);
  gtk_label_set_wrap (GTK_LABEL (row->title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->title), PANGO_WRAP_WORD_CHAR);
  /* A minimum width in characters spares GTK laying the text out one
   * character a line to find it, in every one of the rows the list view
   * makes (200 in GTK 4.8): opening the page takes about half as long. */
  gtk_label_set_width_chars (GTK_LABEL (row->title), CMIO_ROW_MIN_CHARS);
  gtk_box_append (GTK_BOX (text_box), row->title);
  row->meta = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->meta), 0);
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

  g_object_set_data_full (G_OBJECT (list_item), "row", row, g_free);
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
cmio_checklist_page_class_init (CmioChecklistPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_checklist_page_dispose;

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
}

static void
cmio_checklist_page_init (CmioChecklistPage *self)
{
  GtkListItemFactory *factory;

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

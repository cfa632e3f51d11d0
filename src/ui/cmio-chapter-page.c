/* cmio-chapter-page.c — a chapter's text with its checklist and note beside
 * or below
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cmio-chapter-page.h"

/* The checklist's width beside the text, and its share of the height
 * below it. */
#define SIDE_WIDTH 340
#define BELOW_SHARE 0.42

/* A layout of its own, since libadwaita 1.2 has no breakpoints: wide, the
 * checklist is a column at the end; narrow, a band below the text. */

struct _CmioChapterPage
{
  GtkWidget parent_instance;

  CmioReaderView *reader;
  CmioChecklistPanel *checklist;
  CmioNoteEditor *note;
  GtkStack *side_stack;
  /* The checklist and the note, one at a time, under a switcher */
  GtkWidget *side;
  GtkWidget *separator;
  gboolean side_by_side;
};

G_DEFINE_FINAL_TYPE (CmioChapterPage, cmio_chapter_page, GTK_TYPE_WIDGET)

static void
cmio_chapter_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  CmioChapterPage *self = CMIO_CHAPTER_PAGE (widget);
  int reader_min;
  int reader_nat;
  int list_min;
  int list_nat;

  gtk_widget_measure (GTK_WIDGET (self->reader), orientation, -1, &reader_min, &reader_nat, NULL, NULL);
  gtk_widget_measure (self->side, orientation, -1, &list_min, &list_nat, NULL, NULL);

  /* Narrow is always possible, so the minimum is that of the stack. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (reader_min, list_min);
      *natural = MAX (reader_nat, SIDE_WIDTH) + SIDE_WIDTH;
    }
  else
    {
      *minimum = reader_min + list_min;
      *natural = MAX (reader_nat, list_nat);
    }
}

static void
cmio_chapter_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  CmioChapterPage *self = CMIO_CHAPTER_PAGE (widget);
  gboolean side_by_side = width >= CMIO_CHAPTER_PAGE_SIDE_BY_SIDE;
  int separator_size;

  if (side_by_side != self->side_by_side)
    {
      self->side_by_side = side_by_side;
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->separator),
                                      side_by_side ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
    }

  gtk_widget_measure (self->separator, side_by_side ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL,
                      -1, &separator_size, NULL, NULL, NULL);

  if (side_by_side)
    {
      int text = width - SIDE_WIDTH - separator_size;

      gtk_widget_size_allocate (GTK_WIDGET (self->reader), &(GtkAllocation) { 0, 0, text, height }, -1);
      gtk_widget_size_allocate (self->separator, &(GtkAllocation) { text, 0, separator_size, height }, -1);
      gtk_widget_size_allocate (self->side,
                                &(GtkAllocation) { text + separator_size, 0, SIDE_WIDTH, height }, -1);
    }
  else
    {
      int list_min;
      int below;
      int text;

      gtk_widget_measure (self->side, GTK_ORIENTATION_VERTICAL, width,
                          &list_min, NULL, NULL, NULL);
      below = MAX (list_min, (int) (height * BELOW_SHARE));
      below = MIN (below, height);
      text = MAX (height - below - separator_size, 0);

      gtk_widget_size_allocate (GTK_WIDGET (self->reader), &(GtkAllocation) { 0, 0, width, text }, -1);
      gtk_widget_size_allocate (self->separator, &(GtkAllocation) { 0, text, width, separator_size }, -1);
      gtk_widget_size_allocate (self->side,
                                &(GtkAllocation) { 0, text + separator_size, width, below }, -1);
    }
}

static void
cmio_chapter_page_dispose (GObject *object)
{
  CmioChapterPage *self = (CmioChapterPage *) object;

  if (self->reader != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->reader));
  g_clear_pointer (&self->separator, gtk_widget_unparent);
  g_clear_pointer (&self->side, gtk_widget_unparent);
  self->reader = NULL;
  self->checklist = NULL;
  self->note = NULL;

  G_OBJECT_CLASS (cmio_chapter_page_parent_class)->dispose (object);
}

static void
cmio_chapter_page_class_init (CmioChapterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_chapter_page_dispose;
  widget_class->measure = cmio_chapter_page_measure;
  widget_class->size_allocate = cmio_chapter_page_size_allocate;
}

static void
cmio_chapter_page_init (CmioChapterPage *self)
{
  GtkWidget *switcher;

  self->reader = g_object_new (CMIO_TYPE_READER_VIEW, NULL);
  self->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  self->checklist = g_object_new (CMIO_TYPE_CHECKLIST_PANEL, NULL);
  self->note = g_object_new (CMIO_TYPE_NOTE_EDITOR, NULL);
  self->side_by_side = TRUE;

  self->side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->side_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->side_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_add_titled (self->side_stack, GTK_WIDGET (self->checklist), "checklist", _("Checklist"));
  gtk_stack_add_titled (self->side_stack, GTK_WIDGET (self->note), "note", _("Note"));
  gtk_widget_set_vexpand (GTK_WIDGET (self->side_stack), TRUE);
  switcher = gtk_stack_switcher_new ();
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->side_stack);
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 6);
  gtk_widget_set_margin_bottom (switcher, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checklist or note"), -1);
  gtk_box_append (GTK_BOX (self->side), switcher);
  gtk_box_append (GTK_BOX (self->side), GTK_WIDGET (self->side_stack));

  gtk_widget_set_parent (GTK_WIDGET (self->reader), GTK_WIDGET (self));
  gtk_widget_set_parent (self->separator, GTK_WIDGET (self));
  gtk_widget_set_parent (self->side, GTK_WIDGET (self));
}

CmioReaderView *
cmio_chapter_page_get_reader (CmioChapterPage *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER_PAGE (self), NULL);
  return self->reader;
}

CmioChecklistPanel *
cmio_chapter_page_get_checklist (CmioChapterPage *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER_PAGE (self), NULL);
  return self->checklist;
}

gboolean
cmio_chapter_page_is_side_by_side (CmioChapterPage *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER_PAGE (self), FALSE);
  return self->side_by_side;
}

CmioNoteEditor *
cmio_chapter_page_get_note (CmioChapterPage *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER_PAGE (self), NULL);
  return self->note;
}

/* "checklist" or "note" */
void
cmio_chapter_page_show_side (CmioChapterPage *self,
                             const char      *name)
{
  g_return_if_fail (CMIO_IS_CHAPTER_PAGE (self));
  gtk_stack_set_visible_child_name (self->side_stack, name);
}

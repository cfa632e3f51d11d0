/* cmio-chart-view.c — a chart picture that keeps its aspect at any width
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-chart-view.h"

/* The chart: as wide as the page allows, at most its own size, and as
 * tall as that width makes it, so a narrow window gets no empty bands. */

struct _CmioChartView
{
  GtkWidget parent_instance;
  GdkTexture *texture;
};

G_DEFINE_FINAL_TYPE (CmioChartView, cmio_chart_view, GTK_TYPE_WIDGET)

static void
cmio_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CmioChartView *self = CMIO_CHART_VIEW (widget);
  int width = gdk_texture_get_width (self->texture);
  int height = gdk_texture_get_height (self->texture);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = width;
    }
  else
    {
      int shown = for_size >= 0 ? MIN (for_size, width) : width;

      *minimum = *natural = width > 0 ? (int) ((double) height * shown / width) : 0;
    }
}

static GtkSizeRequestMode
cmio_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cmio_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CmioChartView *self = CMIO_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int shown = MIN (width, gdk_texture_get_width (self->texture));
  int height = gdk_texture_get_width (self->texture) > 0
               ? (int) ((double) gdk_texture_get_height (self->texture) * shown / gdk_texture_get_width (self->texture))
               : 0;

  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT ((width - shown) / 2.f, 0, shown, height));
}

static void
cmio_chart_view_finalize (GObject *object)
{
  g_clear_object (&CMIO_CHART_VIEW (object)->texture);
  G_OBJECT_CLASS (cmio_chart_view_parent_class)->finalize (object);
}

static void
cmio_chart_view_class_init (CmioChartViewClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = cmio_chart_view_measure;
  GTK_WIDGET_CLASS (klass)->get_request_mode = cmio_chart_view_get_request_mode;
  GTK_WIDGET_CLASS (klass)->snapshot = cmio_chart_view_snapshot;
  G_OBJECT_CLASS (klass)->finalize = cmio_chart_view_finalize;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
cmio_chart_view_init (CmioChartView *self)
{
}

GtkWidget *
cmio_chart_view_new (GdkTexture *texture)
{
  CmioChartView *self = g_object_new (CMIO_TYPE_CHART_VIEW, NULL);

  self->texture = g_object_ref (texture);
  return GTK_WIDGET (self);
}

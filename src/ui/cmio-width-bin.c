/* cmio-width-bin.c — a bin that says its width before its child is laid out
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-width-bin.h"

/* One child, measured and allocated as if the bin were not there. When the
 * width it is given changes, "width-changed" is emitted first, so that a
 * handler can change what the child will ask for in this very layout pass
 * rather than in the next frame. (A widget with a layout manager, as a
 * GtkBox, never has its size_allocate vfunc called, hence a widget of its
 * own.) */

struct _CmioWidthBin
{
  GtkWidget parent_instance;

  GtkWidget *child;
  int width;
};

G_DEFINE_FINAL_TYPE (CmioWidthBin, cmio_width_bin, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

enum {
  WIDTH_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cmio_width_bin_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CmioWidthBin *self = CMIO_WIDTH_BIN (widget);

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_measure (self->child, orientation, for_size,
                        minimum, natural, minimum_baseline, natural_baseline);
}

static void
cmio_width_bin_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CmioWidthBin *self = CMIO_WIDTH_BIN (widget);

  if (width != self->width)
    {
      self->width = width;
      g_signal_emit (self, signals[WIDTH_CHANGED], 0, width);
    }

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
cmio_width_bin_get_request_mode (GtkWidget *widget)
{
  CmioWidthBin *self = CMIO_WIDTH_BIN (widget);

  return self->child ? gtk_widget_get_request_mode (self->child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
cmio_width_bin_dispose (GObject *object)
{
  CmioWidthBin *self = CMIO_WIDTH_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (cmio_width_bin_parent_class)->dispose (object);
}

static void
cmio_width_bin_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CmioWidthBin *self = CMIO_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_width_bin_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CmioWidthBin *self = CMIO_WIDTH_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      cmio_width_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_width_bin_class_init (CmioWidthBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_width_bin_dispose;
  object_class->get_property = cmio_width_bin_get_property;
  object_class->set_property = cmio_width_bin_set_property;
  widget_class->measure = cmio_width_bin_measure;
  widget_class->size_allocate = cmio_width_bin_size_allocate;
  widget_class->get_request_mode = cmio_width_bin_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CmioWidthBin::width-changed:
   * @width: the new width, in pixels
   *
   * Emitted during a layout pass, before the child is allocated.
   */
  signals[WIDTH_CHANGED] =
    g_signal_new ("width-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
cmio_width_bin_init (CmioWidthBin *self)
{
}

void
cmio_width_bin_set_child (CmioWidthBin *self,
                          GtkWidget    *child)
{
  g_return_if_fail (CMIO_IS_WIDTH_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
cmio_width_bin_get_child (CmioWidthBin *self)
{
  g_return_val_if_fail (CMIO_IS_WIDTH_BIN (self), NULL);
  return self->child;
}

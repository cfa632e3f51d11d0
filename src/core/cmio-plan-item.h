/* cmio-plan-item.h — one row of the 90-day plan: a group's header or an item
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cmio-checklist-item.h"

G_BEGIN_DECLS

typedef enum
{
  CMIO_PLAN_ROW_HEADER,
  CMIO_PLAN_ROW_ITEM,
} CmioPlanRowKind;

#define CMIO_TYPE_PLAN_ROW_KIND (cmio_plan_row_kind_get_type ())
#define CMIO_TYPE_PLAN_ITEM (cmio_plan_item_get_type ())

GType cmio_plan_row_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (CmioPlanItem, cmio_plan_item, CMIO, PLAN_ITEM, GObject)

/* Every getter below is also a read-only property of the same name (with
 * "-" for "_"), notified when it changes, so list rows can bind to them. */

CmioPlanRowKind    cmio_plan_item_get_kind          (CmioPlanItem *self);

/* Headers: "2. CMIO vs. CIO", "Days 1–30: Discover", "Archived"… */
const char        *cmio_plan_item_get_title         (CmioPlanItem *self);
guint              cmio_plan_item_get_n_done        (CmioPlanItem *self);
guint              cmio_plan_item_get_n_total       (CmioPlanItem *self);

/* Items */
CmioChecklistItem *cmio_plan_item_get_item          (CmioPlanItem *self);
const char        *cmio_plan_item_get_id            (CmioPlanItem *self);
const char        *cmio_plan_item_get_chapter_id    (CmioPlanItem *self);
const char        *cmio_plan_item_get_number        (CmioPlanItem *self);
const char        *cmio_plan_item_get_text          (CmioPlanItem *self);
int                cmio_plan_item_get_target_day    (CmioPlanItem *self);
const char        *cmio_plan_item_get_target_label  (CmioPlanItem *self);
gboolean           cmio_plan_item_get_done          (CmioPlanItem *self);
gboolean           cmio_plan_item_get_overdue       (CmioPlanItem *self);
gboolean           cmio_plan_item_get_custom        (CmioPlanItem *self);
gboolean           cmio_plan_item_get_archived      (CmioPlanItem *self);

G_END_DECLS

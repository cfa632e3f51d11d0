/* cmio-plan-item-private.h — what CmioPlan keeps in and changes on its rows
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-plan-item.h"

G_BEGIN_DECLS

struct _CmioPlanItem
{
  GObject parent_instance;

  CmioPlanRowKind kind;

  /* Headers */
  char *title;
  guint n_done;
  guint n_total;

  /* Items */
  CmioChecklistItem *item;   /* NULL for headers and archived items */
  char *id;
  char *chapter_id;          /* NULL for archived items */
  char *number;
  char *text;
  int target_day;            /* -1 for archived items */
  char *target_label;
  gboolean done;
  gboolean overdue;
  gboolean custom;
  gboolean archived;

  /* The plan's bookkeeping, not properties */
  char *folded;              /* number, text and detail, folded for search */
  gboolean required;
  gboolean due_soon;         /* not done, due today or in the next six days */
  guint order;               /* position in chapter order: pack items, then custom */
  guint group;               /* index of its group in the current grouping */
  guint index;               /* position in its group */
  gboolean visible;          /* passes the filter and the search */
};

CmioPlanItem *cmio_plan_item_new_header       (const char        *title);
CmioPlanItem *cmio_plan_item_new_for_item     (CmioChecklistItem *item,
                                               gboolean           custom);
CmioPlanItem *cmio_plan_item_new_archived     (const char        *id);
void          cmio_plan_item_set_item         (CmioPlanItem      *self,
                                               CmioChecklistItem *item);
void          cmio_plan_item_set_title        (CmioPlanItem      *self,
                                               const char        *title);
void          cmio_plan_item_set_counts       (CmioPlanItem      *self,
                                               guint              n_done,
                                               guint              n_total);
void          cmio_plan_item_set_target_label (CmioPlanItem      *self,
                                               const char        *label);
void          cmio_plan_item_set_done         (CmioPlanItem      *self,
                                               gboolean           done);
void          cmio_plan_item_set_overdue      (CmioPlanItem      *self,
                                               gboolean           overdue);

G_END_DECLS

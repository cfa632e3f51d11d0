/* cmio-plan-private.h — what the parts of CmioPlan share
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-plan.h"
#include "cmio-plan-item-private.h"

G_BEGIN_DECLS

/* The plan keeps one CmioPlanItem per item, by id, for as long as the item
 * exists, so that list rows bound to its properties stay bound when the
 * rows are rebuilt. The rows are the groups' headers and the items that
 * pass the filter and the search; a tick changes only the rows it has to,
 * finding their positions from the groups' counts without a walk through
 * the list. */

typedef struct
{
  CmioPlanItem *header;      /* borrowed from headers */
  GPtrArray *items;          /* CmioPlanItem, borrowed from by_id, in the group's order */
  guint n_shown;
  guint n_shown_done;
} Group;

struct _CmioPlan
{
  GObject parent_instance;

  CmioContentPack *pack;
  CmioProgress *progress;
  GListStore *rows;
  GHashTable *by_id;         /* item id → CmioPlanItem */
  GPtrArray *items;          /* every item in chapter order, borrowed from by_id */
  GArray *groups;            /* Group, in the current grouping */
  GHashTable *headers;       /* group key → CmioPlanItem, kept across rebuilds */
  GHashTable *labels;        /* target day → its label, for the current dates */

  GDate start;
  GDate today;
  int day;
  gboolean today_fixed;
  guint midnight_source;

  CmioPlanGrouping grouping;
  CmioPlanFilter filter;
  GStrv words;               /* the search, folded; NULL for none */
};

/* Dates */
void     cmio_plan_update_status     (CmioPlan      *self,
                                      CmioPlanItem  *row);
void     cmio_plan_update_dates      (CmioPlan      *self);

/* Items and rows */
int      cmio_plan_compare_by_target (gconstpointer  a,
                                      gconstpointer  b);
void     cmio_plan_group_clear       (Group         *group);
void     cmio_plan_rebuild_rows      (CmioPlan      *self);
void     cmio_plan_reload_items      (CmioPlan      *self);
void     cmio_plan_update_item       (CmioPlan      *self,
                                      const char    *id);

G_END_DECLS

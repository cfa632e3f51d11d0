/* cmio-plan.h — the 90-day plan: dates, groups, filters, counts, overview
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cmio-content-pack.h"
#include "cmio-plan-item.h"
#include "cmio-progress.h"

G_BEGIN_DECLS

#define CMIO_PLAN_DAYS 90

typedef enum
{
  CMIO_PLAN_FILTER_ALL,
  CMIO_PLAN_FILTER_OPEN,
  CMIO_PLAN_FILTER_DONE,
  CMIO_PLAN_FILTER_OVERDUE,
  CMIO_PLAN_FILTER_DUE_THIS_WEEK,
  CMIO_PLAN_FILTER_REQUIRED,
} CmioPlanFilter;

typedef enum
{
  CMIO_PLAN_GROUP_BY_CHAPTER,
  CMIO_PLAN_GROUP_BY_PHASE,
} CmioPlanGrouping;

typedef struct
{
  guint chapters_read;
  guint chapters_total;
  guint required_done;
  guint required_total;
  guint items_done;
  guint items_total;
  guint overdue;
} CmioPlanFigures;

#define CMIO_TYPE_PLAN (cmio_plan_get_type ())

G_DECLARE_FINAL_TYPE (CmioPlan, cmio_plan, CMIO, PLAN, GObject)

CmioPlan         *cmio_plan_new                 (CmioContentPack  *pack,
                                                 CmioProgress     *progress);
void              cmio_plan_set_today           (CmioPlan         *self,
                                                 GDate            *today);
GDate            *cmio_plan_dup_start_date      (CmioPlan         *self);
GDate            *cmio_plan_dup_target_date     (CmioPlan         *self,
                                                 int               target_day);
char             *cmio_plan_format_target       (CmioPlan         *self,
                                                 int               target_day);
int               cmio_plan_get_day             (CmioPlan         *self);
char             *cmio_plan_describe_day        (CmioPlan         *self);
void              cmio_plan_get_figures         (CmioPlan         *self,
                                                 CmioPlanFigures  *figures);
GPtrArray        *cmio_plan_dup_next_due        (CmioPlan         *self,
                                                 guint             max_items);
GPtrArray        *cmio_plan_dup_chapter_items   (CmioPlan         *self,
                                                 const char       *chapter_id);
GListModel       *cmio_plan_get_rows            (CmioPlan         *self);
void              cmio_plan_set_grouping        (CmioPlan         *self,
                                                 CmioPlanGrouping  grouping);
void              cmio_plan_set_filter          (CmioPlan         *self,
                                                 CmioPlanFilter    filter);
void              cmio_plan_set_search          (CmioPlan         *self,
                                                 const char       *text);

CmioContentPack  *cmio_plan_get_content_pack    (CmioPlan         *self);

G_END_DECLS

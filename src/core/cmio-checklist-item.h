/* cmio-checklist-item.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CMIO_OWNER_CMIO,
  CMIO_OWNER_MENTOR,
  CMIO_OWNER_EXECUTIVE,
} CmioOwner;

#define CMIO_TYPE_CHECKLIST_ITEM (cmio_checklist_item_get_type ())

G_DECLARE_FINAL_TYPE (CmioChecklistItem, cmio_checklist_item, CMIO, CHECKLIST_ITEM, GObject)

CmioChecklistItem *cmio_checklist_item_new            (const char        *id,
                                                       const char        *chapter_id,
                                                       const char        *number,
                                                       const char        *text,
                                                       const char        *detail,
                                                       int                target_day,
                                                       CmioOwner          owner,
                                                       gboolean           required);
const char        *cmio_checklist_item_get_id         (CmioChecklistItem *self);
const char        *cmio_checklist_item_get_chapter_id (CmioChecklistItem *self);
const char        *cmio_checklist_item_get_number     (CmioChecklistItem *self);
const char        *cmio_checklist_item_get_text       (CmioChecklistItem *self);
const char        *cmio_checklist_item_get_detail     (CmioChecklistItem *self);
int                cmio_checklist_item_get_target_day (CmioChecklistItem *self);
CmioOwner          cmio_checklist_item_get_owner      (CmioChecklistItem *self);
gboolean           cmio_checklist_item_get_required   (CmioChecklistItem *self);

gboolean           cmio_owner_from_string             (const char        *str,
                                                       CmioOwner         *owner);
const char        *cmio_owner_to_string               (CmioOwner          owner);

G_END_DECLS

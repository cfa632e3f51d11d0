/* cmio-item-dialog.h — adding or changing one of the user's own items
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cmio-checklist-item.h"

G_BEGIN_DECLS

#define CMIO_TYPE_ITEM_DIALOG (cmio_item_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CmioItemDialog, cmio_item_dialog, CMIO, ITEM_DIALOG, AdwWindow)

CmioItemDialog *cmio_item_dialog_new            (CmioChecklistItem *item);
const char     *cmio_item_dialog_get_item_id    (CmioItemDialog    *self);
const char     *cmio_item_dialog_get_text       (CmioItemDialog    *self);
int             cmio_item_dialog_get_target_day (CmioItemDialog    *self);
CmioOwner       cmio_item_dialog_get_owner      (CmioItemDialog    *self);
gboolean        cmio_item_dialog_get_required   (CmioItemDialog    *self);
void            cmio_item_dialog_save           (CmioItemDialog    *self);

G_END_DECLS

/* cmio-competency.h
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CMIO_N_LEVELS 5

#define CMIO_TYPE_COMPETENCY (cmio_competency_get_type ())

G_DECLARE_FINAL_TYPE (CmioCompetency, cmio_competency, CMIO, COMPETENCY, GObject)

CmioCompetency     *cmio_competency_new             (const char         *id,
                                                     const char         *domain_id,
                                                     const char         *title,
                                                     const char         *description,
                                                     const char * const *levels,
                                                     const char * const *chapter_ids);
const char         *cmio_competency_get_id          (CmioCompetency     *self);
const char         *cmio_competency_get_domain_id   (CmioCompetency     *self);
const char         *cmio_competency_get_title       (CmioCompetency     *self);
const char         *cmio_competency_get_description (CmioCompetency     *self);
const char         *cmio_competency_get_level       (CmioCompetency     *self,
                                                     guint               level);
const char * const *cmio_competency_get_chapter_ids (CmioCompetency     *self);

G_END_DECLS

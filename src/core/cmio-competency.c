/* cmio-competency.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-competency.h"

struct _CmioCompetency
{
  GObject parent_instance;

  char *id;
  char *domain_id;
  char *title;
  char *description;
  GStrv levels;
  GStrv chapter_ids;
};

G_DEFINE_FINAL_TYPE (CmioCompetency, cmio_competency, G_TYPE_OBJECT)

static void
cmio_competency_finalize (GObject *object)
{
  CmioCompetency *self = (CmioCompetency *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->domain_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->levels, g_strfreev);
  g_clear_pointer (&self->chapter_ids, g_strfreev);

  G_OBJECT_CLASS (cmio_competency_parent_class)->finalize (object);
}

static void
cmio_competency_class_init (CmioCompetencyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cmio_competency_finalize;
}

static void
cmio_competency_init (CmioCompetency *self)
{
}

/**
 * cmio_competency_new:
 * @id: the competency's stable id
 * @domain_id: the id of its domain
 * @title: a short title
 * @description: what it is
 * @levels: exactly %CMIO_N_LEVELS descriptors, level 1 first
 * @chapter_ids: (nullable): the chapters that help with it
 *
 * Returns: (transfer full): a new competency
 */
CmioCompetency *
cmio_competency_new (const char         *id,
                     const char         *domain_id,
                     const char         *title,
                     const char         *description,
                     const char * const *levels,
                     const char * const *chapter_ids)
{
  static const char * const none[] = { NULL };
  CmioCompetency *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (levels != NULL && g_strv_length ((GStrv) levels) == CMIO_N_LEVELS, NULL);

  self = g_object_new (CMIO_TYPE_COMPETENCY, NULL);
  self->id = g_strdup (id);
  self->domain_id = g_strdup (domain_id ? domain_id : "");
  self->title = g_strdup (title ? title : "");
  self->description = g_strdup (description ? description : "");
  self->levels = g_strdupv ((GStrv) levels);
  self->chapter_ids = g_strdupv ((GStrv) (chapter_ids ? chapter_ids : none));

  return self;
}

const char *
cmio_competency_get_id (CmioCompetency *self)
{
  g_return_val_if_fail (CMIO_IS_COMPETENCY (self), NULL);
  return self->id;
}

const char *
cmio_competency_get_domain_id (CmioCompetency *self)
{
  g_return_val_if_fail (CMIO_IS_COMPETENCY (self), NULL);
  return self->domain_id;
}

const char *
cmio_competency_get_title (CmioCompetency *self)
{
  g_return_val_if_fail (CMIO_IS_COMPETENCY (self), NULL);
  return self->title;
}

const char *
cmio_competency_get_description (CmioCompetency *self)
{
  g_return_val_if_fail (CMIO_IS_COMPETENCY (self), NULL);
  return self->description;
}

/**
 * cmio_competency_get_level:
 * @self: a #CmioCompetency
 * @level: 1 to %CMIO_N_LEVELS
 *
 * Returns: the descriptor of @level
 */
const char *
cmio_competency_get_level (CmioCompetency *self,
                           guint           level)
{
  g_return_val_if_fail (CMIO_IS_COMPETENCY (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= CMIO_N_LEVELS, NULL);
  return self->levels[level - 1];
}

const char * const *
cmio_competency_get_chapter_ids (CmioCompetency *self)
{
  g_return_val_if_fail (CMIO_IS_COMPETENCY (self), NULL);
  return (const char * const *) self->chapter_ids;
}

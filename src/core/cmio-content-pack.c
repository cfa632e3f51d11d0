/* cmio-content-pack.c — the handbook's content: the pack, its problems and
 * what it holds
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmio-content-pack-private.h"
#include "cmio-core-resources.h"

#define BUILTIN_URI "resource://" RESOURCE_PATH "/content"

G_DEFINE_FINAL_TYPE (CmioContentPack, cmio_content_pack, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (CmioProblem, cmio_problem, cmio_problem_copy, cmio_problem_free)

/* Problems */

CmioProblem *
cmio_problem_new (const char *file,
                  guint       line,
                  const char *message)
{
  CmioProblem *problem = g_new0 (CmioProblem, 1);

  problem->file = g_strdup (file ? file : "");
  problem->line = line;
  problem->message = g_strdup (message ? message : "");

  return problem;
}

CmioProblem *
cmio_problem_copy (const CmioProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return cmio_problem_new (problem->file, problem->line, problem->message);
}

void
cmio_problem_free (CmioProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

/**
 * cmio_problem_to_string:
 * @problem: a #CmioProblem
 *
 * Returns: (transfer full): "FILE:LINE: message", or "FILE: message" when the
 *   line is not known
 */
char *
cmio_problem_to_string (const CmioProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->line > 0)
    return g_strdup_printf ("%s:%u: %s", problem->file, problem->line, problem->message);
  return g_strdup_printf ("%s: %s", problem->file, problem->message);
}

/* GObject */

static void
clear_domain (gpointer data)
{
  CmioDomain *domain = data;

  g_free (domain->id);
  g_free (domain->title);
}

static void
cmio_content_pack_finalize (GObject *object)
{
  CmioContentPack *self = (CmioContentPack *) object;

  g_clear_object (&self->dir);
  g_clear_object (&self->chapters);
  g_clear_object (&self->items);
  g_clear_object (&self->competencies);
  g_clear_pointer (&self->domains, g_array_unref);
  g_clear_pointer (&self->chapter_by_id, g_hash_table_unref);
  g_clear_pointer (&self->item_by_id, g_hash_table_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->content_version, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (cmio_content_pack_parent_class)->finalize (object);
}

static void
cmio_content_pack_class_init (CmioContentPackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cmio_content_pack_finalize;
}

static void
cmio_content_pack_init (CmioContentPack *self)
{
  self->chapters = g_list_store_new (CMIO_TYPE_CHAPTER);
  self->items = g_list_store_new (CMIO_TYPE_CHECKLIST_ITEM);
  self->competencies = g_list_store_new (CMIO_TYPE_COMPETENCY);
  self->domains = g_array_new (FALSE, TRUE, sizeof (CmioDomain));
  g_array_set_clear_func (self->domains, clear_domain);
  self->chapter_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->item_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Public API */

/**
 * cmio_content_id_is_valid:
 * @id: (nullable): an id
 *
 * Returns: %TRUE if @id is a non-empty string of a–z, 0–9 and "-"
 */
gboolean
cmio_content_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 200)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
      return FALSE;

  return TRUE;
}

/**
 * cmio_content_pack_load:
 * @dir: the pack's folder (a local folder or a resource:// URI)
 * @problems: (out) (optional) (element-type CmioProblem) (transfer full):
 *   every problem found, in the order of the files
 *
 * Loads and validates a content pack. All problems are collected, not only
 * the first, so that an author can fix them in one go.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL if it has problems
 */
CmioContentPack *
cmio_content_pack_load (GFile      *dir,
                        GPtrArray **problems)
{
  g_autoptr(CmioContentPack) self = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) cmio_problem_free);
  Loader loader = { 0 };

  g_return_val_if_fail (G_IS_FILE (dir), NULL);

  self = g_object_new (CMIO_TYPE_CONTENT_PACK, NULL);
  self->dir = g_object_ref (dir);

  loader.dir = dir;
  loader.problems = found;
  loader.chapter_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.item_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.domain_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.competency_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_file_is_native (dir))
    {
      g_autofree char *path = g_file_get_path (dir);

      loader.dir_real = realpath (path, NULL);
    }

  cmio_content_pack_load_index (&loader, self);

  g_hash_table_unref (loader.chapter_ids);
  g_hash_table_unref (loader.item_ids);
  g_hash_table_unref (loader.domain_ids);
  g_hash_table_unref (loader.competency_ids);
  free (loader.dir_real);

  if (found->len > 0)
    {
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return NULL;
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->chapters)); i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (G_LIST_MODEL (self->chapters), i);

      g_hash_table_insert (self->chapter_by_id, (gpointer) cmio_chapter_get_id (chapter), chapter);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(CmioChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_hash_table_insert (self->item_by_id, (gpointer) cmio_checklist_item_get_id (item), item);
    }

  return g_steal_pointer (&self);
}

/**
 * cmio_content_pack_load_builtin:
 * @problems: (out) (optional) (element-type CmioProblem) (transfer full):
 *   problems, which a correct build never has
 *
 * Returns: (transfer full) (nullable): the pack built into the app
 */
CmioContentPack *
cmio_content_pack_load_builtin (GPtrArray **problems)
{
  static gsize registered;
  g_autoptr(GFile) dir = NULL;
  CmioContentPack *self;

  if (g_once_init_enter (&registered))
    {
      cmio_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  dir = g_file_new_for_uri (BUILTIN_URI);
  self = cmio_content_pack_load (dir, problems);
  if (self != NULL)
    self->builtin = TRUE;

  return self;
}

GFile *
cmio_content_pack_get_dir (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return self->dir;
}

gboolean
cmio_content_pack_is_builtin (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), FALSE);
  return self->builtin;
}

const char *
cmio_content_pack_get_id (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return self->id;
}

const char *
cmio_content_pack_get_title (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return self->title;
}

const char *
cmio_content_pack_get_content_version (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return self->content_version;
}

const char *
cmio_content_pack_get_language (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return self->language ? self->language : "en";
}

/**
 * cmio_content_pack_get_chapters:
 * @self: a #CmioContentPack
 *
 * Returns: (transfer none): the chapters, a list model of #CmioChapter
 */
GListModel *
cmio_content_pack_get_chapters (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return G_LIST_MODEL (self->chapters);
}

/**
 * cmio_content_pack_get_items:
 * @self: a #CmioContentPack
 *
 * Returns: (transfer none): every checklist item, in chapter order
 */
GListModel *
cmio_content_pack_get_items (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * cmio_content_pack_get_competencies:
 * @self: a #CmioContentPack
 *
 * Returns: (transfer none): the competencies, a list model of #CmioCompetency
 */
GListModel *
cmio_content_pack_get_competencies (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return G_LIST_MODEL (self->competencies);
}

guint
cmio_content_pack_get_n_domains (CmioContentPack *self)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), 0);
  return self->domains->len;
}

const CmioDomain *
cmio_content_pack_get_domain (CmioContentPack *self,
                              guint            position)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  g_return_val_if_fail (position < self->domains->len, NULL);
  return &g_array_index (self->domains, CmioDomain, position);
}

/**
 * cmio_content_pack_find_chapter:
 * @self: a #CmioContentPack
 * @id: a chapter id
 *
 * Returns: (transfer none) (nullable): the chapter with @id
 */
CmioChapter *
cmio_content_pack_find_chapter (CmioContentPack *self,
                                const char      *id)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return id ? g_hash_table_lookup (self->chapter_by_id, id) : NULL;
}

/**
 * cmio_content_pack_find_item:
 * @self: a #CmioContentPack
 * @id: an item id
 *
 * Returns: (transfer none) (nullable): the checklist item with @id
 */
CmioChecklistItem *
cmio_content_pack_find_item (CmioContentPack *self,
                             const char      *id)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  return id ? g_hash_table_lookup (self->item_by_id, id) : NULL;
}

const CmioDomain *
cmio_content_pack_find_domain (CmioContentPack *self,
                               const char      *id)
{
  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);

  for (guint i = 0; id != NULL && i < self->domains->len; i++)
    if (strcmp (g_array_index (self->domains, CmioDomain, i).id, id) == 0)
      return &g_array_index (self->domains, CmioDomain, i);

  return NULL;
}

/**
 * cmio_content_pack_get_chapter_items:
 * @self: a #CmioContentPack
 * @chapter_id: a chapter id
 *
 * Returns: (transfer container) (element-type CmioChecklistItem): the
 *   chapter's items in order
 */
GPtrArray *
cmio_content_pack_get_chapter_items (CmioContentPack *self,
                                     const char      *chapter_id)
{
  GPtrArray *items;
  guint n;

  g_return_val_if_fail (CMIO_IS_CONTENT_PACK (self), NULL);
  g_return_val_if_fail (chapter_id != NULL, NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CmioChecklistItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (strcmp (cmio_checklist_item_get_chapter_id (item), chapter_id) == 0)
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  return items;
}

/* cmio-content-pack-load.c — reading and checking a content pack: its
 * handbook.json and the chapter files it names
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "cmio-content-pack-private.h"
#include "cmio-json.h"

#define INDEX_FILE "handbook.json"
/* Deeper nesting than this is refused before json-glib sees it: a real pack
 * nests four levels, and a recursive parser must not meet a hostile depth. */
#define MAX_JSON_DEPTH 32

/* Problems */

static void
add_problem (Loader     *loader,
             const char *file,
             guint       line,
             const char *format,
             ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (Loader     *loader,
             const char *file,
             guint       line,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (loader->problems, cmio_problem_new (file, line, message));
}

/* Line numbers.
 *
 * json-glib 1.6 does not tell where a node was, so problems are placed by
 * finding text: the n-th occurrence of a quoted id, then a member name after
 * it. That finds the right line for any pack written one member per line,
 * and a nearby one otherwise; 0 means "unknown" and is left out. */

static guint
line_at (const char *text,
         const char *pos)
{
  guint line = 1;

  for (const char *p = text; p < pos; p++)
    if (*p == '\n')
      line++;

  return line;
}

static const char *
find_quoted (const char *from,
             const char *word)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\"", word);

  return strstr (from, needle);
}

static guint
find_line (Loader     *loader,
           const char *anchor,
           guint       occurrence,
           const char *member)
{
  const char *pos = loader->text;

  if (pos == NULL)
    return 0;

  if (anchor != NULL)
    {
      for (guint i = 0; i < MAX (occurrence, 1); i++)
        {
          const char *found = find_quoted (i == 0 ? pos : pos + 1, anchor);

          if (found == NULL)
            return 0;
          pos = found;
        }
    }

  if (member != NULL)
    {
      const char *found = find_quoted (pos, member);

      if (found == NULL)
        return anchor != NULL ? line_at (loader->text, pos) : 0;
      pos = found;
    }

  return line_at (loader->text, pos);
}

/* Typed member access that reports what is wrong and where. */

static const char *
get_string (Loader     *loader,
            JsonObject *object,
            const char *member,
            gboolean    required,
            const char *where,
            const char *anchor,
            guint       occurrence)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL)
    {
      if (required)
        add_problem (loader, INDEX_FILE, find_line (loader, anchor, occurrence, NULL),
                     _("%s has no \"%s\""), where, member);
      return NULL;
    }

  if (!cmio_json_node_is (node, G_TYPE_STRING))
    {
      add_problem (loader, INDEX_FILE, find_line (loader, anchor, occurrence, member),
                   _("%s: \"%s\" must be text, not %s"), where, member, cmio_json_type_name (node));
      return NULL;
    }

  value = json_node_get_string (node);
  if (required && cmio_text_is_blank (value))
    {
      add_problem (loader, INDEX_FILE, find_line (loader, anchor, occurrence, member),
                   _("%s: \"%s\" is empty"), where, member);
      return NULL;
    }

  return value;
}

static JsonArray *
get_array (Loader     *loader,
           JsonObject *object,
           const char *member,
           gboolean    required,
           const char *where,
           const char *anchor,
           guint       occurrence)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        add_problem (loader, INDEX_FILE, find_line (loader, anchor, occurrence, NULL),
                     _("%s has no \"%s\""), where, member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (loader, INDEX_FILE, find_line (loader, anchor, occurrence, member),
                   _("%s: \"%s\" must be a list, not %s"), where, member, cmio_json_type_name (node));
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
element_object (Loader     *loader,
                JsonArray  *array,
                guint       index,
                const char *where)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (loader, INDEX_FILE, 0, _("%s must be an object, not %s"),
                   where, cmio_json_type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

/* Checks an id's form and uniqueness in its kind; returns which occurrence of
 * the quoted id this is, for find_line(), or 0 when the id is unusable. */
static guint
check_id (Loader     *loader,
          GHashTable *seen,
          const char *kind,
          const char *id,
          const char *where)
{
  guint occurrence;
  gpointer first_line;

  if (id == NULL)
    return 0;

  if (!cmio_content_id_is_valid (id))
    {
      add_problem (loader, INDEX_FILE, find_line (loader, id, 1, NULL),
                   _("%s: the id \"%s\" may only use a–z, 0–9 and “-”"), where, id);
      return 0;
    }

  /* The same quoted text may appear earlier as a reference (a competency
   * naming a chapter), so count how many times it has been declared. */
  occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (loader->chapter_ids, id) ? 1 : 0) +
               GPOINTER_TO_UINT (g_hash_table_lookup (loader->item_ids, id) ? 1 : 0) +
               GPOINTER_TO_UINT (g_hash_table_lookup (loader->domain_ids, id) ? 1 : 0) +
               GPOINTER_TO_UINT (g_hash_table_lookup (loader->competency_ids, id) ? 1 : 0) + 1;

  if (g_hash_table_lookup_extended (seen, id, NULL, &first_line))
    {
      add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, NULL),
                   _("%s: duplicate %s id \"%s\" (first used on line %u)"),
                   where, kind, id, GPOINTER_TO_UINT (first_line));
      return 0;
    }

  g_hash_table_insert (seen, g_strdup (id),
                       GUINT_TO_POINTER (find_line (loader, id, occurrence, NULL)));
  return occurrence;
}

/* Chapter files */

static gboolean
path_is_safe (Loader     *loader,
              const char *path,
              const char *where,
              guint       line)
{
  g_auto(GStrv) parts = NULL;

  if (g_path_is_absolute (path) || path[0] == '\\' || path[0] == '~' ||
      (g_ascii_isalpha (path[0]) && path[1] == ':') || strstr (path, "://") != NULL)
    {
      add_problem (loader, INDEX_FILE, line,
                   _("%s: the file \"%s\" must be a path inside the pack, not an absolute path"),
                   where, path);
      return FALSE;
    }

  parts = g_strsplit_set (path, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (strcmp (parts[i], "..") == 0)
        {
          add_problem (loader, INDEX_FILE, line,
                       _("%s: the file \"%s\" points outside the pack (“..” is not allowed)"),
                       where, path);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
load_chapter_file (Loader     *loader,
                   const char *path,
                   const char *where,
                   guint       line)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *end = NULL;
  gsize length = 0;

  if (!path_is_safe (loader, path, where, line))
    return NULL;

  file = g_file_resolve_relative_path (loader->dir, path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      add_problem (loader, INDEX_FILE, line, _("%s: the file \"%s\" does not exist"), where, path);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      add_problem (loader, INDEX_FILE, line, _("%s: \"%s\" is not a regular file"), where, path);
      return NULL;
    }

  /* A symbolic link inside the pack must not lead out of it either. */
  if (loader->dir_real != NULL && g_file_is_native (file))
    {
      g_autofree char *local = g_file_get_path (file);
      g_autofree char *real = realpath (local, NULL);

      if (real == NULL || !g_str_has_prefix (real, loader->dir_real) ||
          real[strlen (loader->dir_real)] != G_DIR_SEPARATOR)
        {
          add_problem (loader, INDEX_FILE, line,
                       _("%s: the file \"%s\" points outside the pack"), where, path);
          return NULL;
        }
    }

  if (g_file_info_get_size (info) > CMIO_CONTENT_MAX_CHAPTER_SIZE)
    {
      add_problem (loader, path, 0,
                   _("the file is %.1f MB; a chapter may be at most %d MB"),
                   g_file_info_get_size (info) / (1024.0 * 1024.0),
                   CMIO_CONTENT_MAX_CHAPTER_SIZE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      add_problem (loader, path, 0, _("cannot be read: %s"), error->message);
      return NULL;
    }

  if (!g_utf8_validate (contents, length, &end))
    {
      add_problem (loader, path, line_at (contents, end), _("the text is not valid UTF-8"));
      return NULL;
    }

  if (memchr (contents, '\0', length) != NULL)
    {
      add_problem (loader, path, line_at (contents, memchr (contents, '\0', length)),
                   _("the text contains a NUL byte"));
      return NULL;
    }

  if (cmio_text_is_blank (contents))
    {
      add_problem (loader, path, 0, _("the chapter is empty"));
      return NULL;
    }

  return g_steal_pointer (&contents);
}

/* The parts of handbook.json */

static void
load_item (Loader          *loader,
           CmioContentPack *self,
           JsonObject      *object,
           const char      *chapter_id,
           guint            chapter_number,
           guint            item_number,
           GPtrArray       *items)
{
  g_autofree char *where = NULL;
  g_autofree char *number = g_strdup_printf ("%u.%u", chapter_number, item_number);
  const char *id;
  const char *text;
  const char *detail;
  const char *owner_name;
  JsonNode *node;
  CmioOwner owner = CMIO_OWNER_CMIO;
  gboolean required = FALSE;
  gint64 target_day = -1;
  guint occurrence;
  gboolean ok = TRUE;

  where = g_strdup_printf (_("item %s of chapter \"%s\""), number, chapter_id);
  id = get_string (loader, object, "id", TRUE, where, chapter_id, 1);
  if (id == NULL)
    return;

  g_free (where);
  where = g_strdup_printf (_("item \"%s\""), id);
  occurrence = check_id (loader, loader->item_ids, _("item"), id, where);
  if (occurrence == 0)
    return;

  text = get_string (loader, object, "text", TRUE, where, id, occurrence);
  detail = get_string (loader, object, "detail", FALSE, where, id, occurrence);
  ok = text != NULL && (detail != NULL || !json_object_has_member (object, "detail"));

  node = json_object_get_member (object, "target_day");
  if (node == NULL)
    {
      add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, NULL),
                   _("%s has no \"target_day\""), where);
      ok = FALSE;
    }
  else if (!cmio_json_node_is (node, G_TYPE_INT64))
    {
      add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, "target_day"),
                   _("%s: \"target_day\" must be a whole number of days, not %s"),
                   where, cmio_json_type_name (node));
      ok = FALSE;
    }
  else
    {
      target_day = json_node_get_int (node);
      if (target_day < 0 || target_day > 90)
        {
          add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, "target_day"),
                       _("%s: \"target_day\" must be between 0 and 90, not %" G_GINT64_FORMAT),
                       where, target_day);
          ok = FALSE;
        }
    }

  owner_name = get_string (loader, object, "owner", TRUE, where, id, occurrence);
  if (owner_name == NULL)
    ok = FALSE;
  else if (!cmio_owner_from_string (owner_name, &owner))
    {
      add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, "owner"),
                   _("%s: unknown owner \"%s\"; use \"cmio\", \"mentor\" or \"executive\""),
                   where, owner_name);
      ok = FALSE;
    }

  node = json_object_get_member (object, "required");
  if (node != NULL && !cmio_json_node_is (node, G_TYPE_BOOLEAN))
    {
      add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, "required"),
                   _("%s: \"required\" must be true or false, not %s"),
                   where, cmio_json_type_name (node));
      ok = FALSE;
    }
  else if (node != NULL)
    required = json_node_get_boolean (node);

  if (ok && self != NULL)
    g_ptr_array_add (items, cmio_checklist_item_new (id, chapter_id, number, text, detail,
                                                     (int) target_day, owner, required));
}

/* Starts reading one entry of a list: it must be an object with a
 * well-formed id not used before in its kind. Returns the object, or %NULL
 * when the entry cannot be read further; *where then names the entry. */
static JsonObject *
begin_entry (Loader      *loader,
             JsonArray   *array,
             guint        index,
             const char  *list_name,
             GHashTable  *seen,
             const char  *kind,
             const char  *where_by_number,
             const char  *where_by_id,
             char       **where,
             const char **id,
             guint       *occurrence)
{
  JsonObject *object;

  *where = g_strdup_printf (where_by_number, index + 1);
  if ((object = element_object (loader, array, index, *where)) == NULL)
    return NULL;

  if ((*id = get_string (loader, object, "id", TRUE, *where, list_name, 1)) == NULL)
    return NULL;

  g_free (*where);
  *where = g_strdup_printf (where_by_id, *id);
  if ((*occurrence = check_id (loader, seen, kind, *id, *where)) == 0)
    return NULL;

  return object;
}

static void
load_chapters (Loader          *loader,
               CmioContentPack *self,
               JsonArray       *chapters)
{
  guint n = json_array_get_length (chapters);

  if (n == 0)
    add_problem (loader, INDEX_FILE, find_line (loader, "chapters", 1, NULL),
                 _("the pack has no chapters"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *markdown = NULL;
      g_autofree char *where = NULL;
      JsonObject *object;
      JsonArray *checklist;
      const char *id;
      const char *title;
      const char *summary;
      const char *file;
      guint occurrence;

      object = begin_entry (loader, chapters, i, "chapters", loader->chapter_ids, _("chapter"),
                            _("chapter %u"), _("chapter \"%s\""), &where, &id, &occurrence);
      if (object == NULL)
        continue;

      title = get_string (loader, object, "title", TRUE, where, id, occurrence);
      summary = get_string (loader, object, "summary", FALSE, where, id, occurrence);
      file = get_string (loader, object, "file", TRUE, where, id, occurrence);
      if (file != NULL)
        markdown = load_chapter_file (loader, file, where,
                                      find_line (loader, id, occurrence, "file"));

      checklist = get_array (loader, object, "checklist", FALSE, where, id, occurrence);
      for (guint j = 0; checklist != NULL && j < json_array_get_length (checklist); j++)
        {
          g_autofree char *item_where = g_strdup_printf (_("item %u.%u"), i + 1, j + 1);
          JsonObject *item = element_object (loader, checklist, j, item_where);

          if (item != NULL)
            load_item (loader, self, item, id, i + 1, j + 1, items);
        }

      if (title == NULL || markdown == NULL)
        continue;

      {
        g_autoptr(CmioChapter) chapter = cmio_chapter_new (id, title, summary, file, i + 1,
                                                           markdown);

        g_list_store_append (self->chapters, chapter);
        g_list_store_splice (self->items,
                             g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                             items->pdata, items->len);
      }
    }
}

static void
load_domains (Loader          *loader,
              CmioContentPack *self,
              JsonArray       *domains)
{
  for (guint i = 0; i < json_array_get_length (domains); i++)
    {
      g_autofree char *where = NULL;
      JsonObject *object;
      const char *id;
      const char *title;
      guint occurrence;

      object = begin_entry (loader, domains, i, "domains", loader->domain_ids, _("domain"),
                            _("domain %u"), _("domain \"%s\""), &where, &id, &occurrence);
      if (object == NULL)
        continue;

      title = get_string (loader, object, "title", TRUE, where, id, occurrence);
      if (title != NULL)
        {
          CmioDomain domain = { g_strdup (id), g_strdup (title) };

          g_array_append_val (self->domains, domain);
        }
    }
}

static void
load_competencies (Loader          *loader,
                   CmioContentPack *self,
                   JsonArray       *competencies)
{
  for (guint i = 0; i < json_array_get_length (competencies); i++)
    {
      g_autoptr(GPtrArray) levels = g_ptr_array_new ();
      g_autoptr(GPtrArray) chapter_ids = g_ptr_array_new ();
      g_autofree char *where = NULL;
      JsonObject *object;
      JsonArray *array;
      const char *id;
      const char *domain;
      const char *title;
      const char *description;
      guint occurrence;
      gboolean ok = TRUE;

      object = begin_entry (loader, competencies, i, "competencies", loader->competency_ids,
                            _("competency"), _("competency %u"), _("competency \"%s\""),
                            &where, &id, &occurrence);
      if (object == NULL)
        continue;

      title = get_string (loader, object, "title", TRUE, where, id, occurrence);
      description = get_string (loader, object, "description", TRUE, where, id, occurrence);
      domain = get_string (loader, object, "domain", TRUE, where, id, occurrence);
      ok = title != NULL && description != NULL && domain != NULL;

      if (domain != NULL && !g_hash_table_contains (loader->domain_ids, domain))
        {
          add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, "domain"),
                       _("%s: unknown domain \"%s\""), where, domain);
          ok = FALSE;
        }

      array = get_array (loader, object, "levels", TRUE, where, id, occurrence);
      if (array == NULL)
        ok = FALSE;
      else
        {
          guint n = json_array_get_length (array);

          for (guint j = 0; j < n; j++)
            {
              JsonNode *node = json_array_get_element (array, j);

              if (!cmio_json_node_is (node, G_TYPE_STRING) || *json_node_get_string (node) == '\0')
                {
                  add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, "levels"),
                               _("%s: level %u must be a text describing the level, not %s"),
                               where, j + 1, cmio_json_type_name (node));
                  ok = FALSE;
                }
              else
                g_ptr_array_add (levels, (gpointer) json_node_get_string (node));
            }

          if (n != CMIO_N_LEVELS)
            {
              add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, "levels"),
                           _("%s: \"levels\" must list %d level descriptions, found %u"),
                           where, CMIO_N_LEVELS, n);
              ok = FALSE;
            }
        }
      g_ptr_array_add (levels, NULL);

      array = get_array (loader, object, "chapters", FALSE, where, id, occurrence);
      for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
        {
          JsonNode *node = json_array_get_element (array, j);

          if (!cmio_json_node_is (node, G_TYPE_STRING))
            {
              add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, "chapters"),
                           _("%s: \"chapters\" must list chapter ids, not %s"),
                           where, cmio_json_type_name (node));
              ok = FALSE;
            }
          else if (!g_hash_table_contains (loader->chapter_ids, json_node_get_string (node)))
            {
              add_problem (loader, INDEX_FILE, find_line (loader, id, occurrence, "chapters"),
                           _("%s: unknown chapter \"%s\""), where, json_node_get_string (node));
              ok = FALSE;
            }
          else
            g_ptr_array_add (chapter_ids, (gpointer) json_node_get_string (node));
        }
      g_ptr_array_add (chapter_ids, NULL);

      if (ok)
        {
          g_autoptr(CmioCompetency) competency =
            cmio_competency_new (id, domain, title, description,
                                 (const char * const *) levels->pdata,
                                 (const char * const *) chapter_ids->pdata);

          g_list_store_append (self->competencies, competency);
        }
    }
}

gboolean
cmio_content_pack_load_index (Loader          *loader,
                              CmioContentPack *self)
{
  g_autoptr(GFile) file = g_file_get_child (loader->dir, INDEX_FILE);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *format;
  const char *end = NULL;
  JsonObject *root;
  JsonArray *array;
  JsonNode *node;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  if (info == NULL)
    {
      add_problem (loader, INDEX_FILE, 0, _("the pack has no %s"), INDEX_FILE);
      return FALSE;
    }

  if (g_file_info_get_size (info) > CMIO_CONTENT_MAX_INDEX_SIZE)
    {
      add_problem (loader, INDEX_FILE, 0, _("the file is %.1f MB; it may be at most %d MB"),
                   g_file_info_get_size (info) / (1024.0 * 1024.0),
                   CMIO_CONTENT_MAX_INDEX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      add_problem (loader, INDEX_FILE, 0, _("cannot be read: %s"), error->message);
      return FALSE;
    }

  if (!g_utf8_validate (contents, length, &end) || end != contents + length)
    {
      add_problem (loader, INDEX_FILE, line_at (contents, end),
                   _("the text is not valid UTF-8 or contains a NUL byte"));
      return FALSE;
    }

  if (cmio_json_max_depth (contents, length) > MAX_JSON_DEPTH)
    {
      add_problem (loader, INDEX_FILE, 0, _("the JSON is nested more than %d levels deep"),
                   MAX_JSON_DEPTH);
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, contents, length, &error))
    {
      guint line = 0;
      const char *reason = cmio_json_parse_error_reason (error->message, &line);

      add_problem (loader, INDEX_FILE, line, _("not valid JSON: %s"), reason);
      return FALSE;
    }

  loader->text = contents;
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (loader, INDEX_FILE, 1, _("the file must hold a JSON object"));
      loader->text = NULL;
      return FALSE;
    }
  root = json_node_get_object (node);

  format = get_string (loader, root, "format", TRUE, _("the pack"), NULL, 0);
  if (format != NULL && strcmp (format, "cmio-handbook-content") != 0)
    add_problem (loader, INDEX_FILE, find_line (loader, NULL, 0, "format"),
                 _("\"format\" must be \"cmio-handbook-content\", not \"%s\""), format);

  node = json_object_get_member (root, "version");
  if (node == NULL || !cmio_json_node_is (node, G_TYPE_INT64))
    add_problem (loader, INDEX_FILE, find_line (loader, NULL, 0, "version"),
                 _("\"version\" must be a whole number, not %s"), cmio_json_type_name (node));
  else if (json_node_get_int (node) != 1)
    add_problem (loader, INDEX_FILE, find_line (loader, NULL, 0, "version"),
                 _("version %" G_GINT64_FORMAT " packs are not supported; this app reads version 1"),
                 json_node_get_int (node));

  self->id = g_strdup (get_string (loader, root, "id", TRUE, _("the pack"), NULL, 0));
  if (self->id != NULL && !cmio_content_id_is_valid (self->id))
    add_problem (loader, INDEX_FILE, find_line (loader, NULL, 0, "id"),
                 _("the pack id \"%s\" may only use a–z, 0–9 and “-”"), self->id);
  self->title = g_strdup (get_string (loader, root, "title", TRUE, _("the pack"), NULL, 0));
  self->content_version = g_strdup (get_string (loader, root, "content_version", TRUE,
                                                _("the pack"), NULL, 0));
  self->language = g_strdup (get_string (loader, root, "language", FALSE, _("the pack"), NULL, 0));

  if ((array = get_array (loader, root, "chapters", TRUE, _("the pack"), NULL, 0)) != NULL)
    load_chapters (loader, self, array);
  if ((array = get_array (loader, root, "domains", TRUE, _("the pack"), NULL, 0)) != NULL)
    load_domains (loader, self, array);
  if ((array = get_array (loader, root, "competencies", TRUE, _("the pack"), NULL, 0)) != NULL)
    load_competencies (loader, self, array);

  loader->text = NULL;
  return TRUE;
}

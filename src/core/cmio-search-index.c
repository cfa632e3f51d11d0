/* cmio-search-index.c — the global search over chapters, checklist items and notes
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chapter, checklist item and note is a document: its plain text,
 * folded once when it is indexed (see cmio-search-text.c), so that a query
 * is a few substring searches per document. Indexing is lazy: setting the
 * pack or the progress, and every change to a note or a custom item, only
 * marks what is out of date; the next query brings it up to date, a changed
 * note by itself. Typing in a note therefore costs nothing per keystroke,
 * and one query re-indexes only the notes changed since the last.
 */

#include "config.h"

#include "cmio-search-index.h"
#include "cmio-json.h"
#include "cmio-markdown.h"
#include "cmio-search-text.h"

#include <string.h>

/* The longest title made from the first line of an untitled note, in
 * characters. */
#define NOTE_TITLE_CHARS 80

typedef struct
{
  CmioSearchKind kind;
  char *id;
  char *chapter_id;
  char *title;
  char *updated_at;    /* notes: when last changed, ISO 8601 UTC */
  gsize sequence;      /* notes: the later indexed or changed, the higher */
  CmioSearchText *text;
} Document;

struct _CmioSearchIndex
{
  GObject parent_instance;

  CmioContentPack *pack;
  CmioProgress *progress;
  gulong changed_handler;

  GPtrArray *chapters;        /* Document, in chapter order */
  GPtrArray *items;           /* Document, in pack order */
  GPtrArray *custom_items;    /* Document, in the progress's order */
  GHashTable *notes;          /* note id → Document */
  GHashTable *changed_notes;  /* note id → sequence of the change, since the last query */
  gsize note_sequence;

  gboolean pack_stale;
  gboolean custom_items_stale;
  gboolean notes_stale;
};

G_DEFINE_FINAL_TYPE (CmioSearchIndex, cmio_search_index, G_TYPE_OBJECT)

/* Documents */

static void
document_free (Document *doc)
{
  g_free (doc->id);
  g_free (doc->chapter_id);
  g_free (doc->title);
  g_free (doc->updated_at);
  cmio_search_text_free (doc->text);
  g_free (doc);
}

/* Makes a document called @title that searches @text, whose body (after the
 * title's line, if it has one) starts at @body_start. Takes @title and @text. */
static Document *
document_new (CmioSearchKind  kind,
              const char     *id,
              const char     *chapter_id,
              char           *title,
              char           *text,
              gsize           body_start)
{
  Document *doc = g_new0 (Document, 1);

  doc->kind = kind;
  doc->id = g_strdup (id);
  doc->chapter_id = g_strdup (chapter_id);
  doc->title = title;
  doc->text = cmio_search_text_new (text, body_start);

  return doc;
}

/* A document that searches its title's line, then @body. Takes @title and @body. */
static Document *
document_new_titled (CmioSearchKind  kind,
                     const char     *id,
                     const char     *chapter_id,
                     char           *title,
                     char           *body)
{
  Document *doc = document_new (kind, id, chapter_id, title, g_strconcat (title, "\n", body, NULL),
                                strlen (title) + 1);

  g_free (body);
  return doc;
}

static Document *
item_document (CmioChecklistItem *item)
{
  const char *number = cmio_checklist_item_get_number (item);
  const char *text = cmio_checklist_item_get_text (item);
  const char *detail = cmio_checklist_item_get_detail (item);
  char *title;

  if (text == NULL)
    text = "";
  if (number != NULL && *number != '\0')
    title = g_strdup_printf ("%s %s", number, text);
  else
    title = g_strdup (text);

  /* The item's text is its title; a match there shows it, not the detail. */
  return document_new (CMIO_SEARCH_KIND_ITEM, cmio_checklist_item_get_id (item),
                       cmio_checklist_item_get_chapter_id (item), title,
                       detail != NULL && *detail != '\0' ? g_strconcat (title, "\n", detail, NULL)
                                                         : g_strdup (title),
                       0);
}

/* The first line of @text with something in it, shortened at a word to about
 * NOTE_TITLE_CHARS characters. */
static char *
first_line (const char *text)
{
  g_autofree char *line = NULL;
  g_autofree char *head = NULL;
  const char *end;
  const char *cut;
  const char *space;

  while (g_ascii_isspace (*text))
    text++;
  end = strchr (text, '\n');
  line = g_strstrip (end != NULL ? g_strndup (text, end - text) : g_strdup (text));

  if (g_utf8_strlen (line, -1) <= NOTE_TITLE_CHARS)
    return g_steal_pointer (&line);

  cut = g_utf8_offset_to_pointer (line, NOTE_TITLE_CHARS);
  space = g_utf8_strrchr (line, cut - line, ' ');
  if (space != NULL && space - line > (cut - line) / 2)
    cut = space;
  head = g_strndup (line, cut - line);

  return g_strconcat (g_strchomp (head), "…", NULL);
}

static Document *
note_document (const char *id,
               const char *chapter_id,
               const char *title,
               const char *text,
               const char *updated_at,
               gsize       sequence)
{
  char *plain = cmio_markdown_to_text (text != NULL ? text : "", -1);
  Document *doc;

  /* An untitled note is called by its first line. */
  if (title != NULL && !cmio_text_is_blank (title))
    doc = document_new_titled (CMIO_SEARCH_KIND_NOTE, id, chapter_id,
                               g_strstrip (g_strdup (title)), plain);
  else
    doc = document_new (CMIO_SEARCH_KIND_NOTE, id, chapter_id, first_line (plain), plain, 0);

  doc->updated_at = g_strdup (updated_at);
  doc->sequence = sequence;
  return doc;
}

/* Most recently updated first; of two updated in the same second, the one
 * changed last. */
static int
compare_notes (gconstpointer a,
               gconstpointer b)
{
  const Document *x = *(const Document * const *) a;
  const Document *y = *(const Document * const *) b;
  int order = g_strcmp0 (y->updated_at, x->updated_at);

  if (order != 0)
    return order;
  return (y->sequence > x->sequence) - (y->sequence < x->sequence);
}

/* Bringing the index up to date */

static void
index_pack (CmioSearchIndex *self)
{
  GListModel *chapters;
  GListModel *items;

  g_ptr_array_set_size (self->chapters, 0);
  g_ptr_array_set_size (self->items, 0);
  self->pack_stale = FALSE;

  if (self->pack == NULL)
    return;

  chapters = cmio_content_pack_get_chapters (self->pack);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(CmioChapter) chapter = g_list_model_get_item (chapters, i);
      const char *markdown = cmio_chapter_get_markdown (chapter);

      g_ptr_array_add (self->chapters,
                       document_new_titled (CMIO_SEARCH_KIND_CHAPTER, cmio_chapter_get_id (chapter),
                                            cmio_chapter_get_id (chapter),
                                            g_strdup_printf ("%u. %s",
                                                             cmio_chapter_get_number (chapter),
                                                             cmio_chapter_get_title (chapter)),
                                            cmio_markdown_to_text (markdown ? markdown : "", -1)));
    }

  items = cmio_content_pack_get_items (self->pack);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(CmioChecklistItem) item = g_list_model_get_item (items, i);

      g_ptr_array_add (self->items, item_document (item));
    }
}

static void
index_custom_items (CmioSearchIndex *self)
{
  guint n_items;

  g_ptr_array_set_size (self->custom_items, 0);
  self->custom_items_stale = FALSE;

  n_items = self->progress ? cmio_progress_get_n_custom_items (self->progress) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CmioChecklistItem) item = cmio_progress_dup_custom_item (self->progress, i);

      g_ptr_array_add (self->custom_items, item_document (item));
    }
}

static const char *
json_string_member (JsonObject *object,
                    const char *name)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (member);
}

static void
index_all_notes (CmioSearchIndex *self)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *notes;
  JsonArray *array;

  g_hash_table_remove_all (self->notes);
  g_hash_table_remove_all (self->changed_notes);
  self->notes_stale = FALSE;

  if (self->progress == NULL)
    return;

  /* The snapshot shares the progress's records, and walks them in one pass:
   * looking each note up by its id would take time in the square of their
   * number. */
  root = cmio_progress_to_json (self->progress);
  notes = json_object_get_member (json_node_get_object (root), "notes");
  if (notes == NULL || !JSON_NODE_HOLDS_ARRAY (notes))
    return;

  array = json_node_get_array (notes);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *note;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      note = json_node_get_object (node);
      if ((id = json_string_member (note, "id")) == NULL)
        continue;

      g_hash_table_replace (self->notes, g_strdup (id),
                            note_document (id,
                                           json_string_member (note, "chapter"),
                                           json_string_member (note, "title"),
                                           json_string_member (note, "text"),
                                           json_string_member (note, "updated_at"),
                                           ++self->note_sequence));
    }
}

static void
index_changed_notes (CmioSearchIndex *self)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, self->changed_notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CmioProgress *progress = self->progress;
      const char *id = key;

      if (cmio_progress_get_note_field (progress, id, "id") == NULL)
        {
          g_hash_table_remove (self->notes, id);
          continue;
        }

      g_hash_table_replace (self->notes, g_strdup (id),
                            note_document (id,
                                           cmio_progress_get_note_field (progress, id, "chapter"),
                                           cmio_progress_get_note_field (progress, id, "title"),
                                           cmio_progress_get_note_field (progress, id, "text"),
                                           cmio_progress_get_note_field (progress, id,
                                                                         "updated_at"),
                                           GPOINTER_TO_SIZE (value)));
    }

  g_hash_table_remove_all (self->changed_notes);
}

static void
update (CmioSearchIndex *self)
{
  if (self->pack_stale)
    index_pack (self);
  if (self->custom_items_stale)
    index_custom_items (self);
  if (self->notes_stale)
    index_all_notes (self);
  else if (g_hash_table_size (self->changed_notes) > 0)
    index_changed_notes (self);
}

/* Querying */

static CmioSearchResult *
make_result (Document   *doc,
             const char *first_word)
{
  g_autofree char *snippet = NULL;
  g_autofree char *match_text = NULL;
  guint match_start = 0;
  guint match_length = 0;
  gsize start;
  gsize end;

  if (!cmio_search_text_find (doc->text, first_word, &start, &end))
    g_return_val_if_reached (NULL);

  snippet = cmio_search_text_snippet (doc->text, start, end, &match_start, &match_length);
  match_text = g_strndup (cmio_search_text_get_text (doc->text) + start, end - start);

  return cmio_search_result_new (doc->kind, doc->id, doc->chapter_id, doc->title, snippet,
                                 match_start, match_length, match_text);
}

/* Adds to @results those of @docs that match, until it holds @max_results
 * (0: no limit). Returns whether there is room for more. */
static gboolean
add_matches (GPtrArray   *results,
             GPtrArray   *docs,
             const char **words,
             guint        max_results)
{
  for (guint i = 0; i < docs->len; i++)
    {
      Document *doc = g_ptr_array_index (docs, i);
      CmioSearchResult *result;

      if (max_results > 0 && results->len >= max_results)
        return FALSE;
      if (!cmio_search_text_matches (doc->text, words))
        continue;

      result = make_result (doc, words[0]);
      if (result != NULL)
        g_ptr_array_add (results, result);
    }

  return max_results == 0 || results->len < max_results;
}

/* Callbacks */

static void
progress_changed_cb (CmioSearchIndex *self,
                     const char      *section,
                     const char      *id,
                     CmioProgress    *progress)
{
  if (g_strcmp0 (section, "note") == 0)
    {
      if (id == NULL)
        self->notes_stale = TRUE;
      else if (!self->notes_stale)
        g_hash_table_replace (self->changed_notes, g_strdup (id),
                              GSIZE_TO_POINTER (++self->note_sequence));
    }
  else if (g_strcmp0 (section, "custom-item") == 0)
    {
      /* Removing one renumbers the others of its chapter; they are few and short. */
      self->custom_items_stale = TRUE;
    }
}

static void
cmio_search_index_dispose (GObject *object)
{
  CmioSearchIndex *self = (CmioSearchIndex *) object;

  if (self->progress != NULL)
    g_clear_signal_handler (&self->changed_handler, self->progress);
  g_clear_object (&self->progress);
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (cmio_search_index_parent_class)->dispose (object);
}

static void
cmio_search_index_finalize (GObject *object)
{
  CmioSearchIndex *self = (CmioSearchIndex *) object;

  g_clear_pointer (&self->chapters, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->custom_items, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->changed_notes, g_hash_table_unref);

  G_OBJECT_CLASS (cmio_search_index_parent_class)->finalize (object);
}

static void
cmio_search_index_class_init (CmioSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cmio_search_index_dispose;
  object_class->finalize = cmio_search_index_finalize;
}

static void
cmio_search_index_init (CmioSearchIndex *self)
{
  self->chapters = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  self->custom_items = g_ptr_array_new_with_free_func ((GDestroyNotify) document_free);
  self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) document_free);
  self->changed_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * cmio_search_index_new:
 *
 * Returns: (transfer full): an empty index; give it a pack and a progress
 */
CmioSearchIndex *
cmio_search_index_new (void)
{
  return g_object_new (CMIO_TYPE_SEARCH_INDEX, NULL);
}

/**
 * cmio_search_index_set_content_pack:
 * @self: a #CmioSearchIndex
 * @pack: (nullable): the content pack whose chapters and checklist items to search
 *
 * Indexes every chapter (its number and title, and its text as a reader
 * sees it) and every checklist item (number, text and detail). Custom
 * items are numbered after the pack's items of their chapter, by the
 * progress; set the same pack on the progress.
 */
void
cmio_search_index_set_content_pack (CmioSearchIndex *self,
                                    CmioContentPack *pack)
{
  g_return_if_fail (CMIO_IS_SEARCH_INDEX (self));
  g_return_if_fail (pack == NULL || CMIO_IS_CONTENT_PACK (pack));

  if (!g_set_object (&self->pack, pack))
    return;

  self->pack_stale = TRUE;
  self->custom_items_stale = TRUE;
}

/**
 * cmio_search_index_set_progress:
 * @self: a #CmioSearchIndex
 * @progress: (nullable): the progress whose notes and custom items to search
 *
 * Indexes every note (title and text) and every custom checklist item, and
 * follows the progress's changes to them: the next query sees them.
 */
void
cmio_search_index_set_progress (CmioSearchIndex *self,
                                CmioProgress    *progress)
{
  g_return_if_fail (CMIO_IS_SEARCH_INDEX (self));
  g_return_if_fail (progress == NULL || CMIO_IS_PROGRESS (progress));

  if (self->progress == progress)
    return;

  if (self->progress != NULL)
    g_clear_signal_handler (&self->changed_handler, self->progress);
  g_set_object (&self->progress, progress);
  if (progress != NULL)
    self->changed_handler = g_signal_connect_swapped (progress, "changed",
                                                      G_CALLBACK (progress_changed_cb), self);

  self->custom_items_stale = TRUE;
  self->notes_stale = TRUE;
}

/**
 * cmio_search_index_query:
 * @self: a #CmioSearchIndex
 * @query: what the user typed
 * @max_results: the most results to return, or 0 for all
 *
 * Finds the chapters, checklist items and notes that hold every word of
 * @query. Matching ignores case and accents (see cmio_search_normalize()),
 * and a word matches inside longer words ("certif" finds "certification").
 * Chapters come first, in their order; then checklist items, the pack's in
 * its order and custom ones after; then notes, the most recently updated
 * first. A query without words finds nothing.
 *
 * Returns: (transfer full): a #GListModel of #CmioSearchResult
 */
GListModel *
cmio_search_index_query (CmioSearchIndex *self,
                         const char      *query,
                         guint            max_results)
{
  g_autoptr(GListStore) store = g_list_store_new (CMIO_TYPE_SEARCH_RESULT);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_auto(GStrv) words = NULL;
  const char **w;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (CMIO_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL) || (words = cmio_search_split_words (query)) == NULL)
    return G_LIST_MODEL (g_steal_pointer (&store));

  update (self);
  w = (const char **) words;
  results = g_ptr_array_new_with_free_func (g_object_unref);

  if (add_matches (results, self->chapters, w, max_results) &&
      add_matches (results, self->items, w, max_results) &&
      add_matches (results, self->custom_items, w, max_results))
    {
      /* Only the matching notes are sorted. */
      notes = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, self->notes);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (cmio_search_text_matches (((Document *) value)->text, w))
          g_ptr_array_add (notes, value);
      g_ptr_array_sort (notes, compare_notes);
      add_matches (results, notes, w, max_results);
    }

  /* All at once: one items-changed, not one per result. */
  g_list_store_splice (store, 0, 0, results->pdata, results->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * cmio_search_normalize:
 * @text: UTF-8 text
 *
 * Folds @text as the search does before comparing: case folded
 * (g_utf8_casefold()), decomposed (NFD) and stripped of combining marks, so
 * that "Résumé", "RESUME" and "resume" are all "resume".
 *
 * Returns: (transfer full): the folded text
 */
char *
cmio_search_normalize (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return cmio_search_fold (text, -1, NULL);
}

/* cmio-search-result.c — one hit of the global search
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-search-result.h"

#include <string.h>

struct _CmioSearchResult
{
  GObject parent_instance;

  char *id;
  char *chapter_id;
  char *title;
  char *snippet;
  char *match_text;
  CmioSearchKind kind;
  guint match_start;
  guint match_length;
};

G_DEFINE_FINAL_TYPE (CmioSearchResult, cmio_search_result, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (CmioSearchKind, cmio_search_kind,
                    G_DEFINE_ENUM_VALUE (CMIO_SEARCH_KIND_CHAPTER, "chapter"),
                    G_DEFINE_ENUM_VALUE (CMIO_SEARCH_KIND_ITEM, "item"),
                    G_DEFINE_ENUM_VALUE (CMIO_SEARCH_KIND_NOTE, "note"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_CHAPTER_ID,
  PROP_TITLE,
  PROP_SNIPPET,
  PROP_MATCH_START,
  PROP_MATCH_LENGTH,
  PROP_MATCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cmio_search_result_finalize (GObject *object)
{
  CmioSearchResult *self = (CmioSearchResult *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->chapter_id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->match_text, g_free);

  G_OBJECT_CLASS (cmio_search_result_parent_class)->finalize (object);
}

static void
cmio_search_result_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CmioSearchResult *self = CMIO_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_CHAPTER_ID:
      g_value_set_string (value, self->chapter_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SNIPPET:
      g_value_set_string (value, self->snippet);
      break;

    case PROP_MATCH_START:
      g_value_set_uint (value, self->match_start);
      break;

    case PROP_MATCH_LENGTH:
      g_value_set_uint (value, self->match_length);
      break;

    case PROP_MATCH_TEXT:
      g_value_set_string (value, self->match_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_search_result_class_init (CmioSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cmio_search_result_finalize;
  object_class->get_property = cmio_search_result_get_property;

  /**
   * CmioSearchResult:kind:
   *
   * What was found: a chapter, a checklist item (built-in or custom) or a note.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CMIO_TYPE_SEARCH_KIND, CMIO_SEARCH_KIND_CHAPTER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CmioSearchResult:id:
   *
   * The id of the chapter, checklist item or note.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CmioSearchResult:chapter-id:
   *
   * The chapter it is or belongs to; %NULL for a free note.
   */
  properties[PROP_CHAPTER_ID] =
    g_param_spec_string ("chapter-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CmioSearchResult:title:
   *
   * What to call it: "2. CMIO vs. CIO" for a chapter, the number and text of
   * a checklist item, a note's title or the first line of an untitled note.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CmioSearchResult:snippet:
   *
   * Plain text around the match, on one line, "…" where it was cut.
   */
  properties[PROP_SNIPPET] =
    g_param_spec_string ("snippet", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CmioSearchResult:match-start:
   *
   * Where the match starts in the snippet, in bytes.
   */
  properties[PROP_MATCH_START] =
    g_param_spec_uint ("match-start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CmioSearchResult:match-length:
   *
   * How long the match in the snippet is, in bytes.
   */
  properties[PROP_MATCH_LENGTH] =
    g_param_spec_uint ("match-length", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CmioSearchResult:match-text:
   *
   * The text that matched the first word of the query, as it is written in
   * the document (with its case and accents), for finding it on the page.
   */
  properties[PROP_MATCH_TEXT] =
    g_param_spec_string ("match-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cmio_search_result_init (CmioSearchResult *self)
{
}

/**
 * cmio_search_result_new:
 * @kind: what was found
 * @id: the id of the chapter, checklist item or note
 * @chapter_id: (nullable): the chapter it is or belongs to
 * @title: what to call it
 * @snippet: plain text around the match
 * @match_start: where the match starts in @snippet, in bytes
 * @match_length: the match's length in @snippet, in bytes
 * @match_text: the text that matched the query's first word
 *
 * Returns: (transfer full): a new search result
 */
CmioSearchResult *
cmio_search_result_new (CmioSearchKind  kind,
                        const char     *id,
                        const char     *chapter_id,
                        const char     *title,
                        const char     *snippet,
                        guint           match_start,
                        guint           match_length,
                        const char     *match_text)
{
  CmioSearchResult *self;

  g_return_val_if_fail (kind <= CMIO_SEARCH_KIND_NOTE, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (snippet != NULL, NULL);
  g_return_val_if_fail (match_text != NULL, NULL);
  g_return_val_if_fail ((gsize) match_start + match_length <= strlen (snippet), NULL);

  self = g_object_new (CMIO_TYPE_SEARCH_RESULT, NULL);
  self->kind = kind;
  self->id = g_strdup (id);
  self->chapter_id = g_strdup (chapter_id);
  self->title = g_strdup (title);
  self->snippet = g_strdup (snippet);
  self->match_start = match_start;
  self->match_length = match_length;
  self->match_text = g_strdup (match_text);

  return self;
}

CmioSearchKind
cmio_search_result_get_kind (CmioSearchResult *self)
{
  g_return_val_if_fail (CMIO_IS_SEARCH_RESULT (self), CMIO_SEARCH_KIND_CHAPTER);
  return self->kind;
}

const char *
cmio_search_result_get_id (CmioSearchResult *self)
{
  g_return_val_if_fail (CMIO_IS_SEARCH_RESULT (self), NULL);
  return self->id;
}

/**
 * cmio_search_result_get_chapter_id:
 * @self: a #CmioSearchResult
 *
 * Returns: (nullable): the chapter it is or belongs to; %NULL for a free note
 */
const char *
cmio_search_result_get_chapter_id (CmioSearchResult *self)
{
  g_return_val_if_fail (CMIO_IS_SEARCH_RESULT (self), NULL);
  return self->chapter_id;
}

const char *
cmio_search_result_get_title (CmioSearchResult *self)
{
  g_return_val_if_fail (CMIO_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

const char *
cmio_search_result_get_snippet (CmioSearchResult *self)
{
  g_return_val_if_fail (CMIO_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

guint
cmio_search_result_get_match_start (CmioSearchResult *self)
{
  g_return_val_if_fail (CMIO_IS_SEARCH_RESULT (self), 0);
  return self->match_start;
}

guint
cmio_search_result_get_match_length (CmioSearchResult *self)
{
  g_return_val_if_fail (CMIO_IS_SEARCH_RESULT (self), 0);
  return self->match_length;
}

const char *
cmio_search_result_get_match_text (CmioSearchResult *self)
{
  g_return_val_if_fail (CMIO_IS_SEARCH_RESULT (self), NULL);
  return self->match_text;
}

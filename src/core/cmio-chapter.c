/* cmio-chapter.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-chapter.h"
#include "cmio-markdown.h"

struct _CmioChapter
{
  GObject parent_instance;

  char *id;
  char *title;
  char *summary;
  char *file;
  char *markdown;
  guint number;
};

G_DEFINE_FINAL_TYPE (CmioChapter, cmio_chapter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cmio_chapter_finalize (GObject *object)
{
  CmioChapter *self = (CmioChapter *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->markdown, g_free);

  G_OBJECT_CLASS (cmio_chapter_parent_class)->finalize (object);
}

static void
cmio_chapter_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CmioChapter *self = CMIO_CHAPTER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cmio_chapter_class_init (CmioChapterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cmio_chapter_finalize;
  object_class->get_property = cmio_chapter_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cmio_chapter_init (CmioChapter *self)
{
}

/**
 * cmio_chapter_new:
 * @id: the chapter's stable id
 * @title: its title
 * @summary: (nullable): a one-sentence summary
 * @file: the chapter file's path inside its pack
 * @number: the chapter's 1-based position in the pack
 * @markdown: the chapter's CommonMark text
 *
 * Returns: (transfer full): a new chapter
 */
CmioChapter *
cmio_chapter_new (const char *id,
                  const char *title,
                  const char *summary,
                  const char *file,
                  guint       number,
                  const char *markdown)
{
  CmioChapter *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (markdown != NULL, NULL);

  self = g_object_new (CMIO_TYPE_CHAPTER, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->summary = g_strdup (summary ? summary : "");
  self->file = g_strdup (file ? file : "");
  self->number = number;
  self->markdown = g_strdup (markdown);

  return self;
}

const char *
cmio_chapter_get_id (CmioChapter *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER (self), NULL);
  return self->id;
}

const char *
cmio_chapter_get_title (CmioChapter *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER (self), NULL);
  return self->title;
}

const char *
cmio_chapter_get_summary (CmioChapter *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER (self), NULL);
  return self->summary;
}

const char *
cmio_chapter_get_file (CmioChapter *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER (self), NULL);
  return self->file;
}

guint
cmio_chapter_get_number (CmioChapter *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER (self), 0);
  return self->number;
}

const char *
cmio_chapter_get_markdown (CmioChapter *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER (self), NULL);
  return self->markdown;
}

/**
 * cmio_chapter_dup_html:
 * @self: a #CmioChapter
 *
 * Returns: (transfer full): the chapter rendered as a safe HTML fragment
 */
char *
cmio_chapter_dup_html (CmioChapter *self)
{
  g_return_val_if_fail (CMIO_IS_CHAPTER (self), NULL);
  return cmio_markdown_to_html (self->markdown, -1);
}

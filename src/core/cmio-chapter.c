/* cmio-chapter.c
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cmio-chapter.h"
#include "cmio-markdown.h"
#include "cmio-safe-html.h"

#include <md4c.h>
#include <string.h>

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

  return cmio_markdown_to_safe_html (self->markdown);
}

static int
heading_enter_cb (MD_BLOCKTYPE  type,
                  void         *detail,
                  void         *user_data)
{
  GPtrArray *headings = user_data;

  if (type == MD_BLOCK_H)
    {
      CmioHeading *heading = g_new0 (CmioHeading, 1);

      heading->level = ((MD_BLOCK_H_DETAIL *) detail)->level;
      heading->text = g_strdup ("");
      g_ptr_array_add (headings, heading);
      heading->open = TRUE;
    }

  return 0;
}

static int
heading_leave_cb (MD_BLOCKTYPE  type,
                  void         *detail,
                  void         *user_data)
{
  GPtrArray *headings = user_data;

  if (type == MD_BLOCK_H && headings->len > 0)
    ((CmioHeading *) g_ptr_array_index (headings, headings->len - 1))->open = FALSE;

  return 0;
}

static int
heading_span_cb (MD_SPANTYPE  type,
                 void        *detail,
                 void        *user_data)
{
  return 0;
}

static int
heading_text_cb (MD_TEXTTYPE     type,
                 const MD_CHAR  *text,
                 MD_SIZE         size,
                 void           *user_data)
{
  GPtrArray *headings = user_data;
  CmioHeading *heading;
  char *joined;

  if (headings->len == 0)
    return 0;

  heading = g_ptr_array_index (headings, headings->len - 1);
  if (!heading->open)
    return 0;

  joined = g_strdup_printf ("%s%.*s", heading->text, (int) size,
                            type == MD_TEXT_SOFTBR || type == MD_TEXT_BR ? " " : text);
  g_free (heading->text);
  heading->text = joined;
  return 0;
}

static void
heading_free (CmioHeading *heading)
{
  g_free (heading->text);
  g_free (heading);
}

/**
 * cmio_chapter_dup_headings:
 * @self: a #CmioChapter
 *
 * The chapter's outline, in the order of the text: the n-th heading here is
 * the n-th `h1`–`h6` element of cmio_chapter_dup_html().
 *
 * Returns: (transfer container) (element-type CmioHeading): the headings
 */
GPtrArray *
cmio_chapter_dup_headings (CmioChapter *self)
{
  GPtrArray *headings;
  MD_PARSER parser = {
    0, MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_NOHTML,
    heading_enter_cb, heading_leave_cb, heading_span_cb, heading_span_cb, heading_text_cb,
    NULL, NULL
  };

  g_return_val_if_fail (CMIO_IS_CHAPTER (self), NULL);

  headings = g_ptr_array_new_with_free_func ((GDestroyNotify) heading_free);
  md_parse (self->markdown, strlen (self->markdown), &parser, headings);
  return headings;
}

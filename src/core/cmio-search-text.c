/* cmio-search-text.c — one searchable text: folded for matching, cut for snippets
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A text is folded once, when it is indexed: case folded, decomposed (NFD)
 * and stripped of combining marks, so that a query (folded the same way)
 * is a plain substring search. Folding changes lengths ("É" is two bytes,
 * "e" one; "ß" becomes "ss"), so the folded text keeps marks that map its
 * offsets back to the text's, to cut the snippet and find the words that
 * matched as they are written. Text is mostly ASCII, where offsets run in
 * step; only where they stop doing so is a mark kept.
 */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include "cmio-search-text.h"

#include <string.h>

/* Where the folded text and the source stop running in step: at every
 * non-ASCII character of the source, and at the first ASCII character after
 * one. Before the first mark, offsets are the same in both. */
typedef struct
{
  guint32 folded;        /* offset of the character's folding in the folded text */
  guint32 source : 31;   /* offset of the character in the source */
  guint32 ascii : 1;     /* whether a run of ASCII starts here, folded byte for byte */
} FoldMark;

struct _CmioSearchText
{
  char *text;
  gsize length;
  gsize body_start;
  char *folded;
  gsize folded_length;
  gsize folded_body_start;
  GArray *marks;         /* FoldMark, or NULL when the text is ASCII */
};

static inline gboolean
is_combining_mark (gunichar ch)
{
  GUnicodeType type = g_unichar_type (ch);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

/* The foldings of the non-ASCII characters met last: text in a language
 * repeats a few of them, and folding one takes allocations. */
#define FOLD_CACHE_SIZE 64

typedef struct
{
  gunichar ch;         /* 0 when the entry is empty */
  guint8 length;
  char folded[23];
} FoldCacheEntry;

/* Appends the folding of the non-ASCII character @ch. */
static void
fold_char (GString        *out,
           gunichar        ch,
           FoldCacheEntry *cache)
{
  FoldCacheEntry *entry = &cache[ch % FOLD_CACHE_SIZE];
  char utf8[8];
  int length;
  g_autofree char *casefolded = NULL;
  gsize folded;

  if (entry->ch == ch)
    {
      g_string_append_len (out, entry->folded, entry->length);
      return;
    }

  length = g_unichar_to_utf8 (ch, utf8);
  casefolded = g_utf8_casefold (utf8, length);
  folded = out->len;

  for (const char *p = casefolded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n = g_unichar_fully_decompose (g_utf8_get_char (p), FALSE, decomposed,
                                           G_N_ELEMENTS (decomposed));

      for (gsize i = 0; i < n; i++)
        if (!is_combining_mark (decomposed[i]))
          g_string_append_unichar (out, decomposed[i]);
    }

  if (out->len - folded <= sizeof entry->folded)
    {
      entry->ch = ch;
      entry->length = (guint8) (out->len - folded);
      memcpy (entry->folded, out->str + folded, entry->length);
    }
}

static void
add_mark (GArray   *marks,
          gsize     folded,
          gsize     source,
          gboolean  ascii)
{
  FoldMark mark = { (guint32) folded, (guint32) source, !!ascii };

  g_array_append_val (marks, mark);
}

/* Folds @length bytes of @text, and fills @marks if it is not %NULL. */
static char *
fold_text (const char *text,
           gsize       length,
           gsize      *folded_length,
           GArray     *marks)
{
  FoldCacheEntry cache[FOLD_CACHE_SIZE] = { { 0, } };
  GString *out;
  const char *p = text;
  const char *end;
  gboolean in_step = TRUE;

  end = text + length;
  out = g_string_sized_new (length + 1);

  while (p < end)
    {
      guchar c = (guchar) *p;
      gunichar ch;
      gsize size;

      if (c < 0x80)
        {
          const char *run = p;
          gsize folded = out->len;

          while (p < end && (guchar) *p < 0x80)
            p++;
          if (!in_step && marks != NULL)
            add_mark (marks, folded, run - text, TRUE);
          in_step = TRUE;

          g_string_append_len (out, run, p - run);
          for (char *q = out->str + folded; q < out->str + out->len; q++)
            if (*q >= 'A' && *q <= 'Z')
              *q += 'a' - 'A';
          continue;
        }

      ch = g_utf8_get_char_validated (p, end - p);
      if (ch == (gunichar) -1 || ch == (gunichar) -2)
        {
          ch = 0xFFFD;
          size = 1;
        }
      else
        {
          size = g_utf8_next_char (p) - p;
        }

      if (marks != NULL)
        add_mark (marks, out->len, p - text, FALSE);
      in_step = FALSE;
      fold_char (out, ch, cache);
      p += size;
    }

  if (folded_length != NULL)
    *folded_length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * cmio_search_fold:
 * @text: UTF-8 text; an invalid byte folds to U+FFFD
 * @length: its length in bytes, or -1 if it is nul-terminated
 * @folded_length: (out) (optional): the length of the result
 *
 * Folds @text for matching: case folded, in NFD, without combining marks.
 *
 * Returns: (transfer full): the folded text
 */
char *
cmio_search_fold (const char *text,
                  gssize      length,
                  gsize      *folded_length)
{
  return fold_text (text, length < 0 ? strlen (text) : (gsize) length, folded_length, NULL);
}

/**
 * cmio_search_text_new:
 * @text: (transfer full): UTF-8 plain text
 * @body_start: where its body starts, after the title line, if it has one
 *
 * Returns: (transfer full): the text, folded and ready to search
 */
CmioSearchText *
cmio_search_text_new (char  *text,
                      gsize  body_start)
{
  CmioSearchText *self = g_new0 (CmioSearchText, 1);
  gboolean ascii = TRUE;

  self->text = text;
  self->length = strlen (text);

  /* Marks hold 31-bit offsets. The pack and the progress refuse texts of
   * more than a few megabytes long before this. */
  if (self->length >= G_MAXINT32)
    {
      text[0] = '\0';
      self->length = 0;
    }
  self->body_start = MIN (body_start, self->length);

  for (gsize i = 0; i < self->length && ascii; i++)
    ascii = (guchar) text[i] < 0x80;

  if (ascii)
    {
      self->folded = g_ascii_strdown (text, self->length);
      self->folded_length = self->length;
      self->folded_body_start = self->body_start;
      return self;
    }

  self->marks = g_array_new (FALSE, FALSE, sizeof (FoldMark));
  self->folded = fold_text (text, self->length, &self->folded_length, self->marks);
  g_free (fold_text (text, self->body_start, &self->folded_body_start, NULL));

  return self;
}

void
cmio_search_text_free (CmioSearchText *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->folded);
  g_clear_pointer (&self->marks, g_array_unref);
  g_free (self);
}

const char *
cmio_search_text_get_text (CmioSearchText *self)
{
  return self->text;
}

/**
 * cmio_search_text_matches:
 * @self: a text
 * @words: (array zero-terminated=1): folded words
 *
 * Returns: whether every word occurs in the text
 */
gboolean
cmio_search_text_matches (CmioSearchText  *self,
                          const char     **words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (memmem (self->folded, self->folded_length, words[i], strlen (words[i])) == NULL)
      return FALSE;

  return TRUE;
}

static inline gsize
mark_folded_end (CmioSearchText *self,
                 guint           i)
{
  return i + 1 < self->marks->len ?
         g_array_index (self->marks, FoldMark, i + 1).folded : self->folded_length;
}

static inline gsize
mark_source_end (CmioSearchText *self,
                 guint           i)
{
  return i + 1 < self->marks->len ?
         g_array_index (self->marks, FoldMark, i + 1).source : self->length;
}

/* The number of marks at or before the folded offset @offset, or strictly
 * before it if @strictly. */
static guint
count_marks (CmioSearchText *self,
             gsize           offset,
             gboolean        strictly)
{
  guint lo = 0;
  guint hi = self->marks->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gsize folded = g_array_index (self->marks, FoldMark, mid).folded;

      if (folded < offset || (!strictly && folded == offset))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The start in the source of the character whose folding holds the folded
 * byte at @offset. */
static gsize
source_start (CmioSearchText *self,
              gsize           offset)
{
  guint n;
  const FoldMark *mark;

  if (self->marks == NULL || (n = count_marks (self, offset, FALSE)) == 0)
    return offset;

  mark = &g_array_index (self->marks, FoldMark, n - 1);
  return mark->ascii ? mark->source + (offset - mark->folded) : mark->source;
}

/* The end in the source of the character whose folding holds the folded byte
 * before @offset, with the characters right after it that fold to nothing
 * (combining accents), which belong to it. */
static gsize
source_end (CmioSearchText *self,
            gsize           offset)
{
  guint n;
  gsize end;

  if (self->marks == NULL)
    return offset;

  n = count_marks (self, offset, TRUE);
  if (n == 0)
    {
      end = offset;
    }
  else
    {
      const FoldMark *mark = &g_array_index (self->marks, FoldMark, n - 1);

      end = mark->ascii ? mark->source + (offset - mark->folded) : mark_source_end (self, n - 1);
    }

  for (guint i = n; i < self->marks->len; i++)
    {
      const FoldMark *mark = &g_array_index (self->marks, FoldMark, i);

      if (mark->ascii || mark->folded != offset || mark_folded_end (self, i) != offset)
        break;
      end = mark_source_end (self, i);
    }

  return end;
}

/**
 * cmio_search_text_find:
 * @self: a text
 * @word: a folded word
 * @start: (out): where its first match starts in the text, in bytes
 * @end: (out): where that match ends
 *
 * Finds the first match of @word in the body, or in the title if the body
 * has none.
 *
 * Returns: whether @word occurs in the text
 */
gboolean
cmio_search_text_find (CmioSearchText *self,
                       const char     *word,
                       gsize          *start,
                       gsize          *end)
{
  gsize length = strlen (word);
  const char *found;
  gsize offset;

  if (length == 0)
    return FALSE;

  found = memmem (self->folded + self->folded_body_start,
                  self->folded_length - self->folded_body_start, word, length);
  if (found == NULL)
    found = memmem (self->folded, self->folded_length, word, length);
  if (found == NULL)
    return FALSE;

  offset = found - self->folded;
  *start = source_start (self, offset);
  *end = source_end (self, offset + length);
  return TRUE;
}

static inline gboolean
is_space (const char *p)
{
  guchar c = (guchar) *p;

  if (c < 0x80)
    return c == ' ' || (c >= '\t' && c <= '\r');

  return g_unichar_isspace (g_utf8_get_char (p));
}

static inline gsize
next_char (CmioSearchText *self,
           gsize           offset)
{
  return MIN ((gsize) (g_utf8_next_char (self->text + offset) - self->text), self->length);
}

static inline gsize
prev_char (CmioSearchText *self,
           gsize           offset)
{
  return g_utf8_find_prev_char (self->text, self->text + offset) - self->text;
}

/* Walks back from @offset, not past @lowest, over at most @limit characters,
 * a run of white space counting as one, and stores in @walked how many it
 * walked. */
static gsize
walk_back (CmioSearchText *self,
           gsize           offset,
           gsize           lowest,
           guint           limit,
           guint          *walked)
{
  guint n = 0;

  while (offset > lowest && n < limit)
    {
      offset = prev_char (self, offset);
      if (is_space (self->text + offset))
        while (offset > lowest && is_space (self->text + prev_char (self, offset)))
          offset = prev_char (self, offset);
      n++;
    }

  *walked = n;
  return offset;
}

/* Walks forward from @offset, as walk_back() walks back. */
static gsize
walk_forward (CmioSearchText *self,
              gsize           offset,
              guint           limit,
              guint          *walked)
{
  guint n = 0;

  while (offset < self->length && n < limit)
    {
      gboolean space = is_space (self->text + offset);

      offset = next_char (self, offset);
      if (space)
        while (offset < self->length && is_space (self->text + offset))
          offset = next_char (self, offset);
      n++;
    }

  *walked = n;
  return offset;
}

/**
 * cmio_search_text_snippet:
 * @self: a text
 * @start: where the match starts in the text, at a character
 * @end: where it ends
 * @match_start: (out): where the match starts in the snippet
 * @match_length: (out): its length in the snippet
 *
 * Cuts about %CMIO_SEARCH_SNIPPET_CHARS characters around a match, at word
 * boundaries when the words are not longer than that, with "…" where it
 * cut, and white space collapsed to single spaces. A match in the body
 * shows only the body: the title is shown anyway.
 *
 * Returns: (transfer full): the snippet
 */
char *
cmio_search_text_snippet (CmioSearchText *self,
                          gsize           start,
                          gsize           end,
                          guint          *match_start,
                          guint          *match_length)
{
  const char *text = self->text;
  gsize lowest = start >= self->body_start ? self->body_start : 0;
  guint match_chars = (guint) g_utf8_strlen (text + start, end - start);
  guint before = CMIO_SEARCH_SNIPPET_BEFORE;
  guint after;
  guint walked;
  gsize from;
  gsize to;
  gsize p;
  gboolean cut_before = FALSE;
  gboolean cut_after = FALSE;
  GString *out;
  gsize out_start = 0;
  gsize out_end = 0;

  g_return_val_if_fail (start < end && end <= self->length, g_strdup (""));

  /* A long match leaves less room on either side; the room the text lacks
   * on one side goes to the other. */
  if (match_chars + before > CMIO_SEARCH_SNIPPET_CHARS)
    before = (CMIO_SEARCH_SNIPPET_CHARS - MIN (match_chars, CMIO_SEARCH_SNIPPET_CHARS)) / 3;
  after = CMIO_SEARCH_SNIPPET_CHARS - MIN (match_chars + before, CMIO_SEARCH_SNIPPET_CHARS);

  to = walk_forward (self, end, after, &walked);
  before += after - walked;
  from = walk_back (self, start, lowest, before, &walked);
  if (walked < before)
    to = walk_forward (self, end, after + before - walked, &walked);

  /* Cut at word boundaries: leave out the part of a word the window cut,
   * unless the match is inside that word. */
  if (from > lowest && !is_space (text + from) && !is_space (text + prev_char (self, from)))
    {
      for (p = from; p < start && !is_space (text + p); p = next_char (self, p))
        ;
      if (p < start)
        from = p;
    }
  while (from < start && is_space (text + from))
    from = next_char (self, from);

  if (to < self->length && !is_space (text + to) && !is_space (text + prev_char (self, to)))
    {
      for (p = to; p > end && !is_space (text + prev_char (self, p)); p = prev_char (self, p))
        ;
      if (p > end)
        to = p;
    }
  while (to > end && is_space (text + prev_char (self, to)))
    to = prev_char (self, to);

  /* Only text that shows counts as cut. */
  for (p = from; p > lowest && !cut_before; )
    {
      p = prev_char (self, p);
      cut_before = !is_space (text + p);
    }
  for (p = to; p < self->length && !cut_after; p = next_char (self, p))
    cut_after = !is_space (text + p);

  out = g_string_sized_new (to - from + 16);
  if (cut_before)
    g_string_append (out, "…");

  /* Copies runs of text whole, and a run of white space as one space. The
   * match holds no white space, so its ends are in runs of text. */
  for (p = from; p < to; )
    {
      gsize run = p;

      if (is_space (text + p))
        {
          while (p < to && is_space (text + p))
            p = next_char (self, p);
          g_string_append_c (out, ' ');
          continue;
        }

      while (p < to && !is_space (text + p))
        p = next_char (self, p);
      if (start >= run && start < p)
        out_start = out->len + (start - run);
      if (end > run && end <= p)
        out_end = out->len + (end - run);
      g_string_append_len (out, text + run, p - run);
    }

  if (cut_after)
    g_string_append (out, "…");

  *match_start = (guint) out_start;
  *match_length = (guint) (out_end - out_start);
  return g_string_free (out, FALSE);
}

/**
 * cmio_search_split_words:
 * @query: (nullable): words separated by white space
 *
 * Splits @query at white space and folds each word (see
 * cmio_search_fold()); a word that folds to nothing, such as combining
 * accents alone, is left out, as it would match everything.
 *
 * Returns: (transfer full) (nullable): the folded words, or %NULL if
 *   there are none
 */
GStrv
cmio_search_split_words (const char *query)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = query;

  while (p != NULL && *p != '\0')
    {
      const char *start;
      char *word;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;

      /* A word of combining accents alone folds to nothing, and matches all. */
      word = cmio_search_fold (start, p - start, NULL);
      if (*word != '\0')
        g_ptr_array_add (words, word);
      else
        g_free (word);
    }

  if (words->len == 0)
    return NULL;

  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

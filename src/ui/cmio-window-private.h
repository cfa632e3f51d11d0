/* cmio-window-private.h — what the parts of CmioWindow share
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cmio-assessment-page.h"
#include "cmio-chapter-page.h"
#include "cmio-checklist-page.h"
#include "cmio-notes-page.h"
#include "cmio-overview-page.h"
#include "cmio-plan.h"
#include "cmio-reader-view.h"
#include "cmio-search-index.h"
#include "cmio-undo-stack.h"
#include "cmio-window.h"

G_BEGIN_DECLS

#define CHAPTER_PREFIX "chapter:"
#define CHECKLIST_PAGE "checklist"
#define NOTES_PAGE "notes"
#define ASSESSMENT_PAGE "assessment"

/* Messages along the bottom of the window, least urgent first. */
typedef enum
{
  BANNER_CONTENT,
  BANNER_LOAD,
  BANNER_SAVE,
  N_BANNERS
} BannerKind;

struct _CmioWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkStack *sidebar_stack;
  GtkListBox *sidebar_list;
  GtkListBox *results_list;
  GtkWidget *content;
  AdwWindowTitle *content_title;
  GtkToggleButton *read_button;
  GtkToggleButton *find_button;
  GtkMenuButton *outline_button;
  GtkListBox *outline_list;
  GtkSearchBar *find_bar;
  GtkSearchEntry *find_entry;
  GtkLabel *find_count;
  GtkStack *content_stack;
  CmioOverviewPage *overview_page;
  CmioChapterPage *chapter_page;
  CmioChecklistPage *checklist_page;
  CmioNotesPage *notes_page;
  CmioAssessmentPage *assessment_page;
  CmioChecklistPanel *checklist_panel;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_button;
  CmioReaderView *reader;

  /* Owned */
  GSettings *settings;
  CmioContentPack *pack;
  CmioStore *store;
  CmioProgress *progress;
  CmioSearchIndex *search;
  CmioPlan *plan;
  CmioUndoStack *undo;
  GListModel *results;
  GPtrArray *history;
  GHashTable *chapter_counts;   /* chapter id → guint[2]: done, total */
  GHashTable *item_chapters;    /* item id → chapter id */
  GHashTable *done_items;       /* ids of the items counted as done */
  char *page;
  char *last_toast;
  char *banners[N_BANNERS];
  BannerKind banner_shown;
  guint history_index;
  gulong after_paint_handler;
  gulong reader_loaded_handler;
  gboolean close_unsaved;
  gboolean updating_read_button;
};

/* cmio-window.c */
void         cmio_window_open_page            (CmioWindow  *self,
                                               const char  *page,
                                               gboolean     remember);
CmioChapter *cmio_window_get_chapter          (CmioWindow  *self);

void         cmio_window_show_toast           (CmioWindow  *self,
                                               const char  *message,
                                               gboolean     undoable);
void         cmio_window_page_toast_cb        (CmioWindow  *self,
                                               const char  *message,
                                               gboolean     undoable);
void         cmio_window_open_chapter_cb      (CmioWindow  *self,
                                               const char  *chapter_id);

/* cmio-window-actions.c */
void         cmio_window_class_init_actions   (GtkWidgetClass *widget_class);
void         cmio_window_update_actions       (CmioWindow  *self);

/* cmio-window-banners.c */
void         cmio_window_set_banner           (CmioWindow      *self,
                                               BannerKind       kind,
                                               const char      *message);
void         cmio_window_save_error_changed_cb (CmioWindow     *self);
void         cmio_window_show_content_problems (CmioWindow     *self,
                                               CmioApplication *application);
void         cmio_window_class_init_banners   (GtkWidgetClass  *widget_class);

/* cmio-window-actions.c: the find bar */
void         cmio_window_find_matches_cb      (CmioWindow      *self,
                                               guint            count);
void         cmio_window_find_mode_changed_cb (CmioWindow      *self);

/* cmio-window-exchange.c */
void         cmio_window_class_init_exchange  (GtkWidgetClass *widget_class);

/* cmio-window-pages.c */
void         cmio_window_ensure_checklist_page  (CmioWindow *self);
void         cmio_window_prepare_checklist      (CmioWindow *self);
void         cmio_window_ensure_notes_page      (CmioWindow *self);
void         cmio_window_ensure_assessment_page (CmioWindow *self);

/* cmio-window-sidebar.c */
void         cmio_window_populate_sidebar     (CmioWindow  *self);
void         cmio_window_update_sidebar_marks (CmioWindow  *self,
                                               const char  *only_chapter);
void         cmio_window_count_items          (CmioWindow  *self);
const char  *cmio_window_count_tick           (CmioWindow  *self,
                                               const char  *item_id);
void         cmio_window_select_sidebar_row   (CmioWindow  *self,
                                               const char  *page);
void         cmio_window_search               (CmioWindow  *self,
                                               const char  *query);
void         cmio_window_class_init_sidebar   (GtkWidgetClass *widget_class);
void         cmio_window_init_sidebar         (CmioWindow  *self);

G_END_DECLS

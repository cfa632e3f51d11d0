/* cmio-assessment-page.c — the self-assessment wizard
 *
 * Copyright 2026 The CMIO Handbook authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cmio-assessment-page.h"
#include "cmio-assessment-results.h"

/* Steps: the introduction, one per domain, then the review. Every answer
 * goes into the progress's draft at once, so Back, Next, closing half-way
 * or a crash lose nothing; the next start offers to resume it. */

/* The rating buttons: 1–5, then "not sure" (level 0). */
#define N_CHOICES 6

typedef struct
{
  CmioAssessmentPage *page;
  CmioCompetency *competency;
  GtkToggleButton *choices[N_CHOICES];
  GtkLabel *meaning;
  GtkEntry *comment;
} Rating;

struct _CmioAssessmentPage
{
  GtkBox parent_instance;

  GtkStack *stack;
  GtkLabel *start_description;
  GtkButton *start;
  GtkButton *discard;
  CmioAssessmentResults *results;

  GtkStack *steps;
  GtkProgressBar *progress_bar;
  GtkLabel *step_label;
  GtkButton *back;
  GtkButton *next;
  GtkLabel *review;

  CmioContentPack *pack;
  CmioProgress *progress;
  CmioUndoStack *undo;
  GPtrArray *ratings;   /* of Rating */
  int step;
  int n_steps;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (CmioAssessmentPage, cmio_assessment_page, GTK_TYPE_BOX)

enum {
  TOAST,
  OPEN_CHAPTER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (CmioAssessmentPage *self,
       const char         *message)
{
  g_signal_emit (self, signals[TOAST], 0, message, FALSE);
}


static void
rating_free (Rating *rating)
{
  g_clear_object (&rating->competency);
  g_free (rating);
}

static int
choice_level (guint choice)
{
  return choice < 5 ? (int) choice + 1 : 0;
}

static const char *
draft_id (CmioAssessmentPage *self)
{
  return cmio_progress_has_draft (self->progress) ? cmio_progress_start_draft (self->progress, NULL) : NULL;
}

static void
show_meaning (Rating *rating,
              int     level)
{
  const char *text = level > 0 ? cmio_competency_get_level (rating->competency, level)
                               : _("Not sure: left out of the scores");

  gtk_label_set_text (rating->meaning, text ? text : "");
}

/* Puts the buttons and comment as the draft has them. */
static void
load_rating (Rating *rating)
{
  CmioAssessmentPage *self = rating->page;
  const char *comment = NULL;
  int level = -1;
  gboolean rated = FALSE;
  const char *id = draft_id (self);

  if (id != NULL)
    rated = cmio_progress_get_rating (self->progress, id, cmio_competency_get_id (rating->competency),
                                      &level, &comment);

  self->loading = TRUE;
  for (guint i = 0; i < N_CHOICES; i++)
    gtk_toggle_button_set_active (rating->choices[i], rated && choice_level (i) == level);
  gtk_editable_set_text (GTK_EDITABLE (rating->comment), comment ? comment : "");
  self->loading = FALSE;

  if (rated)
    show_meaning (rating, level);
  else
    gtk_label_set_text (rating->meaning, _("Not answered yet"));
}

static int
current_level (Rating *rating)
{
  for (guint i = 0; i < N_CHOICES; i++)
    if (gtk_toggle_button_get_active (rating->choices[i]))
      return choice_level (i);

  return -1;
}

/* Moving across the scale by keyboard shows each level's meaning; leaving
 * it shows the chosen one's again. */
static void
choice_focused_cb (GtkEventControllerFocus *controller,
                   Rating                  *rating)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  for (guint i = 0; i < N_CHOICES; i++)
    if (GTK_WIDGET (rating->choices[i]) == button)
      show_meaning (rating, choice_level (i));
}

static void
scale_left_cb (GtkEventControllerFocus *controller,
               Rating                  *rating)
{
  int level = current_level (rating);

  if (level >= 0)
    show_meaning (rating, level);
  else
    gtk_label_set_text (rating->meaning, _("Not answered yet"));
}

static void
save_rating (Rating *rating)
{
  CmioAssessmentPage *self = rating->page;
  g_autoptr(GError) error = NULL;
  int level = current_level (rating);
  const char *comment = gtk_editable_get_text (GTK_EDITABLE (rating->comment));

  if (self->loading || level < 0)
    return;

  if (cmio_progress_start_draft (self->progress, &error) == NULL ||
      !cmio_progress_set_draft_rating (self->progress, cmio_competency_get_id (rating->competency),
                                       level, *comment ? comment : NULL, &error))
    toast (self, error->message);
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   Rating          *rating)
{
  if (rating->page->loading || !gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < N_CHOICES; i++)
    if (rating->choices[i] == button)
      show_meaning (rating, choice_level (i));

  save_rating (rating);
}

static void
comment_changed_cb (GtkEditable *entry,
                    Rating      *rating)
{
  save_rating (rating);
}

/* 1–5 rate the competency that has the focus; 0 is "not sure". */
static gboolean
rating_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               Rating                *rating)
{
  int level;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_5)
    level = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_5)
    level = keyval - GDK_KEY_KP_0;
  else
    return FALSE;

  gtk_toggle_button_set_active (rating->choices[level > 0 ? level - 1 : N_CHOICES - 1], TRUE);
  return TRUE;
}

static GtkWidget *
create_rating (CmioAssessmentPage *self,
               CmioCompetency     *competency)
{
  Rating *rating = g_new0 (Rating, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label;
  GtkEventController *keys;
  const char *title = cmio_competency_get_title (competency);

  rating->page = self;
  rating->competency = g_object_ref (competency);
  g_ptr_array_add (self->ratings, rating);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_name (box, cmio_competency_get_id (competency));
  g_object_set (box, "margin-top", 6, "margin-bottom", 6, NULL);

  label = gtk_label_new (title);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set (label, "margin-top", 12, "margin-start", 12, "margin-end", 12, NULL);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (cmio_competency_get_description (competency));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  g_object_set (label, "margin-start", 12, "margin-end", 12, NULL);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (choices, "linked");
  gtk_widget_add_css_class (choices, "rating");
  gtk_widget_set_halign (choices, GTK_ALIGN_START);
  g_object_set (choices, "margin-start", 12, "margin-end", 12, NULL);
  for (guint i = 0; i < N_CHOICES; i++)
    {
      int level = choice_level (i);
      g_autofree char *text = level > 0 ? g_strdup_printf ("%d", level) : g_strdup (_("Not Sure"));
      g_autofree char *name = NULL;
      GtkWidget *button = gtk_toggle_button_new_with_label (text);

      /* A screen reader hears the competency, the level and its meaning. */
      if (level > 0)
        name = g_strdup_printf (_("%s, level %d of 5: %s"), title, level,
                                cmio_competency_get_level (competency, level));
      else
        name = g_strdup_printf (_("%s: not sure"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, level > 0 ? cmio_competency_get_level (competency, level)
                                                     : _("Leave it out of the scores"));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), rating->choices[0]);
      rating->choices[i] = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), rating);
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        g_signal_connect (focus, "enter", G_CALLBACK (choice_focused_cb), rating);
        gtk_widget_add_controller (button, focus);
      }
      gtk_box_append (GTK_BOX (choices), button);
    }
  gtk_box_append (GTK_BOX (box), choices);

  rating->meaning = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (rating->meaning), "dim-label");
  gtk_label_set_xalign (rating->meaning, 0);
  gtk_label_set_wrap (rating->meaning, TRUE);
  g_object_set (rating->meaning, "margin-start", 12, "margin-end", 12, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rating->meaning));

  rating->comment = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (rating->comment, _("Comment (optional)"));
  {
    g_autofree char *name = g_strdup_printf (_("Comment on %s"), title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (rating->comment), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  g_object_set (rating->comment, "margin-start", 12, "margin-end", 12, "margin-bottom", 12, NULL);
  g_signal_connect (rating->comment, "changed", G_CALLBACK (comment_changed_cb), rating);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (rating->comment));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (rating_key_cb), rating);
  gtk_widget_add_controller (choices, keys);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect (focus, "leave", G_CALLBACK (scale_left_cb), rating);
    gtk_widget_add_controller (choices, focus);
  }

  return box;
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  g_object_set (child, "margin-top", 18, "margin-bottom", 18, "margin-start", 12, "margin-end", 12, NULL);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}

static void
update_review (CmioAssessmentPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint answered = 0;

  for (guint i = 0; i < self->ratings->len; i++)
    {
      Rating *rating = g_ptr_array_index (self->ratings, i);

      if (current_level (rating) >= 0)
        answered++;
      else
        g_string_append_printf (text, "\n• %s", cmio_competency_get_title (rating->competency));
    }

  if (answered == self->ratings->len)
    gtk_label_set_text (self->review, _("Every competency has an answer. Finish to save this self-assessment."));
  else
    {
      g_autofree char *head = g_strdup_printf (_("%u of %u competencies answered. Not answered yet:"),
                                               answered, self->ratings->len);
      g_string_prepend (text, head);
      g_string_append (text, "\n\n");
      g_string_append (text, _("You can finish now; what is not answered is left out of the scores."));
      gtk_label_set_text (self->review, text->str);
    }
}

static void
show_step (CmioAssessmentPage *self,
           int                 step)
{
  g_autofree char *name = g_strdup_printf ("%d", step);
  g_autofree char *label = NULL;

  self->step = CLAMP (step, 0, self->n_steps - 1);
  g_free (name);
  name = g_strdup_printf ("%d", self->step);
  gtk_stack_set_visible_child_name (self->steps, name);

  label = g_strdup_printf (_("Step %d of %d"), self->step + 1, self->n_steps);
  gtk_label_set_text (self->step_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, (self->step + 1) / (double) self->n_steps);
  gtk_widget_set_sensitive (GTK_WIDGET (self->back), self->step > 0);
  gtk_button_set_label (self->next, self->step == self->n_steps - 1 ? _("_Finish") : _("_Next"));
  if (self->step == self->n_steps - 1)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->next), "suggested-action");
      update_review (self);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->next), "suggested-action");

  if (!self->loading && cmio_progress_has_draft (self->progress))
    cmio_progress_set_draft_page (self->progress, self->step, NULL);

  /* The keyboard goes on with the page: its first rating, or Next. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->steps)) &&
      !gtk_widget_child_focus (gtk_stack_get_visible_child (self->steps), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (self->next));
}

static void
update_start_page (CmioAssessmentPage *self)
{
  gboolean draft = self->progress != NULL && cmio_progress_has_draft (self->progress);
  guint done = self->progress ? cmio_progress_get_n_assessments (self->progress) : 0;
  g_autofree char *description = NULL;

  gtk_button_set_label (self->start, draft ? _("_Resume") : done > 0 ? _("_Start Again") : _("_Start"));
  gtk_widget_set_visible (GTK_WIDGET (self->discard), draft);

  if (draft)
    description = g_strdup (_("You have a self-assessment under way. Resume where you left off, or start over."));
  else if (done > 0)
    description = g_strdup_printf (ngettext ("You have completed %u self-assessment. Doing it again on day 30 "
                                             "and day 90 shows how you have grown.",
                                             "You have completed %u self-assessments. Doing it again on day 30 "
                                             "and day 90 shows how you have grown.", done), done);
  else
    description = g_strdup (_("Rate yourself against the skills employers ask of a CMIO, to see where you "
                              "stand and which chapters to read next. It takes about ten minutes, and "
                              "your answers stay on this computer."));
  gtk_label_set_text (self->start_description, description);
  cmio_assessment_results_update (self->results);
}

static void
start_clicked_cb (CmioAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean resume = cmio_progress_has_draft (self->progress);

  if (cmio_progress_start_draft (self->progress, &error) == NULL)
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < self->ratings->len; i++)
    load_rating (g_ptr_array_index (self->ratings, i));

  self->loading = TRUE;
  show_step (self, resume ? cmio_progress_get_draft_page (self->progress) : 0);
  self->loading = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "wizard");
  gtk_widget_grab_focus (GTK_WIDGET (self->next));
}

static void
discard_clicked_cb (CmioAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!cmio_progress_discard_draft (self->progress, &error))
    toast (self, error->message);
  update_start_page (self);
}

static void
go_next (CmioAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->step < self->n_steps - 1)
    {
      show_step (self, self->step + 1);
      return;
    }

  id = cmio_progress_finish_draft (self->progress, &error);
  if (id == NULL)
    {
      toast (self, error->message);
      return;
    }

  toast (self, _("Self-assessment saved"));
  cmio_assessment_results_show_latest (self->results);
  update_start_page (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CmioAssessmentPage *self = CMIO_ASSESSMENT_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "wizard") == 0)
    go_next (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CmioAssessmentPage *self = CMIO_ASSESSMENT_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "wizard") == 0 && self->step > 0)
    show_step (self, self->step - 1);
}

static void
draft_changed_cb (CmioAssessmentPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") == 0)
    update_start_page (self);
}

static void
clear_steps (CmioAssessmentPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps))) != NULL)
    gtk_stack_remove (self->steps, child);
  g_ptr_array_set_size (self->ratings, 0);
}

static void
build_steps (CmioAssessmentPage *self)
{
  GtkWidget *box;
  GtkWidget *label;
  GListModel *competencies;
  guint n_domains;
  int step = 0;
  g_autofree char *name = NULL;

  clear_steps (self);
  if (self->pack == NULL)
    return;

  competencies = cmio_content_pack_get_competencies (self->pack);
  n_domains = cmio_content_pack_get_n_domains (self->pack);

  /* The introduction */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (_("How This Works"));
  gtk_widget_add_css_class (label, "title-2");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (_("Each page holds the competencies of one domain. Rate each from 1 to 5 as "
                           "you are today; the meaning of the level you choose shows below it. Choose "
                           "“Not Sure” when you cannot tell yet. With a rating’s buttons focused, the "
                           "keys 1 to 5 rate, and Ctrl+Enter goes on to the next page.\n\n"
                           "Everything is kept as you go: you can leave and resume later. Your answers "
                           "stay on this computer unless you export them."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  name = g_strdup_printf ("%d", step++);
  gtk_stack_add_named (self->steps, scrolled (box), name);

  /* A page per domain that has competencies */
  for (guint d = 0; d < n_domains; d++)
    {
      const CmioDomain *domain = cmio_content_pack_get_domain (self->pack, d);
      gboolean any = FALSE;

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      label = gtk_label_new (domain->title);
      gtk_widget_add_css_class (label, "title-2");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);

      for (guint i = 0; i < g_list_model_get_n_items (competencies); i++)
        {
          g_autoptr(CmioCompetency) competency = g_list_model_get_item (competencies, i);

          if (g_strcmp0 (cmio_competency_get_domain_id (competency), domain->id) != 0)
            continue;
          gtk_box_append (GTK_BOX (box), create_rating (self, competency));
          any = TRUE;
        }

      if (!any)
        {
          g_object_ref_sink (box);
          g_object_unref (box);
          continue;
        }

      g_free (name);
      name = g_strdup_printf ("%d", step++);
      gtk_stack_add_named (self->steps, scrolled (box), name);
    }

  /* The review */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (_("Review"));
  gtk_widget_add_css_class (label, "title-2");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  self->review = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->review), "review");
  gtk_label_set_wrap (self->review, TRUE);
  gtk_label_set_xalign (self->review, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->review));
  g_free (name);
  name = g_strdup_printf ("%d", step++);
  gtk_stack_add_named (self->steps, scrolled (box), name);

  self->n_steps = step;
}

static void
cmio_assessment_page_dispose (GObject *object)
{
  CmioAssessmentPage *self = (CmioAssessmentPage *) object;

  g_clear_object (&self->pack);
  g_clear_object (&self->progress);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (cmio_assessment_page_parent_class)->dispose (object);
}

static void
cmio_assessment_page_finalize (GObject *object)
{
  CmioAssessmentPage *self = (CmioAssessmentPage *) object;

  g_clear_pointer (&self->ratings, g_ptr_array_unref);

  G_OBJECT_CLASS (cmio_assessment_page_parent_class)->finalize (object);
}

static void
cmio_assessment_page_class_init (CmioAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cmio_assessment_page_dispose;
  object_class->finalize = cmio_assessment_page_finalize;

  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
  signals[OPEN_CHAPTER] =
    g_signal_new ("open-chapter", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "assessment.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assessment.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "assessment.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "assessment.next", NULL);
}

static void
results_toast_cb (CmioAssessmentPage *self,
                  const char         *message,
                  gboolean            undoable)
{
  g_signal_emit (self, signals[TOAST], 0, message, undoable);
}

static void
results_open_chapter_cb (CmioAssessmentPage *self,
                         const char         *chapter_id)
{
  g_signal_emit (self, signals[OPEN_CHAPTER], 0, chapter_id);
}

static void
cmio_assessment_page_init (CmioAssessmentPage *self)
{
  GtkWidget *box;
  GtkWidget *bar;
  GtkWidget *buttons;

  self->ratings = g_ptr_array_new_with_free_func ((GDestroyNotify) rating_free);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));

  /* The start: what it is, Start or Resume, the results, the history */
  {
    GtkWidget *home = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
    GtkWidget *label;
    GtkWidget *icon;

    icon = gtk_image_new_from_icon_name ("emblem-default-symbolic");
    gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
    gtk_widget_add_css_class (icon, "dim-label");
    gtk_box_append (GTK_BOX (home), icon);
    label = gtk_label_new (_("Self-Assessment"));
    gtk_widget_add_css_class (label, "title-1");
    gtk_box_append (GTK_BOX (home), label);
    self->start_description = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_wrap (self->start_description, TRUE);
    gtk_label_set_justify (self->start_description, GTK_JUSTIFY_CENTER);
    gtk_box_append (GTK_BOX (home), GTK_WIDGET (self->start_description));

    buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
    self->start = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Start")));
    gtk_widget_set_name (GTK_WIDGET (self->start), "start");
    gtk_widget_add_css_class (GTK_WIDGET (self->start), "pill");
    gtk_widget_add_css_class (GTK_WIDGET (self->start), "suggested-action");
    g_signal_connect_swapped (self->start, "clicked", G_CALLBACK (start_clicked_cb), self);
    gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->start));
    self->discard = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Start _Over")));
    gtk_widget_set_name (GTK_WIDGET (self->discard), "discard");
    gtk_widget_add_css_class (GTK_WIDGET (self->discard), "pill");
    g_signal_connect_swapped (self->discard, "clicked", G_CALLBACK (discard_clicked_cb), self);
    gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->discard));
    gtk_box_append (GTK_BOX (home), buttons);

    self->results = g_object_new (CMIO_TYPE_ASSESSMENT_RESULTS, NULL);
    gtk_widget_set_margin_top (GTK_WIDGET (self->results), 12);
    g_signal_connect_swapped (self->results, "toast", G_CALLBACK (results_toast_cb), self);
    g_signal_connect_swapped (self->results, "open-chapter", G_CALLBACK (results_open_chapter_cb), self);
    gtk_box_append (GTK_BOX (home), GTK_WIDGET (self->results));

    gtk_stack_add_named (self->stack, scrolled (home), "start");
  }

  /* The wizard */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_bar), "osd");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));
  self->steps = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->steps, FALSE);
  gtk_stack_set_transition_type (self->steps, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_vexpand (GTK_WIDGET (self->steps), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->steps));
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  bar = gtk_center_box_new ();
  gtk_widget_add_css_class (bar, "toolbar");
  self->back = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Back")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back), "assessment.back");
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (bar), GTK_WIDGET (self->back));
  self->step_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->step_label), "step");
  gtk_widget_add_css_class (GTK_WIDGET (self->step_label), "dim-label");
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (bar), GTK_WIDGET (self->step_label));
  self->next = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Next")));
  gtk_widget_set_name (GTK_WIDGET (self->next), "next");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next), _("Ctrl+Enter"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next), "assessment.next");
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (bar), GTK_WIDGET (self->next));
  gtk_box_append (GTK_BOX (box), bar);
  gtk_stack_add_named (self->stack, box, "wizard");
}

void
cmio_assessment_page_set_context (CmioAssessmentPage *self,
                                  CmioContentPack    *pack,
                                  CmioProgress       *progress,
                                  CmioUndoStack      *undo)
{
  g_return_if_fail (CMIO_IS_ASSESSMENT_PAGE (self));

  if (self->progress != NULL)
    g_signal_handlers_disconnect_by_data (self->progress, self);
  g_set_object (&self->pack, pack);
  g_set_object (&self->progress, progress);
  g_set_object (&self->undo, undo);
  cmio_assessment_results_set_context (self->results, pack, progress, undo);
  if (progress != NULL)
    {
      g_signal_connect_object (progress, "changed::draft", G_CALLBACK (draft_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (progress, "changed::assessment", G_CALLBACK (draft_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  build_steps (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
  update_start_page (self);
}

int
cmio_assessment_page_get_step (CmioAssessmentPage *self)
{
  g_return_val_if_fail (CMIO_IS_ASSESSMENT_PAGE (self), -1);
  return self->step;
}

int
cmio_assessment_page_get_n_steps (CmioAssessmentPage *self)
{
  g_return_val_if_fail (CMIO_IS_ASSESSMENT_PAGE (self), 0);
  return self->n_steps;
}

gboolean
cmio_assessment_page_in_wizard (CmioAssessmentPage *self)
{
  g_return_val_if_fail (CMIO_IS_ASSESSMENT_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "wizard") == 0;
}

"""Coder training and reliability: how far coders agree, and how a trainee compares with a reference coder.

- `agreement`: inter-coder agreement per code (percent agreement, Cohen's kappa, Krippendorff's alpha) and
  the confusion table, at document or character level;
- `trainee_scores`: a trainee scored against a reference coder (precision, recall, F1, misses, false
  alarms, the most confused code pairs), built on `agreement`'s selection of documents, codes and spans;
- `exercise`, `handin` and `feedback`: exercises handed out to trainees as files of their own, handed in
  signed, collected into the reference project and scored per trainee and for the group (the feedback
  files themselves are written by `workbench.export.feedback_excel` and `feedback_html`).

Both measure people against people, so they live together here, apart from `workbench.suggest.scoring`,
which scores the suggester's classifier. Who the coders are is `workbench.store.coders`, the coders
table's owner.
"""

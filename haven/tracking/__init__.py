"""Tracking: mood check-ins, standard questionnaires, charts and insights, and the demo profile.

- ``checkins``: record / edit / delete check-ins; their words pass ``haven.safety.triage`` first.
- ``quick_check_in``: the five-second check-in's faces on the mood scale and the most-used tags.
- ``instruments`` (+ ``instruments.yaml``) and ``scoring``: PHQ-9, GAD-7, WHO-5 with published bands.
- ``assessments``: take and keep check-ups, history, ``check_up_due``.
- ``frames`` and ``series``: a person's data for a period as pandas frames, and daily series from them.
- ``charts`` (plotly figures) and ``insights`` (typed values with a plain-words sentence).
- ``reminders``: a daily check-in and a two-weekly check-up, as an ``.ics`` file and "due" notes.
- ``demo``: the clearly-marked demo profile with 90 days of synthetic data.
"""

"""The evaluation section (ارزیابی روابط عمومی‌ها): a year's criteria, tiers, rules and exclusions, the
score table with the jury's dialog, the ranking, publishing and amendments.

May import: ``ui.widgets``, the top of ``ui``, the core.
"""

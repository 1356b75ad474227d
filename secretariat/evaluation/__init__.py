"""The yearly evaluation of the member agencies' PR units (ارزیابی عملکرد روابط عمومی‌ها).

- ``criteria``: the criteria, where each score comes from, the default set and tiers;
- ``sources``: the scores computed from the year's records, with where each came from;
- ``ranking``: totals, ranks with ties shared, tiers;
- ``service``: setting up a year, scoring, publishing and amending.
"""

"""Monthly activity reports the member agencies send the secretariat (گزارش ماهانه).

- ``months``: a Jalali month, its due date, its wording;
- ``indicators``: the council's list of activity indicators;
- ``reports``: recording a report, correcting or voiding it, exemptions;
- ``matrix``: the year at a glance (agencies × months) and the home page's line;
- ``figures``: the figures of the reports in force, totalled per indicator, month and agency;
- ``workbook``: the year's matrix and figures as an Excel workbook.
"""
